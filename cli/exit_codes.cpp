#include "exit_codes.hpp"

#include <algorithm>

namespace fencelab::cli {

int exit_code_for(const std::vector<TestResult> &results) {
  auto any = [&](Verdict v) {
    return std::any_of(results.begin(), results.end(), [v](const TestResult &r) { return r.verdict == v; });
  };
  if (any(Verdict::violation) || any(Verdict::model_disagreement))
    return 1;
  return any(Verdict::failed) ? 3 : 0;
}

} // namespace fencelab::cli
