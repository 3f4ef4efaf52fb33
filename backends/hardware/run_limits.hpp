#pragma once
// What both hardware modes take from a RunConfig alike: when a run ends, what
// its heavy barrier is, which fences stand in for others, and how far ahead
// worker 0 sets a start.
#include "membarrier.hpp"
#include "substitution.hpp"

#include <atomic>
#include <cstdint>

namespace fencelab::hardware {

struct RunLimits {
  // How far ahead worker 0 sets a start: longer than a flag takes to reach
  // the other CPUs (~0.3 us on the 2-vCPU VM), or they start late.
  double start_margin_us = 0.5;
  double budget_seconds = 1.0;
  std::uint64_t iterations = 0; // 0: run for the budget
  platform::HeavyBarrierFn heavy = nullptr;
  Substitution substitution;
  bool stop_on_positive = false; // end the run once the condition has been seen
  // Rotate the test threads over the workers (CPUs) from one batch or chunk
  // to the next, instead of keeping thread t on worker t.
  bool alternate_roles = false;
  // No progress this long fails the run (0: never); see watchdog.hpp.
  double watchdog_seconds = 0;
  // Set by the watchdog: end the run at the next round boundary.
  const std::atomic<bool> *halt = nullptr;

  // The test thread `worker` runs in batch or chunk `round`.
  int thread_of(int worker, std::uint64_t round, int threads) const {
    if (!alternate_roles)
      return worker;
    return static_cast<int>((static_cast<std::uint64_t>(worker) + round) % static_cast<std::uint64_t>(threads));
  }
};

} // namespace fencelab::hardware
