// The built-in SB/MP family under full search with the precise membarrier
// model: the weak outcome is reachable exactly where the membarrier(2) table
// says the pairing does not order, in both thread orders.
#include "family.hpp"
#include "model_test_support.hpp"
#include "ordering_table.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <tuple>

namespace fencelab::relacy::model_tests {
namespace {

struct FamilyCell {
  Shape shape;
  FenceKind f0;
  FenceKind f1;
  bool swapped;

  Test test() const {
    auto t = make_family_test(shape, f0, f1);
    return swapped ? swap_first_two_threads(t) : t;
  }
  bool weak_allowed() const { return family_weak_allowed(f0, f1); }
};

std::vector<FamilyCell> all_cells() {
  std::vector<FamilyCell> cells;
  for (Shape shape : {Shape::sb, Shape::mp})
    for (FenceKind f0 : family_fences)
      for (FenceKind f1 : family_fences)
        for (bool swapped : {false, true})
          cells.push_back({shape, f0, f1, swapped});
  return cells;
}

std::string cell_name(const ::testing::TestParamInfo<FamilyCell> &info) {
  const auto &c = info.param;
  return std::string(c.shape == Shape::sb ? "SB" : "MP") + "_" + std::string(to_string(c.f0)) + "_" +
         std::string(to_string(c.f1)) + (c.swapped ? "_swapped" : "");
}

class FamilyModel : public ::testing::TestWithParam<FamilyCell> {};

TEST_P(FamilyModel, FullSearchReachesWeakOutcomeExactlyWhereAllowed) {
  const auto cell = GetParam();
  const auto test = cell.test();
  ASSERT_EQ(why_not_checkable(test, full_search()), "");
  const auto result = model_check(test, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_TRUE(result.exhaustive);
  EXPECT_EQ(condition_reachable(test, result), cell.weak_allowed()) << test.name;
  EXPECT_EQ(cell.weak_allowed(), !ordered_pair(cell.f0, cell.f1)) << "ordering table disagrees";
}

TEST_P(FamilyModel, CountsEveryExploredExecutionOnce) {
  const auto test = GetParam().test();
  const auto result = model_check(test, full_search());
  EXPECT_GT(result.executions, 0u);
  EXPECT_EQ(result.histogram.total(), result.executions);
  EXPECT_EQ(result.histogram.stats.iterations, result.executions);
}

TEST_P(FamilyModel, ContextBoundTwoFindsTheSameOutcomesAsFullSearch) {
  const auto test = GetParam().test();
  const auto full = model_check(test, full_search());
  const auto bounded = model_check(test, context_bound_search(2));
  ASSERT_EQ(bounded.error, "");
  EXPECT_FALSE(bounded.exhaustive);
  EXPECT_EQ(outcomes(bounded), outcomes(full));
}

TEST_P(FamilyModel, StockMembarrierGivesTheSameVerdict) {
  const auto cell = GetParam();
  const auto test = cell.test();
  const auto stock = model_check(test, full_search(MembarrierModel::stock));
  ASSERT_EQ(stock.error, "");
  EXPECT_EQ(condition_reachable(test, stock), cell.weak_allowed());
}

INSTANTIATE_TEST_SUITE_P(AllCells, FamilyModel, ::testing::ValuesIn(all_cells()), cell_name);

TEST(FamilyModelTiming, FullSearchOfTheEighteenTestsTakesWellUnderTwoSeconds) {
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t executions = 0;
  for (const auto &test : all_family_tests())
    executions += model_check(test, full_search()).executions;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::cout << "full search of the 18 family tests: " << executions << " executions in " << elapsed.count() * 1e3
            << " ms\n";
  EXPECT_LT(elapsed.count(), 2.0);
}

} // namespace
} // namespace fencelab::relacy::model_tests
