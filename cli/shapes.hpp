#pragma once
// `--shape sb,mp`, parsed strictly and alike by every command that takes it.
#include "family.hpp"

#include <string>
#include <vector>

namespace fencelab::cli {

// Throws UsageError naming --shape on an unknown shape.
std::vector<Shape> parse_shapes(const std::string &text);

} // namespace fencelab::cli
