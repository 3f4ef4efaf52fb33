#pragma once
// Model-checks any Test under Relacy by interpreting its op lists. This header
// is Relacy-free: only interpreter.cpp includes Relacy.
//
// What the model can and cannot show is relacy_limits.hpp's business; the
// search here only says what it explored and why it stopped.
#include "histogram.hpp"
#include "relacy_config.hpp"
#include "substitution.hpp"
#include "test.hpp"

#include <cstdint>
#include <string>

namespace fencelab::relacy {

struct SearchResult {
  Histogram histogram; // counts: executions reaching each outcome; stats: executions, seconds
  SearchMode search = SearchMode::full;
  MembarrierModel membarrier = MembarrierModel::precise;
  std::uint64_t executions = 0; // explored, as Relacy counts them
  bool exhaustive = false;      // a full search that finished: every execution the model has was explored
  std::string error;            // why there is no answer (refused, or Relacy's words for the stop), or ""
  bool broken = false;          // the error is Relacy failing, not the test exceeding the model
  std::string incomplete;       // "budget 10 s": stopped at the budget; histogram holds what was found
};

// Why the model cannot run `test` (too big for its static arrays, malformed),
// or "".
std::string why_not_checkable(const Test &test, const RelacyConfig &config);

// Runs Relacy on `test` for at most config.budget_seconds of search; a test it
// cannot check comes back with `error` set to why_not_checkable's reason.
// Safe to call from any thread: calls are serialised, since Relacy keeps one
// global context, and the budget counts from when this call's search starts.
SearchResult model_check(const Test &test, const RelacyConfig &config, const Substitution &substitution = {});

// "budget 10 s", the `incomplete` text of a search the budget stopped.
std::string budget_text(double seconds);

} // namespace fencelab::relacy
