#pragma once
// The exit code every command that judges tests ends with (README, "Exit codes").
#include "judge.hpp"

#include <vector>

namespace fencelab::cli {

// 1 when a verdict is VIOLATION or MODEL DISAGREEMENT, else 3 when a run
// FAILED, else 0.
int exit_code_for(const std::vector<TestResult> &results);

} // namespace fencelab::cli
