// Plain-access shapes the parser cannot read yet, built as IR, with herd7's
// verdict and data-race flag for the corpus file of the same shape
// (herd7-observations.tsv, herd7 7.58 with linux-kernel.cfg).
#include "ir_builder.hpp"
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

Prop equals(int slot, Value v) { return Prop::equals(slot, v); }

// manual/plain/MP+wmbplainplain+rmbplainplain: herd7 "Sometimes DATARACE".
TEST(LkmmPlainShapes, MessagePassingWithPlainAccessesAndWmbRmb) {
  fencelab::Test t;
  t.name = "MP+wmbplainplain+rmbplainplain";
  t.locations = {{"x", 0}, {"y", 0}};
  ThreadWriter p0{};
  p0.store(0, 1, true).raw(Op::fence_of(FenceKind::smp_wmb)).store(1, 1, true);
  ThreadWriter p1{"r0", "r1"};
  p1.load(1, 0, true).raw(Op::fence_of(FenceKind::smp_rmb)).load(0, 1, true);
  t.threads = {p0.done(), p1.done()};
  t.condition.prop = Prop::conjunction({Prop::negation(equals(0, 0)), Prop::negation(equals(1, 1))});
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
  EXPECT_TRUE(raced(a));
}

// manual/plain/C-non-race1: herd7 "Sometimes DATARACE".
TEST(LkmmPlainShapes, PlainReadUnderAControlDependency) {
  fencelab::Test t;
  t.name = "C-non-race1";
  t.locations = {{"x", 0}, {"y", 0}};
  ThreadWriter p0{"r1", "r2"};
  const int cond = p0.binary(ExprKind::equal, p0.reg(0), p0.constant(1));
  p0.load(0, 0).raw(Op::fence_of(FenceKind::smp_rmb)).if_then(cond, 1).load(1, 1, true).store(1, 1);
  ThreadWriter p1{"r3"};
  p1.load(1, 0).store_expr(0, p1.reg(0));
  ThreadWriter p2{};
  p2.store(1, 2);
  t.threads = {p0.done(), p1.done(), p2.done()};
  t.condition.prop = Prop::conjunction({equals(0, 1), equals(2, 1)});
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
  EXPECT_TRUE(raced(a));
}

// manual/plain/C-S+o-mb-o+o-ctl-p: herd7 "Sometimes DATARACE".
TEST(LkmmPlainShapes, SWithAPlainStoreUnderAControlDependency) {
  fencelab::Test t;
  t.name = "S+o-mb-o+o-ctl-p";
  t.locations = {{"x", 0}, {"z", 0}};
  ThreadWriter p0{};
  p0.store(1, 1).raw(Op::fence_of(FenceKind::smp_mb)).store(0, 1);
  ThreadWriter p1{"r1"};
  const int cond = p1.binary(ExprKind::equal, p1.reg(0), p1.constant(1));
  p1.load(0, 0).if_then(cond, 1).store(1, 0, true);
  t.threads = {p0.done(), p1.done()};
  t.observed_locations = {1};
  t.condition.prop = Prop::conjunction({equals(0, 1), equals(t.location_slot(1), 1)});
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
  EXPECT_TRUE(raced(a));
}

// manual/plain/C-data-race-of-execution: herd7 "Never DATARACE" (a marked
// store against a plain load races; 16 is never read).
TEST(LkmmPlainShapes, MarkedStoreAgainstPlainLoad) {
  fencelab::Test t;
  t.name = "C-data-race-of-execution";
  t.locations = {{"x", 0}};
  ThreadWriter p1{"r1"};
  p1.load(0, 0, true);
  t.threads = {ThreadWriter{}.store(0, 17).done(), p1.done()};
  t.condition.prop = equals(0, 16);
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_TRUE(raced(a));
}

// manual/plain/C-non-race3: herd7 "Sometimes DATARACE".
TEST(LkmmPlainShapes, ConditionalPlainStoreBeforeAMarkedOne) {
  fencelab::Test t;
  t.name = "C-non-race3";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  ThreadWriter p0{"r0"};
  const int cond = p0.binary(ExprKind::equal, p0.reg(0), p0.constant(1));
  p0.load(0, 0).if_then(cond, 1).store(1, 3, true).store(1, 5);
  p0.raw(Op::fence_of(FenceKind::smp_wmb)).store(2, 1);
  ThreadWriter p1{"r1"};
  p1.load(2, 0).store_expr(0, p1.reg(0));
  ThreadWriter p2{};
  p2.store(1, 2, true);
  t.threads = {p0.done(), p1.done(), p2.done()};
  t.condition.prop = Prop::conjunction({equals(0, 1), equals(1, 1)});
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
  EXPECT_TRUE(raced(a));
}

} // namespace
} // namespace fencelab::lkmm::tests
