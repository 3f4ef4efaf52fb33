#include "reexec_entry.hpp"

#include "batch_run.hpp"
#include "process_groups.hpp"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace fencelab::hardware {

void reexec_group(int fd, int group) {
  int flags = fcntl(fd, F_GETFD);
  fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  std::string fd_text = std::to_string(fd), group_text = std::to_string(group);
  std::string command(reexec_command);
  const char *argv[] = {"fencelab", command.c_str(), fd_text.c_str(), group_text.c_str(), nullptr};
  execv("/proc/self/exe", const_cast<char *const *>(argv));
  _exit(126);
}

std::variant<std::vector<bool>, Failed> reexec_partners(BatchRun &run, const std::vector<int> &cpus) {
  if (!encode_header(*run.header, run.test, run.options, cpus))
    return Failed{"the test's name or width does not fit the re-executed partner's header"};
  auto groups = process_groups(run.options.placement, run.threads);
  std::vector<bool> reexec(groups.size(), false);
  for (std::size_t g = 0; g < groups.size(); ++g)
    reexec[g] = std::none_of(groups[g].begin(), groups[g].end(),
                             [&](int m) { return calls_heavy(run.programs[static_cast<std::size_t>(m)]); });
  return reexec;
}

int run_reexecuted_group(int fd, int group, const std::function<std::optional<Test>(std::string_view)> &find_test) {
  // The parent reports only this process's exit status; the reason goes to stderr.
  auto refuse = [](const std::string &why, int status) {
    std::fprintf(stderr, "fencelab %s: %s\n", std::string(reexec_command).c_str(), why.c_str());
    return status;
  };
  auto mapping = platform::SharedMapping::attach(fd);
  const auto &header = *reinterpret_cast<const RunHeader *>(mapping.data());
  if (header.magic != RunHeader::expected_magic)
    return refuse("fd " + std::to_string(fd) + " holds no run", 4);
  auto test = find_test(header.test_name);
  if (!test)
    return refuse(std::string("no catalogue test named ") + header.test_name, 5);
  if (test_fingerprint(*test) != header.test_fingerprint)
    return refuse(std::string("the catalogue's ") + header.test_name + " differs from the test being run", 5);
  BatchRunOptions options = decode_options(header);
  std::vector<int> cpus = decode_cpus(header, static_cast<int>(test->threads.size()));
  BatchRun run(*test, options, RunMemory::attached, std::move(mapping));
  auto groups = process_groups(options.placement, run.threads);
  if (group < 0 || static_cast<std::size_t>(group) >= groups.size())
    return refuse("no process group " + std::to_string(group), 6);
  return run_group(run.placed(), groups[static_cast<std::size_t>(group)], cpus);
}

} // namespace fencelab::hardware
