#include "condition.hpp"
#include "condition_text.hpp"
#include "family.hpp"

#include <gtest/gtest.h>

namespace fencelab {
namespace {

TEST(Condition, PropositionsEvaluateOnOutcomes) {
  std::vector<Value> o{0, 1, 2};
  EXPECT_TRUE(Prop::truth().holds(o));
  EXPECT_TRUE(Prop::equals(1, 1).holds(o));
  EXPECT_FALSE(Prop::equals(1, 0).holds(o));
  EXPECT_TRUE(Prop::negation(Prop::equals(1, 0)).holds(o));
  EXPECT_TRUE(Prop::conjunction({Prop::equals(0, 0), Prop::equals(2, 2)}).holds(o));
  EXPECT_FALSE(Prop::conjunction({Prop::equals(0, 0), Prop::equals(2, 3)}).holds(o));
  EXPECT_TRUE(Prop::disjunction({Prop::equals(0, 5), Prop::equals(2, 2)}).holds(o));
  EXPECT_FALSE(Prop::disjunction({Prop::equals(0, 5), Prop::equals(2, 3)}).holds(o));
}

TEST(Condition, SlotToSlotAtomsCompareTwoOutcomeValues) {
  EXPECT_TRUE(Prop::same(0, 2).holds(std::vector<Value>{4, 1, 4}));
  EXPECT_FALSE(Prop::same(0, 2).holds(std::vector<Value>{4, 1, 5}));
  EXPECT_TRUE(Prop::same(1, 1).holds(std::vector<Value>{4, 1, 5}));
  // The unused value of a slot-to-slot atom plays no part.
  EXPECT_FALSE(Prop::same(0, 1).holds(std::vector<Value>{0, 1}));
  EXPECT_NE(Prop::same(0, 1), Prop::equals(0, 1));

  fencelab::Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  t.observed_locations = {1};
  t.condition.prop = Prop::conjunction({Prop::same(0, 1), Prop::negation(Prop::same(2, 0))});
  EXPECT_EQ(condition_text(t), "exists (0:r0=1:r0 /\\ ~(y=0:r0))");
  t.condition.prop = Prop::same(1, 2); // a location on the right: its value, not its address
  EXPECT_EQ(condition_text(t), "exists (1:r0=[y])");
}

TEST(Condition, QuantifiersValidateLikeHerd) {
  Condition c;
  c.quantifier = Quantifier::exists;
  EXPECT_TRUE(c.validated(1, 9));
  EXPECT_FALSE(c.validated(0, 9));
  c.quantifier = Quantifier::not_exists;
  EXPECT_TRUE(c.validated(0, 9));
  EXPECT_FALSE(c.validated(1, 9));
  c.quantifier = Quantifier::forall;
  EXPECT_TRUE(c.validated(9, 0));
  EXPECT_FALSE(c.validated(9, 1));
}

TEST(Condition, FamilyConditionsMatchTheWeakOutcomeOnly) {
  auto sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  EXPECT_TRUE(sb.condition.prop.holds(std::vector<Value>{0, 0}));
  EXPECT_FALSE(sb.condition.prop.holds(std::vector<Value>{0, 1}));
  EXPECT_FALSE(sb.condition.prop.holds(std::vector<Value>{1, 0}));
  EXPECT_FALSE(sb.condition.prop.holds(std::vector<Value>{1, 1}));
  EXPECT_EQ(condition_text(sb), "exists (0:r0=0 /\\ 1:r0=0)");

  auto mp = make_family_test(Shape::mp, FenceKind::smp_mb, FenceKind::smp_mb);
  EXPECT_TRUE(mp.condition.prop.holds(std::vector<Value>{1, 0}));
  EXPECT_FALSE(mp.condition.prop.holds(std::vector<Value>{1, 1}));
  EXPECT_FALSE(mp.condition.prop.holds(std::vector<Value>{0, 0}));
  EXPECT_EQ(condition_text(mp), "exists (1:r0=1 /\\ 1:r1=0)");
}

TEST(Condition, ObservedLocationsComeAfterRegisters) {
  fencelab::Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  t.observed_locations = {1};
  EXPECT_EQ(t.outcome_size(), 3);
  EXPECT_EQ(t.location_slot(1), 2);
  EXPECT_EQ(t.location_slot(0), -1);
  EXPECT_EQ(t.slot_name(2), "y");
  EXPECT_EQ(t.slot_name(1), "1:r0");
  EXPECT_EQ(outcome_text(t, {0, 1, 1}), "0:r0=0; 1:r0=1; y=1;");
}

} // namespace
} // namespace fencelab
