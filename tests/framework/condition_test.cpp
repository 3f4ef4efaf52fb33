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
