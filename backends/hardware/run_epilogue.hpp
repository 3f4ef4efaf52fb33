#pragma once
// What both modes do around their workers: start the run's clock and
// deadline, and afterwards turn the workers' reports into the run's stats
// (failures, heavy-barrier latency, interrupts raised, first positive,
// witnesses).
#include "backend.hpp"
#include "batch_loop.hpp"
#include "run_limits.hpp"
#include "run_skeleton.hpp"
#include "run_support.hpp"
#include "worker_report.hpp"

#include <cstdint>
#include <vector>

namespace fencelab::hardware {

// Positive outcomes kept as witnesses: per worker, per run, and per merged run of several groups.
inline constexpr std::size_t max_witnesses = 16;

// A worker's heavy-barrier latencies, witnesses and failures, as a report (no outcomes).
WorkerReport report_of(const LatencySamples &latency, const std::vector<Witness> &witnesses,
                       std::uint64_t failures);

class RunFrame {
public:
  // Starts the clock. `heavy`: the run calls the heavy barrier, so its
  // latency and the function-call interrupts it raises are measured.
  RunFrame(const RunLimits &limits, bool heavy);
  double tick_rate() const { return tick_rate_; }
  std::int64_t deadline_ns() const { return deadline_ns_; }

  // The workers are done: stops the clock and the interrupt count.
  void stop();

  // Unsupported if a heavy-barrier call failed; otherwise `h` with the
  // stats every run has. `first_positive_tick` is 0 when none was seen.
  BackendResult finish(Histogram h, const std::vector<WorkerReport> &reports,
                       std::uint64_t first_positive_tick) const;

private:
  double tick_rate_ = platform::ticks_per_microsecond();
  bool heavy_;
  InterruptDelta interrupts_;
  std::uint64_t start_tick_;
  RunClock::time_point start_;
  std::int64_t deadline_ns_;
  double seconds_ = 0;
  std::vector<std::uint64_t> interrupt_delta_;
};

} // namespace fencelab::hardware
