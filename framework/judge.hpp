#pragma once
// Puts a backend's result next to the test's expectation.
#include "backend.hpp"
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
};

TestResult judge(const Test &test, std::string backend, BackendResult result);

} // namespace fencelab
