// The per-test search budget: a search too big to finish stops at the
// deadline with what it found so far, never claiming to be exhaustive, and the
// process can search again afterwards.
#include "family.hpp"
#include "model_test_support.hpp"
#include "relacy_model.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <variant>

namespace fencelab::relacy::model_tests {
namespace {

using Clock = std::chrono::steady_clock;

// Thread i: x_i = 1; r_i = x_(i+1 mod n). Store buffering around a ring.
fencelab::Test store_buffering_ring(int threads) {
  fencelab::Test t;
  t.name = "SB-ring-" + std::to_string(threads);
  for (int i = 0; i < threads; ++i)
    t.locations.push_back({"x" + std::to_string(i), 0});
  for (int i = 0; i < threads; ++i)
    t.threads.push_back({{Op::store(i, 1), Op::load((i + 1) % threads, 0)}, {"r0"}, {}});
  return t;
}

// Distinct interleavings of `threads` threads of two ops each: (2n)! / 2^n.
// Full search tries every one of them at least once.
double interleavings_of_two_op_threads(int threads) {
  double n = 1;
  for (int k = 2; k <= 2 * threads; ++k)
    n *= k;
  for (int i = 0; i < threads; ++i)
    n /= 2;
  return n;
}

struct Timed {
  ModelResult result;
  double seconds = 0;
};

Timed timed_check(const fencelab::Test &test, const RelacyConfig &config) {
  const auto start = Clock::now();
  Timed timed{RelacyModel(config).check(test, {})};
  timed.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return timed;
}

RelacyConfig full_search_for(double budget_seconds) {
  RelacyConfig config = full_search();
  config.budget_seconds = budget_seconds;
  return config;
}

TEST(RelacyBudget, StopsABigFullSearchAtTheBudgetAndSearchesAgainAfterwards) {
  const fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  const Timed before = timed_check(sb, full_search_for(1.0));
  ASSERT_TRUE(std::holds_alternative<ModelAnswer>(before.result));

  const fencelab::Test ring = store_buffering_ring(7);
  const Timed big = timed_check(ring, full_search_for(1.0));
  ASSERT_TRUE(std::holds_alternative<ModelAnswer>(big.result));
  const auto &stopped = std::get<ModelAnswer>(big.result);
  EXPECT_LT(big.seconds, 1.5);
  EXPECT_GE(big.seconds, 1.0);
  EXPECT_EQ(stopped.incomplete, "budget 1 s");
  EXPECT_FALSE(stopped.exhaustive);
  EXPECT_GT(stopped.executions, 0u);
  EXPECT_LT(static_cast<double>(stopped.executions), interleavings_of_two_op_threads(7));
  EXPECT_EQ(stopped.outcomes.total(), stopped.executions) << "only executions that ran whole are counted";
  EXPECT_FALSE(stopped.outcomes.counts.empty()) << "the outcomes found so far come back";

  // Relacy's context was abandoned mid-search: the next search must be whole and the same as before.
  const Timed after = timed_check(sb, full_search_for(1.0));
  ASSERT_TRUE(std::holds_alternative<ModelAnswer>(after.result));
  const auto &first = std::get<ModelAnswer>(before.result);
  const auto &again = std::get<ModelAnswer>(after.result);
  EXPECT_TRUE(again.exhaustive);
  EXPECT_EQ(again.incomplete, "");
  EXPECT_LT(again.seconds, 0.5) << "SB finishes well within the budget";
  EXPECT_EQ(again.outcomes.counts, first.outcomes.counts);
  EXPECT_EQ(again.executions, first.executions);
  EXPECT_GT(tally(sb, again.outcomes).positive, 0u) << "SB+barrier+barrier's weak outcome is allowed";
}

// Random search honours the budget too: a billion iterations stop early.
TEST(RelacyBudget, StopsARandomSearchBeforeItsIterationsRunOut) {
  RelacyConfig config;
  config.search = SearchMode::random;
  config.random_iterations = 1000000000;
  config.budget_seconds = 0.25;
  const Timed timed = timed_check(store_buffering_ring(4), config);
  ASSERT_TRUE(std::holds_alternative<ModelAnswer>(timed.result));
  const auto &a = std::get<ModelAnswer>(timed.result);
  EXPECT_LT(timed.seconds, 0.75);
  EXPECT_EQ(a.incomplete, "budget 0.25 s");
  EXPECT_GT(a.executions, 0u);
  EXPECT_LT(a.executions, config.random_iterations);
  EXPECT_EQ(a.outcomes.total(), a.executions);
}

// Through the plain search API the budget stop is `incomplete`, not an error.
TEST(RelacyBudget, TheSearchReportsTheStop) {
  const SearchResult r = model_check(store_buffering_ring(6), full_search_for(0.2));
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.incomplete, "budget 0.2 s");
  EXPECT_FALSE(r.exhaustive);
}

} // namespace
} // namespace fencelab::relacy::model_tests
