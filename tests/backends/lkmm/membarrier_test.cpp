// membarrier() in the LKMM evaluator (ARCHITECTURE.md, "membarrier in the LKMM"): a full
// fence pair between the caller and each other thread, but no order between
// two other threads, whose injected fences run at different times.
#include "execution.hpp"
#include "lkmm_test_support.hpp"
#include "membarrier_injection.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

constexpr auto barrier = FenceKind::barrier;
constexpr auto membarrier = FenceKind::membarrier;

Prop all_of(std::initializer_list<std::pair<int, Value>> atoms) {
  std::vector<Prop> props;
  for (const auto &[slot, value] : atoms)
    props.push_back(Prop::equals(slot, value));
  return Prop::conjunction(std::move(props));
}

// T0 x=1; barrier; y=1 || T1 r0=y; membarrier; z=1 || T2 r1=z; barrier; r2=x.
// Allowed: T2's injected fence may run before T0's, T2's before its reads and
// T0's after its writes, and nothing then carries x=1 to T2. Merging the
// injected fences into one fence across all threads would forbid it.
TEST(LkmmMembarrier, DoesNotOrderTheTargetsAgainstEachOther) {
  fencelab::Test t;
  t.name = "ISA2+barrier+membarrier+barrier";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  t.threads = {{{Op::store(0, 1), Op::fence_of(barrier), Op::store(1, 1)}, {}, {}},
               {{Op::load(1, 0), Op::fence_of(membarrier), Op::store(2, 1)}, {"r0"}, {}},
               {{Op::load(2, 0), Op::fence_of(barrier), Op::load(0, 1)}, {"r1", "r2"}, {}}};
  t.condition.prop = all_of({{0, 1}, {1, 1}, {2, 0}});
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// A third thread's membarrier leaves SB between two other threads unordered.
TEST(LkmmMembarrier, ACallElsewhereLeavesStoreBufferingAllowed) {
  fencelab::Test t;
  t.name = "SB+barrier+barrier with membarrier elsewhere";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::fence_of(membarrier)}, {}, {}},
               {{Op::store(0, 1), Op::fence_of(barrier), Op::load(1, 0)}, {"r0"}, {}},
               {{Op::store(1, 1), Op::fence_of(barrier), Op::load(0, 0)}, {"r0"}, {}}};
  t.condition.prop = all_of({{0, 0}, {1, 0}});
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// The caller sees only what came before the target's injected fence: here
// the fence lands before x=1, and the caller's r1=1, r2=0 is plain MP.
TEST(LkmmMembarrier, CallerMaySeeStaleValuesStoredAfterTheTargetsFence) {
  fencelab::Test t;
  t.name = "caller-rereads";
  t.locations = {{"x", 0}, {"z", 0}};
  t.threads = {{{Op::load(0, 0), Op::fence_of(membarrier), Op::load(1, 1), Op::load(0, 2)}, {"r0", "r1", "r2"}, {}},
               {{Op::store(0, 1), Op::fence_of(barrier), Op::store(1, 1)}, {}, {}}};
  t.condition.prop = all_of({{0, 0}, {1, 1}, {2, 0}});
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

TEST(LkmmMembarrier, ConcurrentCallersOrderEveryPair) {
  fencelab::Test t;
  t.name = "SB3+membarrier+membarrier+membarrier";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  t.threads = {{{Op::store(0, 1), Op::fence_of(membarrier), Op::load(1, 0)}, {"r0"}, {}},
               {{Op::store(1, 1), Op::fence_of(membarrier), Op::load(2, 0)}, {"r0"}, {}},
               {{Op::store(2, 1), Op::fence_of(membarrier), Op::load(0, 0)}, {"r0"}, {}}};
  t.condition.prop = all_of({{0, 0}, {1, 0}, {2, 0}});
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_EQ(outcome_set(a).size(), 7U) << "every other combination of 0s and 1s stays reachable";
}

// One call in thread 0 between its two events, thread 1 with three events:
// four places for the injected fence, each a different strong-fence relation.
TEST(LkmmMembarrier, EveryInjectionPointIsAPlacement) {
  ThreadRun caller, target;
  caller.events = {{Access::write, Mark::once, 0, 1}, {Access::read, Mark::once, 1, 0}};
  caller.fences = {{1, FenceClass::membarrier}};
  target.events = {{Access::write, Mark::once, 1, 1}, {Access::read, Mark::once, 0, 0}, {Access::read, Mark::once, 0, 0}};
  fencelab::Test t;
  t.locations = {{"x", 0}, {"y", 0}};
  const Execution x = build_execution(t, {&caller, &target});
  const auto placements = strong_fence_choices(x);
  ASSERT_EQ(placements.size(), 4U);
  const int w_x = 2, r_y = 3, w_y = 4, r_x1 = 5, r_x2 = 6;
  EXPECT_TRUE(x.mb.has(w_x, r_y)) << "the caller's own fences";
  // Injected before everything: the caller's store is ordered before all of
  // the target's events, nothing of the target before the caller's load.
  EXPECT_TRUE(placements[0].strong.has(w_x, w_y));
  EXPECT_FALSE(placements[0].strong.has(w_y, r_y));
  // Injected between the target's store and its loads.
  EXPECT_TRUE(placements[1].strong.has(w_y, r_y));
  EXPECT_TRUE(placements[1].strong.has(w_y, r_x1));
  EXPECT_TRUE(placements[1].strong.has(w_x, r_x2));
  EXPECT_FALSE(placements[1].strong.has(w_x, w_y));
  // Injected after everything: only target-before x caller-after.
  EXPECT_TRUE(placements[3].strong.has(r_x2, r_y));
  EXPECT_FALSE(placements[3].strong.has(w_x, r_x2));
}

// Two calls whose injections would each have to land after the other call:
// no real-time order has that, so the placement is left out.
TEST(LkmmMembarrier, PlacementsContradictingRealTimeAreLeftOut) {
  ThreadRun a, b;
  a.events = {{Access::write, Mark::once, 0, 1}};
  a.fences = {{0, FenceClass::membarrier}};
  b.events = {{Access::write, Mark::once, 1, 1}};
  b.fences = {{0, FenceClass::membarrier}};
  fencelab::Test t;
  t.locations = {{"x", 0}, {"y", 0}};
  const Execution x = build_execution(t, {&a, &b});
  // Each call injects at gap 0 or 1 of the other thread: 4 combinations, but
  // both at gap 1 would put each injection after the other thread's call,
  // i.e. after the other call's exit, which follows its own injection.
  EXPECT_EQ(strong_fence_choices(x).size(), 3U);
}

} // namespace
} // namespace fencelab::lkmm::tests
