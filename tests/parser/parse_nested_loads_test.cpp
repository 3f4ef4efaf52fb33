// Loads nested in expressions and conditions (herd evaluates each as a load
// whose value the expression uses), and final conditions comparing two slots.
#include "condition_text.hpp"
#include "litmus_parser.hpp"
#include "parser_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab {
namespace {

using parser_test::file_name;

fencelab::Test parse_body(const std::string &body, const std::string &condition = "exists (0:r0=1)") {
  return parse_litmus("C T\n{}\nP0(int *x, int *y, int *z) {\n" + body + "\n}\n" + condition + "\n", file_name);
}

TEST(ParseNestedLoads, StoredLoadGoesThroughAHiddenRegister) {
  fencelab::Test t = parse_body("WRITE_ONCE(*x, READ_ONCE(*y));\n*z = *x;", "exists (x=1)");
  parser_test::expect_well_formed(t, "nested store");
  const auto &code = t.threads[0];
  EXPECT_EQ(code.registers, (std::vector<std::string>{"__ld0", "__ld1"}));
  ASSERT_EQ(code.ops.size(), 4u);
  EXPECT_EQ(code.ops[0], Op::load(1, 0));
  EXPECT_EQ(code.ops[1].kind, OpKind::store);
  EXPECT_EQ(code.ops[1].loc, 0);
  EXPECT_FALSE(code.ops[1].plain);
  // `*z = *x`: a plain load, then a plain store of its value.
  EXPECT_EQ(code.ops[2].kind, OpKind::load);
  EXPECT_EQ(code.ops[2].loc, 0);
  EXPECT_EQ(code.ops[2].reg, 1);
  EXPECT_TRUE(code.ops[2].plain);
  EXPECT_EQ(code.ops[3].kind, OpKind::store);
  EXPECT_EQ(code.ops[3].loc, 2);
  EXPECT_TRUE(code.ops[3].plain);
  // The stores write what the loads read (memory: x=7, y=3).
  auto run = parser_test::run_thread_fully(code, {7, 3, 0});
  EXPECT_EQ(run.stores, (std::vector<std::pair<int, Value>>{{0, 3}, {2, 7}}));
  // The condition and observed locations see no hidden register.
  EXPECT_EQ(t.observed_locations, std::vector<int>{0});
  EXPECT_EQ(condition_text(t), "exists (x=1)");
}

TEST(ParseNestedLoads, LoadsInOneExpressionAreEmittedLeftToRight) {
  fencelab::Test t = parse_body("int r0;\nr0 = READ_ONCE(*x) - smp_load_acquire(y) * 2;");
  parser_test::expect_well_formed(t, "two loads");
  const auto &code = t.threads[0];
  ASSERT_EQ(code.ops.size(), 3u);
  EXPECT_EQ(code.ops[0].kind, OpKind::load);
  EXPECT_EQ(code.ops[0].loc, 0);
  EXPECT_EQ(code.ops[1].kind, OpKind::load_acquire);
  EXPECT_EQ(code.ops[1].loc, 1);
  EXPECT_EQ(code.ops[2].kind, OpKind::assign);
  EXPECT_EQ(code.registers, (std::vector<std::string>{"__ld0", "__ld1", "r0"}));
  auto run = parser_test::run_thread_fully(code, {9, 2, 0});
  EXPECT_EQ(run.registers, (std::vector<Value>{9, 2, 5}));
  // 0:r0 names the test's r0, not a hidden register.
  EXPECT_TRUE(t.condition.prop.holds(Outcome{9, 2, 1}));
  EXPECT_FALSE(t.condition.prop.holds(Outcome{1, 1, 0}));
  EXPECT_TRUE(t.observed_locations.empty());
}

TEST(ParseNestedLoads, ALoneLoadStillLoadsStraightIntoItsRegister) {
  fencelab::Test t = parse_body("int r0 = READ_ONCE(*x), r1 = *y;");
  EXPECT_EQ(t.threads[0].registers, (std::vector<std::string>{"r0", "r1"}));
  ASSERT_EQ(t.threads[0].ops.size(), 2u);
  EXPECT_EQ(t.threads[0].ops[0], Op::load(0, 0));
  EXPECT_EQ(t.threads[0].ops[1].reg, 1);
  EXPECT_TRUE(t.threads[0].ops[1].plain);
}

TEST(ParseNestedLoads, LoadInAConditionHappensBeforeTheBranch) {
  fencelab::Test t = parse_body("if (READ_ONCE(*x) == 1 && READ_ONCE(*y)) WRITE_ONCE(*z, 1);", "exists (z=1)");
  parser_test::expect_well_formed(t, "condition");
  const auto &code = t.threads[0];
  ASSERT_GE(code.ops.size(), 3u);
  EXPECT_EQ(code.ops[0], Op::load(0, 0));
  EXPECT_EQ(code.ops[1], Op::load(1, 1));
  std::vector<std::pair<int, Value>> store{{2, 1}};
  EXPECT_EQ(parser_test::run_thread(code, {1, 5, 0}), store);
  EXPECT_TRUE(parser_test::run_thread(code, {1, 0, 0}).empty());
  EXPECT_TRUE(parser_test::run_thread(code, {2, 5, 0}).empty());
}

TEST(ParseNestedLoads, HiddenNamesSkipTheTestsOwn) {
  fencelab::Test t = parse_body("int __ld0 = READ_ONCE(*z);\nWRITE_ONCE(*x, READ_ONCE(*y) + __ld0);", "exists (x=7)");
  parser_test::expect_well_formed(t, "clash");
  EXPECT_EQ(t.threads[0].registers, (std::vector<std::string>{"__ld0", "__ld1"}));
  auto run = parser_test::run_thread_fully(t.threads[0], {0, 3, 4});
  EXPECT_EQ(run.stores, (std::vector<std::pair<int, Value>>{{0, 7}}));
}

TEST(ParseSlotComparison, RegistersAndLocationsCompareWithEachOther) {
  fencelab::Test t = parse_body("int r0 = READ_ONCE(*x);\nint r1 = READ_ONCE(*y);",
                                "filter (0:r0=0:r1)\nexists (0:r0=P0:r1 \\/ 0:r1=[z] \\/ 0:r1<>y)");
  parser_test::expect_well_formed(t, "slot comparison");
  EXPECT_EQ(t.observed_locations, std::vector<int>{2});
  EXPECT_EQ(t.condition.filter, Prop::same(0, 1));
  Prop expected = Prop::disjunction(
      {Prop::same(0, 1), Prop::same(1, 2), Prop::negation(Prop::equals(1, address_of(1)))});
  EXPECT_EQ(t.condition.prop, expected);
  EXPECT_EQ(condition_text(t), "filter (0:r0=0:r1) exists (0:r0=0:r1 \\/ 0:r1=[z] \\/ ~(0:r1=y))");
  // The text reads back as the same condition.
  fencelab::Test again = parse_body("int r0 = READ_ONCE(*x);\nint r1 = READ_ONCE(*y);", condition_text(t));
  EXPECT_EQ(again.condition.prop, t.condition.prop);
  EXPECT_EQ(again.condition.filter, t.condition.filter);
}

} // namespace
} // namespace fencelab
