// Against the running kernel: each command is either usable or reported with
// the kernel's reason; never a crash.
#include "membarrier.hpp"
#include "support/gtest_printers.hpp"

#include <gtest/gtest.h>

namespace fencelab::platform {
namespace {

class HeavyBarrierOnThisKernel : public ::testing::TestWithParam<HeavyBarrier> {};

TEST_P(HeavyBarrierOnThisKernel, AvailableAndCallableOrExplained) {
  membarrier_setup();
  auto status = heavy_barrier_status(GetParam());
  EXPECT_FALSE(status.how.empty());
  if (!status.available) {
    EXPECT_FALSE(status.reason.empty());
    GTEST_SKIP() << to_string(GetParam()) << " unsupported here: " << status.reason;
  }
  EXPECT_TRUE(status.reason.empty());
  auto fn = heavy_barrier_function(GetParam());
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(fn(), 0);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, HeavyBarrierOnThisKernel,
                         ::testing::Values(HeavyBarrier::private_expedited, HeavyBarrier::global_expedited,
                                           HeavyBarrier::global, HeavyBarrier::mprotect),
                         [](const auto &info) {
                           std::string n(to_string(info.param));
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(Membarrier, QueryIsAMaskOrAnErrno) {
  int mask = membarrier_query_mask();
  if (mask < 0)
    GTEST_SKIP() << "membarrier QUERY failed with errno " << -mask;
  // Every command bit the kernel reports sits in the documented range.
  EXPECT_EQ(mask & ~0x7ff, 0);
}

} // namespace
} // namespace fencelab::platform
