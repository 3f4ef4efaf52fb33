#pragma once
// What every Test the parser returns must satisfy (test.hpp, expr.hpp):
// indices of locations, registers, expressions, jump targets and outcome
// slots in range; expression pools with children before parents. The fuzz
// target checks it after each successful parse.
#include "test.hpp"

#include <optional>
#include <string>

namespace fencelab::fuzz {

// A description of the first violated invariant, or nothing.
std::optional<std::string> first_broken_invariant(const Test &test);

} // namespace fencelab::fuzz
