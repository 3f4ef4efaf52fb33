// The interpreter itself: every op kind, final memory, thread counts, limits,
// search modes, and the Backend facade.
#include "family.hpp"
#include "model_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace fencelab::relacy::model_tests {
namespace {

constexpr int x = 0;
constexpr int y = 1;

Op jump_unless(int reg, Value value, int target) {
  Op op{OpKind::jump_unless, -1, reg, value};
  op.target = target;
  return op;
}

Op jump(int target) {
  Op op{OpKind::jump};
  op.target = target;
  return op;
}

// Writer x=1; f0; y=1 || reader r0=y; f1; r1=x, built from any ops.
Test message_passing(std::vector<Op> writer, std::vector<Op> reader, Value x_init = 0) {
  fencelab::Test t;
  t.name = "MP";
  t.locations = {{"x", x_init}, {"y", 0}};
  t.threads = {{std::move(writer), {}}, {std::move(reader), {"r0", "r1"}}};
  t.condition.prop = all_of({{0, 1}, {1, x_init}});
  return t;
}

Test mp_with_fences(FenceKind writer, FenceKind reader) {
  return message_passing({Op::store(x, 1), Op::fence_of(writer), Op::store(y, 1)},
                         {Op::load(y, 0), Op::fence_of(reader), Op::load(x, 1)});
}

bool weak_reachable(const Test &t) {
  const auto result = model_check(t, full_search());
  EXPECT_EQ(result.error, "") << t.name;
  return condition_reachable(t, result);
}

// x starts at 7 so that a load that should have been skipped would show.
TEST(Interpreter, JumpUnlessSkipsTheGuardedLoad) {
  const auto t = message_passing({Op::store(x, 1), Op::fence_of(FenceKind::barrier), Op::store(y, 1)},
                                 {Op::load(y, 0), jump_unless(0, 1, 3), Op::load(x, 1)}, 7);
  const auto result = model_check(t, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_EQ(outcomes(result), (std::set<Outcome>{{0, 0}, {1, 7}, {1, 1}}));
}

TEST(Interpreter, JumpUnlessWithFullFencesLeavesOnlyTheOrderedOutcomes) {
  const auto t =
      message_passing({Op::store(x, 1), Op::fence_of(FenceKind::smp_mb), Op::store(y, 1)},
                      {Op::load(y, 0), jump_unless(0, 1, 4), Op::fence_of(FenceKind::smp_mb), Op::load(x, 1)}, 7);
  EXPECT_EQ(outcomes(model_check(t, full_search())), (std::set<Outcome>{{0, 0}, {1, 1}}));
}

TEST(Interpreter, JumpSkipsForwardAndFinalMemoryIsObserved) {
  fencelab::Test t;
  t.name = "jump";
  t.locations = {{"x", 0}, {"y", 0}};
  t.threads = {{{jump(2), Op::store(x, 5), Op::store(y, 1)}, {}}};
  t.observed_locations = {x, y};
  const auto result = model_check(t, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_EQ(outcomes(result), (std::set<Outcome>{{0, 1}}));
}

// A backward jump is a spin loop; the search must still terminate.
TEST(Interpreter, SpinLoopOnAFlagTerminates) {
  const auto t =
      message_passing({Op::store(x, 1), Op::fence_of(FenceKind::smp_mb), Op::store(y, 1)},
                      {Op::load(y, 0), jump_unless(0, 1, 0), Op::fence_of(FenceKind::smp_mb), Op::load(x, 1)});
  const auto result = model_check(t, full_search());
  ASSERT_EQ(result.error, "");
  EXPECT_EQ(outcomes(result), (std::set<Outcome>{{1, 1}}));
}

// Nobody ever sets the flag: Relacy reports a livelock, and the facade must
// not pass the truncated search off as a histogram.
TEST(Interpreter, ASpinLoopThatNeverEndsIsReportedNotCounted) {
  fencelab::Test t;
  t.name = "spin-forever";
  t.locations = {{"y", 0}};
  t.threads = {{{Op::load(0, 0), jump_unless(0, 1, 0)}, {"r0"}}};
  const auto result = model_check(t, full_search());
  EXPECT_NE(result.error.find("LIVELOCK"), std::string::npos) << result.error;
  EXPECT_FALSE(result.exhaustive);
  const auto answer = RelacyModel().check(t, {});
  ASSERT_TRUE(std::holds_alternative<Unsupported>(answer));
  EXPECT_NE(std::get<Unsupported>(answer).reason.find("LIVELOCK"), std::string::npos);
}

TEST(Interpreter, ReleaseAcquireOrdersMessagePassing) {
  EXPECT_FALSE(weak_reachable(
      message_passing({Op::store(x, 1), Op::store_release(y, 1)}, {Op::load_acquire(y, 0), Op::load(x, 1)})));
  EXPECT_TRUE(
      weak_reachable(message_passing({Op::store(x, 1), Op::store_release(y, 1)}, {Op::load(y, 0), Op::load(x, 1)})));
}

TEST(Interpreter, WmbAndRmbOrderMessagePassingOnlyTogether) {
  EXPECT_FALSE(weak_reachable(mp_with_fences(FenceKind::smp_wmb, FenceKind::smp_rmb)));
  EXPECT_TRUE(weak_reachable(mp_with_fences(FenceKind::smp_wmb, FenceKind::barrier)));
  EXPECT_TRUE(weak_reachable(mp_with_fences(FenceKind::barrier, FenceKind::smp_rmb)));
  EXPECT_FALSE(weak_reachable(mp_with_fences(FenceKind::mfence, FenceKind::mfence)));
}

TEST(Interpreter, WmbDoesNotOrderStoreBuffering) {
  EXPECT_TRUE(weak_reachable(make_family_test(Shape::sb, FenceKind::smp_wmb, FenceKind::smp_wmb)));
  EXPECT_FALSE(weak_reachable(make_family_test(Shape::sb, FenceKind::mfence, FenceKind::smp_mb)));
}

TEST(Interpreter, ObservedLocationShowsEitherCoherenceOrder) {
  fencelab::Test t;
  t.name = "2W";
  t.locations = {{"x", 0}};
  t.threads = {{{Op::store(x, 1)}, {}}, {{Op::store(x, 2)}, {}}};
  t.observed_locations = {x};
  EXPECT_EQ(outcomes(model_check(t, full_search())), (std::set<Outcome>{{1}, {2}}));
}

Test eight_writers() {
  fencelab::Test t;
  t.name = "8W";
  t.locations = {{"x", 0}};
  for (Value v = 1; v <= 8; ++v)
    t.threads.push_back({{Op::store(x, v)}, {}});
  t.observed_locations = {x};
  return t;
}

TEST(Interpreter, RunsEightThreadsUnderRandomSearch) {
  const auto t = eight_writers();
  RelacyConfig config;
  config.search = SearchMode::random;
  config.random_iterations = 2000;
  const auto result = model_check(t, config);
  ASSERT_EQ(result.error, "");
  EXPECT_EQ(result.executions, 2000u);
  EXPECT_EQ(result.histogram.total(), 2000u);
  EXPECT_FALSE(result.exhaustive);
  EXPECT_EQ(outcomes(result), (std::set<Outcome>{{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}}));
}

TEST(Interpreter, RejectsWhatDoesNotFitItsArrays) {
  auto nine = eight_writers();
  nine.threads.push_back({{Op::store(x, 9)}, {}});
  EXPECT_NE(why_not_checkable(nine, full_search()).find("thread count 9"), std::string::npos);

  auto bad_location = eight_writers();
  bad_location.threads[0].ops[0].loc = 3;
  EXPECT_NE(why_not_checkable(bad_location, full_search()).find("location index 3"), std::string::npos);

  auto bad_target = eight_writers();
  bad_target.threads[0].ops.push_back(jump(5));
  EXPECT_NE(why_not_checkable(bad_target, full_search()).find("jump target 5"), std::string::npos);

  EXPECT_TRUE(std::holds_alternative<Unsupported>(RelacyModel().check(nine, {})));
  EXPECT_NE(model_check(nine, full_search()).error.find("thread count 9"), std::string::npos);
}

// The test binary links ordinary code; the model must coexist with it: std
// containers allocated around a run, a run from another std::thread, and the
// same answer every time.
TEST(RelacyCoexistence, RepeatedRunsFromAnyThreadGiveTheSameHistogram) {
  const auto test = make_family_test(Shape::mp, FenceKind::barrier, FenceKind::smp_mb);
  std::map<std::string, std::vector<int>> unrelated{{"before", std::vector<int>(1000, 1)}};
  const auto first = model_check(test, full_search());
  unrelated["between"] = std::vector<int>(1000, 2);
  SearchResult from_thread;
  std::thread worker([&] { from_thread = model_check(test, full_search()); });
  worker.join();
  RelacyConfig random;
  random.search = SearchMode::random;
  random.random_iterations = 100;
  const auto again = model_check(eight_writers(), random); // another thread count in between
  const auto last = model_check(test, full_search());
  unrelated.clear();
  EXPECT_EQ(again.error, "");
  EXPECT_EQ(first.histogram.counts, from_thread.histogram.counts);
  EXPECT_EQ(first.histogram.counts, last.histogram.counts);
}

// Relacy replaces the global operator new/delete with versions that divert
// every allocation into the simulation while one runs; the build keeps them
// private to the Relacy translation unit, so other threads are unaffected.
TEST(RelacyCoexistence, OtherThreadsMayAllocateWhileASimulationRuns) {
  const auto test = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  std::atomic<bool> done{false};
  std::uint64_t allocations = 0;
  std::thread allocator([&] {
    while (!done.load()) {
      std::vector<std::string> strings(16, std::string(100, 'x'));
      allocations += strings.size();
    }
  });
  std::uint64_t executions = 0;
  for (int i = 0; i < 200; ++i)
    executions += model_check(test, full_search()).histogram.total();
  done = true;
  allocator.join();
  EXPECT_GT(allocations, 0u);
  EXPECT_GT(executions, 0u);
}

} // namespace
} // namespace fencelab::relacy::model_tests
