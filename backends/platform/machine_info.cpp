#include "machine_info.hpp"

#include <fstream>
#include <sys/utsname.h>
#include <unistd.h>

namespace fencelab::platform {
namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  // Each architecture's kernel names the model with its own key: try them in turn.
  for (const char *key : {"model name", "cpu model", "uarch", "cpu"}) {
    in.clear();
    in.seekg(0);
    while (std::getline(in, line)) {
      if (line.rfind(key, 0) == 0) {
        auto colon = line.find(':');
        if (colon != std::string::npos)
          return line.substr(line.find_first_not_of(" \t", colon + 1));
      }
    }
  }
  return "unknown";
}

std::string compiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

} // namespace

MachineInfo machine_info() {
  MachineInfo m;
  m.cpu_model = cpu_model();
  m.online_cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  utsname u{};
  if (uname(&u) == 0) {
    m.kernel = std::string(u.sysname) + " " + u.release + " " + u.version;
    m.arch = u.machine;
    m.hostname = u.nodename;
  }
  m.compiler = compiler();
  return m;
}

} // namespace fencelab::platform
