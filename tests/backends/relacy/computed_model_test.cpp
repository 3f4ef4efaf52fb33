// The interpreter on the new core: accesses through a register holding an
// address, register expressions, plain accesses. Expectations follow C++
// semantics, which Relacy models: loads are relaxed, so an address dependency
// orders nothing (C++ has no dependency ordering short of consume), and plain
// accesses run as relaxed atomics.
#include "litmus_parser.hpp"
#include "model_test_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace fencelab::relacy::model_tests {
namespace {

std::set<Outcome> model_outcomes(const std::string &litmus) {
  fencelab::Test t = parse_litmus(litmus, "t.litmus");
  const auto result = model_check(t, full_search());
  EXPECT_EQ(result.error, "") << t.name;
  return outcomes(result);
}

// p starts at z; P0 publishes x through p after smp_wmb. Locations: p, z, x.
std::string mp_through_pointer(const std::string &pointer_read) {
  return "C MP+wmb+addr\n{ p=z; }\n"
         "P0(int *x, int **p) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*p, x); }\n"
         "P1(int **p) { int *r0 = " +
         pointer_read + "; int r1 = READ_ONCE(*r0); }\nexists (1:r0=x /\\ 1:r1=0)\n";
}

constexpr Value z = address_of(1);
constexpr Value x = address_of(2);

TEST(ComputedModel, AnAddressDependencyAloneOrdersNothingInCpp) {
  // r0=x, r1=0 is the weak outcome: the read of p is relaxed, so nothing makes
  // P0's store to x visible to the read through r0.
  EXPECT_EQ(model_outcomes(mp_through_pointer("READ_ONCE(*p)")), (std::set<Outcome>{{z, 0}, {x, 0}, {x, 1}}));
}

TEST(ComputedModel, AnAcquireReadOfThePointerForbidsTheWeakOutcome) {
  // smp_wmb is a release fence here; the acquire read of its later store synchronises with it.
  EXPECT_EQ(model_outcomes(mp_through_pointer("smp_load_acquire(p)")), (std::set<Outcome>{{z, 0}, {x, 1}}));
}

TEST(ComputedModel, RegisterExpressionsAssignStoreAndBranch) {
  const std::string litmus = "C T\n{}\nP0(int *x) { WRITE_ONCE(*x, 2); }\n"
                             "P1(int *x, int *y) { r0 = READ_ONCE(*x); r1 = r0 * 3 + (r0 != 0);\n"
                             "  if (r0 > 1) WRITE_ONCE(*y, r1 - 1); else *y = 5; }\n"
                             "locations [y;]\nexists (1:r0=2)\n";
  // Slots: 1:r0, 1:r1, y.
  EXPECT_EQ(model_outcomes(litmus), (std::set<Outcome>{{0, 0, 5}, {2, 7, 6}}));
}

TEST(ComputedModel, ThroughARegisterHoldingNoAddressReadsZeroAndStoresNothing) {
  const std::string litmus =
      "C T\n{ x=3; }\n"
      "P0(int *x, int **p) { int *r0 = READ_ONCE(*p); r1 = READ_ONCE(*r0); WRITE_ONCE(*r0, 5); }\n"
      "locations [x;]\nexists (0:r1=0)\n";
  EXPECT_EQ(model_outcomes(litmus), (std::set<Outcome>{{0, 0, 3}}));
}

TEST(ComputedModel, RegisterInitialAddressesAreDereferenced) {
  const std::string litmus = "C T\n{ x=3; 0:r0=x; }\n"
                             "P0(int *x) { r1 = READ_ONCE(*r0); WRITE_ONCE(*r0, r1 + 1); }\n"
                             "locations [x;]\nexists (0:r1=3)\n";
  // Locations: x. Slots: 0:r0, 0:r1, x.
  EXPECT_EQ(model_outcomes(litmus), (std::set<Outcome>{{address_of(0), 3, 4}}));
}

// Plain accesses are relaxed atomics: SB's weak outcome is reachable, and
// seq_cst fences (smp_mb) forbid it.
TEST(ComputedModel, PlainAccessesAreRelaxed) {
  auto sb = [](const std::string &fence) {
    return "C SB\n{}\nP0(int *x, int *y) { *x = 1; " + fence + " r0 = *y; }\n" + "P1(int *x, int *y) { *y = 1; " +
           fence + " r0 = *x; }\nexists (0:r0=0 /\\ 1:r0=0)\n";
  };
  EXPECT_EQ(model_outcomes(sb("")).count(Outcome{0, 0}), 1u);
  EXPECT_EQ(model_outcomes(sb("smp_mb();")).count(Outcome{0, 0}), 0u);
  EXPECT_EQ(model_outcomes(sb("smp_mb();")).size(), 3u);
}

} // namespace
} // namespace fencelab::relacy::model_tests
