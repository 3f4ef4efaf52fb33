#pragma once
// Model-checks any Test under Relacy by interpreting its op lists. This header
// is Relacy-free: only interpreter.cpp includes Relacy.
//
// What the model can and cannot show (so that a verdict resting on it is
// `model-limited`, not `forbidden`): stores reach modification order in
// execution order (no 2+2W or S weak outcomes), there is no load buffering,
// and full or context-bound search lets a load read only the latest two
// stores to its location. `stock` membarrier merges every thread's view at
// once and so loses some allowed outcomes; `precise` does not (see
// interpreter.cpp).
#include "backend.hpp"

#include <cstdint>
#include <string>

namespace fencelab::relacy {

struct ModelResult {
  Histogram histogram; // counts: executions reaching each outcome
  SearchMode search = SearchMode::full;
  MembarrierModel membarrier = MembarrierModel::precise;
  std::uint64_t executions = 0; // explored, as Relacy counts them
  bool exhaustive = false;      // a full search that finished: every execution the model has was explored
  std::string error;            // why the search stopped early (Relacy's words), or ""
};

// Why the model cannot run `test` (too big for its static arrays, malformed),
// or "".
std::string why_not_checkable(const Test &test, const ModelConfig &config);

// Runs Relacy on `test`; a test it cannot check comes back with `error` set
// to why_not_checkable's reason. Safe to call from any thread: calls are
// serialised, since Relacy keeps one global context.
ModelResult model_check(const Test &test, const ModelConfig &config, const Substitution &substitution = {});

class RelacyBackend : public Backend {
public:
  std::string_view name() const override { return "relacy"; }
  std::string why_unsupported(const Test &test, const RunConfig &config) const override;
  // An error that stops the search (e.g. a livelock in a spin loop) comes
  // back as Unsupported: a truncated search must not pass for a "never".
  BackendResult run(const Test &test, const RunConfig &config) override;
};

} // namespace fencelab::relacy
