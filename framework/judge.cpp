#include "judge.hpp"

namespace fencelab {

TestResult judge(const Test &test, std::string backend, BackendResult result) {
  TestResult r{test, std::move(backend), std::nullopt, "", {}, Observation::never, std::nullopt, "", std::nullopt};
  if (auto *u = std::get_if<Unsupported>(&result)) {
    r.unsupported = u->reason;
    r.verdict = Verdict::unsupported;
    return r;
  }
  r.histogram = std::move(std::get<Histogram>(result));
  r.tally = tally(test, *r.histogram);
  r.observation = observe(r.tally.positive, r.tally.negative);
  if (test.expectation)
    r.verdict = judge(test.expectation->result, r.observation);
  return r;
}

} // namespace fencelab
