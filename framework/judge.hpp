#pragma once
// Puts a backend's result next to the test's expectation.
#include "backend.hpp"
#include "model_view.hpp"
#include "power.hpp"
#include "verdict.hpp"

#include <optional>
#include <string>

namespace fencelab {

struct TestResult {
  Test test;
  std::string backend;
  std::optional<Histogram> histogram; // empty when unsupported
  std::string unsupported;            // the reason, when unsupported
  Tally tally;
  Observation observation = Observation::never;
  std::optional<Verdict> verdict;     // empty when the test states no expectation
  std::string substitution;           // plants/shams that ran instead of fences ("" for none)
  std::optional<Power> power;         // forbidden cells with a sham control
  std::optional<ModelView> model;     // the model checker's answer, when it ran
  std::string model_unsupported;      // why the model did not answer, when asked
  std::optional<bool> model_meets_expectation; // the model agrees with the test's stated expectation
  std::string failure;                // why the run broke, when it did (verdict FAILED)
};

TestResult judge(const Test &test, std::string backend, BackendResult result);

// Adds the model's answer. With a hardware histogram the verdict becomes
// hardware against model (ok, VIOLATION, stronger, model-limited); without
// one (model only) it is the model against the test's expectation.
void judge_with_model(TestResult &result, ModelView model);

// Whether a model verdict meets an expected herd result.
bool model_meets(const ModelView &model, Observation expected);

} // namespace fencelab
