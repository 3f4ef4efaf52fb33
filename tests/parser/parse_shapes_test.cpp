// What the parser builds from valid input: the built-in family round trip,
// `if` compilation, comments, initial states and final conditions.
#include "condition_text.hpp"
#include "family.hpp"
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parser_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include <unistd.h>

namespace fencelab {
namespace {

using parser_test::file_name;

std::string fence_call(FenceKind f) { return std::string(to_string(f)) + "();"; }

// The family test written the way herd users write it.
std::string family_litmus(Shape shape, FenceKind f0, FenceKind f1) {
  std::string name = std::string(shape == Shape::sb ? "SB" : "MP") + "+" + std::string(to_string(f0)) + "+" +
                     std::string(to_string(f1));
  if (shape == Shape::sb)
    return "C " + name + "\n\"store buffering\"\n{ }\n\n" + "P0(int *x, int *y)\n{\n\tWRITE_ONCE(*x, 1);\n\t" +
           fence_call(f0) + "\n\tr0 = READ_ONCE(*y);\n}\n\n" + "P1(int *x, int *y)\n{\n\tWRITE_ONCE(*y, 1);\n\t" +
           fence_call(f1) + "\n\tr0 = READ_ONCE(*x);\n}\n\n" + "exists (0:r0=0 /\\ 1:r0=0)\n";
  return "C " + name + "\n{ }\n\n" + "P0(int *x, int *y)\n{\n\tWRITE_ONCE(*x, 1);\n\t" + fence_call(f0) +
         "\n\tWRITE_ONCE(*y, 1);\n}\n\n" + "P1(int *x, int *y)\n{\n\tint r0;\n\tint r1;\n\n\tr0 = READ_ONCE(*y);\n\t" +
         fence_call(f1) + "\n\tr1 = READ_ONCE(*x);\n}\n\n" + "exists (1:r0=1 /\\ 1:r1=0)\n";
}

void expect_same_test(const fencelab::Test &parsed, const fencelab::Test &built) {
  EXPECT_EQ(parsed.name, built.name);
  ASSERT_EQ(parsed.locations.size(), built.locations.size());
  for (std::size_t i = 0; i < built.locations.size(); ++i) {
    EXPECT_EQ(parsed.locations[i].name, built.locations[i].name);
    EXPECT_EQ(parsed.locations[i].init, built.locations[i].init);
  }
  ASSERT_EQ(parsed.threads.size(), built.threads.size());
  for (std::size_t i = 0; i < built.threads.size(); ++i) {
    EXPECT_EQ(parsed.threads[i].ops, built.threads[i].ops) << "thread " << i;
    EXPECT_EQ(parsed.threads[i].registers, built.threads[i].registers) << "thread " << i;
  }
  EXPECT_EQ(parsed.observed_locations, built.observed_locations);
  EXPECT_EQ(parsed.condition.quantifier, built.condition.quantifier);
  ASSERT_EQ(parsed.outcome_size(), built.outcome_size());
  for (const auto &outcome : parser_test::all_outcomes(built.outcome_size(), {0, 1}))
    EXPECT_EQ(parsed.condition.prop.holds(outcome), built.condition.prop.holds(outcome))
        << outcome_text(built, outcome);
  EXPECT_EQ(parsed.condition.filter.kind, Prop::Kind::truth);
}

TEST(ParseFamily, EverySbAndMpPairingMatchesTheBuiltInFamily) {
  for (Shape shape : {Shape::sb, Shape::mp})
    for (FenceKind f0 : family_fences)
      for (FenceKind f1 : family_fences) {
        SCOPED_TRACE(family_litmus(shape, f0, f1));
        fencelab::Test parsed = parse_litmus(family_litmus(shape, f0, f1), file_name);
        expect_same_test(parsed, make_family_test(shape, f0, f1));
        parser_test::expect_well_formed(parsed, parsed.name);
      }
}

TEST(ParseFamily, SbWithSmpMbKeepsDocStringAndConditionText) {
  fencelab::Test t = parse_litmus(family_litmus(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb), file_name);
  EXPECT_EQ(t.name, "SB+smp_mb+smp_mb");
  EXPECT_EQ(t.description, "store buffering");
  EXPECT_EQ(condition_text(t), "exists (0:r0=0 /\\ 1:r0=0)");
  EXPECT_FALSE(t.expectation.has_value());
  EXPECT_TRUE(t.uses_fence(FenceKind::smp_mb));
}

fencelab::Test parse_thread_body(const std::string &body, const std::string &condition = "exists (0:r0=1)") {
  return parse_litmus("C T\n{}\nP0(int *x, int *y, int *z) {\n" + body + "\n}\n" + condition + "\n", file_name);
}

TEST(ParseIf, IfElseCompilesToJumpUnlessAndJump) {
  fencelab::Test t =
      parse_thread_body("r0 = READ_ONCE(*x);\n"
                        "if (r0 == 1) { WRITE_ONCE(*y, 1); } else { WRITE_ONCE(*y, 2); WRITE_ONCE(*z, 3); }");
  const auto &ops = t.threads[0].ops;
  ASSERT_EQ(ops.size(), 6u);
  EXPECT_EQ(ops[0], Op::load(0, 0));
  EXPECT_EQ(ops[1].kind, OpKind::jump_unless);
  EXPECT_EQ(ops[1].reg, 0);
  EXPECT_EQ(ops[1].value, 1);
  EXPECT_EQ(ops[1].target, 4); // the else branch
  EXPECT_EQ(ops[2], Op::store(1, 1));
  EXPECT_EQ(ops[3].kind, OpKind::jump);
  EXPECT_EQ(ops[3].target, 6); // the end: ops.size()
  EXPECT_EQ(ops[4], Op::store(1, 2));
  EXPECT_EQ(ops[5], Op::store(2, 3));
}

TEST(ParseIf, IfWithoutElseJumpsToTheEnd) {
  fencelab::Test t = parse_thread_body("r0 = READ_ONCE(*x);\nif (r0 == -2)\n  WRITE_ONCE(*y, 1);");
  const auto &ops = t.threads[0].ops;
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[1].kind, OpKind::jump_unless);
  EXPECT_EQ(ops[1].value, -2);
  EXPECT_EQ(ops[1].target, 3);
}

TEST(ParseIf, NestedIfsTargetTheirOwnBranches) {
  fencelab::Test t =
      parse_thread_body("int r0; int r1;\nr0 = READ_ONCE(*x);\nr1 = READ_ONCE(*y);\n"
                        "if (r0 == 1) {\n  if (r1 == 1) { WRITE_ONCE(*z, 1); }\n  WRITE_ONCE(*z, 2);\n}\n"
                        "WRITE_ONCE(*z, 3);");
  const auto &ops = t.threads[0].ops;
  // 0 load, 1 load, 2 jump_unless r0 -> 6, 3 jump_unless r1 -> 5, 4 store 1, 5 store 2, 6 store 3
  ASSERT_EQ(ops.size(), 7u);
  EXPECT_EQ(ops[2].kind, OpKind::jump_unless);
  EXPECT_EQ(ops[2].reg, 0);
  EXPECT_EQ(ops[2].target, 6);
  EXPECT_EQ(ops[3].kind, OpKind::jump_unless);
  EXPECT_EQ(ops[3].reg, 1);
  EXPECT_EQ(ops[3].target, 5);
  EXPECT_EQ(ops[6], Op::store(2, 3));
}

// Each condition, run for every pair of loaded values, stores 1 exactly when
// C would take the branch (and 2 when it takes the else branch).
TEST(ParseIf, ConditionFormsBehaveLikeC) {
  struct Case {
    std::string condition;
    std::function<bool(Value, Value)> holds;
  };
  std::vector<Case> cases{
      {"r0 == 1", [](Value a, Value) { return a == 1; }},
      {"1 == r0", [](Value a, Value) { return a == 1; }},
      {"r0 != 1", [](Value a, Value) { return a != 1; }},
      {"r0", [](Value a, Value) { return a != 0; }},
      {"!r0", [](Value a, Value) { return a == 0; }},
      {"!(r0 == 2)", [](Value a, Value) { return a != 2; }},
      {"r0 == 1 && r1 == 2", [](Value a, Value b) { return a == 1 && b == 2; }},
      {"r0 == 1 || r1 == 2", [](Value a, Value b) { return a == 1 || b == 2; }},
      {"r0 != 1 && !r1", [](Value a, Value b) { return a != 1 && b == 0; }},
      {"(r0 || r1) && !(r0 && r1)", [](Value a, Value b) { return (a != 0) != (b != 0); }},
      {"1", [](Value, Value) { return true; }},
      {"0 == 1", [](Value, Value) { return false; }},
      {"r0 > 1", [](Value a, Value) { return a > 1; }},
      {"r0 == r1", [](Value a, Value b) { return a == b; }},
      {"r0 == 1 && r0 + r1 != 2", [](Value a, Value b) { return a == 1 && a + b != 2; }},
      {"!(r0 & 1) || r1 < r0", [](Value a, Value b) { return !(a & 1) || b < a; }},
  };
  for (const auto &c : cases) {
    SCOPED_TRACE(c.condition);
    fencelab::Test t = parse_thread_body("r0 = READ_ONCE(*x);\nr1 = READ_ONCE(*y);\nif (" + c.condition +
                                         ") { WRITE_ONCE(*z, 1); } else { WRITE_ONCE(*z, 2); }\nWRITE_ONCE(*z, 9);");
    parser_test::expect_well_formed(t, c.condition);
    for (Value a : {0, 1, 2})
      for (Value b : {0, 1, 2}) {
        auto stores = parser_test::run_thread(t.threads[0], {a, b, 0});
        std::vector<std::pair<int, Value>> expected{{2, c.holds(a, b) ? 1 : 2}, {2, 9}};
        EXPECT_EQ(stores, expected) << "r0=" << a << " r1=" << b;
      }
  }
}

TEST(ParseIf, ElseIfChains) {
  fencelab::Test t = parse_thread_body("r0 = READ_ONCE(*x);\nif (r0 == 1) WRITE_ONCE(*y, 1);\n"
                                       "else if (r0 == 2) WRITE_ONCE(*y, 2);\nelse WRITE_ONCE(*y, 3);");
  for (Value v : {0, 1, 2}) {
    auto stores = parser_test::run_thread(t.threads[0], {v, 0, 0});
    std::vector<std::pair<int, Value>> expected{{1, v == 0 ? 3 : v}};
    EXPECT_EQ(stores, expected) << v;
  }
}

TEST(ParseStatements, AcquireReleaseFencesAndDeclarations) {
  fencelab::Test t =
      parse_thread_body("int r0 = smp_load_acquire(x);\nint r1;\nint r2 = 0;\n"
                        "smp_store_release(y, -3);\nsmp_mb(); smp_rmb(); smp_wmb(); barrier(); membarrier();\n"
                        "r1 = READ_ONCE(*z);\n;\n{ WRITE_ONCE(*z, 0x10); }");
  const auto &code = t.threads[0];
  std::vector<Op> expected{Op::load_acquire(0, 0),
                           Op::store_release(1, -3),
                           Op::fence_of(FenceKind::smp_mb),
                           Op::fence_of(FenceKind::smp_rmb),
                           Op::fence_of(FenceKind::smp_wmb),
                           Op::fence_of(FenceKind::barrier),
                           Op::fence_of(FenceKind::membarrier),
                           Op::load(2, 1),
                           Op::store(2, 16)};
  EXPECT_EQ(code.ops, expected);
  // r2 is declared and zeroed but never used: it takes no outcome slot.
  EXPECT_EQ(code.registers, (std::vector<std::string>{"r0", "r1"}));
}

TEST(ParseStatements, ParameterTypesAndVoid) {
  fencelab::Test t =
      parse_litmus("C T\n{}\nvoid P0(volatile int *x, intptr_t* y, const long *z) { WRITE_ONCE(*z, 1); }\n"
                   "P1(void) { smp_mb(); }\nexists (x=0)\n",
                   file_name);
  ASSERT_EQ(t.locations.size(), 3u);
  EXPECT_EQ(t.locations[2].name, "z");
  EXPECT_EQ(t.threads[1].ops, std::vector<Op>{Op::fence_of(FenceKind::smp_mb)});
}

TEST(ParseHeader, NamesDocStringInfoLinesAndComments) {
  fencelab::Test t = parse_litmus("C C-LB+o-r.a_b-1[x]\n"
                                  "\"Fre PodWR Fre PodWR\"\n"
                                  "Cycle=Fre PodWR Fre PodWR\n"
                                  "Prefetch=0:x=F,0:y=T\n"
                                  "(* Outer (* nested *) comment\n"
                                  " * Result: Never DATARACE\n"
                                  " *)\n"
                                  "{ x=0; } // trailing\n"
                                  "P0(int *x) {\n"
                                  "  /* a C comment */ WRITE_ONCE(*x, 1); // and another\n"
                                  "}\n"
                                  "(* between threads *)\n"
                                  "P1(int *x) { r0 = READ_ONCE(*x); }\n"
                                  "exists (1:r0=0) (* Result: Sometimes — the first Result wins *)\n",
                                  file_name);
  EXPECT_EQ(t.name, "C-LB+o-r.a_b-1[x]");
  EXPECT_EQ(t.description, "Fre PodWR Fre PodWR");
  ASSERT_TRUE(t.expectation.has_value());
  EXPECT_EQ(t.expectation->result, Observation::never);
  EXPECT_EQ(t.expectation->source, herd_result_source);
}

TEST(ParseHeader, ResultWordsMapToExpectations) {
  auto expectation = [](const std::string &comment) {
    return parse_litmus("C T\n" + comment + "\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)\n", file_name)
        .expectation;
  };
  EXPECT_EQ(expectation("(* Result: Sometimes *)")->result, Observation::sometimes);
  EXPECT_EQ(expectation("(* Result: Always *)")->result, Observation::always);
  EXPECT_EQ(expectation("(*\n * Result: Never\n *)")->result, Observation::never);
  EXPECT_FALSE(expectation("(* Result: Maybe *)").has_value());
  EXPECT_FALSE(expectation("(* no verdict here *)").has_value());
  EXPECT_FALSE(expectation("").has_value());
}

TEST(ParseInitialState, FormsAndValues) {
  fencelab::Test t =
      parse_litmus("C T\n{ x=1; int y = -2; z; [w]=3; 0:r0=0; int 0:r1 = 0 }\n"
                   "P0(int *x, int *y, int *z, int *w, int *v) { r0 = READ_ONCE(*x); }\nexists (0:r0=1)\n",
                   file_name);
  ASSERT_EQ(t.locations.size(), 5u);
  std::vector<std::pair<std::string, Value>> got;
  for (const auto &l : t.locations)
    got.emplace_back(l.name, l.init);
  std::vector<std::pair<std::string, Value>> expected{{"x", 1}, {"y", -2}, {"z", 0}, {"w", 3}, {"v", 0}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(t.threads[0].registers, std::vector<std::string>{"r0"});
}

TEST(ParseFinalCondition, QuantifiersFilterAndConnectives) {
  auto parse_condition = [](const std::string &condition) {
    return parse_litmus("C T\n{}\nP0(int *x, int *y) { r0 = READ_ONCE(*x); r1 = READ_ONCE(*y); }\n"
                        "P1(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }\n" +
                            condition + "\n",
                        file_name);
  };
  EXPECT_EQ(parse_condition("~exists (0:r0=1 /\\ 0:r1=0)").condition.quantifier, Quantifier::not_exists);
  EXPECT_EQ(parse_condition("~ exists (0:r0=1)").condition.quantifier, Quantifier::not_exists);
  EXPECT_EQ(parse_condition("not exists (0:r0=1)").condition.quantifier, Quantifier::not_exists);
  EXPECT_EQ(parse_condition("forall (0:r0=1 \\/ 0:r0=0)").condition.quantifier, Quantifier::forall);
  EXPECT_EQ(parse_condition("(0:r0=1);").condition.quantifier, Quantifier::exists);
  EXPECT_EQ(condition_text(parse_condition("exists 0:r0=1 /\\ 0:r1=0 \\/ ~0:r0=0")),
            "exists ((0:r0=1 /\\ 0:r1=0) \\/ ~(0:r0=0))");
  EXPECT_EQ(condition_text(parse_condition("exists (P0:r0 == 1 /\\ 0:r1 != 0 /\\ true)")),
            "exists (0:r0=1 /\\ ~(0:r1=0) /\\ true)");
  EXPECT_EQ(condition_text(parse_condition("filter (0:r0=1) exists (0:r1=0)")), "filter (0:r0=1) exists (0:r1=0)");

  fencelab::Test implication = parse_condition("forall (0:r0=1 => 0:r1=1)");
  fencelab::Test never = parse_condition("exists (false \\/ not true)");
  for (const auto &o : parser_test::all_outcomes(implication.outcome_size(), {0, 1})) {
    EXPECT_EQ(implication.condition.prop.holds(o), o[0] != 1 || o[1] == 1);
    EXPECT_FALSE(never.condition.prop.holds(o));
  }
}

TEST(ParseFinalCondition, MemoryLocationsAreObservedAfterTheRegisters) {
  fencelab::Test t = parse_litmus("C T\n{}\nP0(int *x, int *y) { WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }\n"
                                  "P1(int *x, int *y) { WRITE_ONCE(*y, 1); }\n"
                                  "locations [y; 1:r5;]\nexists (x=1 /\\ [y]=-1 /\\ 0:r0=0 /\\ 1:r9=0)\n",
                                  file_name);
  // Registers named only by `locations` or the condition join their thread.
  EXPECT_EQ(t.threads[1].registers, (std::vector<std::string>{"r5", "r9"}));
  EXPECT_EQ(t.observed_locations, (std::vector<int>{1, 0})); // y (from locations), then x
  ASSERT_EQ(t.outcome_size(), 5);
  EXPECT_EQ(t.slot_name(3), "y");
  EXPECT_EQ(t.slot_name(4), "x");
  EXPECT_EQ(condition_text(t), "exists (x=1 /\\ y=-1 /\\ 0:r0=0 /\\ 1:r9=0)");
  parser_test::expect_well_formed(t, "locations");
}

TEST(ParseFinalCondition, LocationOnlyInTheConditionIsCreated) {
  fencelab::Test t = parse_litmus("C T\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1 /\\ q=0)\n", file_name);
  ASSERT_EQ(t.locations.size(), 2u);
  EXPECT_EQ(t.locations[1].name, "q");
  EXPECT_EQ(t.observed_locations, (std::vector<int>{0, 1}));
}

TEST(FindLitmusFiles, RecursiveSortedAndLitmusOnly) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fencelab_parser_files_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "b" / "c");
  fs::create_directories(root / "a");
  for (auto rel : {"b/c/z.litmus", "b/a.litmus", "a/m.litmus", "a/readme.txt", "top.litmus"})
    std::ofstream(root / rel) << "C T\n";
  auto files = find_litmus_files(root);
  std::vector<fs::path> expected{root / "a/m.litmus", root / "b/a.litmus", root / "b/c/z.litmus", root / "top.litmus"};
  EXPECT_EQ(files, expected);
  EXPECT_EQ(find_litmus_files(root / "top.litmus"), std::vector<fs::path>{root / "top.litmus"});
  EXPECT_THROW(find_litmus_files(root / "missing"), fs::filesystem_error);
  fs::remove_all(root);
}

} // namespace
} // namespace fencelab
