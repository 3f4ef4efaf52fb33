#pragma once
// Where each CPU sits: its core (SMT siblings share one) and its package
// (socket), read from sysfs, so that thread groups can be placed on purpose.
#include <vector>

namespace fencelab::platform {

struct CpuPlace {
  int cpu = 0;
  int core = 0;    // unique across packages; SMT siblings share it
  int package = 0; // physical package (socket)
};

// The places of `cpus`, in the same order. A CPU whose topology files are
// missing is its own core on package 0.
std::vector<CpuPlace> cpu_places(const std::vector<int> &cpus);

} // namespace fencelab::platform
