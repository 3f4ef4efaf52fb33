#include "relacy_backend.hpp"

#include <utility>

namespace fencelab::relacy {

std::string RelacyBackend::why_unsupported(const Test &test, const RunConfig &config) const {
  return why_not_checkable(test, config.model);
}

BackendResult RelacyBackend::run(const Test &test, const RunConfig &config) {
  if (auto why = why_unsupported(test, config); !why.empty())
    return Unsupported{why};
  auto result = model_check(test, config.model, config.substitution);
  const std::string &stop = result.error.empty() ? result.incomplete : result.error;
  if (!stop.empty())
    return Unsupported{"relacy: search stopped after " + std::to_string(result.executions) + " executions: " + stop};
  return std::move(result.histogram);
}

} // namespace fencelab::relacy
