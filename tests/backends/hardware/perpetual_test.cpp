#include "family.hpp"
#include "litmus_parser.hpp"
#include "perpetual_count.hpp"
#include "perpetual_plan.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>
#include <random>

namespace fencelab::hardware {
namespace {

PerpetualPlan plan_of(const Test &t) {
  auto p = plan_perpetual(t);
  EXPECT_TRUE(std::holds_alternative<PerpetualPlan>(p))
      << (std::holds_alternative<std::string>(p) ? std::get<std::string>(p) : "");
  return std::holds_alternative<PerpetualPlan>(p) ? std::get<PerpetualPlan>(p) : PerpetualPlan{};
}

std::string refusal(const std::string &litmus) {
  auto p = plan_perpetual(parse_litmus(litmus, "t.litmus"));
  return std::holds_alternative<std::string>(p) ? std::get<std::string>(p) : "";
}

TEST(PerpetualPlan, StoreBufferingNeedsBothReadsNotToSeeTheOtherStore) {
  auto p = plan_of(make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier));
  ASSERT_EQ(p.anchor.size(), 1u);
  ASSERT_EQ(p.partner.size(), 1u);
  EXPECT_FALSE(p.anchor[0].seen);
  EXPECT_FALSE(p.partner[0].seen);
  EXPECT_TRUE(p.possible);
  EXPECT_EQ(p.positive, (Outcome{0, 0}));
}

TEST(PerpetualPlan, MessagePassingConstrainsOnlyTheReader) {
  auto p = plan_of(make_family_test(Shape::mp, FenceKind::barrier, FenceKind::barrier));
  EXPECT_TRUE(p.anchor.empty());
  ASSERT_EQ(p.partner.size(), 2u);
  EXPECT_TRUE(p.partner[0].seen);  // r0 = y = 1
  EXPECT_FALSE(p.partner[1].seen); // r1 = x = 0
}

const char *lb = R"(C LB
{}
P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1); }
exists (0:r0=1 /\ 1:r0=1)
)";

TEST(PerpetualPlan, AcceptsLoadBuffering) { EXPECT_EQ(refusal(lb), ""); }

TEST(PerpetualPlan, ReadingOwnStoreIsDecidedByProgramOrder) {
  auto p = plan_of(parse_litmus(R"(C own
{}
P0(int *x, int *y) { int r0; int r1; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*x); r1 = READ_ONCE(*y); }
P1(int *x, int *y) { WRITE_ONCE(*y, 1); }
exists (0:r0=0 /\ 0:r1=0)
)",
                                "own.litmus"));
  EXPECT_FALSE(p.possible); // r0 follows its own store of x: it can only read 1
}

TEST(PerpetualPlan, RefusesWhatItCannotInfer) {
  EXPECT_NE(refusal(R"(C three
{}
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { int r0; r0 = READ_ONCE(*x); }
P2(int *x) { int r0; r0 = READ_ONCE(*x); }
exists (1:r0=1 /\ 2:r0=0)
)"),
            "");
  EXPECT_NE(refusal(R"(C branch
{}
P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); if (r0 == 1) { WRITE_ONCE(*y, 1); } }
P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1); }
exists (0:r0=1 /\ 1:r0=1)
)"),
            "");
  EXPECT_NE(refusal(R"(C final
{}
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { WRITE_ONCE(*x, 2); }
exists (x=1)
)"),
            "");
  EXPECT_NE(refusal(R"(C disjunction
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
exists (0:r0=0 \/ 1:r0=0)
)"),
            "");
  EXPECT_NE(refusal(R"(C partial
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
exists (0:r0=0)
)"),
            "");
}

// Coherent random logs: each column is a non-decreasing sequence of the
// other thread's sequence numbers within its chunk's window (other_base ..
// + other_n; other_base is its last store from before the chunk).
std::vector<LoggedRead> random_log(std::mt19937_64 &rng, int columns, std::size_t n, Value other_base,
                                   std::size_t other_n) {
  std::vector<LoggedRead> log(static_cast<std::size_t>(columns) * n);
  for (int c = 0; c < columns; ++c) {
    Value v = other_base;
    Value step = 1 + static_cast<Value>(other_n / std::max<std::size_t>(1, n)) * 2;
    for (std::size_t k = 0; k < n; ++k) {
      v = std::min<Value>(other_base + static_cast<Value>(other_n),
                          v + static_cast<Value>(rng() % static_cast<std::uint64_t>(step + 1)));
      log[static_cast<std::size_t>(c) * n + k] = static_cast<LoggedRead>(v);
    }
  }
  return log;
}

