#include "cpu_groups.hpp"

#include <algorithm>

namespace fencelab::hardware {
namespace {

bool fits(const platform::CpuPlace &a, const platform::CpuPlace &b, Pairing pairing) {
  switch (pairing) {
  case Pairing::listed:
    return true;
  case Pairing::same_core:
    return a.core == b.core;
  case Pairing::cross_core:
    return a.package == b.package && a.core != b.core;
  case Pairing::cross_package:
    return a.package != b.package;
  }
  return false;
}

} // namespace

std::vector<std::vector<int>> plan_groups(const std::vector<platform::CpuPlace> &cpus, std::size_t size,
                                          Pairing pairing, unsigned wanted) {
  std::vector<std::vector<int>> groups;
  std::vector<bool> used(cpus.size(), false);
  for (std::size_t start = 0; start < cpus.size() && size > 0; ++start) {
    if (used[start])
      continue;
    if (wanted != 0 && groups.size() == wanted)
      break;
    std::vector<std::size_t> members{start};
    for (std::size_t k = 0; k < cpus.size() && members.size() < size; ++k) {
      if (used[k] || k == start)
        continue;
      bool ok =
          std::all_of(members.begin(), members.end(), [&](std::size_t m) { return fits(cpus[m], cpus[k], pairing); });
      if (ok)
        members.push_back(k);
    }
    if (members.size() < size)
      continue;
    std::vector<int> group;
    for (std::size_t m : members) {
      used[m] = true;
      group.push_back(cpus[m].cpu);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

} // namespace fencelab::hardware
