// The two membarrier models: `precise` injects a fence into every other thread
// at a point and in an order the scheduler chooses; `stock` is Relacy's own
// FlushProcessWriteBuffers, sound but blind to some allowed outcomes.
#include "model_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::relacy::model_tests {
namespace {

constexpr int x = 0;
constexpr int y = 1;
constexpr int z = 2;
constexpr auto barrier = FenceKind::barrier;
constexpr auto membarrier = FenceKind::membarrier;

// T0 x=1; barrier; y=1 || T1 r0=y; membarrier; z=1 || T2 r1=z; barrier; r2=x.
// r0=1, r1=1, r2=0 is allowed: T2's injected fence may come first, before
// T0's, and then nothing makes x=1 visible to T2.
Test isa2_with_membarrier_in_the_middle() {
  fencelab::Test t;
  t.name = "ISA2+barrier+membarrier+barrier";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  t.threads = {{{Op::store(x, 1), Op::fence_of(barrier), Op::store(y, 1)}, {}},
               {{Op::load(y, 0), Op::fence_of(membarrier), Op::store(z, 1)}, {"r0"}},
               {{Op::load(z, 0), Op::fence_of(barrier), Op::load(x, 1)}, {"r1", "r2"}}};
  t.condition.prop = all_of({{t.register_slot(1, 0), 1}, {t.register_slot(2, 0), 1}, {t.register_slot(2, 1), 0}});
  return t;
}

TEST(MembarrierModel, PreciseReachesTheAllowedIsa2Outcome) {
  const auto test = isa2_with_membarrier_in_the_middle();
  const auto result = model_check(test, full_search(MembarrierModel::precise));
  ASSERT_EQ(result.error, "");
  EXPECT_TRUE(condition_reachable(test, result));
}

TEST(MembarrierModel, StockCannotReachTheAllowedIsa2Outcome) {
  const auto test = isa2_with_membarrier_in_the_middle();
  const auto result = model_check(test, full_search(MembarrierModel::stock));
  ASSERT_EQ(result.error, "");
  EXPECT_FALSE(condition_reachable(test, result));
}

TEST(MembarrierModel, StockOutcomesAreAStrictSubsetOfPrecise) {
  const auto test = isa2_with_membarrier_in_the_middle();
  const auto precise = outcomes(model_check(test, full_search(MembarrierModel::precise)));
  const auto stock = outcomes(model_check(test, full_search(MembarrierModel::stock)));
  for (const auto &o : stock)
    EXPECT_TRUE(precise.count(o)) << "stock reached an outcome precise cannot";
  EXPECT_GT(precise.size(), stock.size());
}

TEST(MembarrierModel, ContextBoundTwoAlsoReachesTheIsa2Outcome) {
  const auto test = isa2_with_membarrier_in_the_middle();
  EXPECT_TRUE(condition_reachable(test, model_check(test, context_bound_search(2))));
}

// The call makes the caller see only what came before the target's injected
// fence. Here that fence lands before x=1, and r1=1 then r2=0 is MP with no
// fence between the reader's loads: allowed, even though r0 already read x.
TEST(MembarrierModel, CallerMaySeeStaleValuesStoredAfterTheTargetsFence) {
  fencelab::Test t;
  t.name = "caller-rereads";
  t.locations = {{"x", 0}, {"z", 0}};
  t.threads = {{{Op::load(0, 0), Op::fence_of(membarrier), Op::load(1, 1), Op::load(0, 2)}, {"r0", "r1", "r2"}},
               {{Op::store(0, 1), Op::fence_of(barrier), Op::store(1, 1)}, {}}};
  t.condition.prop = all_of({{0, 0}, {1, 1}, {2, 0}});
  const auto result = model_check(t, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_TRUE(condition_reachable(t, result));
}

// Every thread calls membarrier, so every call is both caller and target.
// Full search with the precise model explores 95k executions (0.1 s, far
// longer under sanitizers); context bound 2 finds the same outcomes in 465.
TEST(MembarrierModel, ConcurrentCallersOrderEveryPair) {
  fencelab::Test t;
  t.name = "SB3+membarrier+membarrier+membarrier";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  t.threads = {{{Op::store(x, 1), Op::fence_of(membarrier), Op::load(y, 0)}, {"r0"}},
               {{Op::store(y, 1), Op::fence_of(membarrier), Op::load(z, 0)}, {"r0"}},
               {{Op::store(z, 1), Op::fence_of(membarrier), Op::load(x, 0)}, {"r0"}}};
  t.condition.prop = all_of({{0, 0}, {1, 0}, {2, 0}});
  const auto precise = model_check(t, context_bound_search(2, MembarrierModel::precise));
  const auto stock = model_check(t, full_search(MembarrierModel::stock));
  ASSERT_EQ(precise.error, "");
  ASSERT_EQ(stock.error, "");
  EXPECT_FALSE(condition_reachable(t, precise));
  EXPECT_FALSE(condition_reachable(t, stock));
  EXPECT_EQ(outcomes(precise), outcomes(stock)) << "every other outcome of SB3 stays reachable";
  EXPECT_EQ(precise.histogram.total(), precise.executions);
}

// A membarrier in a third thread injects fences into the two light threads at
// points of the scheduler's choosing, e.g. before both of their first ops, so
// it does not order their SB pair.
TEST(MembarrierModel, DoesNotOrderTwoOtherThreadsAgainstEachOther) {
  fencelab::Test t;
  t.name = "SB+barrier+barrier with membarrier elsewhere";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::fence_of(membarrier)}, {}},
               {{Op::store(x, 1), Op::fence_of(barrier), Op::load(y, 0)}, {"r0"}},
               {{Op::store(y, 1), Op::fence_of(barrier), Op::load(x, 0)}, {"r0"}}};
  t.condition.prop = all_of({{0, 0}, {1, 0}});
  const auto result = model_check(t, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_TRUE(condition_reachable(t, result));
}

TEST(MembarrierModel, ShamKeepsOnlyTheCallersFence) {
  fencelab::Test t;
  t.name = "SB+barrier+membarrier";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::store(x, 1), Op::fence_of(barrier), Op::load(y, 0)}, {"r0"}},
               {{Op::store(y, 1), Op::fence_of(membarrier), Op::load(x, 0)}, {"r0"}}};
  t.condition.prop = all_of({{0, 0}, {1, 0}});
  EXPECT_FALSE(condition_reachable(t, model_check(t, full_search())));
  Substitution sham;
  sham.stands[membarrier] = Stand::sham;
  EXPECT_TRUE(condition_reachable(t, model_check(t, full_search(), sham)));
}

} // namespace
} // namespace fencelab::relacy::model_tests
