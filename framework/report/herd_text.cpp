#include "herd_text.hpp"

#include "condition_text.hpp"

#include <fmt/ostream.h>

namespace fencelab::report {

void write_herd_block(std::ostream &out, const TestResult &r, const HerdTextOptions &options) {
  const Test &t = r.test;
  const char *model = t.expectation ? model_verdict_name(t.expectation->result) : "no expectation";
  fmt::print(out, "Test {} {} ({})\n", t.name, model, r.backend);
  if (!r.histogram) {
    fmt::print(out, "Unsupported {}: {}\n\n", t.name, r.unsupported);
    return;
  }
  const Histogram &h = *r.histogram;
  fmt::print(out, "Histogram ({} states)\n", h.counts.size());
  for (const auto &[outcome, count] : h.counts) {
    bool positive = t.condition.filter.holds(outcome) && t.condition.prop.holds(outcome);
    fmt::print(out, "{:<12}{}>{}\n", count, positive ? '*' : ':', outcome_text(t, outcome));
  }
  bool validated = t.condition.validated(r.tally.positive, r.tally.negative);
  fmt::print(out, "{}\n", validated ? "Ok" : "No");
  fmt::print(out, "Witnesses\nPositive: {}, Negative: {}\n", r.tally.positive, r.tally.negative);
  fmt::print(out, "Condition {}\n", condition_text(t));
  fmt::print(out, "Observation {} {} {} {}\n", t.name, to_string(r.observation), r.tally.positive, r.tally.negative);
  if (r.verdict)
    fmt::print(out, "Verdict {} {} (expected {} from {})\n", t.name, to_string(*r.verdict),
               to_string(t.expectation->result), t.expectation->source);
  fmt::print(out, "Time {} {:.2f}\n", t.name, h.stats.seconds);
  if (options.rates && h.stats.seconds > 0)
    fmt::print(out, "Rate {} {:.3g} iterations/s {:.3g} weak/s\n", t.name, h.stats.iterations / h.stats.seconds,
               r.tally.positive / h.stats.seconds);
  out << '\n';
}

} // namespace fencelab::report
