#include "topology.hpp"

#include <fstream>
#include <string>

namespace fencelab::platform {
namespace {

int read_int(const std::string &path, int fallback) {
  std::ifstream in(path);
  int v = fallback;
  return in >> v ? v : fallback;
}

} // namespace

std::vector<CpuPlace> cpu_places(const std::vector<int> &cpus) {
  std::vector<CpuPlace> places;
  for (int cpu : cpus) {
    std::string dir = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/";
    int package = read_int(dir + "physical_package_id", 0);
    // core_id is numbered within a package (and missing on some machines).
    int core = read_int(dir + "core_id", -1);
    places.push_back({cpu, core < 0 ? -1 - cpu : package * 65536 + core, package});
  }
  return places;
}

} // namespace fencelab::platform
