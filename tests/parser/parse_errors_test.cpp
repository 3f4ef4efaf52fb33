// What the parser refuses, and exactly where it says so. Columns count bytes
// from 1; a tab is one column.
#include "litmus_parser.hpp"
#include "parser_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab {
namespace {

using parser_test::file_name;

std::string error_of(const std::string &text) {
  try {
    parse_litmus(text, file_name);
  } catch (const ParseError &e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    return e.what();
  } catch (const std::exception &e) {
    return std::string("not a ParseError: ") + e.what();
  }
  return "no error";
}

// The body starts on line 4.
std::string with_body(const std::string &body) {
  return "C T\n{}\nP0(int *x, int *y) {\n" + body + "\n}\nexists (x=1)\n";
}

// The condition is on line 4.
std::string with_condition(const std::string &condition) {
  return "C T\n{}\nP0(int *x) { r0 = READ_ONCE(*x); }\n" + condition + "\n";
}

struct Rejection {
  std::string text;
  std::string error;
};

class Rejects : public ::testing::TestWithParam<Rejection> {};

TEST_P(Rejects, WithFileLineColumnAndConstruct) { EXPECT_EQ(error_of(GetParam().text), GetParam().error); }

INSTANTIATE_TEST_SUITE_P(
    ThreadCode, Rejects,
    ::testing::Values(
        Rejection{with_body("\trcu_read_lock();"), "t.litmus:4:2: unsupported construct 'rcu_read_lock'"},
        Rejection{with_body("  spin_lock(x);"), "t.litmus:4:3: unsupported construct 'spin_lock'"},
        Rejection{with_body("r0 = xchg(x, 1);"), "t.litmus:4:6: unsupported construct 'xchg'"},
        Rejection{with_body("atomic_inc(x);"), "t.litmus:4:1: unsupported construct 'atomic_inc'"},
        Rejection{with_body("smp_mb__after_atomic();"), "t.litmus:4:1: unsupported construct 'smp_mb__after_atomic'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr0++;"), "t.litmus:5:3: unsupported construct 'compound assignment'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr0 += 1;"),
                  "t.litmus:5:4: unsupported construct 'compound assignment'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr1 = r0 ? 1 : 2;"),
                  "t.litmus:5:9: unsupported construct 'conditional expression'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr1 = r0[1];"), "t.litmus:5:8: unsupported construct 'array'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr1 = r0->next;"),
                  "t.litmus:5:8: unsupported construct 'structure member'"},
        Rejection{with_body("r0 = READ_ONCE(*x);\nr1 = &r0;"),
                  "t.litmus:5:6: unsupported construct 'address of a register'"},
        Rejection{with_body("r0 = READ_ONCE(*(x + 1));"), "t.litmus:4:20: unsupported construct 'address expression'"},
        Rejection{with_body("WRITE_ONCE(*x + 1, 1);"), "t.litmus:4:15: unsupported construct 'address expression'"},
        Rejection{with_body("r0 = READ_ONCE(**x);"), "t.litmus:4:17: unsupported construct 'double dereference'"},
        Rejection{with_body("r1 = (int)rcu_dereference(*(char **)x);"),
                  "t.litmus:4:11: unsupported construct 'rcu_dereference'"},
        Rejection{with_body("r1 = (struct foo *)x;"), "t.litmus:4:7: unsupported construct 'struct'"},
        Rejection{with_body("x = 1;"), "t.litmus:4:1: unsupported construct 'pointer assignment'"},
        Rejection{with_body("READ_ONCE(*x);"), "t.litmus:4:1: unsupported construct 'discarded load'"},
        Rejection{with_body("while (1) { }"), "t.litmus:4:1: unsupported construct 'while'"},
        Rejection{with_body("atomic_t v;"), "t.litmus:4:1: unsupported construct 'atomic_t'"}));

INSTANTIATE_TEST_SUITE_P(
    OutsideThreadCode, Rejects,
    ::testing::Values(
        Rejection{"X86 SB\n{}\n", "t.litmus:1:1: unsupported construct 'architecture X86'"},
        Rejection{"C T\n{ x=ATOMIC_INIT(1); }\n", "t.litmus:2:5: unsupported construct 'ATOMIC_INIT'"},
        Rejection{"C T\n{}\nP0(atomic_t *v) { }\n", "t.litmus:3:4: unsupported construct 'atomic_t'"},
        Rejection{with_condition("observed 0:r0=1;"), "t.litmus:4:1: unsupported construct 'observed'"},
        Rejection{with_condition("exists (0:r0=1) with tso: exists"), "t.litmus:4:17: unsupported construct 'with'"}));

