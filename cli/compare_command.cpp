// `fencelab compare A B`: two machines or two runs, test by test. Exit 1
// when B shows a VIOLATION or MODEL DISAGREEMENT that A did not, so a CI job
// can gate on "no new violation"; 2 on bad input.
#include "cli_error.hpp"
#include "commands.hpp"
#include "compare.hpp"
#include "grid.hpp"
#include "json_report.hpp"
#include "options.hpp"

#include <cmath>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <iostream>

namespace fencelab::cli {
namespace {

std::string rate_text(const std::optional<double> &rate) {
  if (!rate)
    return "-";
  return report::short_count(static_cast<std::uint64_t>(std::llround(*rate)));
}

std::string ratio_text(const CompareRow &r) {
  if (r.weak_ratio)
    return fmt::format("x{:.3g}{}", *r.weak_ratio, r.noisy ? "~" : "");
  if (r.a.weak_per_second && r.b.weak_per_second && *r.b.weak_per_second > 0)
    return "new"; // A saw none
  return "-";
}

std::string side_text(const CompareSide &s) {
  std::string verdict = s.verdict + (s.verdicts.size() > 1 ? " (mixed)" : "");
  return fmt::format("{:<10} {:<20}", s.observation.empty() ? "-" : s.observation, verdict);
}

std::string sources(const std::vector<ResultDocument> &docs) {
  std::vector<std::string> names;
  for (const auto &d : docs)
    names.push_back(fmt::format("{} ({}, {})", d.path.string(), machine_summary(d), d.created));
  return fmt::format("{}", fmt::join(names, "\n   "));
}

void print_text(const Comparison &c, const std::vector<ResultDocument> &a, const std::vector<ResultDocument> &b) {
  fmt::print("A: {}\nB: {}\n\n", sources(a), sources(b));
  fmt::print("{:<28} {:<31} {:<31} {:>9} {:>9} {:>8}\n", "test", "A observation / verdict", "B observation / verdict",
             "A weak/s", "B weak/s", "B/A");
  bool any_noisy = false;
  for (const auto &r : c.rows) {
    fmt::print("{:<28} {} {} {:>9} {:>9} {:>8}{}\n", r.test, side_text(r.a), side_text(r.b),
               rate_text(r.a.weak_per_second), rate_text(r.b.weak_per_second), ratio_text(r),
               r.new_violation ? "  NEW" : "");
    if (!r.b.planted.empty() || !r.a.planted.empty())
      fmt::print("    planted: A {}, B {}\n", r.a.planted.empty() ? "none" : r.a.planted,
                 r.b.planted.empty() ? "none" : r.b.planted);
    for (const auto &o : r.only_a)
      fmt::print("    only in A: {}\n", o);
    for (const auto &o : r.only_b)
      fmt::print("    only in B: {}\n", o);
    any_noisy = any_noisy || r.noisy;
  }
  if (any_noisy)
    fmt::print("\n~ noisy: a rate from a single run on at least one side (the host moves rates x2-3 between "
               "processes); give a directory of repeated runs on both sides for medians.\n");
  std::size_t differ = 0, one_sided = 0;
  for (const auto &r : c.rows) {
    differ += r.verdict_differs;
    one_sided += r.one_sided;
  }
  fmt::print("\n{} tests, {} with differing verdicts, {} on one side only; {}\n", c.rows.size(), differ, one_sided,
             c.new_violations.empty() ? std::string("no new VIOLATION or MODEL DISAGREEMENT in B")
                                      : fmt::format("new in B: {}", fmt::join(c.new_violations, ", ")));
}

} // namespace

int compare_command(const std::vector<std::string> &args) {
  po::options_description desc("compare options");
  desc.add_options()("a", po::value<std::string>()->required(), "baseline: a result file or a directory of them")(
      "b", po::value<std::string>()->required(), "the run to judge: a result file or a directory of them")(
      "json", po::bool_switch(), "print the comparison as JSON on stdout");
  po::positional_options_description positional;
  positional.add("a", 1).add("b", 1);
  auto vm = parse_command("compare", args, desc, positional, "A B [--json]   (each a result .json or a directory)");
  if (!vm)
    return 0;
  std::vector<ResultDocument> a, b;
  try {
    a = read_result_documents((*vm)["a"].as<std::string>());
    b = read_result_documents((*vm)["b"].as<std::string>());
  } catch (const DocumentError &e) {
    throw UsageError(e.what());
  }
  Comparison c = compare_documents(a, b);
  if ((*vm)["json"].as<bool>()) {
    auto j = comparison_json(c);
    for (auto [key, docs] : {std::pair{"a", &a}, std::pair{"b", &b}})
      for (const auto &d : *docs)
        j["sources"][key].push_back(
            {{"path", d.path.string()}, {"machine", machine_summary(d)}, {"created", d.created}});
    j["rates_noisy_unless"] = "both sides carry two or more runs of the test";
    j["command"] = "compare";
    j["schema_version"] = report::schema_version;
    std::cout << j.dump(2) << '\n';
  } else {
    print_text(c, a, b);
  }
  return c.new_violations.empty() ? 0 : 1;
}

} // namespace fencelab::cli
