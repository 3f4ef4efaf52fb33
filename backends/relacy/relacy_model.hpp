#pragma once
// Relacy as a fencelab::Model: a C++11 memory-model checker running the test
// as an interpreted program (relacy_search.hpp), with its own settings, its
// own limits (relacy_limits.hpp) and a per-test search budget.
#include "model.hpp"
#include "relacy_config.hpp"

#include <string>

namespace fencelab::relacy {

class RelacyModel final : public Model {
public:
  explicit RelacyModel(RelacyConfig config = {}) : config_(config) {}

  std::string_view name() const override { return "relacy"; }
  const RelacyConfig &config() const { return config_; }

  // Unsupported: the test does not fit the model, spins past Relacy's step
  // limit or has more distinct outcomes than the model keeps. Failed: Relacy
  // itself broke. A search the budget stopped is an answer, never exhaustive,
  // with `incomplete` set and what it found so far.
  ModelResult check(const Test &test, const Substitution &substitution) override;

private:
  RelacyConfig config_;
};

// How `config` searches, for reports: "full, membarrier precise",
// "context-bound 2, membarrier stock", "random 100000, membarrier precise".
std::string settings_text(const RelacyConfig &config);

} // namespace fencelab::relacy
