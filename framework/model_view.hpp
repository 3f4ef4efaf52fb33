#pragma once
// What the model checker says about a test, as the judge needs it, and the
// model's documented blind spots that a "forbidden" must not rest on.
#include "histogram.hpp"
#include "test.hpp"

#include <optional>
#include <string>
#include <vector>

namespace fencelab {

struct ModelView {
  Histogram outcomes;      // reachable outcomes, counted per explored execution
  std::string search;      // "full", "context-bound 2", "random 100000"
  std::string membarrier;  // "precise" or "stock"
  std::uint64_t executions = 0;
  bool exhaustive = false; // every execution the model has was explored
  Tally tally;             // outcomes against the test's condition
  std::vector<std::string> limits; // Relacy limits this test's shape runs into
};

enum class ModelVerdict { allowed, forbidden, limited };

// TEMPORARY duplicate of relacy::relacy_limits (backends/relacy, which now
// owns them and returns them in ModelAnswer::limits) for full search, kept
// only because judge_with_model still computes limits itself; it goes when the
// judge takes the model's own limits.
// Relacy's documented limits that apply to the shape of `test`:
// stores enter modification order in execution order (two writers to one
// location), no load buffering (two threads each load before they store),
// loads read only the latest two stores (a location stored twice or more).
std::vector<std::string> model_limits(const Test &test);

// Reachable: allowed. Unreachable after an exhaustive search and outside the
// limits: forbidden. Otherwise: limited.
ModelVerdict model_verdict(const ModelView &m);

const char *model_verdict_text(ModelVerdict v);

} // namespace fencelab
