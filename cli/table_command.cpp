// `fencelab table`: the membarrier(2) ordering table, measured.
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "family.hpp"
#include "grid.hpp"
#include "herd_text.hpp"
#include "session.hpp"
#include "shapes.hpp"

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
  auto session = open_session(*vm, read_options(*vm));

  std::vector<Test> tests;
  for (Shape s : shapes)
    for (auto &t : family_tests(s))
      tests.push_back(std::move(t));
  // The table is this machine's, not a choice of tests: with fewer CPUs than a
  // test needs (taskset -c 0), its cells are unsupported with the count.
  session.validate(tests, /*skip_too_wide=*/true);

  std::vector<TestResult> results;
  bool controls = (*vm)["controls"].as<bool>();
  for (const auto &t : tests) {
    results.push_back(session.run(t));
    if (controls && session.uses_hardware())
      session.attach_control(results.back());
    std::cerr << "." << std::flush;
  }
  std::cerr << '\n';

  std::vector<std::string> names;
  for (FenceKind f : family_fences)
    names.emplace_back(to_string(f));
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    const TestResult *first = &results[s * 9];
    report::GridSpec grid{first->test.name.substr(0, first->test.name.find('+')) + ": weak outcomes / iterations",
                          names, names,
                          [&](std::size_t r, std::size_t c) { return &results[s * 9 + r * 3 + c]; }};
    report::write_grid(std::cout, grid);
  }
  for (const auto &r : results)
    report::write_herd_block(std::cout, r);

  auto path = session.write_results("table", results);
  std::cout << "Results written to " << path.string() << '\n';
  return exit_code_for(results);
}

} // namespace fencelab::cli