INSTANTIATE_TEST_SUITE_P(
    SyntaxErrors, Rejects,
    ::testing::Values(
        Rejection{"C T\n{}\nP0(int *x) {\n  WRITE_ONCE(*x, 1);\n",
                  "t.litmus:5:1: missing '}' closing the block opened at 3:12 in P0"},
        Rejection{"C T\n{}\nP0(int *x) {\n  WRITE_ONCE(*x, 1);\nexists (x=1)\n",
                  "t.litmus:5:1: missing '}' closing the block opened at 3:12 in P0"},
        Rejection{"C T\n{}\nP0(int *x) {\n  if (1) {\n  WRITE_ONCE(*x, 1);\n}\n~exists (x=1)\n",
                  "t.litmus:7:1: missing '}' closing the block opened at 3:12 in P0"},
        Rejection{"C T\n{ x=1;\nP0(int *x) { }\n", "t.litmus:3:1: missing '}' closing the initial state opened at 2:1"},
        Rejection{"C T\n{ x=1 y=2; }\n", "t.litmus:2:7: expected ';' or '}' in the initial state, found 'y'"},
        Rejection{with_body("WRITE_ONCE(*x, 1)\nsmp_mb();"),
                  "t.litmus:5:1: expected ';' after the statement, found 'smp_mb'"},
        Rejection{with_body("WRITE_ONCE(*q, 1);"), "t.litmus:4:13: 'q' is not a parameter of P0"},
        Rejection{with_body("} else {"),
                  "t.litmus:4:3: expected a thread or the final condition ('exists', '~exists' or 'forall'), found "
                  "'else'"},
        Rejection{with_body("else WRITE_ONCE(*x, 1);"), "t.litmus:4:1: 'else' without 'if'"},
        Rejection{with_body("if (r6) { }"), "t.litmus:4:5: unknown register 'r6'"},
        Rejection{with_body("WRITE_ONCE(*x, 1 +);"),
                  "t.litmus:4:19: expected a register, a location or a constant, found ')'"},
        Rejection{with_body("r0 = (1;"), "t.litmus:4:8: expected ')' closing the parenthesised expression, found ';'"},
        Rejection{with_body("r0 = READ_ONCE(*(x);"), "t.litmus:4:20: expected ')' closing the load, found ';'"},
        Rejection{with_body("*x 1;"), "t.litmus:4:4: expected '=' in the plain store, found '1'"},
        Rejection{with_body("smp_store_release(x, (void)0);"),
                  "t.litmus:4:27: expected '*' after 'void' in a cast, found ')'"},
        Rejection{with_body("r0 = READ_ONCE(*&x);"), "t.litmus:4:17: unsupported construct 'address-of'"},
        Rejection{"C T\n{ x=; }\n", "t.litmus:2:5: expected an integer value or a location, found ';'"},
        Rejection{"C T\n{ 5:r0=0; }\nP0(int *x) { }\nexists (x=0)\n", "t.litmus:2:3: no thread P5 in this test"},
        Rejection{with_body("WRITE_ONCE(*x, 99999999999999999999);"),
                  "t.litmus:4:16: integer constant '99999999999999999999' is out of range"},
        Rejection{with_body("WRITE_ONCE(*x, 1) @"), "t.litmus:4:19: unexpected character '@'"},
        Rejection{with_condition("exists (0:r0=)"), "t.litmus:4:14: expected an integer value, found ')'"},
        Rejection{with_condition("exists (0:r0=1 /\\ )"),
                  "t.litmus:4:19: expected a register such as 0:r0 or a location, found ')'"},
        Rejection{with_condition("exists (0:r0=1"),
                  "t.litmus:5:1: expected ')' closing the parenthesised proposition, found end of file"},
        Rejection{with_condition("exists (0:r0 1)"), "t.litmus:4:14: expected '=' after 0:r0, found '1'"},
        Rejection{with_condition("exists (5:r0=1)"), "t.litmus:4:9: no thread P5 in this test"},
        Rejection{with_condition("exists (0:r0=5:r0)"), "t.litmus:4:14: no thread P5 in this test"},
        Rejection{with_condition("exists (0:r0=1) junk"), "t.litmus:4:17: unexpected 'junk' after the final condition"},
        Rejection{with_condition(""),
                  "t.litmus:5:1: expected a thread or the final condition ('exists', '~exists' or 'forall'), found "
                  "end of file"},
        Rejection{"C T\n{}\nP1(int *x) { }\nexists (x=1)\n", "t.litmus:3:1: expected thread P0, found 'P1'"},
        Rejection{"C T\n{}\nP0(int *x) { }\nP2(int *x) { }\nexists (x=1)\n",
                  "t.litmus:4:1: expected thread P1, found 'P2'"},
        Rejection{"C\n{}\n", "t.litmus:1:2: expected a test name after 'C'"},
        Rejection{"C T\nP0(int *x) { }\n", "t.litmus:2:1: expected '{' opening the initial state, found 'P0'"},
        Rejection{"C T\n(* never closed\n{}\n", "t.litmus:2:1: unterminated comment '(*'"},
        Rejection{"C T\n{}\nP0(int *x) { /* never closed\n}\n", "t.litmus:3:14: unterminated comment '/*'"},
        Rejection{"C T\n\"never closed\n{}\n", "t.litmus:2:1: unterminated string"},
        Rejection{"", "t.litmus:1:1: expected 'C' and the test name, found end of file"}));