bool completes(const PerpetualPlan &p, const ChunkLogs &l, std::size_t a, std::size_t b) {
  Value i = l.anchor.base + 1 + static_cast<Value>(a), j = l.partner.base + 1 + static_cast<Value>(b);
  bool ok = p.possible;
  for (const auto &c : p.anchor)
    ok = ok && ((l.anchor.log.row(c.reg, a)[0] >= j) == c.seen);
  for (const auto &c : p.partner)
    ok = ok && ((l.partner.log.row(c.reg, b)[0] >= i) == c.seen);
  return ok;
}

// The definition itself, by a general maximum bipartite matching (augmenting
// paths), sharing nothing with the interval greedy under test.
std::uint64_t brute_force(const PerpetualPlan &p, const ChunkLogs &l) {
  std::vector<int> owner(l.partner.length, -1);
  std::function<bool(std::size_t, std::vector<bool> &)> augment = [&](std::size_t a, std::vector<bool> &seen) {
    for (std::size_t b = 0; b < l.partner.length; ++b) {
      if (seen[b] || !completes(p, l, a, b))
        continue;
      seen[b] = true;
      if (owner[b] < 0 || augment(static_cast<std::size_t>(owner[b]), seen)) {
        owner[b] = static_cast<int>(a);
        return true;
      }
    }
    return false;
  };
  std::uint64_t n = 0;
  for (std::size_t a = 0; a < l.anchor.length; ++a) {
    std::vector<bool> seen(l.partner.length, false);
    n += augment(a, seen);
  }
  return n;
}

void check_against_brute_force(const Test &t, int anchor_columns, int partner_columns) {
  auto plan = plan_of(t);
  std::mt19937_64 rng(11);
  std::uint64_t total = 0;
  for (int round = 0; round < 300; ++round) {
    std::size_t na = 1 + rng() % 40, nb = 1 + rng() % 40;
    Value base_a = static_cast<Value>(rng() % 100), base_b = static_cast<Value>(rng() % 100);
    auto a = random_log(rng, anchor_columns, na, base_b, nb);
    auto b = random_log(rng, partner_columns, nb, base_a, na);
    ChunkLogs logs{{{a.data(), na, 1}, na, base_a}, {{b.data(), nb, 1}, nb, base_b}};
    auto counted = count_chunk(plan, logs);
    auto expected = brute_force(plan, logs);
    ASSERT_EQ(counted.positive, expected) << t.name << " round " << round;
    EXPECT_EQ(counted.coherence_violations, 0u);
    total += expected;
  }
  EXPECT_GT(total, 0u) << "the random logs never produced the outcome: the comparison proves nothing";
}

TEST(PerpetualCount, MatchesTheDefinitionOnStoreBuffering) {
  check_against_brute_force(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier), 1, 1);
}

TEST(PerpetualCount, MatchesTheDefinitionOnMessagePassing) {
  check_against_brute_force(make_family_test(Shape::mp, FenceKind::barrier, FenceKind::barrier), 0, 2);
}

TEST(PerpetualCount, MatchesTheDefinitionOnLoadBuffering) {
  check_against_brute_force(parse_litmus(lb, "lb.litmus"), 1, 1);
}

TEST(PerpetualCount, ReportsReadsOutOfCoherenceOrder) {
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier));
  std::vector<LoggedRead> a{1, 3, 2, 4}, b{0, 0, 0, 0};
  auto c = count_chunk(plan, {{{a.data(), 4, 1}, 4, 0}, {{b.data(), 4, 1}, 4, 0}});
  EXPECT_EQ(c.coherence_violations, 1u);
}

