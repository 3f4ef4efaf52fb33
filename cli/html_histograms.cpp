#include "condition_match.hpp"
#include "html_report.hpp"
#include "markup.hpp"

#include <algorithm>
#include <fmt/core.h>

namespace fencelab::cli {
namespace {

std::string bar_row(const OutcomeCount &o, std::uint64_t total, std::optional<bool> positive) {
  double share = total ? static_cast<double>(o.count) / static_cast<double>(total) : 0;
  // A rare outcome keeps a visible sliver: one weak outcome in 10^8 matters here.
  std::string width = o.count == 0 ? "0" : fmt::format("max(2px, {:.3f}%)", 100 * share);
  const char *mark = !positive ? "" : *positive ? "&#9670; condition" : "";
  return fmt::format(
      R"(<tr class="{}"><td class="outcome">{}</td><td class="barcell"><div class="bar" style="width:{}"></div></td><td class="num">{}</td><td class="num">{:.4g}%</td><td class="mark">{}</td></tr>)",
      positive && *positive ? "positive" : "negative", escape_xml(o.text), width, o.count, 100 * share, mark);
}

std::string test_histogram(const TestRecord &t) {
  std::uint64_t total = 0;
  for (const auto &o : t.histogram)
    total += o.count;
  total += t.unclassified;
  auto sorted = t.histogram;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto &x, const auto &y) { return x.count > y.count; });
  std::string rows;
  bool unreadable = false;
  for (const auto &o : sorted) {
    auto positive = satisfies_condition(t.condition, o);
    unreadable = unreadable || !positive;
    rows += bar_row(o, total, positive);
  }
  if (t.unclassified > 0)
    rows += bar_row({{}, "other outcomes (counted, not itemised)", t.unclassified}, total, false);
  std::string note = unreadable ? R"(<p class="note">condition not read back: outcomes unmarked</p>)" : "";
  if (t.histogram.empty() && t.unclassified == 0)
    rows = R"(<tr><td colspan="5">no outcome recorded</td></tr>)";
  return fmt::format(
      R"(<details class="histogram" open><summary><b>{}</b> <span class="verdict v-{}">{}</span> <code>{}</code> {} iterations</summary><table class="hist">{}</table>{}</details>)",
      escape_xml(t.name), escape_xml(t.verdict == "MODEL DISAGREEMENT" ? "disagreement" : t.verdict),
      escape_xml(t.verdict.empty() ? "no verdict" : t.verdict), escape_xml(t.condition),
      short_number(static_cast<double>(t.iterations)), rows, note);
}

} // namespace

std::string histograms_html(const ResultDocument &doc) {
  std::string out;
  for (const auto &t : doc.tests)
    if (t.has_histogram)
      out += test_histogram(t);
  return out.empty() ? "<p>No hardware histograms in this document.</p>" : out;
}

} // namespace fencelab::cli
