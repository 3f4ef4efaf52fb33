// On the real machine, with small budgets. Only what is sound is asserted: a
// forbidden outcome never appears and the counts add up. Allowed outcomes are
// reported (printed), never required.
#include "family.hpp"
#include "hardware_backend.hpp"
#include "support/gtest_printers.hpp"

#include <gtest/gtest.h>
#include <iostream>

namespace fencelab::hardware {
namespace {

HardwareBackend &backend() {
  static HardwareBackend b;
  return b;
}

RunConfig small_run(const Test &t) {
  RunConfig c;
  c.iterations = t.uses_fence(FenceKind::membarrier) ? 4000 : 400000;
  return c;
}

Histogram run_or_skip(const Test &t, const RunConfig &c) {
  auto result = backend().run(t, c);
  if (auto *u = std::get_if<Unsupported>(&result))
    throw std::runtime_error("unsupported: " + u->reason);
  return std::get<Histogram>(result);
}

class FamilyOnHardware : public ::testing::TestWithParam<std::tuple<fencelab::Test, HardwareMode, Roles>> {};

TEST_P(FamilyOnHardware, ForbiddenNeverAppearsAndCountsAddUp) {
  const fencelab::Test &t = std::get<0>(GetParam());
  RunConfig c = small_run(t);
  c.mode = std::get<1>(GetParam());
  c.roles = std::get<2>(GetParam()); // alternating: each thread's sequence numbers must go on across CPUs
  if (auto why = backend().why_unsupported(t, c); !why.empty())
    GTEST_SKIP() << why;
  Histogram h = run_or_skip(t, c);
  EXPECT_EQ(h.stats.iterations, c.iterations);
  EXPECT_EQ(h.total(), c.iterations);
  auto counted = tally(t, h);
  std::cout << t.name << " (" << h.stats.mode << "): " << counted.positive << " weak of " << h.total() << '\n';
  EXPECT_EQ(h.stats.mode.rfind(to_string(c.mode), 0), 0u) << h.stats.mode;
  EXPECT_EQ(h.stats.coherence_violations, 0u);
  if (t.expectation->result == Observation::never) {
    EXPECT_EQ(counted.positive, 0u) << t.name << " showed its forbidden outcome";
  }
}

INSTANTIATE_TEST_SUITE_P(SBandMP, FamilyOnHardware,
                         ::testing::Combine(::testing::ValuesIn(all_family_tests()),
                                            ::testing::Values(HardwareMode::batch, HardwareMode::perpetual),
                                            ::testing::Values(Roles::fixed, Roles::alternate)),
                         [](const auto &info) {
                           std::string n = std::get<0>(info.param).name + "_" +
                                           std::string(to_string(std::get<1>(info.param))) + "_" +
                                           std::string(to_string(std::get<2>(info.param)));
                           std::replace(n.begin(), n.end(), '+', '_');
                           return n;
                         });

TEST(HardwareBackend, PerpetualModeRefusedIsUnsupportedAndAutoFallsBackToBatch) {
  fencelab::Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  t.observed_locations = {0}; // final memory: perpetual mode keeps none
  RunConfig c;
  c.iterations = 1000;
  c.mode = HardwareMode::perpetual;
  auto refused = backend().run(t, c);
  ASSERT_TRUE(std::holds_alternative<Unsupported>(refused));
  EXPECT_NE(std::get<Unsupported>(refused).reason.find("perpetual"), std::string::npos);
  c.mode = HardwareMode::automatic;
  Histogram h = run_or_skip(t, c);
  EXPECT_EQ(h.stats.mode.rfind("batch", 0), 0u) << h.stats.mode;
  EXPECT_EQ(h.total(), 1000u);
}

TEST(HardwareBackend, AlternatingRolesNeedThreadsOfOneProcess) {
  fencelab::Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  RunConfig c;
  c.iterations = 1000;
  c.roles = Roles::alternate;
  c.placement = Placement::processes;
  auto refused = backend().run(t, c);
  ASSERT_TRUE(std::holds_alternative<Unsupported>(refused));
  EXPECT_NE(std::get<Unsupported>(refused).reason.find("--roles alternate"), std::string::npos);
}

TEST(HardwareBackend, PerpetualIterationsAreExactAcrossAShortLastChunk) {
  fencelab::Test t = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier);
  RunConfig c;
  c.mode = HardwareMode::perpetual;
  c.chunk = 100;
  c.instances_per_iteration = 8;
  c.iterations = 2500; // 3 chunks of 100 x 8, then 12 x 8, then 1 x 4
  Histogram h = run_or_skip(t, c);
  EXPECT_EQ(h.stats.iterations, 2500u);
  EXPECT_EQ(h.stats.batches, 5u);
  EXPECT_EQ(h.total(), 2500u);
}

TEST(HardwareBackend, BranchesAndRegisterResetPerInstance) {
  // x=1; r0=x; if (r0 == 2) { y=5; r1=y }: the branch is never taken, so r1
  // must read as 0 in every instance even though registers are reused.
  fencelab::Test t;
  t.name = "branch";
  t.locations = {{"x", 0}, {"y", 0}};
  ThreadCode code;
  code.registers = {"r0", "r1"};
  code.ops = {Op::store(0, 1), Op::load(0, 0), Op{OpKind::jump_unless, -1, 0, 2, FenceKind::none, 5}, Op::store(1, 5),
              Op::load(1, 1)};
  t.threads = {code};
  t.observed_locations = {1};
  RunConfig c;
  c.iterations = 1000;
  Histogram h = run_or_skip(t, c);
  ASSERT_EQ(h.counts.size(), 1u);
  EXPECT_EQ(h.counts.begin()->first, (Outcome{1, 0, 0}));
  EXPECT_EQ(h.counts.begin()->second, 1000u);

  t.threads[0].ops[2].value = 1; // now taken: y=5 and r1=5 every time
  h = run_or_skip(t, c);
  ASSERT_EQ(h.counts.size(), 1u);
  EXPECT_EQ(h.counts.begin()->first, (Outcome{1, 5, 5}));
}

TEST(HardwareBackend, TooFewCpusIsUnsupportedWithAReason) {
  auto t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  RunConfig c;
  c.cpus = {0};
  c.iterations = 10;
  auto why = backend().why_unsupported(t, c);
  EXPECT_NE(why.find("needs 2 CPUs"), std::string::npos) << why;
  EXPECT_TRUE(std::holds_alternative<Unsupported>(backend().run(t, c)));
}

// Two one-thread groups on the two CPUs of the smallest machine: both run at
// once and their counts add up. A thread reading its own store reads it.
TEST(HardwareBackend, GroupsRunAtOnceAndAddUp) {
  fencelab::Test t;
  t.name = "own-store";
  t.locations = {{"x", 0}};
  ThreadCode only;
  only.registers = {"r0"};
  only.ops = {Op::store(0, 1), Op::load(0, 0)};
  t.threads = {only};
  t.condition.prop = Prop::equals(0, 0);
  RunConfig c;
  c.groups = 0; // as many as fit
  c.iterations = 100000;
  if (auto why = backend().why_unsupported(t, c); !why.empty())
    GTEST_SKIP() << why;
  Histogram h = run_or_skip(t, c);
  auto groups = HardwareBackend::groups_for(t, c);
  ASSERT_EQ(h.stats.groups.size(), groups.size() > 1 ? groups.size() : 0u);
  EXPECT_EQ(h.total(), c.iterations * groups.size());
  EXPECT_EQ(tally(t, h).positive, 0u) << "a thread missed its own store";
  for (const auto &g : h.stats.groups)
    EXPECT_EQ(g.iterations, c.iterations);
}

TEST(HardwareBackend, MoreGroupsThanFitIsUnsupported) {
  auto t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  RunConfig c;
  c.groups = 64;
  EXPECT_NE(backend().why_unsupported(t, c).find("group"), std::string::npos);
}

TEST(HardwareBackend, BudgetStopsTheRun) {
  auto t = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier);
  RunConfig c;
  c.budget_seconds = 0.05;
  // Batch mode runs at least one whole batch. A perpetual chunk counts only
  // iterations both threads ran side by side, which a loaded machine can make
  // zero for 0.05 s.
  c.mode = HardwareMode::batch;
  Histogram h = run_or_skip(t, c);
  EXPECT_GT(h.stats.iterations, 0u);
  EXPECT_EQ(h.total(), h.stats.iterations);
  EXPECT_LT(h.stats.seconds, 2.0); // generous: stopping is checked after every batch
}