TEST(PerpetualCount, ReportsReadsOutsideTheWritersWindow) {
  // Thread 1 (base 0, 4 iterations) cannot have stored 9; thread 0 (base 10)
  // had stored 10 before the chunk's rendezvous, so reading 5 went back.
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier));
  std::vector<LoggedRead> a{0, 9, 1, 2}, b{10, 5, 11, 12};
  auto c = count_chunk(plan, {{{a.data(), 4, 1}, 4, 10}, {{b.data(), 4, 1}, 4, 0}});
  EXPECT_EQ(c.coherence_violations, 2u);
}

TEST(PerpetualCount, StoreBufferingByHand) {
  // Thread 0 read y = 0,0,2,4 in iterations 1..4; thread 1 read x = 0,1,1,3.
  // Anchor 1 fits partners 1 (x=0 < 1; anchor saw none): pair (1,1).
  // Anchor 2 fits partners with x < 2, i.e. 1..3; 1 is taken: pair (2,2).
  // Anchor 3 read y=2, so partners >= 3 with x < 3: 3: pair (3,3).
  // Anchor 4 read y=4: no partner left in the chunk. Three disjoint pairs.
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier));
  std::vector<LoggedRead> a{0, 0, 2, 4}, b{0, 1, 1, 3};
  auto c = count_chunk(plan, {{{a.data(), 4, 1}, 4, 0}, {{b.data(), 4, 1}, 4, 0}});
  EXPECT_EQ(c.positive, 3u);
  EXPECT_EQ(c.first_positive_anchor, 0u);
}

TEST(PerpetualCount, OneSlowPartnerIterationCountsOnce) {
  // Thread 1 ran one iteration (read x = 0) while thread 0 ran four, none of
  // which saw y: four anchors fit, but they share one partner: one pair.
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier));
  std::vector<LoggedRead> a{0, 0, 0, 0}, b{0};
  auto c = count_chunk(plan, {{{a.data(), 4, 1}, 4, 0}, {{b.data(), 1, 1}, 1, 0}});
  EXPECT_EQ(c.positive, 1u);
}

} // namespace
} // namespace fencelab::hardware

namespace fencelab::hardware {
namespace {

TEST(PerpetualCount, InterleavedCopiesCountLikeSeparateLogs) {
  // Two copies logged side by side ([reg][k][copy]) count as each one alone.
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier));
  std::mt19937_64 rng(5);
  const std::size_t n = 30;
  auto a0 = random_log(rng, 1, n, 10, n), a1 = random_log(rng, 1, n, 10, n);
  auto b0 = random_log(rng, 1, n, 10, n), b1 = random_log(rng, 1, n, 10, n);
  std::vector<LoggedRead> a(2 * n), b(2 * n);
  for (std::size_t k = 0; k < n; ++k) {
    a[2 * k] = a0[k], a[2 * k + 1] = a1[k];
    b[2 * k] = b0[k], b[2 * k + 1] = b1[k];
  }
  ChunkLogs interleaved{{{a.data(), 2 * n, 2}, n, 10}, {{b.data(), 2 * n, 2}, n, 10}};
  ChunkCounter counter(plan, n);
  std::uint64_t both = 0;
  for (std::size_t s = 0; s < 2; ++s) {
    const auto &as = s == 0 ? a0 : a1;
    const auto &bs = s == 0 ? b0 : b1;
    ChunkLogs alone{{{as.data(), n, 1}, n, 10}, {{bs.data(), n, 1}, n, 10}};
    auto expected = brute_force(plan, alone);
    EXPECT_EQ(counter.count(interleaved, s, s + 1).positive, expected) << "copy " << s;
    both += expected;
  }
  EXPECT_EQ(counter.count(interleaved, 0, 2).positive, both);
  EXPECT_EQ(count_chunk(plan, interleaved).positive, both);
}

