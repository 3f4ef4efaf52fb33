// Dependencies and plain accesses, built as IR (the parser does not produce
// them yet). Expectations: explanation.txt (dependencies are preserved
// program order, LB with dependencies on both sides is forbidden, MP with an
// address dependency and smp_wmb is forbidden), linux-kernel.bell's
// carry-dep (litmus-tests/dep+plain.litmus: Never), and the cat's data-race
// flag (plain accesses that conflict with nothing ordering them race).
#include "ir_builder.hpp"
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

constexpr int x = 0, y = 1, z1 = 2, z2 = 3;

fencelab::Test two_locations(const char *name) {
  fencelab::Test t;
  t.name = name;
  t.locations = {{"x", 0}, {"y", 0}};
  return t;
}

Prop both(int slot_a, Value a, int slot_b, Value b) {
  return Prop::conjunction({Prop::equals(slot_a, a), Prop::equals(slot_b, b)});
}

// LB: r0 = x; y = 1 || r0 = y; x = 1, the stores as (constant) expressions.
fencelab::Test lb_without_dependencies() {
  fencelab::Test t = two_locations("LB+pos");
  for (auto [from, to] : {std::pair{x, y}, std::pair{y, x}}) {
    ThreadWriter w{"r0"};
    w.load(from, 0).store_expr(to, w.constant(1));
    t.threads.push_back(w.done());
  }
  t.condition.prop = both(0, 1, 1, 1);
  return t;
}

