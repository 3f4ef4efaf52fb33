#include "corpus_summary.hpp"

#include "herd7_observations.hpp"
#include "interrupt.hpp"
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_error.hpp"
#include "progress.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/core.h>
#include <map>

namespace fencelab::cli {
namespace {

// One model's record over the corpus, against the files' Result lines.
struct ModelTally {
  int checked = 0, agree = 0, explained = 0, unexplained = 0, limited = 0, incomplete = 0, unsupported = 0;
  int herd7_checked = 0, herd7_agree = 0, race_checked = 0, race_agree = 0;
  double seconds = 0, slowest_seconds = 0;
  std::string slowest;
  std::map<std::string, int> reasons, unsupported_why;
  std::vector<std::string> unexplained_names, herd7_mismatches;
};

// Why an answer that misses the Result line may still be right: the line is
// stale (herd7 with the current model says what the model says), or the
// model declared a limit that applies. Empty: unexplained.
std::string explanation(const ModelView &m, const std::optional<Herd7Verdict> &herd7) {
  if (herd7 && model_meets(m, herd7->result))
    return fmt::format("stale Result line (herd7 7.58, current LKMM: {})", to_string(herd7->result));
  if (!m.answer.limits.empty())
    return "limit: " + m.answer.limits.front();
  return "";
}

void record(ModelTally &t, const ModelView &m, const Test &test, const std::optional<Herd7Verdict> &herd7) {
  if (!m.answered()) {
    ++t.unsupported;
    ++t.unsupported_why[(m.unsupported.empty() ? m.failure : m.unsupported).substr(0, 70)];
    return;
  }
  t.seconds += m.answer.seconds;
  if (m.answer.seconds > t.slowest_seconds) {
    t.slowest_seconds = m.answer.seconds;
    t.slowest = fmt::format("{} ({} threads)", test.name, test.threads.size());
  }
  if (herd7 && decisive(m)) { // a limited or incomplete answer makes no claim to compare
    ++t.herd7_checked;
    bool verdict_agrees = model_meets(m, herd7->result);
    t.herd7_agree += verdict_agrees;
    ++t.race_checked;
    bool flagged = std::find(m.answer.flags.begin(), m.answer.flags.end(), "data-race") != m.answer.flags.end();
    t.race_agree += flagged == herd7->data_race;
    if ((!verdict_agrees || flagged != herd7->data_race) && t.herd7_mismatches.size() < 20)
      t.herd7_mismatches.push_back(fmt::format("{} (herd7 {}{}, {} {}{})", test.name, to_string(herd7->result),
                                               herd7->data_race ? " DATARACE" : "", m.name,
                                               model_verdict_text(model_verdict(m)), flagged ? " data-race" : ""));
  }
  if (!test.expectation)
    return;
  auto verdict = model_verdict(m);
  if (verdict == ModelVerdict::incomplete) {
    ++t.incomplete;
    return;
  }
  ++t.checked;
  if (model_meets(m, test.expectation->result)) {
    ++t.agree;
  } else if (verdict == ModelVerdict::limited) {
    ++t.limited;
    ++t.reasons["limited: " + (m.answer.limits.empty() ? std::string("not exhaustive") : m.answer.limits.front())];
  } else if (auto why = explanation(m, herd7); !why.empty()) {
    ++t.explained;
    ++t.reasons[why];
  } else {
    ++t.unexplained;
    if (t.unexplained_names.size() < 20)
      t.unexplained_names.push_back(fmt::format("{} (Result {}, {} {})", test.name,
                                                to_string(test.expectation->result), m.name,
                                                model_verdict_text(verdict)));
  }
}

void print_model(const std::string &name, const ModelTally &t) {
  fmt::print("{:<8} {:>7} {:>7} {:>9} {:>11} {:>8} {:>10} {:>11} {:>8.1f} s\n", name, t.checked, t.agree,
             t.explained, t.unexplained, t.limited, t.incomplete, t.unsupported, t.seconds);
}

void print_details(const std::string &name, const ModelTally &t) {
  for (const auto &[why, n] : t.reasons)
    fmt::print("  {:<7} {:>5}  {}\n", name, n, why);
  for (const auto &[why, n] : t.unsupported_why)
    fmt::print("  {:<7} {:>5}  unsupported: {}\n", name, n, why);
  for (const auto &test : t.unexplained_names)
    fmt::print("  {:<7} unexplained: {}\n", name, test);
  if (!t.slowest.empty())
    fmt::print("  {:<7} slowest: {} {:.3f} s\n", name, t.slowest, t.slowest_seconds);
  for (const auto &test : t.herd7_mismatches)
    fmt::print("  {:<7} differs from herd7: {}\n", name, test);
  if (t.herd7_checked)
    fmt::print("  {:<7} against herd7's verdicts: {} of {} agree ({:.2f}%); data-race flag {} of {}\n", name,
               t.herd7_agree, t.herd7_checked, 100.0 * t.herd7_agree / t.herd7_checked, t.race_agree, t.race_checked);
}

} // namespace

int corpus_summary(Session &session, const std::filesystem::path &dir, const SummaryOptions &options) {
  auto start = std::chrono::steady_clock::now();
  auto files = find_litmus_files(dir);
  Herd7Observations herd7(dir);
  std::map<std::string, int> rejected;
  std::map<std::string, ModelTally> tallies;
  std::vector<std::string> order;
  int parsed = 0, no_expectation = 0;
  Progress progress(files.size(), options.quiet);
  std::size_t visited = 0;
  for (const auto &file : files) {
    if (stopping()) // the models stop between tests; the summary covers the files done
      break;
    ++visited;
    auto name = file.filename().string();
    progress.start(name);
    Test test;
    try {
      test = parse_litmus_file(file);
    } catch (const ParseError &e) {
      ++rejected[e.construct().empty() ? "syntax error" : e.construct()];
      progress.finish(name);
      continue;
    }
    ++parsed;
    no_expectation += !test.expectation;
    auto r = session.model_only(test);
    auto verdict = herd7.find(file);
    for (const auto &m : r.models) {
      if (!tallies.count(m.name))
        order.push_back(m.name);
      record(tallies[m.name], m, test, verdict);
    }
    progress.finish(name);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int rejected_total = 0;
  for (const auto &[c, n] : rejected)
    rejected_total += n;
  fmt::print("files      {}\nparsed     {} ({:.1f}%)\nrejected   {}\n", files.size(), parsed,
             files.empty() ? 0.0 : 100.0 * parsed / files.size(), rejected_total);
  for (const auto &[construct, n] : rejected)
    fmt::print("  {:>5}  unsupported construct '{}'\n", n, construct);
  fmt::print("no Result  {}\n\n", no_expectation);
  fmt::print("{:<8} {:>7} {:>7} {:>9} {:>11} {:>8} {:>10} {:>11} {:>10}\n", "model", "checked", "agree", "explained",
             "unexplained", "limited", "incomplete", "unsupported", "time");
  for (const auto &name : order)
    print_model(name, tallies[name]);
  for (const auto &name : order)
    print_details(name, tallies[name]);
  bool too_many = false;
  for (const auto &name : order) {
    const auto &t = tallies[name];
    double fraction = t.checked ? static_cast<double>(t.unexplained) / t.checked : 0.0;
    fmt::print("{}: unexplained {:.2f}% of {} checked (threshold {:.2f}%)\n", name, 100 * fraction, t.checked,
               100 * options.max_unexplained_fraction);
    too_many = too_many || fraction > options.max_unexplained_fraction;
  }
  fmt::print("{:.1f} s\n", seconds);
  if (stopping())
    fmt::print("interrupted after {} of {} files\n", visited, files.size());
  return exit_code_after_stop(too_many ? 1 : 0);
}

} // namespace fencelab::cli
