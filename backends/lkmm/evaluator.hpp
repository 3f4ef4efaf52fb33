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

struct EvaluationOptions {
  // Keep only candidates that an interleaving could produce: some total
  // order contains po, rf, co and the strong-fence pairs (each membarrier()
  // one point in time). Not the LKMM: this is how an operational checker such
  // as Relacy runs (each thread in program order, a read after the write it
  // reads, stores in coherence order), for explaining where the two differ.
  bool interleaving_only = false;
};

// Throws Unsupportable (thread_runs.hpp) for what the evaluator cannot decide.
Evaluation evaluate(const Test &test, const Substitution &substitution = {}, const EvaluationOptions &options = {});

} // namespace fencelab::lkmm