TEST(LkmmDependencies, LoadBufferingIsAllowedWithoutDependencies) {
  const auto t = lb_without_dependencies();
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// P0: r0 = x; y = r0 (data) || P1: r0 = y; if (r0 == 1) x = 1 (ctrl), or
// x = 1 unconditionally. P1's store is a constant, so r0 = 1 on both sides
// is a founded execution; only preserved program order can rule it out.
fencelab::Test lb_data_against(bool ctrl) {
  fencelab::Test t = two_locations(ctrl ? "LB+data+ctrl" : "LB+data+po");
  ThreadWriter p0{"r0"};
  p0.load(x, 0).store_expr(y, p0.reg(0));
  ThreadWriter p1{"r0"};
  p1.load(y, 0);
  if (ctrl)
    p1.if_then(p1.binary(ExprKind::equal, p1.reg(0), p1.constant(1)), 1);
  p1.store(x, 1);
  t.threads = {p0.done(), p1.done()};
  t.condition.prop = both(0, 1, 1, 1);
  return t;
}

TEST(LkmmDependencies, DataAndControlDependenciesForbidLoadBuffering) {
  const auto t = lb_data_against(true);
  EXPECT_EQ(verdict(t, answer(t)), Observation::never);
}

TEST(LkmmDependencies, ADataDependencyOnOneSideAloneAllowsLoadBuffering) {
  const auto t = lb_data_against(false);
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// x = y + 1 and y = x + 1: values grow through the cycle, yet every founded
// execution is found (the reads see 0, 1 or 2).
TEST(LkmmDependencies, IncrementsThroughACycleKeepEveryFoundedValue) {
  fencelab::Test t = two_locations("LB+incs");
  for (auto [from, to] : {std::pair{x, y}, std::pair{y, x}}) {
    ThreadWriter w{"r0"};
    const int plus1 = w.binary(ExprKind::add, w.reg(0), w.constant(1));
    w.load(from, 0).store_expr(to, plus1);
    t.threads.push_back(w.done());
  }
  t.condition.prop = both(0, 0, 1, 0);
  const auto a = answer(t);
  // Both read 0 (LB-free order or both early), or one reads the other's 1;
  // reading 2 would need the other to have read 1 first: a cycle.
  EXPECT_EQ(outcome_set(a), (std::set<Outcome>{{0, 0}, {0, 1}, {1, 0}}));
}

TEST(LkmmDependencies, ControlDependenciesOnBothSidesForbidLoadBuffering) {
  fencelab::Test t = two_locations("LB+ctrls");
  for (auto [from, to] : {std::pair{x, y}, std::pair{y, x}}) {
    ThreadWriter w{"r0"};
    const int cond = w.binary(ExprKind::equal, w.reg(0), w.constant(1));
    w.load(from, 0).if_then(cond, 1).store(to, 1);
    t.threads.push_back(w.done());
  }
  t.condition.prop = both(0, 1, 1, 1);
  EXPECT_EQ(verdict(t, answer(t)), Observation::never);
}

// MP where the reader finds x through a pointer p (initially &y, a location
// that holds 1), set to &x by the writer after x=1.
fencelab::Test mp_through_pointer(FenceKind writer_fence) {
  fencelab::Test t;
  t.name = "MP+addr";
  t.locations = {{"x", 0}, {"y", 1}, {"p", address_of(1)}};
  ThreadWriter w0{};
  w0.store(0, 1).raw(Op::fence_of(writer_fence)).store(2, address_of(0));
  ThreadWriter w1{"r0", "r1"};
  w1.load(2, 0).load_through(0, 1);
  t.threads = {w0.done(), w1.done()};
  t.condition.prop = both(0, address_of(0), 1, 0);
  return t;
}

TEST(LkmmDependencies, AddressDependencyWithWmbForbidsStaleData) {
  const auto t = mp_through_pointer(FenceKind::smp_wmb);
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_TRUE(outcome_set(a).count(Outcome{address_of(0), 1}));
  EXPECT_TRUE(outcome_set(a).count(Outcome{address_of(1), 1})) << "the old pointer reads y";
}

TEST(LkmmDependencies, AddressDependencyAloneLeavesTheWriterUnordered) {
  const auto t = mp_through_pointer(FenceKind::barrier);
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// tools/memory-model/litmus-tests/dep+plain.litmus: the read's value reaches
// the branch only through plain stores and loads of z1, z2 (bell: carry-dep).
fencelab::Test dep_plus_plain() {
  fencelab::Test t;
  t.name = "dep+plain";
  t.locations = {{"x", 0}, {"y", 0}, {"z1", 0}, {"z2", 0}};
  ThreadWriter p0{"a", "b", "c"};
  const int a = p0.reg(0), b = p0.reg(1);
  const int cond = p0.binary(ExprKind::equal, p0.reg(2), p0.constant(1));
  p0.load(x, 0).store_expr(z1, a, true).load(z1, 1, true).store_expr(z2, b, true).load(z2, 2, true);
  p0.if_then(cond, 1).store(y, 1);
  ThreadWriter p1{"r"};
  p1.raw(Op::load_acquire(y, 0)).store_release_expr(x, p1.reg(0));
  t.threads = {p0.done(), p1.done()};
  t.observed_locations = {x, y};
  t.condition.prop = both(t.location_slot(x), 1, t.location_slot(y), 1);
  return t;
}

TEST(LkmmDependencies, PlainAccessesCarryDependencies) {
  const auto t = dep_plus_plain();
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_FALSE(raced(a)) << "z1 and z2 are P0's alone";
}

fencelab::Test message_passing(bool plain, bool release_acquire) {
  fencelab::Test t = two_locations(plain ? "MP+plain" : "MP+once");
  ThreadWriter w{};
  w.store(x, 1, plain);
  w.raw(release_acquire ? Op::store_release(y, 1) : Op::store(y, 1));
  ThreadWriter r{"r0", "r1"};
  r.raw(release_acquire ? Op::load_acquire(y, 0) : Op::load(y, 0));
  const int flag = r.binary(ExprKind::equal, r.reg(0), r.constant(1));
  r.if_then(flag, 1).load(x, 1, plain);
  t.threads = {w.done(), r.done()};
  t.condition.prop = both(0, 1, 1, 0);
  return t;
}

TEST(LkmmDataRace, UnorderedPlainAccessesRace) {
  const auto t = message_passing(true, false);
  const auto a = answer(t);
  EXPECT_TRUE(raced(a));
  EXPECT_EQ(a.flags, std::vector<std::string>{"data-race"});
}

TEST(LkmmDataRace, MarkedAccessesNeverRace) {
  const auto t = message_passing(false, false);
  const auto a = answer(t);
  EXPECT_FALSE(raced(a));
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
}

TEST(LkmmDataRace, ReleaseAcquireOrdersThePlainAccesses) {
  const auto t = message_passing(true, true);
  const auto a = answer(t);
  EXPECT_FALSE(raced(a)) << "the plain read runs only after the acquire saw the release";
  EXPECT_EQ(verdict(t, a), Observation::never);
}

TEST(LkmmDataRace, ConcurrentPlainStoresRace) {
  fencelab::Test t = two_locations("2W+plain");
  t.threads = {ThreadWriter{}.store(x, 1, true).done(), ThreadWriter{}.store(x, 2, true).done()};
  t.observed_locations = {x};
  t.condition.prop = Prop::equals(t.location_slot(x), 1);
  const auto a = answer(t);
  EXPECT_TRUE(raced(a));
  EXPECT_EQ(outcome_set(a), (std::set<Outcome>{{1}, {2}}));
}

} // namespace
} // namespace fencelab::lkmm::tests
