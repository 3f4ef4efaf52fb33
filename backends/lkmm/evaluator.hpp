#pragma once
// The exhaustive search: every run per thread, every rf and co per location
// that is coherent, every placement of membarrier()'s injected fences; an
// outcome is allowed when some candidate passes every axiom of
// linux-kernel.cat (cat_model.hpp).
#include "histogram.hpp"
#include "substitution.hpp"
#include "test.hpp"

#include <cstdint>

namespace fencelab::lkmm {

struct Evaluation {
  Histogram outcomes;          // each allowed outcome, counted once per consistent (runs, rf, co) candidate
  bool data_race = false;      // some consistent candidate raises herd's `data-race` flag
  std::uint64_t candidates = 0; // coherent candidates whose cross-location axioms were checked
};

// Throws Unsupportable (thread_runs.hpp) for what the evaluator cannot decide.
Evaluation evaluate(const Test &test, const Substitution &substitution = {});

} // namespace fencelab::lkmm
