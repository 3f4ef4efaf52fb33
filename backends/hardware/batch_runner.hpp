#pragma once
// Batch mode: threads execute a batch of packed instances between two
// symmetric rendezvous, then each counts and resets its share of instances.
#include "backend.hpp"
#include "membarrier.hpp"
#include "placement.hpp"
#include "reexec_entry.hpp" // the re-exec entry the CLI calls
#include "run_limits.hpp"
#include "worker_pool.hpp"

namespace fencelab::hardware {

struct BatchRunOptions : RunLimits {
  std::size_t instances_per_batch = 256;
  std::size_t stride_bytes = 8;
  bool preload = false;          // read the next batch's locations before it starts
  std::uint32_t stagger_ns = 50; // range of each worker's random start delay
  Placement placement = Placement::threads;
  // With child processes: re-execute the processes that never call the heavy
  // barrier, so they are not registered for any membarrier command.
  bool reexec_partners = false;
};

// Runs `test` on the first test.threads.size() workers of `pool`.
// Placement threads runs them on the pool's threads; the other placements run
// them in child processes pinned to the same CPUs (pool.cpus()).
BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &options);

} // namespace fencelab::hardware
