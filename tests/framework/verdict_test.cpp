#include "family.hpp"
#include "judge.hpp"
#include "ordering_table.hpp"

#include <gtest/gtest.h>

namespace fencelab {
namespace {

TEST(Verdict, ExpectationTimesObservation) {
  using O = Observation;
  EXPECT_EQ(verdict_for(O::never, O::never), Verdict::ok);
  EXPECT_EQ(verdict_for(O::never, O::sometimes), Verdict::violation);
  EXPECT_EQ(verdict_for(O::never, O::always), Verdict::violation);
  EXPECT_EQ(verdict_for(O::sometimes, O::sometimes), Verdict::ok);
  EXPECT_EQ(verdict_for(O::sometimes, O::never), Verdict::stronger);
  EXPECT_EQ(verdict_for(O::always, O::always), Verdict::ok);
  EXPECT_EQ(verdict_for(O::always, O::sometimes), Verdict::violation);
}

TEST(Verdict, OrderingTableOfTheManPage) {
  using F = FenceKind;
  EXPECT_FALSE(ordered_pair(F::barrier, F::barrier));
  EXPECT_FALSE(ordered_pair(F::barrier, F::smp_mb));
  EXPECT_FALSE(ordered_pair(F::smp_mb, F::barrier));
  EXPECT_TRUE(ordered_pair(F::barrier, F::membarrier));
  EXPECT_TRUE(ordered_pair(F::membarrier, F::barrier));
  EXPECT_TRUE(ordered_pair(F::smp_mb, F::smp_mb));
  EXPECT_TRUE(ordered_pair(F::smp_mb, F::membarrier));
  EXPECT_TRUE(ordered_pair(F::membarrier, F::membarrier));
}

TEST(Verdict, JudgeOfAnObservedWeakOutcome) {
  auto sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb);
  Histogram h;
  h.add({0, 0}, 1);
  h.add({1, 0}, 9);
  h.stats.iterations = 10;
  auto r = judge(sb, "hardware", h);
  EXPECT_EQ(r.tally.positive, 1u);
  EXPECT_EQ(r.observation, Observation::sometimes);
  EXPECT_EQ(r.verdict, Verdict::violation);

  auto u = judge(sb, "hardware", Unsupported{"no CPUs"});
  EXPECT_FALSE(u.histogram.has_value());
  EXPECT_EQ(u.verdict, Verdict::unsupported);
  EXPECT_EQ(u.unsupported, "no CPUs");
}

TEST(Verdict, ARunThatCountedNoIterationFailsInsteadOfPassing) {
  auto sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb);
  Histogram empty;
  auto r = judge(sb, "hardware", empty);
  EXPECT_EQ(r.verdict, Verdict::failed);
  EXPECT_NE(r.failure.find("no iteration"), std::string::npos) << r.failure;
}

} // namespace
} // namespace fencelab