TEST(HardwareBackend, ARunNamesTheHeavyBarrierItsLatencyIsOf) {
  auto t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  int ran = 0;
  for (HeavyBarrier heavy : {HeavyBarrier::private_expedited, HeavyBarrier::global_expedited, HeavyBarrier::mprotect}) {
    RunConfig c;
    c.iterations = 2000;
    c.heavy = heavy;
    auto result = backend().run(t, c);
    if (std::holds_alternative<Unsupported>(result))
      continue; // a kernel without it: nothing to name
    const auto &latency = std::get<Histogram>(result).stats.heavy_latency;
    ASSERT_TRUE(latency) << to_string(heavy);
    EXPECT_EQ(latency->barrier, to_string(heavy));
    ++ran;
  }
  if (ran == 0)
    GTEST_SKIP() << "no heavy barrier available";
  RunConfig sham; // a sham calls no heavy barrier: no latency, nothing named
  sham.iterations = 2000;
  sham.substitution.stands[FenceKind::membarrier] = Stand::sham;
  sham.substitution.sham_ns[FenceKind::membarrier] = 1000;
  auto result = backend().run(t, sham);
  ASSERT_TRUE(std::holds_alternative<Histogram>(result));
  EXPECT_FALSE(std::get<Histogram>(result).stats.heavy_latency);
}

} // namespace
} // namespace fencelab::hardware
