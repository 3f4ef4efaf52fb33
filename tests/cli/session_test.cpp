// Session works on Backend& and Model& only: fakes stand in for the hardware
// and for a model, and a fake model is judged alongside the registered Relacy.
#include "family.hpp"
#include "model_registry.hpp"
#include "session.hpp"

#include <gtest/gtest.h>

namespace fencelab::cli {
namespace {

namespace po = boost::program_options;

Outcome all_of(const Test &t, Value v) { return Outcome(static_cast<std::size_t>(t.outcome_size()), v); }

// Reports `weak` weak outcomes (every register 0) and 1000 strong ones.
class FakeBackend final : public Backend {
public:
  explicit FakeBackend(std::uint64_t weak) : weak_(weak) {}
  std::string_view name() const override { return "fake-hardware"; }
  std::string why_unsupported(const Test &, const RunConfig &) const override { return ""; }
  BackendResult run(const Test &test, const RunConfig &) override {
    ++runs;
    Histogram h;
    if (weak_)
      h.add(all_of(test, 0), weak_);
    h.add(all_of(test, 1), 1000);
    h.stats.iterations = weak_ + 1000;
    h.stats.seconds = 1;
    return h;
  }
  int runs = 0;

private:
  std::uint64_t weak_;
};

// Answers with a fixed outcome set, exhaustively and without limits.
class FakeModel final : public Model {
public:
  FakeModel(std::string name, bool allows_weak) : name_(std::move(name)), allows_weak_(allows_weak) {}
  std::string_view name() const override { return name_; }
  ModelResult check(const Test &test, const Substitution &) override {
    ModelAnswer a;
    a.outcomes.add(all_of(test, 1));
    if (allows_weak_)
      a.outcomes.add(all_of(test, 0));
    a.exhaustive = true;
    a.executions = 2;
    a.settings = "fake";
    return a;
  }

private:
  std::string name_;
  bool allows_weak_;
};

std::vector<std::unique_ptr<Model>> models(std::unique_ptr<Model> a, std::unique_ptr<Model> b = nullptr) {
  std::vector<std::unique_ptr<Model>> v;
  v.push_back(std::move(a));
  if (b)
    v.push_back(std::move(b));
  return v;
}

TEST(Session, HardwareIsJudgedAgainstTheModel) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::smp_mb);
  Session violated({}, std::make_unique<FakeBackend>(3), models(std::make_unique<FakeModel>("fake", false)));
  EXPECT_EQ(violated.run(sb).verdict, Verdict::violation);
  Session held({}, std::make_unique<FakeBackend>(0), models(std::make_unique<FakeModel>("fake", false)));
  EXPECT_EQ(held.run(sb).verdict, Verdict::ok);
  Session stronger({}, std::make_unique<FakeBackend>(0), models(std::make_unique<FakeModel>("fake", true)));
  EXPECT_EQ(stronger.run(sb).verdict, Verdict::stronger);
}

TEST(Session, TwoModelsThatDifferGiveModelDisagreement) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  Session s({}, std::make_unique<FakeBackend>(3),
            models(std::make_unique<FakeModel>("a", true), std::make_unique<FakeModel>("b", false)));
  auto r = s.run(sb);
  EXPECT_EQ(r.verdict, Verdict::model_disagreement);
  ASSERT_EQ(r.models.size(), 2u);
  EXPECT_EQ(r.models[0].name, "a");
  EXPECT_EQ(r.models[1].name, "b");
}

TEST(Session, ModelOnlyRunsNoHardware) {
  fencelab::Test mp = make_family_test(Shape::mp, FenceKind::smp_mb, FenceKind::smp_mb);
  Session s({}, nullptr, models(std::make_unique<FakeModel>("fake", false)));
  EXPECT_FALSE(s.uses_hardware());
  auto r = s.model_only(mp);
  EXPECT_FALSE(r.histogram);
  EXPECT_EQ(r.verdict, Verdict::ok); // forbidden, as the membarrier(2) table says
}

// A model added in this file only, judged next to the registered Relacy.
TEST(Session, AFakeModelIsJudgedAlongsideRelacy) {
  const ModelEntry *relacy = nullptr;
  for (const auto &e : model_registry())
    if (e.name == "relacy")
      relacy = &e;
  ASSERT_NE(relacy, nullptr);
  po::options_description desc;
  desc.add(relacy->options());
  po::variables_map vm;
  po::store(po::command_line_parser(std::vector<std::string>{}).options(desc).run(), vm);
  po::notify(vm);
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::smp_mb);
  Session agree({}, nullptr, models(std::make_unique<FakeModel>("fake", true), relacy->make(vm)));
  auto r = agree.model_only(sb);
  ASSERT_EQ(r.models.size(), 2u);
  EXPECT_EQ(model_verdict(r.models[1]), ModelVerdict::allowed);
  EXPECT_EQ(r.verdict, Verdict::ok);
  Session disagree({}, nullptr, models(std::make_unique<FakeModel>("fake", false), relacy->make(vm)));
  EXPECT_EQ(disagree.model_only(sb).verdict, Verdict::model_disagreement);
}

} // namespace
} // namespace fencelab::cli
