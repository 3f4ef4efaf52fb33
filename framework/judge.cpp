#include "judge.hpp"

namespace fencelab {

TestResult judge(const Test &test, std::string backend, BackendResult result) {
  TestResult r;
  r.test = test;
  r.backend = std::move(backend);
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
  if (r.histogram->total() == 0) {
    // Zero iterations would read as "Never" and pass a forbidden test with no evidence.
    r.failure = "no iteration was counted within the budget and a grace of one more budget (at least 1 s): the test threads never ran side by side (a loaded machine?); raise --budget or run on a quieter machine";
    r.verdict = Verdict::failed;
    return r;
  }
  r.tally = tally(test, *r.histogram);
  r.observation = observe(r.tally.positive, r.tally.negative);
  if (test.expectation)
    r.verdict = verdict_for(test.expectation->result, r.observation);
  return r;
}

bool model_meets(const ModelView &model, Observation expected) {
  switch (expected) {
  case Observation::never:
    return model_verdict(model) == ModelVerdict::forbidden;
  case Observation::sometimes:
    return model.tally.positive > 0;
  case Observation::always:
    return model.tally.positive > 0 && model.tally.negative == 0 && model.answer.exhaustive &&
           model.answer.incomplete.empty();
  }
  return false;
}

namespace {

// The first decisive answer, else the first answer at all, else -1.
int judging_index(const std::vector<ModelView> &models) {
  for (std::size_t i = 0; i < models.size(); ++i)
    if (decisive(models[i]))
      return static_cast<int>(i);
  for (std::size_t i = 0; i < models.size(); ++i)
    if (models[i].answered())
      return static_cast<int>(i);
  return -1;
}

bool decisive_answers_differ(const std::vector<ModelView> &models) {
  const ModelView *first = nullptr;
  for (const auto &m : models)
    if (decisive(m)) {
      if (first && model_verdict(*first) != model_verdict(m))
        return true;
      first = first ? first : &m;
    }
  return false;
}

} // namespace

std::string TestResult::models_unanswered() const {
  std::string text;
  for (const auto &m : models)
    if (!m.answered())
      text += (text.empty() ? "" : "; ") + m.name + ": " + (m.unsupported.empty() ? m.failure : m.unsupported);
  return text;
}

void judge_with_models(TestResult &r, std::vector<ModelView> models) {
  for (auto &m : models) {
    // Every program has at least one execution: a finished search that found
    // none has failed, and its "nothing reaches the condition" means nothing.
    if (m.answered() && m.answer.incomplete.empty() && m.answer.outcomes.counts.empty())
      m.failure = "the search found no execution at all";
    if (m.answered())
      m.tally = tally(r.test, m.answer.outcomes);
  }
  r.models = std::move(models);
  r.judging_model = judging_index(r.models);
  const ModelView *model = r.model();
  if (!model) {
    if (!r.histogram && r.unsupported.empty() && r.failure.empty()) {
      r.unsupported = r.models_unanswered();
      r.verdict = Verdict::unsupported;
    }
    return;
  }
  ModelVerdict mv = model_verdict(*model);
  if (r.test.expectation)
    r.model_meets_expectation = model_meets(*model, r.test.expectation->result);
  bool disagreement = decisive_answers_differ(r.models);
  if (r.histogram) {
    bool seen = r.tally.positive > 0;
    if (disagreement)
      r.verdict = Verdict::model_disagreement;
    else if (mv == ModelVerdict::allowed)
      // An allowed answer resting on a limit ("no dependency ordering") may
      // allow what the specification forbids: only a seen outcome confirms it.
      r.verdict = seen ? Verdict::ok : decisive(*model) ? Verdict::stronger : Verdict::model_limited;
    else if (mv == ModelVerdict::forbidden)
      r.verdict = seen ? Verdict::violation : Verdict::ok;
    else
      r.verdict = Verdict::model_limited;
  } else if (r.unsupported.empty() && r.failure.empty()) {
    if (disagreement)
      r.verdict = Verdict::model_disagreement;
    else if (!decisive(*model) && !(r.model_meets_expectation.value_or(false)))
      r.verdict = Verdict::model_limited;
    else if (r.model_meets_expectation)
      r.verdict = *r.model_meets_expectation ? Verdict::ok : Verdict::violation;
    else
      r.verdict.reset();
    r.observation = observe(model->tally.positive, model->tally.negative);
  }
}

} // namespace fencelab
