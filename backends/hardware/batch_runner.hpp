#pragma once
// Batch mode: threads execute a batch of packed instances between two
// symmetric rendezvous, then each counts and resets its share of instances.
#include "backend.hpp"
#include "membarrier.hpp"
#include "worker_pool.hpp"

namespace fencelab::hardware {

struct BatchRunOptions {
  std::size_t instances_per_batch = 256;
  std::size_t stride_bytes = 8;
  bool preload = false;          // read the next batch's locations before it starts
  std::uint32_t stagger_ns = 50; // range of each worker's random start delay
  // How far ahead worker 0 sets a batch's start: longer than a flag takes to
  // reach the other CPUs (~0.3 us on the 2-vCPU VM), or they start late.
  double start_margin_us = 0.5;
  double budget_seconds = 1.0;
  std::uint64_t iterations = 0; // 0: run for the budget
  platform::HeavyBarrierFn heavy = nullptr;
  Substitution substitution;
  bool stop_on_positive = false; // end the run after the batch that shows the condition
};

// Runs `test` on the first test.threads.size() workers of `pool`.
BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &options);

} // namespace fencelab::hardware
