// The pieces batch and perpetual mode share: planning a round, the worker
// loop's order, the run's epilogue and the carving of its memory.
#include "run_epilogue.hpp"
#include "run_memory.hpp"
#include "run_skeleton.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fencelab::hardware {
namespace {

RoundSize whole(std::uint64_t left) { return {0, static_cast<std::size_t>(std::min<std::uint64_t>(left, 8))}; }

TEST(PlanNextRound, IterationsLeftSizeTheRoundAndNoneLeftStopsIt) {
  RunLimits limits;
  limits.iterations = 12;
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{0};
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {0, 8}, whole));
  EXPECT_EQ(plan.instances, 8u);
  EXPECT_EQ(tally.rounds, 1u);
  tally.started = 8;
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {0, 8}, whole));
  EXPECT_EQ(plan.instances, 4u);
  tally.started = 12;
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {0, 8}, whole));
  EXPECT_TRUE(plan.stop);
  EXPECT_EQ(tally.rounds, 2u); // a round that does not start is not counted
}

TEST(PlanNextRound, ABudgetRunStopsAtItsDeadline) {
  RunLimits limits; // iterations 0: the budget
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{0};
  tally.deadline_ns = steady_ns(RunClock::now()) + 3'600'000'000'000;
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  EXPECT_EQ(plan.length, 5u); // the full size: fit is for --iterations only
  EXPECT_EQ(plan.instances, 3u);
  tally.started = 15; // counted so far
  tally.deadline_ns = steady_ns(RunClock::now()) - 1;
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
}

TEST(PlanNextRound, PastItsDeadlineARunThatCountedNothingGoesOnForOneMoreBudgetAtMost) {
  RunLimits limits;
  limits.budget_seconds = 0.05; // the grace is at least 1 s
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{0};
  tally.deadline_ns = steady_ns(RunClock::now()) - 1;
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {5, 3}, whole)) << "nothing counted yet: one more round";
  tally.started = 3; // a chunk with a trial
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  tally.started = 0;
  tally.deadline_ns = steady_ns(RunClock::now()) - 1'000'000'001; // the grace is over
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {5, 3}, whole)) << "an empty run ends after all";
  EXPECT_TRUE(plan.stop);
}

TEST(PlanNextRound, ABudgetThatExpiredBeforeTheFirstRoundStillRunsOne) {
  RunLimits limits;
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{0};
  tally.deadline_ns = steady_ns(RunClock::now()) - 1; // the workers met late
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  tally.started = 15; // the round counted trials
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  EXPECT_EQ(tally.rounds, 1u);
}

TEST(PlanNextRound, StopsOnAPositiveOnlyWhenAskedTo) {
  RunLimits limits;
  limits.iterations = 100;
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{12345};
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {0, 8}, whole));
  limits.stop_on_positive = true;
  EXPECT_FALSE(plan_next_round(limits, plan, tally, first, {0, 8}, whole));
}

TEST(PlanNextRound, AStopRequestEndsTheRunAtTheNextRound) {
  RunLimits limits; // a budget an hour away: only the stop request can end it
  RoundPlan plan{};
  RunTally tally{};
  std::atomic<std::uint64_t> first{0};
  tally.deadline_ns = steady_ns(RunClock::now()) + 3'600'000'000'000;
  EXPECT_TRUE(plan_next_round(limits, plan, tally, first, {5, 3}, whole));
  platform::request_stop(2);
  bool planned = plan_next_round(limits, plan, tally, first, {5, 3}, whole);
  platform::clear_stop_request();
  EXPECT_FALSE(planned);
  EXPECT_TRUE(plan.stop);
  EXPECT_EQ(tally.rounds, 1u);
}

// Counts assignments, to see that unchanged shared fields are not rewritten.
struct Watched {
  int value = 0;
  int *writes = nullptr;
  Watched &operator=(const Watched &o) {
    value = o.value;
    ++*writes;
    return *this;
  }
  bool operator!=(const Watched &o) const { return value != o.value; }
};

TEST(WriteIfChanged, WritesOnlyANewValue) {
  int writes = 0;
  Watched field{1, &writes};
  write_if_changed(field, Watched{1, &writes});
  EXPECT_EQ(writes, 0);
  write_if_changed(field, Watched{2, &writes});
  EXPECT_EQ(writes, 1);
  EXPECT_EQ(field.value, 2);
}

