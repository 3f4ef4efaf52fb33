#include "herd_text.hpp"

#include "condition_text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

namespace fencelab::report {

namespace {

void write_model_lines(std::ostream &out, const Test &t, const ModelView &m) {
  if (!m.answered()) {
    fmt::print(out, "Model {} unsupported: {} ({})\n", t.name, m.unsupported.empty() ? m.failure : m.unsupported,
               m.name);
    return;
  }
  const ModelAnswer &a = m.answer;
  fmt::print(out, "Model {} {} ({}, {}, {} executions, {:.3f} s{}{})\n", t.name, model_verdict_text(model_verdict(m)),
             m.name, a.settings, a.executions, a.seconds, a.exhaustive ? "" : ", not exhaustive",
             a.incomplete.empty() ? "" : ", stopped: " + a.incomplete);
  for (const auto &[outcome, count] : a.outcomes.counts) {
    bool positive = t.condition.filter.holds(outcome) && t.condition.prop.holds(outcome);
    fmt::print(out, "  {} {:<8}{}>{}\n", m.name, count, positive ? '*' : ':', outcome_text(t, outcome));
  }
  for (const auto &flag : a.flags)
    fmt::print(out, "Flag {} {} ({})\n", t.name, flag, m.name);
  for (const auto &limit : a.limits)
    fmt::print(out, "Model-limit {} {} ({})\n", t.name, limit, m.name);
}

} // namespace

void write_herd_block(std::ostream &out, const TestResult &r, const HerdTextOptions &options) {
  const Test &t = r.test;
  const char *model = t.expectation ? model_verdict_name(t.expectation->result) : "no expectation";
  fmt::print(out, "Test {} {} ({})\n", t.name, model, r.backend);
  if (!r.substitution.empty())
    fmt::print(out, "Planted {} {}\n", t.name, r.substitution);
  for (const auto &m : r.models)
    write_model_lines(out, t, m);
  if (!r.histogram) {
    if (!r.failure.empty())
      fmt::print(out, "Failed {}: {}\n", t.name, r.failure);
    else if (!r.unsupported.empty())
      fmt::print(out, "Unsupported {}: {}\n", t.name, r.unsupported);
    else if (r.verdict)
      fmt::print(out, "Verdict {} {} (model against the expected {})\n", t.name, to_string(*r.verdict),
                 t.expectation ? to_string(t.expectation->result) : "-");
    out << '\n';
    return;
  }
  const Histogram &h = *r.histogram;
  fmt::print(out, "Histogram ({} states)\n", h.counts.size());
  for (const auto &[outcome, count] : h.counts) {
    bool positive = t.condition.filter.holds(outcome) && t.condition.prop.holds(outcome);
    fmt::print(out, "{:<12}{}>{}\n", count, positive ? '*' : ':', outcome_text(t, outcome));
  }
  if (h.unclassified != 0)
    fmt::print(out, "{:<12}:>(not recorded: perpetual mode infers only the condition's outcome)\n", h.unclassified);
  bool validated = t.condition.validated(r.tally.positive, r.tally.negative);
  fmt::print(out, "{}\n", validated ? "Ok" : "No");
  fmt::print(out, "Witnesses\nPositive: {}, Negative: {}\n", r.tally.positive, r.tally.negative);
  fmt::print(out, "Condition {}\n", condition_text(t));
  fmt::print(out, "Observation {} {} {} {}\n", t.name, to_string(r.observation), r.tally.positive, r.tally.negative);
  if (r.verdict && r.model())
    fmt::print(out, "Verdict {} {} (hardware against the model: {})\n", t.name, to_string(*r.verdict),
               model_summary(*r.model()));
  else if (r.verdict && t.expectation)
    fmt::print(out, "Verdict {} {} (expected {} from {})\n", t.name, to_string(*r.verdict),
               to_string(t.expectation->result), t.expectation->source);
  if (r.model_meets_expectation && !*r.model_meets_expectation)
    fmt::print(out, "Disagreement {} the model says {}, the {} says {}\n", t.name, model_summary(*r.model()),
               t.expectation->source, to_string(t.expectation->result));
  if (r.power)
    fmt::print(out, "Power {} {} confidence {:.6f} sham {} weak {}/{} expected {:.1f} units {} weak-units {}/{}\n",
               t.name, to_string(r.power->label), r.power->confidence, r.power->sham, r.power->sham_weak,
               r.power->sham_iterations, r.power->expected, r.power->units, r.power->sham_weak_units,
               r.power->sham_units);
  if (const auto &l = h.stats.heavy_latency)
    fmt::print(out, "Heavy {} calls {} latency ns min {:.0f} median {:.0f} p99 {:.0f} max {:.0f}\n", t.name, l->calls,
               l->min_ns, l->median_ns, l->p99_ns, l->max_ns);
  if (!h.stats.call_interrupts.empty())
    fmt::print(out, "Interrupts {} function-call per CPU {}\n", t.name, fmt::join(h.stats.call_interrupts, " "));
  if (!h.stats.thread_registrations.empty()) {
    std::vector<std::string> masks;
    for (int m : h.stats.thread_registrations)
      masks.push_back(m < 0 ? fmt::format("errno {}", -m) : fmt::format("0x{:x}", m));
    fmt::print(out, "Registrations {} membarrier per thread process {}\n", t.name, fmt::join(masks, " "));
  }
  if (r.verdict == Verdict::violation)
    for (const auto &w : h.stats.witnesses)
      fmt::print(out, "Witness {} batch {} instance {}: {}\n", t.name, w.batch, w.instance, outcome_text(t, w.values));
  for (std::size_t g = 0; g < h.stats.groups.size(); ++g) {
    const GroupRun &run = h.stats.groups[g];
    fmt::print(out, "Group {} {} cpus {} iterations {} positive {} ({:.3g}/s)\n", t.name, g, fmt::join(run.cpus, ","),
               run.iterations, run.positive, run.seconds > 0 ? static_cast<double>(run.positive) / run.seconds : 0.0);
  }
  if (!h.stats.mode.empty())
    fmt::print(out, "Mode {} {}\n", t.name, h.stats.mode);
  if (h.stats.coherence_violations != 0)
    fmt::print(out, "Coherence {} {} reads out of coherence order or window (perpetual counts rest on coherence)\n", t.name,
               h.stats.coherence_violations);
  fmt::print(out, "Time {} {:.2f}\n", t.name, h.stats.seconds);
  if (options.rates && h.stats.seconds > 0)
    fmt::print(out, "Rate {} {:.3g} iterations/s {:.3g} weak/s\n", t.name, h.stats.iterations / h.stats.seconds,
               r.tally.positive / h.stats.seconds);
  out << '\n';
}

} // namespace fencelab::report
