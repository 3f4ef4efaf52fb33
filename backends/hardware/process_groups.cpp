#include "process_groups.hpp"

namespace fencelab::hardware {

std::vector<std::vector<int>> process_groups(Placement placement, int threads) {
  std::vector<std::vector<int>> groups;
  switch (placement) {
  case Placement::threads:
    groups.emplace_back();
    for (int t = 0; t < threads; ++t)
      groups.back().push_back(t);
    break;
  case Placement::processes:
    for (int t = 0; t < threads; ++t)
      groups.push_back({t});
    break;
  case Placement::mixed:
    groups.push_back({0});
    if (threads > 1) {
      groups.emplace_back();
      for (int t = 1; t < threads; ++t)
        groups.back().push_back(t);
    }
    break;
  }
  return groups;
}

std::string describe_group(const std::vector<int> &members, const std::vector<int> &cpus) {
  std::string who, where;
  for (int m : members) {
    who += (who.empty() ? "" : ", ") + std::to_string(m);
    where += (where.empty() ? "" : ", ") + std::to_string(cpus[static_cast<std::size_t>(m)]);
  }
  bool one = members.size() == 1;
  return std::string(one ? "thread " : "threads ") + who + (one ? " (CPU " : " (CPUs ") + where + ")";
}

} // namespace fencelab::hardware
