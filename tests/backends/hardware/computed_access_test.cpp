// Address dependencies and register expressions on the real machine, in batch
// mode, with small budgets. Only what is sound is asserted: the counts add up,
// every outcome is one the program can compute, and the outcome both the LKMM
// and every CPU Linux runs on (address dependencies order reads; smp_mb orders
// everything) forbid never appears.
#include "condition_text.hpp"
#include "hardware_backend.hpp"
#include "litmus_parser.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace fencelab::hardware {
namespace {

HardwareBackend &backend() {
  static HardwareBackend b;
  return b;
}

Histogram run_batch_mode(const fencelab::Test &t, std::uint64_t iterations) {
  RunConfig c;
  c.iterations = iterations;
  c.mode = HardwareMode::automatic; // perpetual mode refuses these tests: batch runs them
  auto result = backend().run(t, c);
  if (auto *u = std::get_if<Unsupported>(&result))
    throw std::runtime_error("unsupported: " + u->reason);
  Histogram h = std::get<Histogram>(result);
  EXPECT_EQ(h.stats.mode.rfind("batch", 0), 0u) << h.stats.mode;
  EXPECT_EQ(h.total(), iterations);
  for (const auto &[outcome, count] : h.counts) // reported, never required
    std::cout << "  " << t.name << ": " << count << " " << outcome_text(t, outcome) << '\n';
  return h;
}

// P1 reads p, then reads through it: z's value while p still points at z.
constexpr const char *mp_address = "C MP+wmb+addr\n{ p=z; }\n"
                                   "P0(int *x, int **p) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*p, x); }\n"
                                   "P1(int **p) { int *r0 = READ_ONCE(*p); int r1 = READ_ONCE(*r0); }\n"
                                   "exists (1:r0=x /\\ 1:r1=0)\n";

TEST(ComputedAccesses, MessagePassingThroughAnAddressDependency) {
  fencelab::Test t = parse_litmus(mp_address, "mp_address.litmus");
  // Locations in order of first mention: p, z (p's initial value), x.
  ASSERT_EQ(t.locations.size(), 3u);
  ASSERT_EQ(t.locations[1].name, "z");
  ASSERT_EQ(t.locations[2].name, "x");
  const Value z = address_of(1), x = address_of(2);
  Histogram h = run_batch_mode(t, 200000);
  std::uint64_t forbidden = 0;
  for (const auto &[outcome, count] : h.counts) {
    ASSERT_EQ(outcome.size(), 2u);
    const Value r0 = outcome[0], r1 = outcome[1];
    EXPECT_TRUE(r0 == x || r0 == z) << r0;
    // Through z (never written) only 0 can be read; through x, 0 or 1.
    EXPECT_TRUE(r1 == 0 || (r1 == 1 && r0 == x)) << r0 << " " << r1;
    if (t.condition.prop.holds(outcome))
      forbidden += count;
  }
  EXPECT_EQ(forbidden, 0u) << "a read through a pointer saw memory older than the pointer's publication";
}

constexpr const char *sb_expressions =
    "C SB+mb+mb+expr\n{}\n"
    "P0(int *x, int *y, int *z) { WRITE_ONCE(*x, 1); smp_mb(); r0 = READ_ONCE(*y);\n"
    "  r1 = (r0 != 0); WRITE_ONCE(*z, r0 * 3 + 5); }\n"
    "P1(int *x, int *y) { WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x); if (r0 > 0 && r0 < 2) *y = 2; }\n"
    "locations [z;]\nexists (0:r0=0 /\\ 1:r0=0)\n";

TEST(ComputedAccesses, RegisterExpressionsAndPlainStoresComputeTheirValues) {
  fencelab::Test t = parse_litmus(sb_expressions, "sb_expressions.litmus");
  ASSERT_EQ(t.slot_name(0), "0:r0");
  ASSERT_EQ(t.slot_name(1), "0:r1");
  ASSERT_EQ(t.slot_name(2), "1:r0");
  ASSERT_EQ(t.slot_name(3), "z");
  Histogram h = run_batch_mode(t, 200000);
  std::uint64_t forbidden = 0;
  for (const auto &[outcome, count] : h.counts) {
    const Value p0_r0 = outcome[0], p0_r1 = outcome[1], p1_r0 = outcome[2], z = outcome[3];
    EXPECT_TRUE(p0_r0 >= 0 && p0_r0 <= 2) << p0_r0;
    EXPECT_EQ(p0_r1, p0_r0 != 0);
    EXPECT_EQ(z, p0_r0 * 3 + 5);
    EXPECT_TRUE(p1_r0 == 0 || p1_r0 == 1) << p1_r0;
    if (p0_r0 == 2) { // y=2 is stored only after P1 has read x=1
      EXPECT_EQ(p1_r0, 1);
    }
    if (t.condition.prop.holds(outcome))
      forbidden += count;
  }
  EXPECT_EQ(forbidden, 0u) << "SB with smp_mb on both sides showed its forbidden outcome";
}

TEST(ComputedAccesses, PerpetualModeRefusesThemByName) {
  fencelab::Test t = parse_litmus(mp_address, "mp_address.litmus");
  RunConfig c;
  c.iterations = 1000;
  c.mode = HardwareMode::perpetual;
  auto refused = backend().run(t, c);
  ASSERT_TRUE(std::holds_alternative<Unsupported>(refused));
  EXPECT_NE(std::get<Unsupported>(refused).reason.find("address"), std::string::npos)
      << std::get<Unsupported>(refused).reason;
}

} // namespace
} // namespace fencelab::hardware
