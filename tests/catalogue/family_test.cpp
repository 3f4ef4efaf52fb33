#include "family.hpp"
#include "ordering_table.hpp"

#include <gtest/gtest.h>
#include <set>

namespace fencelab {
namespace {

TEST(Family, NineTestsPerShapeNamedHerdStyle) {
  auto all = all_family_tests();
  ASSERT_EQ(all.size(), 18u);
  std::set<std::string> names;
  for (const auto &t : all)
    names.insert(t.name);
  EXPECT_EQ(names.size(), 18u);
  EXPECT_TRUE(names.count("SB+barrier+membarrier"));
  EXPECT_TRUE(names.count("MP+membarrier+smp_mb"));
  EXPECT_TRUE(find_family_test("SB+smp_mb+barrier").has_value());
  EXPECT_FALSE(find_family_test("SB+smp_mb").has_value());
}

TEST(Family, FencesSitBetweenTheTwoAccessesOfTheirThread) {
  auto t = make_family_test(Shape::mp, FenceKind::smp_mb, FenceKind::membarrier);
  ASSERT_EQ(t.threads.size(), 2u);
  EXPECT_EQ(t.threads[0].ops[1], Op::fence_of(FenceKind::smp_mb));
  EXPECT_EQ(t.threads[1].ops[1], Op::fence_of(FenceKind::membarrier));
  EXPECT_EQ(t.threads[0].ops[0], Op::store(0, 1));
  EXPECT_EQ(t.threads[1].ops[2], Op::load(0, 1));
}

TEST(Family, ExpectationsFollowTheOrderingTable) {
  int forbidden = 0;
  for (const auto &t : all_family_tests()) {
    ASSERT_TRUE(t.expectation.has_value());
    bool uses_heavy = t.uses_fence(FenceKind::membarrier);
    bool both_full = t.uses_fence(FenceKind::smp_mb) && !t.uses_fence(FenceKind::barrier);
    bool ordered = uses_heavy || both_full;
    EXPECT_EQ(t.expectation->result, ordered ? Observation::never : Observation::sometimes) << t.name;
    forbidden += ordered;
  }
  EXPECT_EQ(forbidden, 12); // six forbidden cells per shape
}

} // namespace
} // namespace fencelab
