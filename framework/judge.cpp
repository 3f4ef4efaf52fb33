#include "judge.hpp"

namespace fencelab {

TestResult judge(const Test &test, std::string backend, BackendResult result) {
  TestResult r{test, std::move(backend), std::nullopt, "", {}, Observation::never, std::nullopt, "", std::nullopt,
               std::nullopt, "", std::nullopt, ""};
  if (auto *u = std::get_if<Unsupported>(&result)) {
    r.unsupported = u->reason;
    r.verdict = Verdict::unsupported;
    return r;
  }
  if (auto *f = std::get_if<Failed>(&result)) {
    r.failure = f->reason;
    r.verdict = Verdict::failed;
    return r;
  }
  r.histogram = std::move(std::get<Histogram>(result));
  r.tally = tally(test, *r.histogram);
  r.observation = observe(r.tally.positive, r.tally.negative);
  if (test.expectation)
    r.verdict = judge(test.expectation->result, r.observation);
  return r;
}

bool model_meets(const ModelView &model, Observation expected) {
  switch (expected) {
  case Observation::never:
    return model_verdict(model) == ModelVerdict::forbidden;
  case Observation::sometimes:
    return model.tally.positive > 0;
  case Observation::always:
    return model.tally.positive > 0 && model.tally.negative == 0 && model.exhaustive;
  }
  return false;
}

void judge_with_model(TestResult &r, ModelView model) {
  model.tally = tally(r.test, model.outcomes);
  model.limits = model_limits(r.test);
  ModelVerdict mv = model_verdict(model);
  if (r.test.expectation)
    r.model_meets_expectation = model_meets(model, r.test.expectation->result);
  if (r.histogram) {
    bool seen = r.tally.positive > 0;
    switch (mv) {
    case ModelVerdict::allowed:
      r.verdict = seen ? Verdict::ok : Verdict::stronger;
      break;
    case ModelVerdict::forbidden:
      r.verdict = seen ? Verdict::violation : Verdict::ok;
      break;
    case ModelVerdict::limited:
      r.verdict = Verdict::model_limited;
      break;
    }
  } else if (r.unsupported.empty() && r.failure.empty()) {
    if (mv == ModelVerdict::limited && !(r.model_meets_expectation.value_or(false)))
      r.verdict = Verdict::model_limited;
    else if (r.model_meets_expectation)
      r.verdict = *r.model_meets_expectation ? Verdict::ok : Verdict::violation;
    else
      r.verdict.reset();
    r.observation = observe(model.tally.positive, model.tally.negative);
  }
  r.model = std::move(model);
}

} // namespace fencelab
