#pragma once
// Relacy behind the Backend interface, for callers that want a Histogram (the
// CLI until it moves to RelacyModel). relacy_search.hpp has the search itself.
#include "backend.hpp"
#include "relacy_search.hpp"

namespace fencelab::relacy {

class RelacyBackend : public Backend {
public:
  std::string_view name() const override { return "relacy"; }
  std::string why_unsupported(const Test &test, const RunConfig &config) const override;
  // A search that stops early (a livelock in a spin loop, the budget) comes
  // back as Unsupported: a truncated search must not pass for a "never".
  BackendResult run(const Test &test, const RunConfig &config) override;
};

} // namespace fencelab::relacy
