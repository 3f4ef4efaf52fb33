#include "relacy_model.hpp"

#include "relacy_limits.hpp"
#include "relacy_search.hpp"

#include <utility>

namespace fencelab::relacy {

std::string settings_text(const RelacyConfig &config) {
  std::string search(to_string(config.search));
  if (config.search == SearchMode::context_bound)
    search += " " + std::to_string(config.context_bound);
  else if (config.search == SearchMode::random)
    search += " " + std::to_string(config.random_iterations);
  return search + ", membarrier " + std::string(to_string(config.membarrier));
}

ModelResult RelacyModel::check(const Test &test, const Substitution &substitution) {
  if (auto why = why_not_checkable(test, config_); !why.empty())
    return Unsupported{why};
  SearchResult found = model_check(test, config_, substitution);
  if (!found.error.empty()) {
    std::string why = "relacy: search stopped after " + std::to_string(found.executions) + " executions: " + found.error;
    if (found.broken)
      return Failed{std::move(why)};
    return Unsupported{std::move(why)};
  }
  ModelAnswer answer;
  answer.seconds = found.histogram.stats.seconds;
  answer.outcomes = std::move(found.histogram);
  answer.exhaustive = found.exhaustive;
  answer.incomplete = std::move(found.incomplete);
  answer.limits = relacy_limits(test, config_.search);
  answer.executions = found.executions;
  answer.settings = settings_text(config_);
  answer.details = {{"search", std::string(to_string(config_.search))},
                    {"membarrier", std::string(to_string(config_.membarrier))}};
  return answer;
}

} // namespace fencelab::relacy
