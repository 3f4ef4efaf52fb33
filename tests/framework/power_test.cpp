#include "power.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

namespace fencelab {
namespace {

// A run as a list of units (batches or chunks), each with its weak count.
PowerCounts counts_of(const std::vector<std::uint64_t> &weak_per_unit, std::uint64_t iterations_per_unit) {
  PowerCounts c;
  for (std::uint64_t w : weak_per_unit) {
    c.iterations += iterations_per_unit;
    c.weak += w;
    c.units += 1;
    c.weak_units += w != 0;
  }
  return c;
}

// What power.cpp computed before units: every iteration an independent trial
// at the sham's per-iteration rate, confidence 1 - (1 - r)^n.
double independent_trials_confidence(const PowerCounts &real, const PowerCounts &sham) {
  double r = static_cast<double>(sham.weak) / static_cast<double>(sham.iterations);
  return 1.0 - std::pow(1.0 - r, static_cast<double>(real.iterations));
}

// P(X >= k) for X ~ Binomial(m, p), summed directly (small m only).
double binomial_upper_tail(int k, int m, double p) {
  double below = 0;
  for (int j = 0; j < k; ++j)
    below += std::tgamma(m + 1.0) / (std::tgamma(j + 1.0) * std::tgamma(m - j + 1.0)) * std::pow(p, j) *
             std::pow(1 - p, m - j);
  return 1 - below;
}

TEST(Power, ShamThatNeverShowsTheOutcomeMakesTheCellUntestable) {
  auto p = assess_power({1'000'000, 0, 4000, 0}, {500'000, 0, 2000, 0}, "membarrier=sham(3600 ns)");
  EXPECT_EQ(p.label, PowerLabel::untestable);
  EXPECT_EQ(p.confidence, 0.0);
  EXPECT_EQ(p.sham, "membarrier=sham(3600 ns)");
}

TEST(Power, ExpectedCountScalesTheShamRateToTheRealRun) {
  auto p = assess_power({2'000'000, 0, 100, 0}, {1'000'000, 50, 50, 10}, "s");
  EXPECT_DOUBLE_EQ(p.sham_rate, 50e-6);
  EXPECT_DOUBLE_EQ(p.expected, 100.0);
  EXPECT_DOUBLE_EQ(p.sham_unit_rate, 0.2);
}

TEST(Power, LowerBoundWithOneWeakUnitHasAClosedForm) {
  // k = 1: P(X >= 1) = 1 - (1 - p)^m = alpha  =>  p = 1 - (1 - alpha)^(1/m).
  for (std::uint64_t m : {1u, 7u, 1000u, 1'000'000u})
    EXPECT_NEAR(clopper_pearson_lower(1, m, 0.95), 1 - std::pow(0.95, 1.0 / static_cast<double>(m)),
                1e-9 / static_cast<double>(m))
        << m;
}

TEST(Power, LowerBoundWithEveryUnitWeakHasAClosedForm) {
  // k = m: P(X >= m) = p^m = alpha.
  EXPECT_NEAR(clopper_pearson_lower(10, 10, 0.95), std::pow(0.05, 0.1), 1e-12);
}

TEST(Power, LowerBoundLeavesTheStatedTailProbability) {
  for (auto [k, m] : {std::pair{5, 20}, std::pair{2, 40}, std::pair{30, 60}}) {
    double p = clopper_pearson_lower(static_cast<std::uint64_t>(k), static_cast<std::uint64_t>(m), 0.95);
    EXPECT_LT(p, static_cast<double>(k) / m);
    EXPECT_NEAR(binomial_upper_tail(k, m, p), 0.05, 1e-6) << k << "/" << m;
  }
  EXPECT_EQ(clopper_pearson_lower(0, 100, 0.95), 0.0);
}

TEST(Power, ManyUnitsTendToTheObservedRate) {
  double p = clopper_pearson_lower(100'000, 1'000'000, 0.95);
  EXPECT_GT(p, 0.0995);
  EXPECT_LT(p, 0.1);
}

TEST(Power, ProbabilityOfZeroIsTheUnitTailAtTheLowerBound) {
  auto p = assess_power({256'000, 0, 1000, 0}, {256'000, 3, 1000, 1}, "s");
  double lower = 1 - std::pow(0.95, 1.0 / 1000);
  EXPECT_NEAR(p.sham_unit_rate_lower, lower, 1e-12);
  EXPECT_NEAR(p.p_zero, std::pow(1 - lower, 1000), 1e-9);
  EXPECT_NEAR(p.confidence + p.p_zero, 1.0, 1e-15);
  EXPECT_EQ(p.label, PowerLabel::underpowered);
}

// Synthetic bursty sham: 1,000 weak outcomes, all in 2 of 4,000 batches. Per
// iteration the rate looks like 1e-3, so 1e6 clean real iterations "expect"
// ~1,000 and the old formula is certain; but only 2 of 4,000 units showed
// anything, and 4,000 clean real units is weak evidence against that.
TEST(Power, BurstyShamPowersTheOldFormulaButNotTheUnits) {
  std::vector<std::uint64_t> sham(4000, 0);
  sham[1234] = 600;
  sham[1235] = 400;
  auto s = counts_of(sham, 256);
  auto real = counts_of(std::vector<std::uint64_t>(4000, 0), 256);
  EXPECT_GE(independent_trials_confidence(real, s), powered_confidence);
  auto p = assess_power(real, s, "s");
  EXPECT_EQ(p.sham_weak_units, 2u);
  EXPECT_EQ(p.label, PowerLabel::underpowered) << p.confidence;
  EXPECT_LT(p.confidence, 0.5);
}

// The same 1,000 weak outcomes spread one per batch over 1,000 of 4,000
// batches: both formulas are confident.
TEST(Power, SpreadShamIsPoweredEitherWay) {
  std::vector<std::uint64_t> sham(4000, 0);
  for (std::size_t u = 0; u < sham.size(); u += 4)
    sham[u] = 1;
  auto s = counts_of(sham, 256);
  auto real = counts_of(std::vector<std::uint64_t>(4000, 0), 256);
  EXPECT_GE(independent_trials_confidence(real, s), powered_confidence);
  auto p = assess_power(real, s, "s");
  EXPECT_EQ(p.label, PowerLabel::powered) << p.confidence;
}

TEST(Power, FewRealUnitsAreUnderpoweredWhateverTheirIterations) {
  // A 25 % unit rate, but only 3 real units: (1 - p_L)^3 is far from 0.001.
  auto p = assess_power({10'000'000, 0, 3, 0}, {10'000'000, 5000, 400, 100}, "s");
  EXPECT_EQ(p.label, PowerLabel::underpowered);
}

// A perpetual chunk that one thread ended before the other began runs no
// trial; the backend leaves it out of the units. Should units of no
// iterations still reach the formula, they add no evidence.
TEST(Power, UnitsWithoutIterationsGiveNoPower) {
  auto p = assess_power({0, 0, 4, 0}, {880'000, 690'000, 31, 31}, "s");
  EXPECT_EQ(p.effective_units, 0.0);
  EXPECT_EQ(p.confidence, 0.0);
  EXPECT_EQ(p.label, PowerLabel::underpowered);
}

TEST(Power, RealUnitsSmallerThanTheShamsCountAsFractions) {
  // Sham units of 256 iterations; real units of 64: 4,000 of them are 1,000 sham-sized units.
  auto p = assess_power({256'000, 0, 4000, 0}, {256'000, 500, 1000, 100}, "s");
  EXPECT_DOUBLE_EQ(p.effective_units, 1000.0);
  double lower = clopper_pearson_lower(100, 1000, 0.95);
  EXPECT_NEAR(p.p_zero, std::pow(1 - lower, 1000), 1e-12);
  // Larger real units count once each: a unit's size is not evidence beyond the sham's.
  EXPECT_DOUBLE_EQ(assess_power({1'024'000, 0, 1000, 0}, {256'000, 500, 1000, 100}, "s").effective_units, 1000.0);
}

TEST(Power, EveryUnitWeakDoesNotBreakTheLogarithm) {
  auto p = assess_power({10, 0, 10, 0}, {10, 10, 10, 10}, "s");
  EXPECT_TRUE(std::isfinite(p.p_zero));
  EXPECT_EQ(p.label, PowerLabel::powered);
}

} // namespace
} // namespace fencelab
