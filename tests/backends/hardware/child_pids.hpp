#pragma once
// What this test process has left running, read from /proc (shared by the
// placement and watchdog tests, which check that nothing is left behind).
#include <filesystem>
#include <fstream>
#include <sys/types.h>
#include <vector>

namespace fencelab::hardware::testing_support {

// Children of any thread of this process.
inline std::vector<pid_t> child_pids() {
  std::vector<pid_t> pids;
  for (const auto &task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "children");
    pid_t pid;
    while (in >> pid)
      pids.push_back(pid);
  }
  return pids;
}

} // namespace fencelab::hardware::testing_support
