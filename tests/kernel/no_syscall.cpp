// A kernel that lacks what fencelab needs, simulated: installs a seccomp
// filter that makes chosen system calls fail with a chosen errno, then execs
// its arguments (the filter is inherited by every thread, child and re-exec).
//
//   no_syscall [--membarrier-cmd=CMD:ERRNO]... [--affinity=ERRNO] [--memfd=ERRNO] -- PROGRAM ARGS...
//
// CMD is membarrier's first argument by name (QUERY, GLOBAL, GLOBAL_EXPEDITED,
// REGISTER_GLOBAL_EXPEDITED, PRIVATE_EXPEDITED, REGISTER_PRIVATE_EXPEDITED) or
// ALL for the whole system call; ERRNO is ENOSYS, EPERM or EINVAL.
#include <seccomp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <linux/membarrier.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

const std::map<std::string_view, int> errnos{{"ENOSYS", ENOSYS}, {"EPERM", EPERM}, {"EINVAL", EINVAL}};

const std::map<std::string_view, int> membarrier_cmds{
    {"QUERY", MEMBARRIER_CMD_QUERY},
    {"GLOBAL", MEMBARRIER_CMD_GLOBAL},
    {"GLOBAL_EXPEDITED", MEMBARRIER_CMD_GLOBAL_EXPEDITED},
    {"REGISTER_GLOBAL_EXPEDITED", MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED},
    {"PRIVATE_EXPEDITED", MEMBARRIER_CMD_PRIVATE_EXPEDITED},
    {"REGISTER_PRIVATE_EXPEDITED", MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED},
};

[[noreturn]] void usage(const std::string &why) {
  std::fprintf(stderr,
               "no_syscall: %s\nusage: no_syscall [--membarrier-cmd=CMD:ERRNO]... [--affinity=ERRNO] "
               "[--memfd=ERRNO] -- PROGRAM ARGS...\n",
               why.c_str());
  std::_Exit(2);
}

int errno_named(std::string_view name) {
  auto it = errnos.find(name);
  if (it == errnos.end())
    usage("unknown errno '" + std::string(name) + "' (ENOSYS, EPERM, EINVAL)");
  return it->second;
}

void add(scmp_filter_ctx ctx, int err, int syscall, std::optional<int> first_arg = std::nullopt) {
  int rc = first_arg ? seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), syscall, 1,
                                        SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(*first_arg)))
                     : seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), syscall, 0);
  if (rc != 0)
    usage(std::string("seccomp_rule_add: ") + std::strerror(-rc));
}

void add_membarrier(scmp_filter_ctx ctx, std::string_view spec) {
  auto colon = spec.find(':');
  if (colon == std::string_view::npos)
    usage("--membarrier-cmd wants CMD:ERRNO");
  std::string_view cmd = spec.substr(0, colon);
  int err = errno_named(spec.substr(colon + 1));
  if (cmd == "ALL")
    return add(ctx, err, SCMP_SYS(membarrier));
  auto it = membarrier_cmds.find(cmd);
  if (it == membarrier_cmds.end())
    usage("unknown membarrier command '" + std::string(cmd) + "'");
  add(ctx, err, SCMP_SYS(membarrier), it->second);
}

} // namespace

int main(int argc, char **argv) {
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (!ctx)
    usage("seccomp_init failed");
  int i = 1;
  for (; i < argc && std::string_view(argv[i]) != "--"; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string_view option) { return arg.substr(option.size()); };
    if (arg.starts_with("--membarrier-cmd="))
      add_membarrier(ctx, value("--membarrier-cmd="));
    else if (arg.starts_with("--affinity="))
      add(ctx, errno_named(value("--affinity=")), SCMP_SYS(sched_setaffinity));
    else if (arg.starts_with("--memfd="))
      add(ctx, errno_named(value("--memfd=")), SCMP_SYS(memfd_create));
    else
      usage("unknown option '" + std::string(arg) + "'");
  }
  if (i + 1 >= argc)
    usage("nothing to run after '--'");
  if (int rc = seccomp_load(ctx); rc != 0)
    usage(std::string("seccomp_load: ") + std::strerror(-rc));
  seccomp_release(ctx);
  execvp(argv[i + 1], argv + i + 1);
  std::fprintf(stderr, "no_syscall: cannot run %s: %s\n", argv[i + 1], std::strerror(errno));
  return 127;
}
