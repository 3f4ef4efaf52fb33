// The herd C core beyond plain ONCE accesses: address values, plain accesses,
// register expressions, casts and pointer types. Expressions are checked by
// running the parsed thread and comparing with the same expression in C++.
#include "condition_text.hpp"
#include "litmus_parser.hpp"
#include "parser_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace fencelab {
namespace {

using parser_test::file_name;

fencelab::Test parse_body(const std::string &body, const std::string &condition = "exists (0:r0=1)") {
  return parse_litmus("C T\n{}\nP0(int *x, int *y, int *z) {\n" + body + "\n}\n" + condition + "\n", file_name);
}

Op access_through(OpKind kind, int addr_reg) {
  Op op;
  op.kind = kind;
  op.addr_reg = addr_reg;
  return op;
}

TEST(ParseAddresses, PointersToLocationsAreValues) {
  fencelab::Test t = parse_litmus("C T\n{ p=x; int *q = &y; int z = 2; int *w = z; }\n"
                                  "P0(int **p, int *x, int *y) {\n"
                                  "  int *r0 = READ_ONCE(*p);\n"
                                  "  int r1 = READ_ONCE(*r0);\n"
                                  "  WRITE_ONCE(*r0, 1);\n"
                                  "  WRITE_ONCE(*p, &y);\n"
                                  "  smp_store_release(p, x);\n"
                                  "  r2 = smp_load_acquire(r0);\n"
                                  "  smp_store_release(r0, 3);\n"
                                  "}\n"
                                  "exists (0:r0=x /\\ p=&y /\\ 0:r1=0)\n",
                                  file_name);
  parser_test::expect_well_formed(t, "addresses");
  std::vector<std::pair<std::string, Value>> locations;
  for (const auto &l : t.locations)
    locations.emplace_back(l.name, l.init);
  // Initial-state order; `p=x` creates x before the parameters are read.
  std::vector<std::pair<std::string, Value>> expected{
      {"p", address_of(1)}, {"x", 0}, {"q", address_of(3)}, {"y", 0}, {"z", 2}, {"w", address_of(4)}};
  EXPECT_EQ(locations, expected);

  Op read_through = access_through(OpKind::load, 0);
  read_through.reg = 1;
  Op write_through = access_through(OpKind::store, 0);
  write_through.value = 1;
  Op acquire_through = access_through(OpKind::load_acquire, 0);
  acquire_through.reg = 2;
  Op release_through = access_through(OpKind::store_release, 0);
  release_through.value = 3;
  std::vector<Op> ops{
      Op::load(0, 0),  read_through,   write_through, Op::store(0, address_of(3)), Op::store_release(0, address_of(1)),
      acquire_through, release_through};
  EXPECT_EQ(t.threads[0].ops, ops);
  EXPECT_EQ(condition_text(t), "exists (0:r0=x /\\ p=y /\\ 0:r1=0)");
  Outcome outcome{address_of(1), 5, 0, address_of(3)};
  EXPECT_TRUE(t.condition.prop.holds(Outcome{address_of(1), 0, 0, address_of(3)}));
  EXPECT_FALSE(t.condition.prop.holds(Outcome{address_of(3), 0, 0, address_of(3)}));
  EXPECT_EQ(outcome_text(t, outcome), "0:r0=x; 0:r1=5; 0:r2=0; p=y;");
}

TEST(ParseAddresses, ValueTextPrintsNumbersAndLocationNames) {
  fencelab::Test t = parse_body("r0 = READ_ONCE(*x);");
  EXPECT_EQ(value_text(t, 7), "7");
  EXPECT_EQ(value_text(t, -1), "-1");
  EXPECT_EQ(value_text(t, address_of(2)), "z");
  // Not the address of a location of this test: printed as the number it is.
  EXPECT_EQ(value_text(t, address_of(9)), std::to_string(address_of(9)));
}

// The idiom of diy's address dependencies: `r1 = r0 & 8` is 0 for the values
// the test writes, so `x + r1` is x's address, and the read goes to x.
TEST(ParseAddresses, AddressArithmeticThroughARegister) {
  fencelab::Test t = parse_body("int r0; int r1; int *r1000; int r2;\n"
                                "r0 = READ_ONCE(*y);\nr1 = (r0 & 8);\nr1000 = (x+r1);\nr2 = READ_ONCE(*r1000);");
  parser_test::expect_well_formed(t, "address arithmetic");
  auto run = parser_test::run_thread_fully(t.threads[0], {11, 1, 0});
  EXPECT_EQ(run.registers, (std::vector<Value>{1, 0, address_of(0), 11}));
  run = parser_test::run_thread_fully(t.threads[0], {11, 8, 0}); // x + 8 is no location: reads 0
  EXPECT_EQ(run.registers[3], 0);
}

TEST(ParseAddresses, RegisterInitialValuesAreSetFirst) {
  fencelab::Test t =
      parse_litmus("C T\n{ 1:r2=b; 0:r1=5; 0:r0=0; }\nP0(int *a) { r0 = READ_ONCE(*a); }\n"
                   "P1(int *b, int **c) { int r1; r1 = READ_ONCE(*b); WRITE_ONCE(*c, r2); }\nexists (1:r2=b)\n",
                   file_name);
  parser_test::expect_well_formed(t, "register inits");
  EXPECT_EQ(t.threads[0].registers, (std::vector<std::string>{"r1", "r0"}));
  EXPECT_EQ(t.threads[1].registers, (std::vector<std::string>{"r2", "r1"}));
  // b is located by the initial state (0), then a (1) and c (2) by the parameters.
  auto run0 = parser_test::run_thread_fully(t.threads[0], {0, 3, 0});
  EXPECT_EQ(run0.registers, (std::vector<Value>{5, 3}));
  auto run1 = parser_test::run_thread_fully(t.threads[1], {0, 3, 0});
  EXPECT_EQ(run1.stores, (std::vector<std::pair<int, Value>>{{2, address_of(0)}}));
}

TEST(ParsePlain, PlainAccessesAreMarkedPlain) {
  fencelab::Test t =
      parse_body("*x = 1;\nr0 = *y;\nint r1 = *x;\n*(int *)z = r0 + 1;\nint *r2 = READ_ONCE(*y);\n*r2 = 4;");
  parser_test::expect_well_formed(t, "plain");
  const auto &ops = t.threads[0].ops;
  ASSERT_EQ(ops.size(), 6u);
  std::vector<std::pair<OpKind, bool>> kinds;
  for (const Op &op : ops)
    kinds.emplace_back(op.kind, op.plain);
  std::vector<std::pair<OpKind, bool>> expected{{OpKind::store, true}, {OpKind::load, true},  {OpKind::load, true},
                                                {OpKind::store, true}, {OpKind::load, false}, {OpKind::store, true}};
  EXPECT_EQ(kinds, expected);
  EXPECT_EQ(ops[0].loc, 0);
  EXPECT_EQ(ops[1].loc, 1);
  EXPECT_EQ(ops[3].loc, 2);
  EXPECT_GE(ops[3].expr, 0);
  EXPECT_EQ(ops[5].addr_reg, 2);
  auto run = parser_test::run_thread_fully(t.threads[0], {0, address_of(0), 0});
  std::vector<std::pair<int, Value>> stores{{0, 1}, {2, address_of(0) + 1}, {0, 4}};
  EXPECT_EQ(run.stores, stores);
}

// Each expression is assigned, stored and branched on; all three must agree with C.
TEST(ParseExpressions, OperatorsAndPrecedenceBehaveLikeC) {
  struct Case {
    std::string text;
    std::function<Value(Value, Value)> c;
  };
  std::vector<Case> cases{
      {"(r0 != 0)", [](Value a, Value) { return a != 0; }},
      {"r0 + r1", [](Value a, Value b) { return a + b; }},
      {"r0 & 0", [](Value, Value) { return 0; }},
      {"r0 & 8", [](Value a, Value) { return a & 8; }},
      {"-r0", [](Value a, Value) { return -a; }},
      {"~r0", [](Value a, Value) { return ~a; }},
      {"!r0", [](Value a, Value) { return !a; }},
      {"1 + 2 * r0 - r1", [](Value a, Value b) { return 1 + 2 * a - b; }},
      {"(1 + 2) * r0", [](Value a, Value) { return 3 * a; }},
      {"r0 << 2 | r1 ^ 1", [](Value a, Value b) { return (a << 2) | (b ^ 1); }},
      {"r0 >> 1", [](Value a, Value) { return a >> 1; }},
      {"r0 / 2 + r0 % 2", [](Value a, Value) { return a / 2 + a % 2; }},
      {"r0 < r1", [](Value a, Value b) { return a < b; }},
      {"r0 <= r1 == 1", [](Value a, Value b) { return (a <= b) == 1; }},
      {"r0 > 1 || r1 >= 2", [](Value a, Value b) { return a > 1 || b >= 2; }},
      {"r0 && r1 | 4", [](Value a, Value b) { return a && (b | 4); }},
      {"r0 == r1", [](Value a, Value b) { return a == b; }},
      {"(int)r0 + (unsigned long)(intptr_t)r1", [](Value a, Value b) { return a + b; }},
      {"- -r0 - -1", [](Value a, Value) { return a + 1; }},
  };
  for (const auto &c : cases) {
    SCOPED_TRACE(c.text);
    fencelab::Test t =
        parse_body("r0 = READ_ONCE(*x);\nr1 = READ_ONCE(*y);\nint r2 = " + c.text + ";\nWRITE_ONCE(*z, " + c.text +
                   ");\nif (" + c.text + ") WRITE_ONCE(*x, 1); else WRITE_ONCE(*x, 0);");
    parser_test::expect_well_formed(t, c.text);
    for (Value a : {-3, 0, 1, 2, 9})
      for (Value b : {0, 1, 5}) {
        auto run = parser_test::run_thread_fully(t.threads[0], {a, b, 0});
        Value want = c.c(a, b);
        EXPECT_EQ(run.registers[2], want) << "r0=" << a << " r1=" << b;
        std::vector<std::pair<int, Value>> stores{{2, want}, {0, want != 0}};
        EXPECT_EQ(run.stores, stores) << "r0=" << a << " r1=" << b;
      }
  }
}

TEST(ParseExpressions, ConstantsAreFoldedAndOldFormsKept) {
  fencelab::Test t =
      parse_body("WRITE_ONCE(*x, -1 + 3 * 2);\nr0 = READ_ONCE(*y);\nif (r0 == 2) WRITE_ONCE(*y, (int)1);\n"
                 "if (r0 > 2) WRITE_ONCE(*z, r0 + 1);\nr1 = 7;");
  const auto &code = t.threads[0];
  ASSERT_EQ(code.ops.size(), 7u);
  EXPECT_EQ(code.ops[0], Op::store(0, 5)); // folded: no expression
  EXPECT_EQ(code.ops[2].kind, OpKind::jump_unless);
  EXPECT_EQ(code.ops[2].expr, -1); // reg == value form
  EXPECT_EQ(code.ops[2].value, 2);
  EXPECT_EQ(code.ops[3], Op::store(1, 1));
  EXPECT_EQ(code.ops[4].kind, OpKind::jump_unless);
  EXPECT_GE(code.ops[4].expr, 0); // expression form
  EXPECT_EQ(code.ops[5].kind, OpKind::store);
  EXPECT_GE(code.ops[5].expr, 0);
  EXPECT_EQ(code.ops[6].kind, OpKind::assign);
  ASSERT_GE(code.ops[6].expr, 0);
  EXPECT_EQ(code.exprs[static_cast<std::size_t>(code.ops[6].expr)], (Expr{ExprKind::constant, 7}));
}

TEST(ParseExpressions, DeclarationsTypesAndCasts) {
  fencelab::Test t = parse_litmus("C T\n{ unsigned long x = 3; }\n"
                                  "P0(unsigned int *x, long *y, intptr_t **p) {\n"
                                  "  intptr_t r0 = (intptr_t)READ_ONCE(*x), r1 = r0 + 1;\n"
                                  "  unsigned long r2 = (unsigned long)READ_ONCE(*(int *)y);\n"
                                  "  long r3 = r2 * 2;\n"
                                  "  smp_store_release(p, (void *)0);\n"
                                  "  WRITE_ONCE(*(long *)y, (int)r1);\n"
                                  "}\nexists (0:r1=4)\n",
                                  file_name);
  parser_test::expect_well_formed(t, "types");
  EXPECT_EQ(t.threads[0].registers, (std::vector<std::string>{"r0", "r1", "r2", "r3"}));
  auto run = parser_test::run_thread_fully(t.threads[0], {3, 5, 0});
  EXPECT_EQ(run.registers, (std::vector<Value>{3, 4, 5, 10}));
  EXPECT_EQ(run.stores, (std::vector<std::pair<int, Value>>{{2, 0}, {1, 4}}));
}

} // namespace
} // namespace fencelab
