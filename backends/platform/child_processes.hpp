#pragma once
// Child processes that run parts of one test, supervised so that the parent
// never hangs: a child that dies (signal or non-zero exit) is noticed at once
// through its pidfd, the others are killed, and every child is reaped before
// the parent goes on. Each child also dies with its parent (PR_SET_PDEATHSIG),
// so a killed parent leaves nothing spinning either.
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace fencelab::platform {

class ChildProcesses {
public:
  ChildProcesses() = default;
  ChildProcesses(const ChildProcesses &) = delete;
  ChildProcesses &operator=(const ChildProcesses &) = delete;
  ~ChildProcesses(); // kills and reaps whatever still runs

  // Forks a child that runs `body` and _exits with its result (125 when it
  // throws). Throws std::system_error when fork or pidfd_open fails.
  void spawn(const std::function<int()> &body);

  // Waits for every child. Returns "" when all exited with status 0, else a
  // line naming the first that did not (name(i) for the i-th spawned child)
  // and its signal or status; the others are then killed and reaped.
  // `check` is asked every 100 ms; a non-empty answer aborts the same way.
  std::string wait_all(const std::function<std::string(std::size_t)> &name,
                       const std::function<std::string()> &check);

  std::vector<pid_t> pids() const;

private:
  struct Child {
    pid_t pid;
    int pidfd;
    bool reaped = false;
  };
  void kill_and_reap_all();
  std::vector<Child> children_;
};

} // namespace fencelab::platform