// A one-worker mode that records what the skeleton calls, in order.
struct Recorder {
  std::string calls;
  int rounds_left = 2;
  void plan_next() {
    calls += "P";
    stop = rounds_left-- == 0;
  }
  std::uint64_t start_delay() { return 0; }
  bool stopping() const { return stop; }
  int take() {
    calls += "T";
    return 7;
  }
  void execute(int round) { calls += round == 7 ? "E" : "?"; }
  void settle(int round, RoundSync &) { calls += round == 7 ? "S" : "?"; }
  void prepare(RoundSync &) { calls += "R"; }
  bool stop = false;
};

TEST(RunRounds, PlansFirstThenTakesExecutesSettlesAndPlansEachRound) {
  Rendezvous rendezvous(1);
  TimedStart start(0);
  RoundSync sync(rendezvous, start, 0);
  Recorder w;
  run_rounds(w, sync);
  EXPECT_EQ(w.calls, "PTESPRTESPR");
  // Each round meets twice (start, after the hot loop), and once more to stop.
  EXPECT_EQ(rendezvous.progress(), 5u);
}

TEST(RunFrame, AFailedHeavyBarrierCallMakesTheRunUnsupported) {
  RunFrame frame(RunLimits{}, false);
  frame.stop();
  WorkerReport ok, bad;
  bad.failures = 2;
  auto result = frame.finish(Histogram{}, {ok, bad}, 0);
  ASSERT_TRUE(std::holds_alternative<Unsupported>(result));
  EXPECT_NE(std::get<Unsupported>(result).reason.find("failed 2 times"), std::string::npos);
}

TEST(RunFrame, KeepsAtMostMaxWitnessesOverAllWorkers) {
  RunFrame frame(RunLimits{}, false);
  frame.stop();
  std::vector<WorkerReport> reports(3);
  for (std::size_t w = 0; w < reports.size(); ++w)
    for (std::uint64_t i = 0; i < 10; ++i)
      reports[w].witnesses.push_back({w, i, Outcome{}});
  auto result = frame.finish(Histogram{}, reports, 0);
  ASSERT_TRUE(std::holds_alternative<Histogram>(result));
  const auto &stats = std::get<Histogram>(result).stats;
  ASSERT_EQ(stats.witnesses.size(), max_witnesses);
  EXPECT_EQ(stats.witnesses.back().batch, 1u); // worker 0's ten, then worker 1's first six
  EXPECT_FALSE(stats.first_positive_seconds);
  EXPECT_FALSE(stats.heavy_latency);
}

TEST(RunFrame, SummarisesEveryWorkersLatencyWhenTheRunIsHeavy) {
  RunFrame frame(RunLimits{}, true);
  frame.stop();
  std::vector<WorkerReport> reports(2);
  reports[0].latency_ticks = {10, 30};
  reports[0].heavy_calls = 5; // more calls than samples kept
  reports[1].latency_ticks = {20};
  reports[1].heavy_calls = 1;
  auto result = frame.finish(Histogram{}, reports, 0);
  ASSERT_TRUE(std::holds_alternative<Histogram>(result));
  const auto &latency = std::get<Histogram>(result).stats.heavy_latency;
  ASSERT_TRUE(latency);
  EXPECT_EQ(latency->calls, 6u);
  EXPECT_LT(latency->min_ns, latency->max_ns);
}

TEST(ReportOf, KeepsTheRingsSamplesAndCountsEveryCall) {
  std::vector<std::uint64_t> ring = {4, 5, 6, 7};
  LatencySamples samples{ring.data(), 3, 9}; // wrapped: 9 calls, 4 kept
  WorkerReport r = report_of(samples, {}, 1);
  EXPECT_EQ(r.latency_ticks, ring);
  EXPECT_EQ(r.heavy_calls, 9u);
  EXPECT_EQ(r.failures, 1u);
}

TEST(CarveRun, CarvesTheSameOffsetsIntoAZeroedBlockLargeEnoughForThem) {
  std::vector<std::ptrdiff_t> offsets;
  char *base = nullptr;
  std::size_t used = 0;
  auto carve = [&](Arena &a) {
    char *first = a.take<char>(1);
    std::uint64_t *second = a.take<std::uint64_t>(100, 4096);
    used = a.used();
    if (!first)
      return; // the measuring pass
    base = first;
    offsets.push_back(reinterpret_cast<char *>(second) - first);
  };
  RunBlock block = carve_run(RunMemory::private_memory, carve);
  ASSERT_EQ(base, block.base());
  ASSERT_EQ(offsets.size(), 1u);
  EXPECT_EQ(offsets[0], 4096);
  EXPECT_GE(used, 4096u + 800u);
  for (std::size_t i = 0; i < used; ++i)
    ASSERT_EQ(block.base()[i], 0) << i;
}

} // namespace
} // namespace fencelab::hardware
