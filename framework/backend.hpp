#pragma once
// A Backend turns a Test into a Histogram. It knows nothing of reporting.
#include "histogram.hpp"
#include "run_config.hpp"
#include "test.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fencelab {

struct Unsupported {
  std::string reason; // one line, e.g. "membarrier private-expedited: EPERM (not registered)"
};

// The run started and broke: a test thread's process died or stalled, or its
// results did not fit. Not "unsupported" (the machine can run it) and not an
// observation: nothing may be concluded from it.
struct Failed {
  std::string reason; // e.g. "thread 1 (CPU 1, pid 4242) killed by signal 9 (SIGKILL)"
};

using BackendResult = std::variant<Histogram, Unsupported, Failed>;

class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  // Why this backend cannot run `test` under `config` here, or "" when it can.
  // Checked before any run so that bad input fails before anything is written.
  virtual std::string why_unsupported(const Test &test, const RunConfig &config) const = 0;
  virtual BackendResult run(const Test &test, const RunConfig &config) = 0;

  // Why the request as a whole cannot be honoured (an error for the user,
  // not an unsupported cell), or "". `tolerate_too_wide`: tests found in a
  // directory that need more CPUs than given become unsupported cells.
  virtual std::string why_request_invalid(const std::vector<Test> &, const RunConfig &, bool /*tolerate_too_wide*/) const {
    return "";
  }
  // How long one fence of `kind` takes here, for a sham that imitates it;
  // 0 where the backend has no such notion.
  virtual double fence_duration_ns(FenceKind) { return 0; }
};

} // namespace fencelab
