#pragma once
// The Relacy model's documented blind spots that apply to a test's shape. A
// "forbidden" must not rest on a search that runs into one of them:
// - stores reach modification order in the order they execute, so two
//   writers to one location never show the 2+2W or S weak outcomes;
// - a load never reads a store that executes after it, so there is no load
//   buffering (LB) when two threads each load before they store;
// - a load reads only the latest few stores to its location (two in full and
//   context-bound search, three in random search), counting the initial one;
// - it answers for C++11 atomics, not the LKMM: no ordering through address,
//   data or control dependencies, smp_rmb/smp_wmb as acquire/release fences,
//   no release cumulativity for once accesses.
#include "relacy_config.hpp"
#include "test.hpp"

#include <string>
#include <vector>

namespace fencelab::relacy {

// One line per limit that `test` runs into under `search`; empty: none.
std::vector<std::string> relacy_limits(const Test &test, SearchMode search);

} // namespace fencelab::relacy
