// `fencelab table`: the membarrier(2) ordering table, measured.
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "family.hpp"
#include "grid.hpp"
#include "herd_text.hpp"
#include "session.hpp"

#include <algorithm>
#include <iostream>

namespace fencelab::cli {
namespace {

std::vector<Shape> parse_shapes(const std::string &text) {
  std::vector<Shape> shapes;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    auto word = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto shape = parse_enum<Shape>(word);
    if (!shape)
      throw UsageError("--shape: unknown shape '" + word + "' (choose " + enum_choices<Shape>() + ")");
    shapes.push_back(*shape);
    if (comma == std::string::npos)
      break;
    pos = comma + 1;
  }
  return shapes;
}

} // namespace

int table_command(const std::vector<std::string> &args) {
  po::options_description desc("table options");
  add_run_options(desc, 0.6);
  add_model_options(desc, BackendChoice::both);
  desc.add_options()("shape", po::value<std::string>()->default_value("sb,mp"), "shapes: sb, mp or sb,mp") //
      ("controls", po::value<bool>()->default_value(true),
       "run a sham control for every forbidden cell and report its power (true|false)");
  auto vm = parse_command("table", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  auto shapes = parse_shapes((*vm)["shape"].as<std::string>());
  auto options = read_run_options(*vm);
  read_model_options(*vm, options);
  Session session(options);

  std::vector<Test> tests;
  for (Shape s : shapes)
    for (auto &t : family_tests(s))
      tests.push_back(std::move(t));
  session.validate(tests);

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
  bool violation = std::any_of(results.begin(), results.end(), [](const TestResult &r) { return r.verdict == Verdict::violation; });
  bool failed = std::any_of(results.begin(), results.end(), [](const TestResult &r) { return r.verdict == Verdict::failed; });
  return violation ? 1 : failed ? 3 : 0;
}

} // namespace fencelab::cli
