#include "cpu_groups.hpp"

#include <gtest/gtest.h>

namespace fencelab::hardware {
namespace {

using Groups = std::vector<std::vector<int>>;

// Two packages, two cores each, two SMT siblings per core: CPUs n and n+4 are siblings.
std::vector<platform::CpuPlace> two_sockets() {
  std::vector<platform::CpuPlace> cpus;
  for (int cpu = 0; cpu < 8; ++cpu) {
    int core = cpu % 4, package = core / 2;
    cpus.push_back({cpu, core, package});
  }
  return cpus;
}

TEST(CpuGroups, ListedTakesCpusInOrder) {
  EXPECT_EQ(plan_groups(two_sockets(), 2, Pairing::listed, 0), (Groups{{0, 1}, {2, 3}, {4, 5}, {6, 7}}));
  EXPECT_EQ(plan_groups(two_sockets(), 3, Pairing::listed, 2), (Groups{{0, 1, 2}, {3, 4, 5}}));
}

TEST(CpuGroups, SameCorePairsSmtSiblings) {
  EXPECT_EQ(plan_groups(two_sockets(), 2, Pairing::same_core, 0), (Groups{{0, 4}, {1, 5}, {2, 6}, {3, 7}}));
  EXPECT_TRUE(plan_groups(two_sockets(), 3, Pairing::same_core, 0).empty()) << "a core has only two siblings";
}

TEST(CpuGroups, CrossCoreStaysInOnePackageOnDifferentCores) {
  EXPECT_EQ(plan_groups(two_sockets(), 2, Pairing::cross_core, 0), (Groups{{0, 1}, {2, 3}, {4, 5}, {6, 7}}));
}

TEST(CpuGroups, CrossPackageSpansSockets) {
  EXPECT_EQ(plan_groups(two_sockets(), 2, Pairing::cross_package, 0), (Groups{{0, 2}, {1, 3}, {4, 6}, {5, 7}}));
  EXPECT_TRUE(plan_groups(two_sockets(), 3, Pairing::cross_package, 0).empty()) << "only two packages";
}

TEST(CpuGroups, NoSmtMachineHasNoSiblingPairs) {
  std::vector<platform::CpuPlace> two{{0, 0, 0}, {1, 1, 0}};
  EXPECT_TRUE(plan_groups(two, 2, Pairing::same_core, 0).empty());
  EXPECT_EQ(plan_groups(two, 2, Pairing::cross_core, 0), (Groups{{0, 1}}));
  EXPECT_EQ(plan_groups(two, 1, Pairing::listed, 0), (Groups{{0}, {1}}));
}

} // namespace
} // namespace fencelab::hardware
