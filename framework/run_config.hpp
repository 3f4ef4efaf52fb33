#pragma once
#include "heavy_barrier.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fencelab {

// Everything a backend needs to know about how to run; the CLI fills it in.
struct RunConfig {
  std::vector<int> cpus;              // CPUs to pin to, in order; empty: all online CPUs
  double budget_seconds = 1.0;        // per test; ignored when iterations != 0
  std::uint64_t iterations = 0;       // per test; 0: run for the budget
  HeavyBarrier heavy = HeavyBarrier::private_expedited;
  std::size_t instances_per_batch = 128; // packed test instances between two rendezvous
  std::size_t stride_bytes = 8;       // distance between one location's copies in a batch
};

} // namespace fencelab
