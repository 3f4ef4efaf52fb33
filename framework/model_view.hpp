#pragma once
// One model's answer for a test, as the judge and the reports need it.
#include "model.hpp"
#include "verdict.hpp"

#include <string>

namespace fencelab {

struct ModelView {
  std::string name;        // the model's registered name: "lkmm", "relacy"
  ModelAnswer answer;      // empty when unsupported
  std::string unsupported; // why this model gave no answer ("" when it answered)
  std::string failure;     // the search broke ("" when it did not)
  Tally tally;             // answer.outcomes against the test's condition

  bool answered() const { return unsupported.empty() && failure.empty(); }
};

enum class ModelVerdict {
  allowed,    // some execution the model has reaches the condition
  forbidden,  // none does, and the search covered every execution with no limit in the way
  limited,    // none found, but the model's own limits may hide one
  incomplete, // none found before the search stopped early
  unanswered, // unsupported construct or a broken search
};

// Reachable: allowed. Unreachable after an exhaustive, complete search and
// outside the model's limits: forbidden. Otherwise limited or incomplete.
ModelVerdict model_verdict(const ModelView &m);

// Whether the answer can decide the test alone: a forbidden one, or an
// allowed one from a model with no limit for this test (a limit such as
// "no dependency ordering" makes even a reached outcome untrustworthy).
bool decisive(const ModelView &m);

const char *model_verdict_text(ModelVerdict v);

// "lkmm allowed", "relacy model-limited", "relacy incomplete (1234 executions explored)".
std::string model_summary(const ModelView &m);

} // namespace fencelab
