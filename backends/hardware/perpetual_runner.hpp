#pragma once
// Perpetual mode: two pinned threads run their ops without a rendezvous for a
// chunk of iterations, then both count the chunk (perpetual_count.hpp) and
// start the next. Sequence numbers keep rising across chunks, so no location
// is ever reset.
#include "backend.hpp"
#include "membarrier.hpp"
#include "perpetual_plan.hpp"
#include "run_limits.hpp"
#include "worker_pool.hpp"

namespace fencelab::hardware {

struct PerpetualRunOptions : RunLimits {
  std::size_t chunk = 4096;     // iterations per thread between two rendezvous
  std::size_t instances = 1;    // copies of the test in each iteration
  std::size_t stride_bytes = 8; // between two copies of a location
  // Light threads (those that do not call membarrier in the test) issue this
  // many cache-missing stores before each of their test stores, so that the
  // test store waits behind them in the store buffer: a longer window, with
  // ordinary stores only.
  std::size_t pad_stores = 0;
};

// Runs `test` (for which `plan` was made) on the first two workers of `pool`.
BackendResult run_perpetual(WorkerPool &pool, const Test &test, const PerpetualPlan &plan,
                            const PerpetualRunOptions &options);

} // namespace fencelab::hardware
