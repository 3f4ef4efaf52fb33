#include "corpus_summary.hpp"

#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_error.hpp"

#include <chrono>
#include <fmt/core.h>
#include <map>

namespace fencelab::cli {

std::string disagreement_reason(const Test &test, const ModelView &model) {
  // Ordered by how certainly each explains a difference: a model that could
  // not decide is explained by its limit before anything else.
  if (model_verdict(model) == ModelVerdict::limited && !model.limits.empty())
    return "Relacy limit: " + model.limits.front();
  if (test.uses_fence(FenceKind::smp_rmb) || test.uses_fence(FenceKind::smp_wmb))
    return "kernel meaning of smp_rmb/smp_wmb";
  for (const auto &thread : test.threads) {
    bool branch = false;
    for (const Op &op : thread.ops) {
      branch = branch || op.kind == OpKind::jump_unless;
      if (branch && (op.kind == OpKind::store || op.kind == OpKind::store_release))
        return "control dependency (LKMM orders load->store through it, C++ does not)";
    }
  }
  // LKMM's release is cumulative and its acquire orders later plain stores;
  // C++ orders such chains only through release/acquire pairs on the same
  // location, so a relaxed read before a release (or a relaxed store after
  // an acquire) leaves the C++ model weaker.
  for (const auto &thread : test.threads) {
    bool relaxed_load = false, acquire = false;
    for (const Op &op : thread.ops) {
      if ((op.kind == OpKind::store_release && relaxed_load) || (op.kind == OpKind::store && acquire))
        return "release cumulativity / acquire ordering of once accesses (LKMM, not C++)";
      relaxed_load = relaxed_load || op.kind == OpKind::load;
      acquire = acquire || op.kind == OpKind::load_acquire;
    }
  }
  return "unexplained";
}

int corpus_summary(Session &session, const std::filesystem::path &dir, const SummaryOptions &options) {
  auto start = std::chrono::steady_clock::now();
  auto files = find_litmus_files(dir);
  std::map<std::string, int> rejected, reasons, unsupported;
  int parsed = 0, agree = 0, disagree = 0, no_expectation = 0, unexplained = 0;
  std::vector<std::string> unexplained_names;
  for (const auto &file : files) {
    Test test;
    try {
      test = parse_litmus_file(file);
    } catch (const ParseError &e) {
      ++rejected[e.construct().empty() ? "syntax error" : e.construct()];
      continue;
    }
    ++parsed;
    if (!test.expectation) {
      ++no_expectation;
      continue;
    }
    auto r = session.model_only(test);
    if (!r.model) {
      ++unsupported[r.model_unsupported.substr(0, 60)];
      continue;
    }
    if (*r.model_meets_expectation) {
      ++agree;
      continue;
    }
    ++disagree;
    auto reason = disagreement_reason(test, *r.model);
    ++reasons[reason];
    if (reason == "unexplained") {
      ++unexplained;
      if (unexplained_names.size() < 20)
        unexplained_names.push_back(fmt::format("{} (LKMM {}, model {})", test.name, to_string(test.expectation->result),
                                                model_verdict_text(model_verdict(*r.model))));
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int rejected_total = 0;
  for (const auto &[c, n] : rejected)
    rejected_total += n;
  int unsupported_total = 0;
  for (const auto &[c, n] : unsupported)
    unsupported_total += n;
  fmt::print("files      {}\nparsed     {}\nrejected   {}\n", files.size(), parsed, rejected_total);
  for (const auto &[construct, n] : rejected)
    fmt::print("  {:>5}  unsupported construct '{}'\n", n, construct);
  fmt::print("no Result  {}\nunchecked  {}\n", no_expectation, unsupported_total);
  for (const auto &[why, n] : unsupported)
    fmt::print("  {:>5}  {}\n", n, why);
  fmt::print("agree      {}\ndisagree   {}\n", agree, disagree);
  for (const auto &[why, n] : reasons)
    fmt::print("  {:>5}  {}\n", n, why);
  for (const auto &name : unexplained_names)
    fmt::print("  unexplained: {}\n", name);
  int checked = agree + disagree;
  double fraction = checked ? static_cast<double>(unexplained) / checked : 0.0;
  fmt::print("unexplained {:.2f}% of {} checked (threshold {:.2f}%); {:.1f} s\n", 100 * fraction, checked,
             100 * options.max_unexplained_fraction, seconds);
  return fraction > options.max_unexplained_fraction ? 1 : 0;
}

} // namespace fencelab::cli
