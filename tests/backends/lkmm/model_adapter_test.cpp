// The Model interface of the LKMM backend: what an answer carries, and
// Unsupported for what the evaluator cannot decide.
#include "family.hpp"
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

namespace fencelab::lkmm::tests {
namespace {

TEST(LkmmModel, AnswersExhaustivelyWithoutLimits) {
  LkmmModel model;
  EXPECT_EQ(model.name(), "lkmm");
  const fencelab::Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  const ModelResult r = model.check(t, {});
  ASSERT_TRUE(std::holds_alternative<ModelAnswer>(r));
  const ModelAnswer &a = std::get<ModelAnswer>(r);
  EXPECT_TRUE(a.exhaustive);
  EXPECT_TRUE(a.limits.empty());
  EXPECT_TRUE(a.flags.empty());
  EXPECT_EQ(a.incomplete, "");
  EXPECT_EQ(a.settings, "exhaustive");
  // SB has one candidate per pair of read values: 0/1 each.
  EXPECT_EQ(a.executions, 4U);
  EXPECT_EQ(a.outcomes.total(), 4U);
  EXPECT_GE(a.seconds, 0.0);
}

fencelab::Test one_thread(std::vector<Op> ops) {
  fencelab::Test t;
  t.name = "one-thread";
  t.locations = {{"x", 0}};
  t.threads = {{std::move(ops), {"r0"}, {}}};
  return t;
}

TEST(LkmmModel, LoopsAreUnsupported) {
  Op back;
  back.kind = OpKind::jump_unless;
  back.reg = 0;
  back.value = 1;
  back.target = 0;
  LkmmModel model;
  const ModelResult r = model.check(one_thread({Op::load(0, 0), back}), {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(r));
  EXPECT_NE(std::get<Unsupported>(r).reason.find("loop"), std::string::npos);
}

TEST(LkmmModel, MoreThanSixtyFourEventsAreUnsupported) {
  std::vector<Op> ops;
  for (int i = 0; i < 70; ++i)
    ops.push_back(Op::store(0, i + 1));
  LkmmModel model;
  const ModelResult r = model.check(one_thread(ops), {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(r));
  EXPECT_NE(std::get<Unsupported>(r).reason.find("64"), std::string::npos);
}

} // namespace
} // namespace fencelab::lkmm::tests
