// Classic shapes with the verdicts the LKMM's own documentation gives them
// (tools/memory-model/litmus-tests/*.litmus Result lines and
// Documentation/explanation.txt), written in the parser's subset.
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

struct Shape {
  const char *name;
  const char *threads_and_condition; // everything after the C line and the empty init
  Observation expected;
};

std::string text_of(const Shape &s) { return std::string("C ") + s.name + "\n{\n}\n" + s.threads_and_condition; }

class ClassicShape : public ::testing::TestWithParam<Shape> {};

TEST_P(ClassicShape, HasTheLkmmVerdict) {
  const fencelab::Test test = litmus(text_of(GetParam()));
  const ModelAnswer a = answer(test);
  EXPECT_TRUE(a.exhaustive);
  EXPECT_TRUE(a.limits.empty());
  EXPECT_EQ(verdict(test, a), GetParam().expected) << GetParam().name;
  EXPECT_FALSE(raced(a)) << "marked accesses never race";
}

constexpr auto never = Observation::never;
constexpr auto sometimes = Observation::sometimes;

#define SB_BODY(F0, F1)                                                                                             \
  "P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); " F0 " r0 = READ_ONCE(*y); }\n"                                  \
  "P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); " F1 " r0 = READ_ONCE(*x); }\n"                                  \
  "exists (0:r0=0 /\\ 1:r0=0)\n"
#define MP_BODY(W0, W1, R0, R1)                                                                                     \
  "P0(int *x, int *y) { " W0 "; " W1 "; }\n"                                                                        \
  "P1(int *x, int *y) { int r0; int r1; " R0 "; " R1 "; }\n"                                                        \
  "exists (1:r0=1 /\\ 1:r1=0)\n"
#define LB_BODY(F0, F1)                                                                                             \
  "P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); " F0 " WRITE_ONCE(*y, 1); }\n"                                  \
  "P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); " F1 " WRITE_ONCE(*x, 1); }\n"                                  \
  "exists (0:r0=1 /\\ 1:r0=1)\n"
#define W22_BODY(F0, F1)                                                                                            \
  "P0(int *x, int *y) { WRITE_ONCE(*x, 1); " F0 " WRITE_ONCE(*y, 2); }\n"                                           \
  "P1(int *x, int *y) { WRITE_ONCE(*y, 1); " F1 " WRITE_ONCE(*x, 2); }\n"                                           \
  "exists (x=1 /\\ y=1)\n"
#define IRIW_BODY(F)                                                                                                \
  "P0(int *x) { WRITE_ONCE(*x, 1); }\n"                                                                             \
  "P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*x); " F " r1 = READ_ONCE(*y); }\n"                          \
  "P2(int *y) { WRITE_ONCE(*y, 1); }\n"                                                                             \
  "P3(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); " F " r1 = READ_ONCE(*x); }\n"                          \
  "exists (1:r0=1 /\\ 1:r1=0 /\\ 3:r0=1 /\\ 3:r1=0)\n"
#define WRC_BODY(W, F)                                                                                              \
  "P0(int *x) { WRITE_ONCE(*x, 1); }\n"                                                                             \
  "P1(int *x, int *y) { int r0; r0 = READ_ONCE(*x); " W "; }\n"                                                     \
  "P2(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); " F " r1 = READ_ONCE(*x); }\n"                          \
  "exists (1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0)\n"
#define ISA2_BODY(W0, R1, W1, R2)                                                                                   \
  "P0(int *x, int *y) { WRITE_ONCE(*x, 1); " W0 "; }\n"                                                             \
  "P1(int *y, int *z) { int r0; " R1 "; " W1 "; }\n"                                                                \
  "P2(int *x, int *z) { int r0; int r1; " R2 "; r1 = READ_ONCE(*x); }\n"                                            \
  "exists (1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0)\n"
#define R_BODY(F0, F1)                                                                                              \
  "P0(int *x, int *y) { WRITE_ONCE(*x, 1); " F0 " WRITE_ONCE(*y, 1); }\n"                                           \
  "P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 2); " F1 " r0 = READ_ONCE(*x); }\n"                                  \
  "exists (y=2 /\\ 1:r0=0)\n"
#define S_BODY(W1, R0)                                                                                              \
  "P0(int *x, int *y) { WRITE_ONCE(*x, 2); " W1 "; }\n"                                                             \
  "P1(int *x, int *y) { int r0; " R0 "; WRITE_ONCE(*x, 1); }\n"                                                     \
  "exists (x=2 /\\ 1:r0=1)\n"

