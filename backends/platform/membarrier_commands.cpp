#include "membarrier_commands.hpp"

#include "membarrier.hpp"

#include <cerrno>
#include <linux/membarrier.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fencelab::platform {
namespace {

struct Row {
  const char *name;
  int bit;
  int needs; // the REGISTER_* bit, 0 for none
  const char *what;
};

// MEMBARRIER_CMD_* values as in <linux/membarrier.h>; spelled out so that an
// older header does not hide the newer commands.
constexpr Row rows[] = {
    {"GLOBAL", 1 << 0, 0, "every running thread of every process (waits for an RCU grace period)"},
    {"GLOBAL_EXPEDITED", 1 << 1, 0, "running threads of processes registered for it (IPIs)"},
    {"REGISTER_GLOBAL_EXPEDITED", 1 << 2, 0, "lets other processes' GLOBAL_EXPEDITED reach this one"},
    {"PRIVATE_EXPEDITED", 1 << 3, 1 << 4, "running threads of the calling process only (IPIs)"},
    {"REGISTER_PRIVATE_EXPEDITED", 1 << 4, 0, "intent to use PRIVATE_EXPEDITED"},
    {"PRIVATE_EXPEDITED_SYNC_CORE", 1 << 5, 1 << 6, "PRIVATE_EXPEDITED plus a core-serialising instruction"},
    {"REGISTER_PRIVATE_EXPEDITED_SYNC_CORE", 1 << 6, 0, "intent to use PRIVATE_EXPEDITED_SYNC_CORE"},
    {"PRIVATE_EXPEDITED_RSEQ", 1 << 7, 1 << 8, "restarts the process's rseq critical sections"},
    {"REGISTER_PRIVATE_EXPEDITED_RSEQ", 1 << 8, 0, "intent to use PRIVATE_EXPEDITED_RSEQ"},
    {"GET_REGISTRATIONS", 1 << 9, 0, "the process's registrations as a mask (Linux 6.3+)"},
};

std::string hex(int v) {
  char b[16];
  std::snprintf(b, sizeof b, "0x%x", v);
  return b;
}

} // namespace

std::vector<MembarrierCommand> membarrier_commands() {
  int mask = membarrier_query_mask();
  int registrations = mask >= 0 && (mask & (1 << 9)) ? membarrier_registrations() : -1;
  std::vector<MembarrierCommand> out;
  for (const Row &r : rows) {
    MembarrierCommand c;
    c.name = r.name;
    c.bit = r.bit;
    c.offered = mask >= 0 && (mask & r.bit);
    const Row *reg = nullptr;
    for (const Row &x : rows)
      if (x.bit == r.needs)
        reg = &x;
    if (reg) {
      c.registration = reg->name;
      if (registrations >= 0)
        c.registered = (registrations & r.needs) != 0;
    }
    if (r.bit == (1 << 2) || r.bit == (1 << 4) || r.bit == (1 << 6) || r.bit == (1 << 8)) // a REGISTER_* itself
      if (registrations >= 0)
        c.registered = (registrations & r.bit) != 0;
    c.usable = c.offered && (!reg || c.registered.value_or(false));
    if (mask < 0)
      c.note = "QUERY failed (errno " + std::to_string(-mask) + ")";
    else if (!c.offered)
      c.note = "not in the QUERY mask " + hex(mask) + " (older kernel, or disabled e.g. under nohz_full)";
    else if (reg && !c.registered.value_or(false))
      c.note = c.registered ? std::string("this process is not registered: ") + reg->name + " first"
                            : std::string("registration unknown without GET_REGISTRATIONS");
    else
      c.note = r.what;
    out.push_back(c);
  }
  return out;
}

int registrations_after_fork() {
  int fds[2];
  if (pipe(fds) != 0)
    return -errno;
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    close(fds[0]);
    close(fds[1]);
    return -err;
  }
  if (pid == 0) {
    int mask = membarrier_registrations();
    ssize_t n = write(fds[1], &mask, sizeof mask);
    _exit(n == sizeof mask ? 0 : 1);
  }
  close(fds[1]);
  int mask = -EIO;
  if (read(fds[0], &mask, sizeof mask) != sizeof mask)
    mask = -EIO;
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  return mask;
}

} // namespace fencelab::platform
