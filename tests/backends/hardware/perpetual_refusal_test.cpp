// Perpetual mode replaces stored constants by sequence numbers, so it refuses
// every test whose values or addresses are computed at run time, and plain
// accesses; batch mode runs those.
#include "litmus_parser.hpp"
#include "perpetual_plan.hpp"

#include <gtest/gtest.h>

namespace fencelab::hardware {
namespace {

std::string refusal(const std::string &init, const std::string &p1_body) {
  fencelab::Test t = parse_litmus(
      "C T\n{ " + init + " }\n" + "P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_mb(); r0 = READ_ONCE(*y); }\n" +
          "P1(int *x, int *y, int **p) { " + p1_body + " }\n" + "exists (0:r0=0 /\\ 1:r0=0)\n",
      "t.litmus");
  auto plan = plan_perpetual(t);
  if (std::holds_alternative<PerpetualPlan>(plan))
    return "planned";
  return std::get<std::string>(plan);
}

TEST(PerpetualRefusal, MarkedConstantAccessesArePlanned) {
  EXPECT_EQ(refusal("", "WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x);"), "planned");
}

TEST(PerpetualRefusal, ComputedValuesAddressesAndPlainAccessesAreRefused) {
  const std::string computes = "the test computes values from registers, which perpetual mode does not replay";
  EXPECT_EQ(refusal("", "WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x); r1 = r0 + 1;"), computes);
  EXPECT_EQ(refusal("", "r0 = READ_ONCE(*x); smp_mb(); WRITE_ONCE(*y, r0 + 1);"), computes);
  EXPECT_EQ(refusal("", "WRITE_ONCE(*y, 1); smp_mb(); int *r1 = READ_ONCE(*p); r0 = READ_ONCE(*r1);"),
            "the test accesses a location through a register");
  EXPECT_EQ(refusal("", "*y = 1; smp_mb(); r0 = READ_ONCE(*x);"), "the test has plain accesses");
  EXPECT_EQ(refusal("", "WRITE_ONCE(*y, 1); smp_mb(); r0 = *x;"), "the test has plain accesses");
  EXPECT_EQ(refusal("p=x;", "WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x);"), "location p holds an address");
}

} // namespace
} // namespace fencelab::hardware