// Many copies side by side, each a random coherent log, counted in ranges
// (the counter takes copies four at a time, the rest one by one).
void check_many_copies(const Test &t, int anchor_columns, int partner_columns) {
  auto plan = plan_of(t);
  std::mt19937_64 rng(9);
  const std::size_t n = 25, copies = 19;
  const auto ac = static_cast<std::size_t>(anchor_columns), pc = static_cast<std::size_t>(partner_columns);
  std::vector<LoggedRead> a(std::max<std::size_t>(1, ac) * n * copies), b(std::max<std::size_t>(1, pc) * n * copies);
  std::vector<std::uint64_t> alone(copies);
  for (std::size_t s = 0; s < copies; ++s) {
    auto a1 = random_log(rng, anchor_columns, n, 40, n), b1 = random_log(rng, partner_columns, n, 40, n);
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t r = 0; r < ac; ++r)
        a[r * n * copies + k * copies + s] = a1[r * n + k];
      for (std::size_t r = 0; r < pc; ++r)
        b[r * n * copies + k * copies + s] = b1[r * n + k];
    }
    alone[s] = brute_force(plan, {{{a1.data(), n, 1}, n, 40}, {{b1.data(), n, 1}, n, 40}});
  }
  ChunkLogs all{{{a.data(), n * copies, copies}, n, 40}, {{b.data(), n * copies, copies}, n, 40}};
  ChunkCounter counter(plan, n);
  std::uint64_t expected = std::accumulate(alone.begin(), alone.end(), std::uint64_t{0});
  auto c = counter.count(all, 0, copies);
  EXPECT_EQ(c.positive, expected) << t.name;
  EXPECT_GT(expected, 0u) << t.name;
  EXPECT_EQ(c.coherence_violations, 0u) << t.name;
  for (std::size_t begin : {0, 3, 6})
    for (std::size_t end : {7, 8, 11, 19}) {
      auto part = std::accumulate(alone.begin() + static_cast<std::ptrdiff_t>(begin),
                                  alone.begin() + static_cast<std::ptrdiff_t>(end), std::uint64_t{0});
      EXPECT_EQ(counter.count(all, begin, end).positive, part) << t.name << " copies " << begin << ".." << end;
    }
}

TEST(PerpetualCount, ManyCopiesCountLikeEachAlone) {
  check_many_copies(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier), 1, 1);
  check_many_copies(make_family_test(Shape::mp, FenceKind::barrier, FenceKind::barrier), 0, 2);
  check_many_copies(parse_litmus(lb, "lb.litmus"), 1, 1);
}

TEST(PerpetualCount, CopiesSideBySideCountAsEachAloneEvenOnIncoherentLogs) {
  // Reads going back, or out of the writer's window, must be judged the same
  // whether a copy is counted alone or in the lanes of a four-copy pass.
  const std::vector<fencelab::Test> shapes{make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier),
                                           parse_litmus(lb, "lb.litmus")};
  for (const fencelab::Test &t : shapes) {
    auto plan = plan_of(t);
    std::mt19937_64 rng(21);
    const std::size_t n = 40, copies = 8;
    std::vector<LoggedRead> a(n * copies), b(n * copies);
    for (auto *log : {&a, &b})
      for (std::size_t k = 0; k < n; ++k)
        for (std::size_t s = 0; s < copies; ++s)
          (*log)[k * copies + s] = static_cast<LoggedRead>(100 + k + rng() % 7 - (rng() % 11 == 0 ? 60 : 0));
    ChunkLogs all{{{a.data(), n * copies, copies}, n, 100}, {{b.data(), n * copies, copies}, n, 100}};
    ChunkCounter counter(plan, n);
    ChunkCount together = counter.count(all, 0, copies);
    std::uint64_t positive = 0, violations = 0;
    for (std::size_t s = 0; s < copies; ++s) {
      ChunkCount alone = counter.count(all, s, s + 1);
      positive += alone.positive;
      violations += alone.coherence_violations;
    }
    EXPECT_EQ(together.positive, positive) << t.name;
    EXPECT_EQ(together.coherence_violations, violations) << t.name;
    EXPECT_GT(violations, 0u) << t.name << ": the logs were meant to be incoherent";
  }
}

TEST(PerpetualCount, ReportsPartnerReadsOutOfCoherenceOrder) {
  auto plan = plan_of(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier));
  std::vector<LoggedRead> a{0, 0, 0, 0}, b{2, 1, 3, 2};
  auto c = count_chunk(plan, {{{a.data(), 4, 1}, 4, 0}, {{b.data(), 4, 1}, 4, 0}});
  EXPECT_EQ(c.coherence_violations, 2u);
}

} // namespace
} // namespace fencelab::hardware
