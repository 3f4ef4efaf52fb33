#include "affinity.hpp"

#include <gtest/gtest.h>

namespace fencelab::platform {
namespace {

TEST(CpuList, RangesAndSingles) {
  EXPECT_EQ(parse_cpu_list("0-3,6"), (std::vector<int>{0, 1, 2, 3, 6}));
  EXPECT_EQ(parse_cpu_list("1,0"), (std::vector<int>{1, 0}));
  EXPECT_EQ(parse_cpu_list("5"), (std::vector<int>{5}));
}

TEST(CpuList, BadTextNamesThePart) {
  for (const char *bad : {"", "a", "1-", "3-1", "1,,2", "-1", "1x"}) {
    try {
      parse_cpu_list(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument &e) {
      EXPECT_NE(std::string(e.what()).find("bad CPU list"), std::string::npos) << e.what();
    }
  }
}

TEST(CpuList, ThisProcessHasUsableCpus) { EXPECT_FALSE(usable_cpus().empty()); }

} // namespace
} // namespace fencelab::platform
