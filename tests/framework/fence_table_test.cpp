// fence_table against what each kind means outside fencelab: Linux's
// memory-barriers.txt and the LKMM cat (linux-kernel.def), C++'s fences, and
// membarrier(2). The expectations are written here by hand, one per kind, so
// a new kind fails until someone states what it should be.
#include "fence_kind.hpp"
#include "litmus_parser.hpp"
#include "ordering_table.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>

namespace fencelab {
namespace {

struct Meaning {
  FenceKind kind;
  std::string_view call; // how a herd C litmus test writes it, or empty
  FenceSide side;
  CppFence cpp;
  CatFence cat;
};

constexpr Meaning meanings[] = {
    {FenceKind::none, "", FenceSide::light, CppFence::nothing, CatFence::none},
    // barrier() stops the compiler only; the LKMM gives it no ordering.
    {FenceKind::barrier, "barrier", FenceSide::light, CppFence::compiler_only, CatFence::none},
    {FenceKind::smp_mb, "smp_mb", FenceSide::cpu, CppFence::seq_cst, CatFence::mb},
    // x86's mfence is a full fence; it is never written in a litmus test.
    {FenceKind::mfence, "", FenceSide::cpu, CppFence::seq_cst, CatFence::mb},
    {FenceKind::smp_wmb, "smp_wmb", FenceSide::cpu, CppFence::release, CatFence::wmb},
    {FenceKind::smp_rmb, "smp_rmb", FenceSide::cpu, CppFence::acquire, CatFence::rmb},
    {FenceKind::membarrier, "membarrier", FenceSide::heavy, CppFence::heavy, CatFence::membarrier},
};

const Meaning *meaning_of(FenceKind k) {
  for (const auto &m : meanings)
    if (m.kind == k)
      return &m;
  return nullptr;
}

TEST(FenceTable, EveryKindMeansWhatItsSpecificationSays) {
  for (const auto &row : fence_table) {
    const Meaning *m = meaning_of(row.kind);
    ASSERT_NE(m, nullptr) << row.name << ": no expectation in this test";
    EXPECT_EQ(row.call, m->call) << row.name;
    EXPECT_EQ(row.side, m->side) << row.name;
    EXPECT_EQ(row.cpp, m->cpp) << row.name;
    EXPECT_EQ(row.cat, m->cat) << row.name;
  }
}

TEST(FenceTable, NamesAndCallsAreUnique) {
  std::set<std::string_view> names, calls;
  for (const auto &row : fence_table) {
    EXPECT_TRUE(names.insert(row.name).second) << row.name;
    if (!row.call.empty())
      EXPECT_TRUE(calls.insert(row.call).second) << row.call;
  }
}

// A kind on the CPU side is a real fence in both models; the heavy side is the one heavy kind.
TEST(FenceTable, SidesAgreeWithTheModels) {
  for (const auto &row : fence_table) {
    bool model_fence = row.cpp == CppFence::seq_cst || row.cpp == CppFence::release || row.cpp == CppFence::acquire;
    EXPECT_EQ(row.side == FenceSide::cpu, model_fence) << row.name;
    EXPECT_EQ(row.side == FenceSide::heavy, row.cpp == CppFence::heavy) << row.name;
    EXPECT_EQ(row.side == FenceSide::heavy, row.cat == CatFence::membarrier) << row.name;
    EXPECT_EQ(is_full_or_heavy(row.kind), row.cat == CatFence::mb || row.cat == CatFence::membarrier) << row.name;
  }
}

TEST(FenceTable, TheParserReadsEveryCallAsItsKind) {
  for (const auto &row : fence_table) {
    if (row.call.empty())
      continue;
    std::string text = "C T\n{}\nP0(int *x) {\n  " + std::string(row.call) + "();\n  WRITE_ONCE(*x, 1);\n}\nexists (x=1)\n";
    fencelab::Test t = parse_litmus(text, "t.litmus");
    ASSERT_EQ(t.threads.size(), 1u);
    ASSERT_FALSE(t.threads[0].ops.empty()) << row.call;
    EXPECT_EQ(t.threads[0].ops[0].kind, OpKind::fence) << row.call;
    EXPECT_EQ(t.threads[0].ops[0].fence, row.kind) << row.call;
  }
}

// membarrier(2): the heavy barrier orders against anything, a full fence
// only against another full fence, a compiler barrier against nothing light.
TEST(FenceTable, OrderingTableFollowsTheSides) {
  EXPECT_TRUE(ordered_pair(FenceKind::mfence, FenceKind::smp_mb));
  EXPECT_FALSE(ordered_pair(FenceKind::smp_wmb, FenceKind::smp_mb));
  EXPECT_FALSE(ordered_pair(FenceKind::smp_rmb, FenceKind::smp_rmb));
  EXPECT_TRUE(ordered_pair(FenceKind::none, FenceKind::membarrier));
}

} // namespace
} // namespace fencelab
