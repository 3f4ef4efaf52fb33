#pragma once
// Chooses disjoint groups of CPUs, one group per concurrent copy of a run
// (--groups), by how the group's CPUs relate (--pairing), like litmus7's
// affinity modes: SMT siblings share a core's store buffer and L1, cores of
// one package share its last-level cache, packages share nothing but memory.
#include "run_config.hpp"
#include "topology.hpp"

#include <vector>

namespace fencelab::hardware {

// Up to `wanted` groups (0: as many as fit) of `size` CPUs each, taken in
// the order of `cpus`: each group starts at the first unused CPU and adds the
// first unused CPUs that stand in the `pairing` relation to every CPU already
// in the group. A start that cannot be completed is skipped.
std::vector<std::vector<int>> plan_groups(const std::vector<platform::CpuPlace> &cpus, std::size_t size,
                                          Pairing pairing, unsigned wanted);

} // namespace fencelab::hardware
