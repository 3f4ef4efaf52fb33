#pragma once
// Helpers shared by the model tests: building small Tests with the Op::
// helpers (there is no parser yet) and reading verdicts off model results.
#include "relacy_model.hpp"
#include "relacy_search.hpp"
#include "test.hpp"

#include <set>

namespace fencelab::relacy::model_tests {

RelacyConfig full_search(MembarrierModel membarrier = MembarrierModel::precise);
RelacyConfig context_bound_search(unsigned bound, MembarrierModel membarrier = MembarrierModel::precise);

// Whether the SB or MP family's weak outcome is allowed with fences f0 and f1
// (either shape: the family's two orderings coincide). Spelled out from
// membarrier(2) and LKMM rather than taken from the ordering table, so that
// the two check each other.
bool family_weak_allowed(FenceKind f0, FenceKind f1);

// Whether some explored execution satisfies the test's condition.
bool condition_reachable(const Test &test, const SearchResult &result);

std::set<Outcome> outcomes(const SearchResult &result);

// The same test with threads 0 and 1 swapped, condition slots remapped.
Test swap_first_two_threads(const Test &test);

// A conjunction of `slot = value` atoms.
Prop all_of(std::initializer_list<std::pair<int, Value>> atoms);

} // namespace fencelab::relacy::model_tests
