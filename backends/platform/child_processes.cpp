#include "child_processes.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace fencelab::platform {
namespace {

int pidfd_open(pid_t pid) { return static_cast<int>(syscall(SYS_pidfd_open, pid, 0)); }
int pidfd_kill(int pidfd) { return static_cast<int>(syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0)); }

// "" for a clean exit, else how the child ended.
std::string describe(const siginfo_t &info) {
  if (info.si_code == CLD_EXITED)
    return info.si_status == 0 ? "" : "exited with status " + std::to_string(info.si_status);
  const char *name = sigabbrev_np(info.si_status);
  return std::string(info.si_code == CLD_DUMPED ? "dumped core on" : "killed by") + " signal " +
         std::to_string(info.si_status) + (name ? std::string(" (SIG") + name + ")" : "");
}

} // namespace

void ChildProcesses::spawn(const std::function<int()> &body) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0)
    throw std::system_error(errno, std::generic_category(), "fork");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) // the parent died before prctl took effect
      _exit(125);
    int code = 125;
    try {
      code = body();
    } catch (...) {
    }
    _exit(code);
  }
  int fd = pidfd_open(pid);
  if (fd < 0) {
    int err = errno;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    throw std::system_error(err, std::generic_category(), "pidfd_open");
  }
  children_.push_back({pid, fd});
}

std::string ChildProcesses::wait_all(const std::function<std::string(std::size_t)> &name,
                                     const std::function<std::string()> &check) {
  for (;;) {
    std::vector<pollfd> fds;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < children_.size(); ++i)
      if (!children_[i].reaped) {
        fds.push_back({children_[i].pidfd, POLLIN, 0});
        which.push_back(i);
      }
    if (fds.empty())
      return "";
    int ready = poll(fds.data(), fds.size(), 100);
    if (ready < 0 && errno != EINTR) {
      std::string why = std::string("poll on child pidfds: ") + std::strerror(errno);
      kill_and_reap_all();
      return why;
    }
    for (std::size_t j = 0; ready > 0 && j < fds.size(); ++j) {
      if (!(fds[j].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      Child &c = children_[which[j]];
      siginfo_t info{};
      if (waitid(P_PIDFD, static_cast<id_t>(c.pidfd), &info, WEXITED) != 0)
        continue;
      close(c.pidfd);
      c.reaped = true;
      if (auto how = describe(info); !how.empty()) {
        std::string why = name(which[j]) + " (pid " + std::to_string(c.pid) + ") " + how;
        kill_and_reap_all();
        return why;
      }
    }
    if (auto why = check(); !why.empty()) {
      kill_and_reap_all();
      return why;
    }
  }
}

std::vector<pid_t> ChildProcesses::pids() const {
  std::vector<pid_t> out;
  for (const auto &c : children_)
    out.push_back(c.pid);
  return out;
}

void ChildProcesses::kill_and_reap_all() {
  for (auto &c : children_)
    if (!c.reaped)
      pidfd_kill(c.pidfd);
  for (auto &c : children_)
    if (!c.reaped) {
      siginfo_t info{};
      waitid(P_PIDFD, static_cast<id_t>(c.pidfd), &info, WEXITED);
      close(c.pidfd);
      c.reaped = true;
    }
}

ChildProcesses::~ChildProcesses() { kill_and_reap_all(); }

} // namespace fencelab::platform
