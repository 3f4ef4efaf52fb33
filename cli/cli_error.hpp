#pragma once
#include <stdexcept>

namespace fencelab::cli {

// Bad input: printed as one line, exit code 2, nothing written.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace fencelab::cli
