#pragma once
// Helpers shared by the model tests: building small Tests with the Op::
// helpers (there is no parser yet) and reading verdicts off model results.
#include "relacy_backend.hpp"
#include "test.hpp"

#include <set>

namespace fencelab::relacy::model_tests {

ModelConfig full_search(MembarrierModel membarrier = MembarrierModel::precise);
ModelConfig context_bound_search(unsigned bound, MembarrierModel membarrier = MembarrierModel::precise);

// Whether some explored execution satisfies the test's condition.
bool condition_reachable(const Test &test, const ModelResult &result);

std::set<Outcome> outcomes(const ModelResult &result);

// The same test with threads 0 and 1 swapped, condition slots remapped.
Test swap_first_two_threads(const Test &test);

// A conjunction of `slot = value` atoms.
Prop all_of(std::initializer_list<std::pair<int, Value>> atoms);

} // namespace fencelab::relacy::model_tests
