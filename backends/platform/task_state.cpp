#include "task_state.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <string>
#include <sys/syscall.h>
#include <unistd.h>

namespace fencelab::platform {

pid_t current_tid() { return static_cast<pid_t>(syscall(SYS_gettid)); }

std::optional<char> task_state(pid_t pid, pid_t tid) {
  std::string path = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/stat";
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return std::nullopt;
  char buf[512];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0)
    return std::nullopt;
  std::string text(buf, static_cast<std::size_t>(n));
  // The command name may hold spaces and parentheses: the state follows the last ')'.
  auto close_paren = text.rfind(')');
  if (close_paren == std::string::npos || close_paren + 2 >= text.size())
    return std::nullopt;
  return text[close_paren + 2];
}

std::string describe_state(std::optional<char> state) {
  if (!state)
    return "gone";
  switch (*state) {
  case 'R':
    return "running";
  case 'S':
    return "sleeping";
  case 'D':
    return "in uninterruptible sleep";
  case 'T':
    return "stopped";
  case 't':
    return "stopped by a tracer";
  case 'Z':
    return "exited";
  default:
    return std::string("state ") + *state;
  }
}

std::optional<std::vector<int>> thread_cpus(pid_t tid) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(tid, sizeof set, &set) != 0)
    return std::nullopt;
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set))
      cpus.push_back(cpu);
  return cpus;
}

std::vector<pid_t> process_tasks(pid_t pid) {
  std::vector<pid_t> tasks;
  std::string path = "/proc/" + std::to_string(pid) + "/task";
  DIR *dir = opendir(path.c_str());
  if (!dir)
    return tasks;
  while (dirent *e = readdir(dir))
    if (e->d_name[0] != '.')
      tasks.push_back(static_cast<pid_t>(std::stol(e->d_name)));
  closedir(dir);
  return tasks;
}

} // namespace fencelab::platform
