// RelacyModel behind the fencelab::Model interface: the family's verdicts as
// the plain search gives them, how it searched, and how a test it cannot
// answer comes back.
#include "family.hpp"
#include "model_test_support.hpp"
#include "relacy_model.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <variant>

namespace fencelab::relacy::model_tests {
namespace {

ModelAnswer answer_of(ModelResult result) {
  if (const auto *u = std::get_if<Unsupported>(&result))
    ADD_FAILURE() << "unsupported: " << u->reason;
  if (const auto *f = std::get_if<Failed>(&result))
    ADD_FAILURE() << "failed: " << f->reason;
  auto *answer = std::get_if<ModelAnswer>(&result);
  return answer ? std::move(*answer) : ModelAnswer{};
}

// The spellings the option group and the reports use (moved here from the
// framework's enum test with the enums).
template <class E> void expect_round_trip() {
  for (const auto &entry : enum_names(E{})) {
    EXPECT_EQ(to_string(entry.value), entry.name);
    EXPECT_EQ(parse_enum<E>(entry.name), entry.value) << entry.name;
  }
  EXPECT_FALSE(parse_enum<E>("no-such-name").has_value());
}

TEST(RelacyConfigNames, RoundTrip) {
  expect_round_trip<SearchMode>();
  expect_round_trip<MembarrierModel>();
  EXPECT_EQ(parse_enum<SearchMode>("context-bound"), SearchMode::context_bound);
}

TEST(RelacyModel, IsNamedRelacyAndKeepsItsSettings) {
  RelacyConfig config = context_bound_search(3, MembarrierModel::stock);
  config.budget_seconds = 4;
  RelacyModel model(config);
  EXPECT_EQ(model.name(), "relacy");
  EXPECT_EQ(model.config().search, SearchMode::context_bound);
  EXPECT_EQ(model.config().context_bound, 3u);
  EXPECT_EQ(model.config().membarrier, MembarrierModel::stock);
  EXPECT_EQ(model.config().budget_seconds, 4.0);
  EXPECT_EQ(RelacyModel().config().budget_seconds, 10.0) << "the default budget";
}

// Every SB and MP cell, both thread orders: the weak outcome is reachable
// exactly where membarrier(2)/LKMM allow it, after an exhaustive search that
// no limit applies to, so that an unreachable outcome may be called forbidden.
TEST(RelacyModel, AnswersEveryFamilyCellExhaustivelyWithoutLimits) {
  RelacyModel model;
  for (Shape shape : {Shape::sb, Shape::mp})
    for (FenceKind f0 : family_fences)
      for (FenceKind f1 : family_fences)
        for (bool swapped : {false, true}) {
          const fencelab::Test plain = make_family_test(shape, f0, f1);
          const fencelab::Test test = swapped ? swap_first_two_threads(plain) : plain;
          const ModelAnswer a = answer_of(model.check(test, {}));
          SCOPED_TRACE(test.name);
          EXPECT_EQ(tally(test, a.outcomes).positive > 0, family_weak_allowed(f0, f1));
          EXPECT_TRUE(a.exhaustive);
          EXPECT_EQ(a.incomplete, "");
          EXPECT_TRUE(a.limits.empty()) << a.limits.front();
          EXPECT_TRUE(a.flags.empty());
          EXPECT_GT(a.executions, 0u);
          EXPECT_EQ(a.outcomes.total(), a.executions) << "each explored execution counted once";
          EXPECT_GT(a.seconds, 0.0);
          EXPECT_EQ(a.settings, "full, membarrier precise");
        }
}

// A plant applies to the model too: membarrier as a sham orders nothing in
// the other thread, so SB+membarrier+barrier's weak outcome comes back.
TEST(RelacyModel, AppliesTheSubstitutionsPlants) {
  const fencelab::Test test = make_family_test(Shape::sb, FenceKind::membarrier, FenceKind::barrier);
  Substitution sham;
  sham.stands[FenceKind::membarrier] = Stand::sham;
  RelacyModel model;
  EXPECT_EQ(tally(test, answer_of(model.check(test, {})).outcomes).positive, 0u);
  EXPECT_GT(tally(test, answer_of(model.check(test, sham)).outcomes).positive, 0u);
}

TEST(RelacyModel, OnlyAFinishedFullSearchIsExhaustive) {
  const fencelab::Test test = make_family_test(Shape::mp, FenceKind::smp_mb, FenceKind::barrier);
  RelacyConfig random;
  random.search = SearchMode::random;
  random.random_iterations = 500;
  const ModelAnswer r = answer_of(RelacyModel(random).check(test, {}));
  EXPECT_FALSE(r.exhaustive);
  EXPECT_EQ(r.incomplete, "") << "random search ran all its iterations";
  EXPECT_EQ(r.executions, 500u);
  const ModelAnswer b = answer_of(RelacyModel(context_bound_search(2)).check(test, {}));
  EXPECT_FALSE(b.exhaustive);
  EXPECT_GT(tally(test, b.outcomes).positive, 0u);
}

TEST(RelacyModel, SettingsSayHowItSearched) {
  EXPECT_EQ(settings_text(full_search(MembarrierModel::stock)), "full, membarrier stock");
  EXPECT_EQ(settings_text(context_bound_search(2)), "context-bound 2, membarrier precise");
  RelacyConfig random;
  random.search = SearchMode::random;
  random.random_iterations = 1234;
  EXPECT_EQ(settings_text(random), "random 1234, membarrier precise");
}

TEST(RelacyModel, ATestThatDoesNotFitIsUnsupported) {
  fencelab::Test nine;
  nine.name = "9W";
  nine.locations = {{"x", 0}};
  for (Value v = 1; v <= 9; ++v)
    nine.threads.push_back({{Op::store(0, v)}, {}, {}});
  const auto result = RelacyModel().check(nine, {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(result));
  EXPECT_NE(std::get<Unsupported>(result).reason.find("thread count 9"), std::string::npos);
}

// A spin loop nobody releases: Relacy stops it as a livelock, which is the
// test exceeding the model (Unsupported), not the model breaking (Failed).
TEST(RelacyModel, ASpinThatNeverEndsIsUnsupportedNotAnAnswer) {
  fencelab::Test t;
  t.name = "spin-forever";
  t.locations = {{"y", 0}};
  Op spin{OpKind::jump_unless, -1, 0, 1};
  spin.target = 0;
  t.threads = {{{Op::load(0, 0), spin}, {"r0"}, {}}};
  const auto result = RelacyModel().check(t, {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(result));
  EXPECT_NE(std::get<Unsupported>(result).reason.find("LIVELOCK"), std::string::npos);
}

TEST(RelacyModel, ANonPositiveBudgetIsRefused) {
  RelacyConfig config;
  config.budget_seconds = 0;
  const auto result = RelacyModel(config).check(make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier), {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(result));
  EXPECT_NE(std::get<Unsupported>(result).reason.find("budget"), std::string::npos);
}

} // namespace
} // namespace fencelab::relacy::model_tests
