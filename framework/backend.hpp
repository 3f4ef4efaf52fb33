#pragma once
// A Backend turns a Test into a Histogram. It knows nothing of reporting.
#include "histogram.hpp"
#include "run_config.hpp"
#include "test.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace fencelab {

struct Unsupported {
  std::string reason; // one line, e.g. "membarrier private-expedited: EPERM (not registered)"
};

using BackendResult = std::variant<Histogram, Unsupported>;

class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  // Why this backend cannot run `test` under `config` here, or "" when it can.
  // Checked before any run so that bad input fails before anything is written.
  virtual std::string why_unsupported(const Test &test, const RunConfig &config) const = 0;
  virtual BackendResult run(const Test &test, const RunConfig &config) = 0;
};

} // namespace fencelab
