#pragma once
// A process outside this one that continues it once it has stayed stopped
// for longer than a limit. SIGSTOP sent to any thread stops every thread of
// the process, an in-process watchdog included, so only another process can
// notice and end the stop; the run then fails (ARCHITECTURE.md, "How runs
// end"). A stop by job control (Ctrl-Z: the process is no longer its
// terminal's foreground group) and a tracer's stop are left alone.
#include "child_processes.hpp"

namespace fencelab::platform {

class StopGuard {
public:
  // Forks the guard; throws std::system_error when it cannot.
  explicit StopGuard(double seconds);
  // Kills and reaps it.
  ~StopGuard() = default;
  StopGuard(const StopGuard &) = delete;
  StopGuard &operator=(const StopGuard &) = delete;

  pid_t pid() const { return child_.pids().front(); }

private:
  ChildProcesses child_;
};

} // namespace fencelab::platform
