#pragma once
// Puts a backend's result next to the test's expectation.
#include "backend.hpp"
#include "model_view.hpp"
#include "power.hpp"
#include "verdict.hpp"

#include <optional>
#include <string>
#include <vector>

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
  std::vector<ModelView> models;      // every model asked, in the order asked
  int judging_model = -1;             // index into models of the answer the verdict rests on; -1: none
  std::optional<bool> model_meets_expectation; // that answer agrees with the test's stated expectation
  std::string failure;                // why the run broke, when it did (verdict FAILED)
  bool partial = false;               // a stop request (Ctrl-C) cut the run short: fewer iterations than asked

  // The answer the verdict rests on, or nullptr when no model answered.
  const ModelView *model() const {
    return judging_model < 0 ? nullptr : &models[static_cast<std::size_t>(judging_model)];
  }
  // "relacy: reason; lkmm: reason" for the models that gave no answer.
  std::string models_unanswered() const;
};

TestResult judge(const Test &test, std::string backend, BackendResult result);

// Adds the models' answers. The verdict rests on the first decisive answer
// (model_view.hpp), else on the first answer at all. Two decisive answers
// that differ make it MODEL DISAGREEMENT. Otherwise, with a hardware
// histogram, the verdict is hardware against that answer (ok, VIOLATION,
// stronger, model-limited); without one (model only) it is that answer
// against the test's expectation.
void judge_with_models(TestResult &result, std::vector<ModelView> models);

// Whether a model verdict meets an expected herd result.
bool model_meets(const ModelView &model, Observation expected);

} // namespace fencelab
