#pragma once
// Process placement's watchdog. The parent is outside the children, so it
// sees a stopped or starved child for what it is: each time
// ChildProcesses::wait_all asks, it checks the children's rendezvous
// progress and pinning, and a non-empty answer kills and reaps them all
// (ARCHITECTURE.md, "How runs end").
#include "process_placement.hpp"
#include "watchdog.hpp"

#include <string>
#include <sys/types.h>
#include <vector>

namespace fencelab::hardware {

class ChildStallWatch {
public:
  // `pids[g]` runs `groups[g]`; the run's stall limit is run.stall_seconds (0: none).
  ChildStallWatch(const PlacedRun &run, std::vector<std::vector<int>> groups, std::vector<pid_t> pids,
                  std::vector<int> cpus);
  // "" while the run progresses, else why it is stalled.
  std::string operator()();

private:
  const PlacedRun &run_;
  std::vector<std::vector<int>> groups_;
  std::vector<pid_t> pids_;
  std::vector<int> cpus_;
  std::vector<ThreadIdentity> who_;
  ProgressClock progress_;
  PinCheck pins_;
};

} // namespace fencelab::hardware
