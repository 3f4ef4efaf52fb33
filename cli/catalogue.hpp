#pragma once
// Test selection by name for the CLI.
#include "test.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab::cli {

std::vector<Test> catalogue();
// Throws UsageError naming the first unknown test.
std::vector<Test> select_tests(const std::vector<std::string> &names);
// The catalogue test of that name, if any.
std::optional<Test> find_catalogue_test(std::string_view name);

} // namespace fencelab::cli
