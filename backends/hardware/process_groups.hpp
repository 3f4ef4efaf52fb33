#pragma once
// Which test threads share a process under each placement.
#include "placement.hpp"

#include <string>
#include <vector>

namespace fencelab::hardware {

// The worker indices of each process, in order. threads: one group of all;
// processes: one per thread; mixed: thread 0 alone and the rest together, so
// a 3-thread test has a partner in the caller's process and one outside it.
std::vector<std::vector<int>> process_groups(Placement placement, int threads);

// "thread 1 (CPU 3)" or "threads 1, 2 (CPUs 2, 3)", for failure reports.
std::string describe_group(const std::vector<int> &members, const std::vector<int> &cpus);

} // namespace fencelab::hardware
