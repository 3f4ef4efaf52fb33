// The membarrier(2) table (framework/ordering_table.hpp) on SB and MP with
// every pairing of barrier, smp_mb and membarrier: ordered cells forbid the
// weak outcome, the others allow it.
#include "family.hpp"
#include "lkmm_test_support.hpp"
#include "ordering_table.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

TEST(LkmmFamily, FollowsTheMembarrierTable) {
  int cells = 0;
  for (Shape shape : {Shape::sb, Shape::mp})
    for (FenceKind f0 : family_fences)
      for (FenceKind f1 : family_fences) {
        const fencelab::Test t = make_family_test(shape, f0, f1);
        const Observation expected = ordered_pair(f0, f1) ? Observation::never : Observation::sometimes;
        EXPECT_EQ(verdict(t, answer(t)), expected) << t.name;
        ++cells;
      }
  EXPECT_EQ(cells, 18);
}

// Every outcome other than the weak one stays reachable in the ordered cells:
// membarrier forbids exactly the weak outcome, nothing more.
TEST(LkmmFamily, OrderedCellsLoseOnlyTheWeakOutcome) {
  for (Shape shape : {Shape::sb, Shape::mp}) {
    const auto plain = outcome_set(answer(make_family_test(shape, FenceKind::barrier, FenceKind::barrier)));
    const auto heavy = outcome_set(answer(make_family_test(shape, FenceKind::barrier, FenceKind::membarrier)));
    EXPECT_EQ(plain.size(), 4U);
    EXPECT_EQ(heavy.size(), 3U);
    for (const auto &o : heavy)
      EXPECT_TRUE(plain.count(o));
  }
}

TEST(LkmmFamily, PlantsRemoveTheFences) {
  const fencelab::Test t = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::membarrier);
  for (Stand stand : {Stand::none, Stand::barrier, Stand::sham}) {
    Substitution s;
    s.stands[FenceKind::membarrier] = stand;
    EXPECT_EQ(verdict(t, answer(t, s)), Observation::sometimes) << to_string(stand);
  }
  Substitution native;
  native.stands[FenceKind::membarrier] = Stand::native;
  EXPECT_EQ(verdict(t, answer(t, native)), Observation::never);
}

} // namespace
} // namespace fencelab::lkmm::tests
