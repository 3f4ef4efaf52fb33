// The model's own limits: which tests run into Relacy's blind spots, so that
// an allowed outcome the search cannot reach is never called forbidden. The
// outcomes named below are allowed by LKMM (and C++ relaxed atomics); where
// the model misses one, the limit that explains it must be in the answer.
#include "family.hpp"
#include "model_test_support.hpp"
#include "relacy_limits.hpp"
#include "relacy_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace fencelab::relacy::model_tests {
namespace {

constexpr int x = 0;
constexpr int y = 1;

bool mentions(const std::vector<std::string> &limits, const std::string &words) {
  return std::any_of(limits.begin(), limits.end(),
                     [&](const std::string &line) { return line.find(words) != std::string::npos; });
}

ModelAnswer answer(const fencelab::Test &test, RelacyConfig config = {}) {
  auto result = RelacyModel(config).check(test, {});
  EXPECT_TRUE(std::holds_alternative<ModelAnswer>(result)) << test.name;
  auto *a = std::get_if<ModelAnswer>(&result);
  return a ? *a : ModelAnswer{};
}

bool reachable(const fencelab::Test &test, const ModelAnswer &a) { return tally(test, a.outcomes).positive > 0; }

// 2+2W: T0 x=1; y=2 || T1 y=1; x=2, final x=1 and y=1.
fencelab::Test two_plus_two_w() {
  fencelab::Test t;
  t.name = "2+2W";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::store(x, 1), Op::store(y, 2)}, {}, {}}, {{Op::store(y, 1), Op::store(x, 2)}, {}, {}}};
  t.observed_locations = {x, y};
  t.condition.prop = all_of({{0, 1}, {1, 1}}); // no registers: the observed locations are slots 0, 1
  return t;
}

// LB: T0 r0=x; y=1 || T1 r1=y; x=1, r0=1 and r1=1.
fencelab::Test load_buffering() {
  fencelab::Test t;
  t.name = "LB";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::load(x, 0), Op::store(y, 1)}, {"r0"}, {}}, {{Op::load(y, 0), Op::store(x, 1)}, {"r1"}, {}}};
  t.condition.prop = all_of({{0, 1}, {1, 1}});
  return t;
}

// T0 x=1; x=2; y=1 || T1 r0=y; r1=x, r0=1 and r1=0: T1 reads x's initial
// value although two later stores to x came before the y it read.
fencelab::Test stale_read_after_two_stores() {
  fencelab::Test t;
  t.name = "MP+x-twice";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{Op::store(x, 1), Op::store(x, 2), Op::store(y, 1)}, {}, {}},
               {{Op::load(y, 0), Op::load(x, 1)}, {"r0", "r1"}, {}}};
  t.condition.prop = all_of({{0, 1}, {1, 0}});
  return t;
}

TEST(RelacyLimits, TwoPlusTwoWIsLimitedByExecutionOrderedStores) {
  const fencelab::Test t = two_plus_two_w();
  const ModelAnswer a = answer(t);
  EXPECT_TRUE(a.exhaustive);
  EXPECT_FALSE(reachable(t, a)) << "Relacy's known blind spot; if this changes, revisit the limit";
  EXPECT_TRUE(mentions(a.limits, "modification order in execution order (x has two writers)"));
  EXPECT_TRUE(mentions(a.limits, "latest two stores (x is stored 2 times)"));
  EXPECT_FALSE(mentions(a.limits, "load buffering"));
}

TEST(RelacyLimits, LoadBufferingIsLimited) {
  const fencelab::Test t = load_buffering();
  const ModelAnswer a = answer(t);
  EXPECT_TRUE(a.exhaustive);
  EXPECT_FALSE(reachable(t, a)) << "Relacy's known blind spot; if this changes, revisit the limit";
  EXPECT_EQ(a.limits, std::vector<std::string>{"no load buffering (two threads load before they store)"});
}

TEST(RelacyLimits, OneLoadBeforeAStoreIsNotLoadBuffering) {
  fencelab::Test t = load_buffering();
  t.threads[1].ops = {Op::store(x, 1), Op::load(y, 0)}; // T1 stores first
  EXPECT_TRUE(relacy_limits(t, SearchMode::full).empty());
}

// The cross-check's chain-842: only the LKMM reaches r0=2, r1=3, r2=0, since it
// lets z=3 take effect before T1's read of y; Relacy always runs that read first.
TEST(RelacyLimits, ALoadBeforeAStoreWithFencesElsewhereIsLimited) {
  fencelab::Test t;
  t.name = "chain";
  t.locations = {{"x", 0}, {"y", 0}, {"z", 0}};
  t.threads = {{{Op::store(0, 1), Op::fence_of(FenceKind::membarrier), Op::store(1, 2)}, {}, {}},
               {{Op::load(1, 0), Op::store(2, 3)}, {"r0"}, {}},
               {{Op::load(2, 0), Op::load(0, 1)}, {"r0", "r1"}, {}}};
  EXPECT_TRUE(mentions(relacy_limits(t, SearchMode::full), "a load always runs before its thread's later stores"));
  t.threads[0].ops[1] = Op::fence_of(FenceKind::barrier);
  EXPECT_FALSE(mentions(relacy_limits(t, SearchMode::full), "a load always runs before"));
}

TEST(RelacyLimits, TheFamilyHasNone) {
  for (const fencelab::Test &t : all_family_tests())
    for (SearchMode search : {SearchMode::full, SearchMode::context_bound, SearchMode::random})
      EXPECT_TRUE(relacy_limits(t, search).empty()) << t.name;
}

// Full search lets a load choose between the latest two stores only; the
// random scheduler keeps three. The stale read is allowed, so full search
// must report the window, and random search (which can reach it) need not.
TEST(RelacyLimits, TheReadWindowDependsOnTheSearch) {
  const fencelab::Test t = stale_read_after_two_stores();
  const ModelAnswer full = answer(t);
  EXPECT_FALSE(reachable(t, full)) << "Relacy's known blind spot; if this changes, revisit the limit";
  EXPECT_EQ(full.limits, std::vector<std::string>{"loads read only the latest two stores (x is stored 2 times)"});

  RelacyConfig random;
  random.search = SearchMode::random;
  random.random_iterations = 20000;
  const ModelAnswer sampled = answer(t, random);
  EXPECT_TRUE(reachable(t, sampled));
  EXPECT_TRUE(sampled.limits.empty());

  fencelab::Test three = t;
  three.threads[0].ops.insert(three.threads[0].ops.begin(), Op::store(x, 3));
  EXPECT_EQ(relacy_limits(three, SearchMode::random),
            std::vector<std::string>{"loads read only the latest three stores (x is stored 3 times)"});
}

// A store through an address register may reach any location, so it counts
// as a writer of each.
TEST(RelacyLimits, AStoreThroughARegisterCountsForEveryLocation) {
  fencelab::Test t;
  t.name = "store-via-register";
  t.locations = {{"x", 0}, {"y", 0}};
  Op via_register = Op::store(-1, 1);
  via_register.addr_reg = 0;
  t.threads = {{{via_register}, {"r0"}, {}}, {{Op::store(y, 1)}, {}, {}}};
  const auto limits = relacy_limits(t, SearchMode::full);
  EXPECT_TRUE(mentions(limits, "(y has two writers)"));
  EXPECT_TRUE(mentions(limits, "(y is stored 2 times)"));
  EXPECT_FALSE(mentions(limits, "x has two writers"));
}

} // namespace
} // namespace fencelab::relacy::model_tests
