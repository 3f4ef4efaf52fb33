#include "model_view.hpp"

#include <fmt/format.h>

namespace fencelab {

ModelVerdict model_verdict(const ModelView &m) {
  if (!m.answered())
    return ModelVerdict::unanswered;
  if (m.tally.positive > 0)
    return ModelVerdict::allowed;
  if (!m.answer.incomplete.empty())
    return ModelVerdict::incomplete;
  if (m.answer.exhaustive && m.answer.limits.empty())
    return ModelVerdict::forbidden;
  return ModelVerdict::limited;
}

bool decisive(const ModelView &m) {
  auto v = model_verdict(m);
  return v == ModelVerdict::forbidden || (v == ModelVerdict::allowed && m.answer.limits.empty());
}

const char *model_verdict_text(ModelVerdict v) {
  switch (v) {
  case ModelVerdict::allowed:
    return "allowed";
  case ModelVerdict::forbidden:
    return "forbidden";
  case ModelVerdict::limited:
    return "model-limited";
  case ModelVerdict::incomplete:
    return "incomplete";
  case ModelVerdict::unanswered:
    return "unsupported";
  }
  return "?";
}

std::string model_summary(const ModelView &m) {
  auto v = model_verdict(m);
  if (v == ModelVerdict::incomplete)
    return fmt::format("{} incomplete ({} executions explored)", m.name, m.answer.executions);
  return fmt::format("{} {}", m.name, model_verdict_text(v));
}

} // namespace fencelab
