#pragma once
// The loop `table` and `run` share: tests one after another with a progress
// line, a sham control for each forbidden hardware result when asked, and no
// new test once a stop was requested (what ran so far is kept).
#include "judge.hpp"
#include "progress.hpp"
#include "session.hpp"

#include <functional>
#include <vector>

namespace fencelab::cli {

using AfterEach = std::function<void(const TestResult &, Progress &)>;

std::vector<TestResult> run_tests(Session &session, const std::vector<Test> &tests, bool controls, bool quiet,
                                  const AfterEach &after = {});

} // namespace fencelab::cli
