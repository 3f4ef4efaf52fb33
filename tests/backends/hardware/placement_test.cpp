// Test threads in child processes: the same verdicts as threads for the SB/MP
// family, and a child killed mid-run ends the run at once with a failure that
// names it, leaving no process and no mapping behind.
#include "background_run.hpp"
#include "child_pids.hpp"
#include "family.hpp"
#include "hardware_backend.hpp"
#include "judge.hpp"
#include "worker_report.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fencelab::hardware {
namespace {

HardwareBackend &backend() {
  static HardwareBackend b;
  return b;
}

RunConfig small_run(const fencelab::Test &t, Placement placement) {
  RunConfig c;
  c.iterations = t.uses_fence(FenceKind::membarrier) ? 4000 : 200000;
  c.placement = placement;
  return c;
}

// Verdicts agree when neither run saw what the table forbids; a weak outcome
// that one placement happened to show and the other did not is no disagreement.
bool acceptable(const fencelab::Test &t, Verdict v) {
  if (t.expectation->result == Observation::never)
    return v == Verdict::ok;
  return v == Verdict::ok || v == Verdict::stronger;
}

class FamilyInProcesses : public ::testing::TestWithParam<fencelab::Test> {};

TEST_P(FamilyInProcesses, SameVerdictsAsThreads) {
  const fencelab::Test &t = GetParam();
  for (Placement p : {Placement::threads, Placement::processes, Placement::mixed}) {
    RunConfig c = small_run(t, p);
    if (auto why = backend().why_unsupported(t, c); !why.empty())
      GTEST_SKIP() << why;
    auto r = judge(t, "hardware", backend().run(t, c));
    ASSERT_TRUE(r.histogram) << to_string(p) << ": " << r.unsupported << r.failure;
    EXPECT_EQ(r.histogram->stats.iterations, c.iterations);
    EXPECT_EQ(r.histogram->total(), c.iterations);
    ASSERT_TRUE(r.verdict);
    EXPECT_TRUE(acceptable(t, *r.verdict)) << t.name << " " << to_string(p) << ": " << to_string(*r.verdict);
    if (p != Placement::threads) {
      EXPECT_EQ(r.histogram->stats.thread_registrations.size(), t.threads.size());
    }
    std::cout << t.name << " " << to_string(p) << ": " << r.tally.positive << " weak of " << r.histogram->total()
              << '\n';
  }
}

INSTANTIATE_TEST_SUITE_P(SBandMP, FamilyInProcesses, ::testing::ValuesIn(all_family_tests()),
                         [](const auto &info) {
                           std::string n = info.param.name;
                           std::replace(n.begin(), n.end(), '+', '_');
                           return n;
                         });

using testing_support::child_pids;

std::string file_text(const char *path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool run_memfd_open() {
  for (const auto &fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    auto target = std::filesystem::read_symlink(fd.path(), ec);
    if (!ec && target.string().find("fencelab-run") != std::string::npos)
      return true;
  }
  return false;
}

TEST(Placement, KilledChildIsReportedAtOnceAndNothingLeaks) {
  auto t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  RunConfig c;
  c.placement = Placement::processes;
  c.budget_seconds = 30;
  if (auto why = backend().why_unsupported(t, c); !why.empty())
    GTEST_SKIP() << why;
  ASSERT_TRUE(child_pids().empty());
  testing_support::BackgroundRun run(backend(), t, c);
  std::vector<pid_t> pids = testing_support::two_workers(child_pids);
  ASSERT_EQ(pids.size(), 2u);
  std::this_thread::sleep_for(std::chrono::milliseconds(200)); // mid-run: only decides when the kill comes
  EXPECT_NE(file_text("/proc/self/maps").find("fencelab-run"), std::string::npos) << "the run's mapping is not there";
  auto killed = std::chrono::steady_clock::now();
  ASSERT_EQ(kill(pids[1], SIGKILL), 0);
  double seconds = run.seconds_after(killed);
  EXPECT_LT(seconds, 1.0);
  auto *failed = std::get_if<Failed>(&run.result());
  ASSERT_TRUE(failed) << "a killed child must end the run as failed";
  EXPECT_NE(failed->reason.find("thread 1"), std::string::npos) << failed->reason;
  EXPECT_NE(failed->reason.find("SIGKILL"), std::string::npos) << failed->reason;
  EXPECT_NE(failed->reason.find(std::to_string(pids[1])), std::string::npos) << failed->reason;
  EXPECT_TRUE(child_pids().empty());
  for (pid_t pid : pids) // reaped: not even a zombie is left
    EXPECT_NE(kill(pid, 0), 0) << pid;
  EXPECT_EQ(file_text("/proc/self/maps").find("fencelab-run"), std::string::npos) << "the mapping leaked";
  EXPECT_FALSE(run_memfd_open()) << "the memfd leaked";
  std::cout << "failure reported " << seconds * 1000 << " ms after the kill: " << failed->reason << '\n';
}

// mixed puts thread 0 alone and threads 1 and 2 together in a second child
// (two of them share CPU 1 here: the machine has two). A chain x -> y -> r:
// every instance must end with its registers read in a consistent order.
TEST(Placement, MixedRunsAThreeThreadTestInTwoProcesses) {
  fencelab::Test t;
  t.name = "chain3";
  t.locations = {{"x", 0}, {"y", 0}};
  ThreadCode writer, middle, reader;
  writer.ops = {Op::store(0, 1)};
  middle.registers = {"r0"};
  middle.ops = {Op::load(0, 0), Op::store(1, 1)};
  reader.registers = {"r0"};
  reader.ops = {Op::load(1, 0)};
  t.threads = {writer, middle, reader};
  RunConfig c;
  c.placement = Placement::mixed;
  c.cpus = {0, 1, 1};
  c.iterations = 1024; // few batches: the two threads sharing a CPU meet only when the scheduler switches them
  c.instances_per_batch = 128;
  if (auto why = backend().why_unsupported(t, c); !why.empty())
    GTEST_SKIP() << why;
  auto result = backend().run(t, c);
  auto *h = std::get_if<Histogram>(&result);
  ASSERT_TRUE(h) << (std::holds_alternative<Failed>(result) ? std::get<Failed>(result).reason : "unsupported");
  EXPECT_EQ(h->total(), 1024u);
  EXPECT_EQ(h->stats.thread_registrations.size(), 3u);
  for (const auto &[outcome, count] : h->counts)
    EXPECT_TRUE(outcome[0] == 0 || outcome[0] == 1) << outcome[0];
}

TEST(Placement, ChildProcessesRunTheHeavyBarrierWithTheirRegistrations) {
  auto t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  RunConfig c = small_run(t, Placement::processes);
  if (auto why = backend().why_unsupported(t, c); !why.empty())
    GTEST_SKIP() << why;
  auto r = judge(t, "hardware", backend().run(t, c));
  ASSERT_TRUE(r.histogram) << r.unsupported << r.failure;
  EXPECT_EQ(r.tally.positive, 0u);
  ASSERT_EQ(r.histogram->stats.thread_registrations.size(), 2u);
  for (int mask : r.histogram->stats.thread_registrations) {
    if (mask >= 0) { // forked children inherit the parent's registrations
      EXPECT_NE(mask & (1 << 4), 0) << "REGISTER_PRIVATE_EXPEDITED missing: 0x" << std::hex << mask;
    }
  }
}

// A child's results travel through a fixed-size area: what fits comes back
// whole, what does not fails loudly instead of arriving truncated.
TEST(WorkerReportArea, RoundTripsAndRefusesAnOverflow) {
  ReportLimits limits{2, 2, 4, 1};
  std::vector<char> area(report_area_bytes(limits));
  WorkerReport in, out;
  EXPECT_NE(read_report(area, limits, out), "") << "an area never written must not read as empty results";
  in.outcomes.add({0, 1}, 5);
  in.outcomes.add({1, 1}, 7);
  in.latency_ticks = {10, 20, 30};
  in.witnesses.push_back({3, 4, {0, 0}});
  in.failures = 1;
  in.registrations = 0x14;
  write_report(area, limits, in);
  ASSERT_EQ(read_report(area, limits, out), "");
  EXPECT_EQ(out.outcomes.counts, in.outcomes.counts);
  EXPECT_EQ(out.latency_ticks, in.latency_ticks);
  ASSERT_EQ(out.witnesses.size(), 1u);
  EXPECT_EQ(out.witnesses[0].values, (Outcome{0, 0}));
  EXPECT_EQ(out.failures, 1u);
  EXPECT_EQ(out.registrations, 0x14);

  in.outcomes.add({1, 0}, 1); // a third distinct outcome: room for two
  std::vector<char> again(report_area_bytes(limits));
  write_report(again, limits, in);
  WorkerReport refused;
  auto why = read_report(again, limits, refused);
  EXPECT_NE(why.find("overflowed"), std::string::npos) << why;
}

} // namespace
} // namespace fencelab::hardware
