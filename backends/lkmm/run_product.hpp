#pragma once
// Combinations of one run per thread in which every read's value is written
// by some write to its location (another thread's, its own, or the initial
// one): a combination where some read has no possible source has no
// execution at all, so it is pruned before any event is built.
#include "thread_runs.hpp"

#include <functional>

namespace fencelab::lkmm {

using RunVisitor = std::function<void(const std::vector<const ThreadRun *> &)>;

void for_each_run_product(const Test &test, const std::vector<std::vector<ThreadRun>> &runs, const RunVisitor &visit);

} // namespace fencelab::lkmm
