// `fencelab compare`'s logic: which rows, in which order, and when B holds a
// new VIOLATION or MODEL DISAGREEMENT (the exit code CI gates on).
#include "compare.hpp"

#include <gtest/gtest.h>

namespace fencelab::cli {
namespace {

TestRecord record(const std::string &name, const std::string &verdict, std::uint64_t positive = 0,
                  std::optional<double> rate = std::nullopt, std::vector<std::string> outcomes = {}) {
  TestRecord t;
  t.name = name;
  t.verdict = verdict;
  t.has_histogram = true;
  t.positive = positive;
  t.negative = 10;
  t.weak_per_second = rate;
  for (const auto &o : outcomes)
    t.histogram.push_back({{}, o, 1});
  return t;
}

ResultDocument doc(std::vector<TestRecord> tests) {
  ResultDocument d;
  d.tests = std::move(tests);
  return d;
}

const CompareRow &row(const Comparison &c, const std::string &test) {
  for (const auto &r : c.rows)
    if (r.test == test)
      return r;
  throw std::runtime_error("no row " + test);
}

TEST(Compare, ANewViolationInBIsFlaggedAndListedFirst) {
  auto a = doc({record("MP+barrier+barrier", "stronger"), record("SB+barrier+barrier", "ok", 5),
                record("SB+smp_mb+smp_mb", "ok")});
  auto b = doc({record("SB+barrier+barrier", "ok", 7), record("SB+smp_mb+smp_mb", "VIOLATION", 3)});
  auto c = compare_documents({a}, {b});
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[0].test, "SB+smp_mb+smp_mb");
  EXPECT_EQ(c.rows[2].test, "MP+barrier+barrier"); // only in A: last
  EXPECT_TRUE(c.rows[0].verdict_differs);
  EXPECT_TRUE(c.rows[0].new_violation);
  EXPECT_EQ(c.rows[0].b.observation, "Sometimes");
  EXPECT_EQ(c.rows[0].a.observation, "Never");
  EXPECT_FALSE(c.rows[1].verdict_differs);
  EXPECT_EQ(c.new_violations, std::vector<std::string>{"SB+smp_mb+smp_mb"});
}

TEST(Compare, AViolationAlreadyInAIsNotNew) {
  auto a = doc({record("T", "VIOLATION", 1)});
  auto b = doc({record("T", "VIOLATION", 2)});
  auto c = compare_documents({a}, {b});
  EXPECT_TRUE(c.new_violations.empty());
  EXPECT_FALSE(c.rows[0].verdict_differs);
  // the other direction too: A's violation gone in B is a difference, not a new violation
  auto fixed = compare_documents({a}, {doc({record("T", "ok", 0)})});
  EXPECT_TRUE(fixed.rows[0].verdict_differs);
  EXPECT_TRUE(fixed.new_violations.empty());
}

TEST(Compare, ModelDisagreementAndTestsOnlyInBCount) {
  auto a = doc({record("T", "VIOLATION", 1)});
  auto b = doc({record("T", "MODEL DISAGREEMENT"), record("U", "VIOLATION", 1), record("V", "ok")});
  auto c = compare_documents({a}, {b});
  EXPECT_EQ(c.new_violations, (std::vector<std::string>{"T", "U"}));
  EXPECT_EQ(row(c, "U").a.verdict, "absent");
  EXPECT_TRUE(row(c, "V").one_sided);
  EXPECT_FALSE(row(c, "V").verdict_differs);
  EXPECT_FALSE(row(c, "V").new_violation);
  // T differs, then the one-sided U and V, in document order.
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[0].test, "T");
  EXPECT_EQ(c.rows[1].test, "U");
}

TEST(Compare, OutcomesSeenOnOneSideOnly) {
  auto a = doc({record("T", "ok", 1, std::nullopt, {"0:r0=0; 1:r0=0;", "0:r0=1; 1:r0=1;"})});
  auto b = doc({record("T", "ok", 1, std::nullopt, {"0:r0=1; 1:r0=1;", "0:r0=0; 1:r0=1;"})});
  auto c = compare_documents({a}, {b});
  EXPECT_EQ(c.rows[0].only_a, std::vector<std::string>{"0:r0=0; 1:r0=0;"});
  EXPECT_EQ(c.rows[0].only_b, std::vector<std::string>{"0:r0=0; 1:r0=1;"});
}

TEST(Compare, RatesAreNoisyUnlessBothSidesRepeat) {
  auto single = compare_documents({doc({record("T", "ok", 1, 100.0)})}, {doc({record("T", "ok", 1, 300.0)})});
  ASSERT_TRUE(single.rows[0].weak_ratio);
  EXPECT_DOUBLE_EQ(*single.rows[0].weak_ratio, 3.0);
  EXPECT_TRUE(single.rows[0].noisy);
  // Three runs a side (two documents on A, one repeating document on B): medians.
  auto a = std::vector<ResultDocument>{doc({record("T", "ok", 1, 100.0), record("T", "ok", 1, 900.0)}),
                                       doc({record("T", "ok", 1, 200.0)})};
  auto b = std::vector<ResultDocument>{
      doc({record("T", "ok", 1, 50.0), record("T", "ok", 1, 400.0), record("T", "ok", 1, 1000.0)})};
  auto repeated = compare_documents(a, b);
  ASSERT_EQ(repeated.rows.size(), 1u);
  EXPECT_FALSE(repeated.rows[0].noisy);
  EXPECT_EQ(repeated.rows[0].a.runs, 3);
  EXPECT_DOUBLE_EQ(*repeated.rows[0].a.weak_per_second, 200.0);
  EXPECT_DOUBLE_EQ(*repeated.rows[0].weak_ratio, 2.0);
  auto a_zero = compare_documents({doc({record("T", "ok", 0, 0.0)})}, {doc({record("T", "ok", 1, 5.0)})});
  EXPECT_FALSE(a_zero.rows[0].weak_ratio);
}

TEST(Compare, MixedRunsKeepTheMostSevereVerdict) {
  auto b = doc({record("T", "ok"), record("T", "VIOLATION", 1), record("T", "stronger")});
  auto c = compare_documents({doc({record("T", "ok")})}, {b});
  EXPECT_EQ(c.rows[0].b.verdict, "VIOLATION");
  EXPECT_TRUE(c.rows[0].new_violation);
  EXPECT_GT(verdict_severity("VIOLATION"), verdict_severity("MODEL DISAGREEMENT"));
  EXPECT_GT(verdict_severity("MODEL DISAGREEMENT"), verdict_severity("ok"));
}

} // namespace
} // namespace fencelab::cli
