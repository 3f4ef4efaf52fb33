#include "stop_guard.hpp"

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace fencelab::platform {
namespace {

// The forked guard runs in a copy of a multi-threaded process: it uses only
// system calls and its own stack (async-signal-safe), nothing that allocates.

std::int64_t monotonic_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Field `n` (1-based, as proc(5) numbers them; n >= 3) of a stat line, as a number.
long stat_field(const char *text, long length, int n) {
  long i = length - 1;
  while (i >= 0 && text[i] != ')') // the command name may hold ')' itself
    --i;
  int field = 2;
  for (++i; i < length && field < n; ++i)
    if (text[i] == ' ')
      ++field;
  bool negative = i < length && text[i] == '-';
  long value = 0;
  for (i += negative; i < length && text[i] >= '0' && text[i] <= '9'; ++i)
    value = value * 10 + (text[i] - '0');
  return negative ? -value : value;
}

// Whether `path` (/proc/PID/stat) shows a process stopped by a signal that is
// not job control's: state T while it is its terminal's foreground group, or
// has no terminal.
bool stopped_by_signal(const char *path) {
  char text[1024];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  long n = read(fd, text, sizeof text);
  close(fd);
  if (n <= 0)
    return false;
  long i = n - 1;
  while (i >= 0 && text[i] != ')')
    --i;
  if (i < 0 || i + 2 >= n || text[i + 2] != 'T')
    return false;
  long pgrp = stat_field(text, n, 5), tty = stat_field(text, n, 7), tpgid = stat_field(text, n, 8);
  return tty == 0 || tpgid == pgrp;
}

int guard(pid_t parent, const char *stat_path, std::int64_t limit_ns) {
  // A twentieth of the limit, 20 to 250 ms: the guard shares the CPUs with the pinned workers.
  std::int64_t tick_ns = limit_ns / 20 < 20000000 ? 20000000 : limit_ns / 20 > 250000000 ? 250000000 : limit_ns / 20;
  const timespec tick{0, static_cast<long>(tick_ns)};
  std::int64_t since = -1;
  while (getppid() == parent) {
    std::int64_t now = monotonic_ns();
    if (!stopped_by_signal(stat_path))
      since = -1;
    else if (since < 0)
      since = now;
    else if (now - since >= limit_ns) {
      kill(parent, SIGCONT);
      since = -1;
    }
    nanosleep(&tick, nullptr);
  }
  return 0;
}

} // namespace

StopGuard::StopGuard(double seconds) {
  pid_t parent = getpid();
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(parent));
  auto limit_ns = static_cast<std::int64_t>(seconds * 1e9);
  child_.spawn([parent, &path, limit_ns] { return guard(parent, path, limit_ns); });
}

} // namespace fencelab::platform