TEST(ParseError, AccessorsDescribeTheRejection) {
  try {
    parse_litmus(with_body("r0 = READ_ONCE(*x);\n  spin_lock(y);"), "dir/f.litmus");
    FAIL() << "no error";
  } catch (const ParseError &e) {
    EXPECT_EQ(e.file(), "dir/f.litmus");
    EXPECT_EQ(e.line(), 5);
    EXPECT_EQ(e.column(), 3);
    EXPECT_EQ(e.construct(), "spin_lock");
    EXPECT_TRUE(e.is_unsupported());
    EXPECT_EQ(e.message(), "unsupported construct 'spin_lock'");
    EXPECT_STREQ(e.what(), "dir/f.litmus:5:3: unsupported construct 'spin_lock'");
  }
}

TEST(ParseError, SyntaxErrorsNameNoConstruct) {
  try {
    parse_litmus(with_condition("exists (0:r0=)"), file_name);
    FAIL() << "no error";
  } catch (const ParseError &e) {
    EXPECT_TRUE(e.construct().empty());
    EXPECT_FALSE(e.is_unsupported());
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.column(), 14);
  }
}

TEST(ParseError, UnreadableFileIsAParseErrorWithoutPosition) {
  try {
    parse_litmus_file("/nonexistent/dir/x.litmus");
    FAIL() << "no error";
  } catch (const ParseError &e) {
    // With the system's reason (strerror(ENOENT)).
    EXPECT_STREQ(e.what(), "/nonexistent/dir/x.litmus: cannot read the file: No such file or directory");
    EXPECT_EQ(e.line(), 0);
  }
}

// Hostile input must not overflow the recursive descent's stack.
TEST(ParseError, DeepNestingIsAnErrorNotACrash) {
  const std::string too_deep = "nesting deeper than 200 levels";
  std::string parens(100000, '(');
  EXPECT_NE(error_of(with_condition("exists " + parens)).find(too_deep), std::string::npos);
  std::string negations(100000, '~');
  EXPECT_NE(error_of(with_condition("exists " + negations + "0:r0=1")).find(too_deep), std::string::npos);
  std::string blocks(100000, '{');
  EXPECT_NE(error_of(with_body(blocks)).find(too_deep), std::string::npos);
  std::string chain = "r0 = READ_ONCE(*x);\nif (r0";
  for (int i = 0; i < 100000; ++i)
    chain += " && r0";
  EXPECT_NE(error_of(with_body(chain + ") { }")).find(too_deep), std::string::npos);
  std::string bangs(100000, '!');
  EXPECT_NE(error_of(with_body("r0 = READ_ONCE(*x);\nif (" + bangs + "r0) { }")).find(too_deep), std::string::npos);
  // 150 levels are fine.
  EXPECT_EQ(error_of(with_condition("exists " + std::string(150, '(') + "0:r0=1" + std::string(150, ')'))), "no error");
}

TEST(ParseError, LongTokensAreShortenedInMessages) {
  std::string name(100, 'a');
  std::string error = error_of(with_body(name + "();"));
  EXPECT_EQ(error, "t.litmus:4:1: unsupported construct '" + name + "'"); // the construct itself is kept whole
  error = error_of(with_condition("exists (0:r0=1) " + name));
  EXPECT_EQ(error, "t.litmus:4:17: unexpected '" + std::string(40, 'a') + "...' after the final condition");
}

} // namespace
} // namespace fencelab
