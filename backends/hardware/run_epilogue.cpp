#include "run_epilogue.hpp"

#include <algorithm>
#include <string>

namespace fencelab::hardware {

WorkerReport report_of(const LatencySamples &latency, const std::vector<Witness> &witnesses,
                       std::uint64_t failures) {
  WorkerReport r;
  for (std::uint64_t k = 0; k < std::min<std::uint64_t>(latency.count, latency.mask + 1); ++k)
    r.latency_ticks.push_back(latency.ticks[k]);
  r.heavy_calls = latency.count;
  r.witnesses = witnesses;
  r.failures = failures;
  return r;
}

RunFrame::RunFrame(const RunLimits &limits, bool heavy)
    : heavy_(heavy), interrupts_(heavy), start_tick_(platform::ticks()), start_(RunClock::now()) {
  auto budget = std::chrono::duration_cast<RunClock::duration>(std::chrono::duration<double>(limits.budget_seconds));
  deadline_ns_ = steady_ns(start_ + budget);
}

void RunFrame::stop() {
  seconds_ = std::chrono::duration<double>(RunClock::now() - start_).count();
  interrupt_delta_ = interrupts_.delta();
}

BackendResult RunFrame::finish(Histogram h, const std::vector<WorkerReport> &reports,
                               std::uint64_t first_positive_tick) const {
  std::uint64_t failed = 0;
  for (const auto &r : reports)
    failed += r.failures;
  if (failed != 0)
    return Unsupported{"the heavy barrier failed " + std::to_string(failed) + " times during the run"};
  h.stats.seconds = seconds_;
  if (first_positive_tick != 0)
    h.stats.first_positive_seconds = static_cast<double>(first_positive_tick - start_tick_) / (tick_rate_ * 1e6);
  if (heavy_) {
    std::vector<std::uint64_t> kept;
    std::uint64_t calls = 0;
    for (const auto &r : reports) {
      calls += r.heavy_calls;
      kept.insert(kept.end(), r.latency_ticks.begin(), r.latency_ticks.end());
    }
    h.stats.heavy_latency = summarise_ticks(std::move(kept), calls, tick_rate_ / 1000.0);
  }
  h.stats.call_interrupts = interrupt_delta_;
  for (const auto &r : reports)
    for (const auto &one : r.witnesses)
      if (h.stats.witnesses.size() < max_witnesses)
        h.stats.witnesses.push_back(one);
  return h;
}

} // namespace fencelab::hardware
