// What herd's way of solving a candidate's values means for the LKMM: a value
// that only comes around an rf + data cycle is fixed by no equation (thin air,
// equal to no constant), a stored address read back is a location to
// dereference, and linux-kernel.cat's plain-access rules (the `fence` and
// `strong-fence ; xbstar` terms of ww-vis, wr-vis and rw-xbstar; the data-race
// flag of executions the filter keeps). Expected verdicts follow from the
// model's definitions; the shapes are those of corpus files named per test.
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

// manual/plain/C-OOTA: plain accesses are not in hb, so nothing forbids the
// rf + data cycle, and its value is no constant: not 0 in particular.
TEST(LkmmHerdValues, PlainLoadBufferingCarriesAThinAirValue) {
  const fencelab::Test t = litmus(R"(C plain-oota
{}
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y) { int r1; r1 = *y; *x = r1; }
exists (~0:r1=0 \/ ~1:r1=0)
)");
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::sometimes);
  EXPECT_TRUE(raced(a)); // the plain accesses to x (and y) are unordered
}

// The same cycle with marked accesses: data ; rfe ; data ; rfe is an hb cycle.
TEST(LkmmHerdValues, MarkedLoadBufferingWithDataDependenciesHasNoThinAirValue) {
  const fencelab::Test t = litmus(R"(C marked-oota
{}
P0(int *x, int *y) { int r1; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); }
P1(int *x, int *y) { int r1; r1 = READ_ONCE(*y); WRITE_ONCE(*x, r1); }
exists (~0:r1=0 \/ ~1:r1=0)
)");
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_FALSE(raced(a));
}

// manual/oota/C-PM-OOTA-1: the cycle through plain reads is allowed, but the
// value it carries is no constant, so b never ends up 42.
TEST(LkmmHerdValues, AThinAirValueEqualsNoConstant) {
  const fencelab::Test t = litmus(R"(C thin-air-42
{}
P0(int *a, int *b) { int r1; r1 = *b; WRITE_ONCE(*a, r1); }
P1(int *a, int *b) { int r1; r1 = *a; WRITE_ONCE(*b, r1); }
exists (b=42)
)");
  EXPECT_EQ(verdict(t, answer(t)), Observation::never);
}

// manual/kernel/C-PPOCA: the only value z can give back is the address the
// thread stored there itself (CoWR), and reading through it reads x.
TEST(LkmmHerdValues, AStoredAddressReadBackIsDereferenced) {
  const fencelab::Test t = litmus(R"(C store-address-then-deref
{}
P0(int *x, int *z) { int r2; int r3; WRITE_ONCE(*z, x); r2 = READ_ONCE(*z); r3 = READ_ONCE(*r2); }
exists (0:r2=x /\ 0:r3=0)
)");
  EXPECT_EQ(verdict(t, answer(t)), Observation::always);
}

// manual/kernel/C-PPOCA: ctrl ; rfi is not ppo, so the release is not
// enough to order the read through the address with P0's first store.
TEST(LkmmHerdValues, ControlDependencyThenRfiDoesNotOrderTheDereference) {
  const fencelab::Test t = litmus(R"(C ppoca
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_store_release(y, 1); }
P1(int *x, int *y, int *z) {
  int r1; int r2; int r3;
  r1 = READ_ONCE(*y);
  if (r1) { WRITE_ONCE(*z, x); r2 = READ_ONCE(*z); r3 = READ_ONCE(*r2); }
}
exists (1:r1=1 /\ 1:r2=x /\ 1:r3=0)
)");
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

// manual/plain/strong-vis: *x = 1 is before a strong fence whose marked store
// P2 observes through hb, so the plain write is visible to the plain read
// (strong-fence ; xbstar ; r-pre-bounded in wr-vis): no race, and r3 reads 1.
TEST(LkmmHerdValues, StrongFenceMakesAPlainStoreVisible) {
  const fencelab::Test t = litmus(R"(C strong-vis
{}
P0(int *x, int *y) { *x = 1; smp_mb(); WRITE_ONCE(*y, 1); }
P1(int *y, int *z) { int r1; r1 = READ_ONCE(*y); WRITE_ONCE(*z, r1); }
P2(int *x, int *z) { int r2; int r3; r2 = smp_load_acquire(z); if (r2) r3 = *x; }
exists (2:r2=1 /\ 2:r3=0)
)");
  const auto a = answer(t);
  EXPECT_EQ(verdict(t, a), Observation::never);
  EXPECT_FALSE(raced(a));
}

// manual/plain/C-AlanStern.2018.01.11a: P0's store races with P2's plain
// store unless P1 reads it (then the release-acquire chain orders them). The
// filter keeps only the executions where P1 reads it, and herd prunes the
// others before it looks at the flags.
const char *const alan_stern = R"(C filtered-race
{}
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x, int *y) { int r1; r1 = READ_ONCE(*x); WRITE_ONCE(*x, 2); smp_store_release(y, 1); }
P2(int *x, int *y) { int r1; r1 = smp_load_acquire(y); if (r1) *x = 3; }
%FILTER%exists (2:r1=1 /\ ~x=3)
)";

std::string with_filter(const std::string &filter) {
  std::string text = alan_stern;
  return text.replace(text.find("%FILTER%"), 8, filter);
}

TEST(LkmmHerdValues, AFilteredOutExecutionRaisesNoDataRace) {
  const fencelab::Test filtered = litmus(with_filter("filter (1:r1=1)\n"));
  const auto a = answer(filtered);
  EXPECT_EQ(verdict(filtered, a), Observation::never);
  EXPECT_FALSE(raced(a));
  EXPECT_TRUE(raced(answer(litmus(with_filter("")))));
}

// manual/kernel/crypto-control-data: r1 is set by constants, so the store to y
// depends on the read of x neither by data nor by control (ctrl ends with the
// if), and this is plain load buffering with one data dependency: allowed. The
// value 1 reaches x only through a store that a branch on a value read from a
// store of a read reaches, one round after thin air enters the domains.
TEST(LkmmHerdValues, AConstantStoredBehindABranchReachesTheDomains) {
  const fencelab::Test t = litmus(R"(C crypto-control-data-shape
{}
P0(int *x, int *y) { int r0; int r1; r1 = 1; r0 = READ_ONCE(*x); if (r0 == 0) r1 = 0; WRITE_ONCE(*y, r1); }
P1(int *x, int *y) { int r2; r2 = READ_ONCE(*y); WRITE_ONCE(*x, r2); }
exists (0:r1=1)
)");
  EXPECT_EQ(verdict(t, answer(t)), Observation::sometimes);
}

} // namespace
} // namespace fencelab::lkmm::tests