INSTANTIATE_TEST_SUITE_P(
    Lkmm, ClassicShape,
    ::testing::Values(
        Shape{"SB+poonceonces", SB_BODY("", ""), sometimes},
        Shape{"SB+fencembonceonces", SB_BODY("smp_mb();", "smp_mb();"), never},
        Shape{"SB+mb+barrier", SB_BODY("smp_mb();", "barrier();"), sometimes},
        Shape{"SB+wmb+rmb", SB_BODY("smp_wmb();", "smp_rmb();"), sometimes},
        Shape{"MP+poonceonces", MP_BODY("WRITE_ONCE(*x, 1)", "WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y)", "r1 = READ_ONCE(*x)"),
              sometimes},
        Shape{"MP+pooncerelease+poacquireonce",
              MP_BODY("WRITE_ONCE(*x, 1)", "smp_store_release(y, 1)", "r0 = smp_load_acquire(y)", "r1 = READ_ONCE(*x)"),
              never},
        Shape{"MP+fencewmbonceonce+fencermbonceonce",
              MP_BODY("WRITE_ONCE(*x, 1); smp_wmb()", "WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y); smp_rmb()",
                      "r1 = READ_ONCE(*x)"),
              never},
        Shape{"MP+wmb+po", MP_BODY("WRITE_ONCE(*x, 1); smp_wmb()", "WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y)", "r1 = READ_ONCE(*x)"),
              sometimes},
        Shape{"MP+po+rmb", MP_BODY("WRITE_ONCE(*x, 1)", "WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y); smp_rmb()", "r1 = READ_ONCE(*x)"),
              sometimes},
        Shape{"LB+poonceonces", LB_BODY("", ""), sometimes},
        Shape{"LB+fencembonceonces", LB_BODY("smp_mb();", "smp_mb();"), never},
        Shape{"LB+mb+barrier", LB_BODY("smp_mb();", "barrier();"), sometimes},
        Shape{"LB+ctrlonceonces",
              "P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); if (r0 == 1) WRITE_ONCE(*y, 1); }\n"
              "P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); if (r0 == 1) WRITE_ONCE(*x, 1); }\n"
              "exists (0:r0=1 /\\ 1:r0=1)\n",
              never},
        Shape{"LB+poacquireonce+pooncerelease",
              "P0(int *x, int *y) { int r0; r0 = smp_load_acquire(x); WRITE_ONCE(*y, 1); }\n"
              "P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); smp_store_release(x, 1); }\n"
              "exists (0:r0=1 /\\ 1:r0=1)\n",
              never},
        Shape{"2+2W+poonceonces", W22_BODY("", ""), sometimes},
        Shape{"2+2W+fencewmbonceonces", W22_BODY("smp_wmb();", "smp_wmb();"), sometimes},
        Shape{"2+2W+fencembonceonces", W22_BODY("smp_mb();", "smp_mb();"), never},
        Shape{"IRIW+poonceonces+OnceOnce", IRIW_BODY(""), sometimes},
        Shape{"IRIW+fencermbonceonces+OnceOnce", IRIW_BODY("smp_rmb();"), sometimes},
        Shape{"IRIW+fencembonceonces+OnceOnce", IRIW_BODY("smp_mb();"), never},
        Shape{"WRC+poonceonces+Once", WRC_BODY("WRITE_ONCE(*y, 1)", ""), sometimes},
        Shape{"WRC+pooncerelease+fencermbonceonce+Once", WRC_BODY("smp_store_release(y, 1)", "smp_rmb();"), never},
        Shape{"WRC+wmb+rmb", WRC_BODY("smp_wmb(); WRITE_ONCE(*y, 1)", "smp_rmb();"), sometimes},
        Shape{"ISA2+poonceonces",
              ISA2_BODY("WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y)", "WRITE_ONCE(*z, 1)", "r0 = READ_ONCE(*z)"), sometimes},
        Shape{"ISA2+pooncerelease+poacquirerelease+poacquireonce",
              ISA2_BODY("smp_store_release(y, 1)", "r0 = smp_load_acquire(y)", "smp_store_release(z, 1)",
                        "r0 = smp_load_acquire(z)"),
              never},
        Shape{"R+poonceonces", R_BODY("", ""), sometimes},
        Shape{"R+fencembonceonces", R_BODY("smp_mb();", "smp_mb();"), never},
        Shape{"R+wmb+mb", R_BODY("smp_wmb();", "smp_mb();"), sometimes},
        Shape{"S+poonceonces", S_BODY("WRITE_ONCE(*y, 1)", "r0 = READ_ONCE(*y)"), sometimes},
        Shape{"S+fencewmbonceonce+poacquireonce", S_BODY("smp_wmb(); WRITE_ONCE(*y, 1)", "r0 = smp_load_acquire(y)"),
              never},
        Shape{"CoRR+poonceonce+Once",
              "P0(int *x) { WRITE_ONCE(*x, 1); }\n"
              "P1(int *x) { int r0; int r1; r0 = READ_ONCE(*x); r1 = READ_ONCE(*x); }\n"
              "exists (1:r0=1 /\\ 1:r1=0)\n",
              never},
        Shape{"CoRW+poonceonce+Once",
              "P0(int *x) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*x, 1); }\n"
              "P1(int *x) { WRITE_ONCE(*x, 2); }\n"
              "exists (x=2 /\\ 0:r0=2)\n",
              never},
        Shape{"CoWR+poonceonce+Once",
              "P0(int *x) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*x); }\n"
              "P1(int *x) { WRITE_ONCE(*x, 2); }\n"
              "exists (x=1 /\\ 0:r0=2)\n",
              never},
        Shape{"CoWW+poonceonce", "P0(int *x) { WRITE_ONCE(*x, 1); WRITE_ONCE(*x, 2); }\nexists (x=1)\n", never}),
    [](const auto &info) {
      std::string name = info.param.name;
      for (char &c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
          c = '_';
      return name;
    });

} // namespace
} // namespace fencelab::lkmm::tests
