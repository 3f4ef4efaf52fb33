// herd-style text and the grid, from hand-built results: what a reader greps
// for must be there, with each model's answer named.
#include "family.hpp"
#include "grid.hpp"
#include "herd_text.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace fencelab {
namespace {

ModelView answer(std::string name, const Test &t, std::vector<Outcome> outcomes, bool exhaustive = true,
                 std::vector<std::string> limits = {}) {
  ModelView v;
  v.name = std::move(name);
  for (auto &o : outcomes)
    v.answer.outcomes.add(o, 1);
  v.answer.exhaustive = exhaustive;
  v.answer.limits = std::move(limits);
  v.answer.settings = "test";
  (void)t;
  return v;
}

TestResult hardware_result(const Test &t, std::uint64_t weak, std::uint64_t strong) {
  Histogram h;
  Outcome weak_outcome(static_cast<std::size_t>(t.outcome_size()), 0);
  Outcome strong_outcome(static_cast<std::size_t>(t.outcome_size()), 1);
  if (weak)
    h.add(weak_outcome, weak);
  h.add(strong_outcome, strong);
  h.stats.iterations = weak + strong;
  h.stats.seconds = 1;
  return judge(t, "hardware", h);
}

TEST(HerdText, ShowsEveryModelAndTheObservation) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb);
  auto r = hardware_result(sb, 0, 1000);
  Outcome strong(static_cast<std::size_t>(sb.outcome_size()), 1);
  judge_with_models(r, {answer("lkmm", sb, {strong}), answer("relacy", sb, {strong})});
  std::ostringstream out;
  report::write_herd_block(out, r);
  auto text = out.str();
  EXPECT_NE(text.find("Model SB+smp_mb+smp_mb forbidden (lkmm"), std::string::npos) << text;
  EXPECT_NE(text.find("Model SB+smp_mb+smp_mb forbidden (relacy"), std::string::npos) << text;
  EXPECT_NE(text.find("Observation SB+smp_mb+smp_mb Never 0 1000"), std::string::npos) << text;
  EXPECT_NE(text.find("Verdict SB+smp_mb+smp_mb ok"), std::string::npos) << text;
}

TEST(HerdText, TwoDecisiveModelsThatDifferAreADisagreement) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  auto r = hardware_result(sb, 5, 1000);
  Outcome weak(static_cast<std::size_t>(sb.outcome_size()), 0), strong(weak.size(), 1);
  judge_with_models(r, {answer("lkmm", sb, {strong, weak}), answer("fake", sb, {strong})});
  EXPECT_EQ(r.verdict, Verdict::model_disagreement);
  std::ostringstream out;
  report::write_herd_block(out, r);
  EXPECT_NE(out.str().find("MODEL DISAGREEMENT"), std::string::npos) << out.str();
}

TEST(HerdText, ALimitedModelDoesNotDisagreeWithAnExhaustiveOne) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  auto r = hardware_result(sb, 5, 1000);
  Outcome weak(static_cast<std::size_t>(sb.outcome_size()), 0), strong(weak.size(), 1);
  judge_with_models(r, {answer("relacy", sb, {strong}, true, {"no load buffering"}), answer("lkmm", sb, {strong, weak})});
  EXPECT_EQ(r.verdict, Verdict::ok);
  ASSERT_NE(r.model(), nullptr);
  EXPECT_EQ(r.model()->name, "lkmm"); // the decisive answer judges, whatever the order asked
}

TEST(Grid, CellShowsEachModelsVerdict) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier);
  auto r = hardware_result(sb, 7, 1000);
  Outcome weak(static_cast<std::size_t>(sb.outcome_size()), 0), strong(weak.size(), 1);
  judge_with_models(r, {answer("lkmm", sb, {strong, weak}), answer("relacy", sb, {strong, weak})});
  report::GridSpec grid{"SB", {"smp_mb"}, {"barrier"}, [&](std::size_t, std::size_t) { return &r; }};
  std::ostringstream out;
  report::write_grid(out, grid);
  EXPECT_NE(out.str().find("lkmm:allow relacy:allow"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("7 / 1007"), std::string::npos) << out.str();
  EXPECT_EQ(report::short_count(12345678), "12.3M");
}

} // namespace
} // namespace fencelab

namespace fencelab {
namespace {

TEST(Judge, AModelThatFindsNoExecutionHasNotAnswered) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb);
  TestResult r;
  r.test = sb;
  ModelView empty;
  empty.name = "broken";
  empty.answer.exhaustive = true;
  judge_with_models(r, {empty});
  ASSERT_EQ(r.models.size(), 1u);
  EXPECT_FALSE(r.models[0].answered());
  EXPECT_EQ(model_verdict(r.models[0]), ModelVerdict::unanswered);
  EXPECT_EQ(r.verdict, Verdict::unsupported);
}

} // namespace
} // namespace fencelab
