// `fencelab run NAME...`: chosen tests, herd-style, with rates.
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "herd_text.hpp"
#include "interrupt.hpp"
#include "session.hpp"
#include "test_loop.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace fencelab::cli {

int run_command(const std::vector<std::string> &args) {
  po::options_description desc("run options");
  desc.add(budget_options(1.0)).add(result_options()).add(hardware_group()).add(model_options(BackendChoice::both));
  desc.add_options()("test", po::value<std::vector<std::string>>(), "test names, .litmus files or directories (positional)") //
      ("controls", po::bool_switch(), "also run a sham control for each forbidden test and report its power");
  po::positional_options_description positional;
  positional.add("test", -1);
  auto vm = parse_command("run", args, desc, positional, "NAME|FILE|DIR... [options]");
  if (!vm)
    return 0;
  if (!vm->count("test"))
    throw UsageError("run: name at least one test (see `fencelab list`)");
  auto tests = select_tests((*vm)["test"].as<std::vector<std::string>>());
  auto options = read_options(*vm);
  auto session = open_session(*vm, options);
  auto names = (*vm)["test"].as<std::vector<std::string>>();
  bool from_directory =
      std::any_of(names.begin(), names.end(), [](const std::string &a) { return std::filesystem::is_directory(a); });
  session.validate(tests, from_directory);

  auto results = run_tests(session, tests, (*vm)["controls"].as<bool>(), options.quiet,
                           [](const TestResult &r, Progress &progress) {
                             progress.clear();
                             report::write_herd_block(std::cout, r, {.rates = true});
                           });
  auto path = session.write_results("run", results);
  std::cout << "Results written to " << path.string() << (stopping() ? " (interrupted)" : "") << '\n';
  return exit_code_after_stop(exit_code_for(results));
}

} // namespace fencelab::cli
