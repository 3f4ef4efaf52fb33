#include "power.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace fencelab {
namespace {

TEST(Power, ShamThatNeverShowsTheOutcomeMakesTheCellUntestable) {
  auto p = assess_power(1'000'000, 0, 500'000, 0, "membarrier=sham(3600 ns)");
  EXPECT_EQ(p.label, PowerLabel::untestable);
  EXPECT_EQ(p.confidence, 0.0);
  EXPECT_EQ(p.sham, "membarrier=sham(3600 ns)");
}

TEST(Power, ExpectedCountScalesTheShamRateToTheRealRun) {
  auto p = assess_power(2'000'000, 0, 1'000'000, 50, "s");
  EXPECT_DOUBLE_EQ(p.sham_rate, 50e-6);
  EXPECT_DOUBLE_EQ(p.expected, 100.0);
}

TEST(Power, ProbabilityOfZeroIsTheBinomialTail) {
  // r = 1e-3, n = 1000: (1 - r)^n, computed independently of the implementation's log1p.
  auto p = assess_power(1000, 0, 1000, 1, "s");
  EXPECT_NEAR(p.p_zero, std::pow(1.0 - 1e-3, 1000), 1e-12);
  EXPECT_NEAR(p.confidence + p.p_zero, 1.0, 1e-15);
}

TEST(Power, ManyExpectedOutcomesArePoweredFewAreNot) {
  EXPECT_EQ(assess_power(10'000'000, 0, 1'000'000, 100, "s").label, PowerLabel::powered);  // ~1000 expected
  EXPECT_EQ(assess_power(1000, 0, 1'000'000, 100, "s").label, PowerLabel::underpowered);   // ~0.1 expected
}

TEST(Power, ARateOfOneDoesNotBreakTheLogarithm) {
  auto p = assess_power(10, 0, 10, 10, "s");
  EXPECT_TRUE(std::isfinite(p.p_zero));
  EXPECT_EQ(p.label, PowerLabel::powered);
}

} // namespace
} // namespace fencelab
