// The soak record's bookkeeping (cli/soak): which cells it runs, how runs of
// one cell add up, and what a cut run leaves in the record.
#include "soak.hpp"

#include <gtest/gtest.h>
#include <set>

namespace fencelab::cli {
namespace {

// A hardware run of `test` that counted `positive` weak and `negative` other outcomes in `units` units.
TestResult run_of(const fencelab::Test &test, std::uint64_t positive, std::uint64_t negative, std::uint64_t units) {
  TestResult r;
  r.test = test;
  r.backend = "hardware";
  Histogram h;
  h.stats.iterations = positive + negative;
  h.stats.seconds = 1;
  h.stats.units = units;
  h.stats.weak_batches = positive > 0 ? 1 : 0;
  if (positive > 0)
    h.stats.first_positive_seconds = 0.25;
  r.histogram = h;
  r.tally.positive = positive;
  r.tally.negative = negative;
  return r;
}

TEST(SoakCells, AreTheCellsTheManPageOrders) {
  // membarrier(2): barrier x membarrier (either side), smp_mb x smp_mb,
  // smp_mb x membarrier (either side) and membarrier x membarrier are ordered.
  const std::set<std::string> ordered = {"barrier+membarrier", "membarrier+barrier", "smp_mb+smp_mb",
                                         "smp_mb+membarrier",  "membarrier+smp_mb",  "membarrier+membarrier"};
  auto cells = forbidden_cells({Shape::sb, Shape::mp});
  ASSERT_EQ(cells.size(), 2 * ordered.size());
  for (const auto &t : cells) {
    auto plus = t.name.find('+');
    EXPECT_TRUE(ordered.count(t.name.substr(plus + 1))) << t.name;
  }
}

TEST(SoakCells, RunsOfACellAddUpAndTheFirstViolationIsTimedFromTheStart) {
  auto cells_tests = forbidden_cells({Shape::sb});
  std::vector<SoakCell> cells(1);
  add_run(cells[0], run_of(cells_tests[0], 0, 1000, 10), 0, 1.5);
  add_run(cells[0], run_of(cells_tests[0], 3, 997, 10), 60, 1.5);
  finish_cells(cells);
  const TestResult &t = cells[0].total;
  EXPECT_EQ(cells[0].runs, 2u);
  EXPECT_EQ(t.tally.positive, 3u);
  EXPECT_EQ(t.tally.negative, 1997u);
  EXPECT_EQ(t.histogram->stats.units, 20u);
  EXPECT_DOUBLE_EQ(cells[0].wall_seconds, 3.0);
  ASSERT_TRUE(cells[0].first_violation_seconds);
  EXPECT_DOUBLE_EQ(*cells[0].first_violation_seconds, 60.25);
  ASSERT_TRUE(t.verdict);
  EXPECT_EQ(*t.verdict, Verdict::violation);
  EXPECT_FALSE(t.power) << "no control ran: no power is claimed";
  auto sum = totals(cells);
  EXPECT_EQ(sum.iterations, 2000u);
  EXPECT_EQ(sum.violations, 3u);
  EXPECT_EQ(sum.violating_cells, 1u);
}

TEST(SoakCells, ARunCutByAStopMarksItsCellPartial) {
  auto cells_tests = forbidden_cells({Shape::sb});
  std::vector<SoakCell> cells(2);
  add_run(cells[0], run_of(cells_tests[0], 0, 1000, 10), 0, 1);
  TestResult cut = run_of(cells_tests[1], 0, 10, 1);
  cut.partial = true;
  add_run(cells[1], run_of(cells_tests[1], 0, 1000, 10), 1, 1);
  add_run(cells[1], cut, 2, 0.1);
  add_run(cells[1], run_of(cells_tests[1], 0, 1000, 10), 3, 1); // a later run does not hide the cut one
  EXPECT_FALSE(cells[0].total.partial);
  EXPECT_TRUE(cells[1].total.partial);
  EXPECT_EQ(cells[1].total.tally.negative, 2010u);
}

TEST(SoakCells, ACellWithoutAControlHasNoPowerInTheRecord) {
  auto cells_tests = forbidden_cells({Shape::mp});
  std::vector<SoakCell> cells(1);
  add_run(cells[0], run_of(cells_tests[0], 0, 500, 5), 0, 1);
  finish_cells(cells);
  auto j = soak_json(cells, totals(cells));
  ASSERT_EQ(j["cells"].size(), 1u);
  EXPECT_FALSE(j["cells"][0].contains("power"));
  EXPECT_FALSE(j["cells"][0].contains("confidence"));
  EXPECT_EQ(j["cells"][0]["iterations"], 500);
  EXPECT_EQ(j["cells"][0]["controls"], 0);
}

} // namespace
} // namespace fencelab::cli
