#pragma once
// Test selection by name for the CLI.
#include "test.hpp"

#include <string>
#include <vector>

namespace fencelab::cli {

std::vector<Test> catalogue();
// Throws UsageError naming the first unknown test.
std::vector<Test> select_tests(const std::vector<std::string> &names);

} // namespace fencelab::cli
