// `fencelab table`: the membarrier(2) ordering table, measured.
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "family.hpp"
#include "grid.hpp"
#include "herd_text.hpp"
#include "interrupt.hpp"
#include "session.hpp"
#include "shapes.hpp"
#include "test_loop.hpp"

#include <algorithm>
#include <iostream>

namespace fencelab::cli {
int table_command(const std::vector<std::string> &args) {
  po::options_description desc("table options");
  desc.add(budget_options(0.6)).add(result_options()).add(hardware_group()).add(model_options(BackendChoice::both));
  desc.add_options()("shape", po::value<std::string>()->default_value("sb,mp"), "shapes: sb, mp or sb,mp") //
      ("controls", po::value<bool>()->default_value(true),
       "run a sham control for every forbidden cell and report its power (true|false)");
  auto vm = parse_command("table", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  auto shapes = parse_shapes((*vm)["shape"].as<std::string>());
  auto options = read_options(*vm);
  auto session = open_session(*vm, options);

  std::vector<Test> tests;
  for (Shape s : shapes)
    for (auto &t : family_tests(s))
      tests.push_back(std::move(t));
  // The table is this machine's, not a choice of tests: with fewer CPUs than a
  // test needs (taskset -c 0), its cells are unsupported with the count.
  session.validate(tests, /*skip_too_wide=*/true);

  auto results = run_tests(session, tests, (*vm)["controls"].as<bool>(), options.quiet);

  std::vector<std::string> names;
  for (FenceKind f : family_fences)
    names.emplace_back(to_string(f));
  // After a stop, cells not run show as "-".
  for (std::size_t s = 0; s < shapes.size() && s * 9 < results.size(); ++s) {
    const Test &first = tests[s * 9];
    auto cell = [&](std::size_t r, std::size_t c) {
      std::size_t i = s * 9 + r * 3 + c;
      return i < results.size() ? &results[i] : nullptr;
    };
    report::GridSpec grid{first.name.substr(0, first.name.find('+')) + ": weak outcomes / iterations", names, names,
                          cell};
    report::write_grid(std::cout, grid);
  }
  for (const auto &r : results)
    report::write_herd_block(std::cout, r);

  auto path = session.write_results("table", results);
  std::cout << "Results written to " << path.string() << (stopping() ? " (interrupted)" : "") << '\n';
  return exit_code_after_stop(exit_code_for(results));
}

} // namespace fencelab::cli
