// The watchdog's pure pieces (ARCHITECTURE.md, "How runs end"): where threads stand
// from their rendezvous counts, the limit, the progress clock, the pin check.
#include "affinity.hpp"
#include "child_pids.hpp"
#include "family.hpp"
#include "hardware_backend.hpp"
#include "task_state.hpp"
#include "watchdog.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <poll.h>
#include <sched.h>
#include <set>
#include <sstream>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fencelab::hardware {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// ---- where threads stand, from their rendezvous counts ----

TEST(WatchdogPositions, NamesWhoWaitsForWhomAndWhatTheLaggardWasDoing) {
  pid_t me = getpid();
  // Described from a thread other than the main one, so that it is named by its tid.
  pid_t tid = 0;
  std::string text;
  std::thread([&] {
    tid = platform::current_tid();
    std::vector<ThreadIdentity> who{{0, me, tid}, {1, me, 0}};
    // Two rendezvous per round: 5 is round 3's start, 6 its end.
    text = describe_positions({6, 5}, who, {2, "chunk"}, false);
  }).join();
  ASSERT_NE(tid, me);
  EXPECT_NE(text.find("thread 0 (CPU 0, tid " + std::to_string(tid) + ", running)"), std::string::npos) << text;
  EXPECT_NE(text.find("waits at the rendezvous ending round 3 for thread 1"), std::string::npos) << text;
  // Its state is whatever the main thread is doing in join() at that instant: not asserted.
  EXPECT_NE(text.find("thread 1 (CPU 1, pid " + std::to_string(me) + ", "), std::string::npos) << text;
  EXPECT_NE(text.find("had not reached the rendezvous ending round 3 (running its chunk of round 3)"),
            std::string::npos)
      << text;
}

TEST(WatchdogPositions, LevelThreadsAfterTheLastRoundAreHandingOver) {
  std::vector<ThreadIdentity> who{{0, getpid(), 0}, {1, getpid(), 0}};
  std::string over = describe_positions({7, 7}, who, {3, "batch"}, true);
  EXPECT_NE(over.find("result hand-off"), std::string::npos) << over;
  // Level mid-run: rendezvous 7 is round 3's start (three per round); both are in its batch.
  std::string mid = describe_positions({7, 7}, who, {3, "batch"}, false);
  EXPECT_EQ(mid.find("hand-off"), std::string::npos) << mid;
  EXPECT_NE(mid.find("had not reached the rendezvous ending round 3 (running its batch of round 3)"), std::string::npos)
      << mid;
}

TEST(WatchdogLimit, TenBudgetsBetweenOneAndSixtySeconds) {
  EXPECT_DOUBLE_EQ(default_watchdog_seconds(0.3), 3.0);
  EXPECT_DOUBLE_EQ(default_watchdog_seconds(0.01), 1.0);
  EXPECT_DOUBLE_EQ(default_watchdog_seconds(100), 60.0);
}

TEST(WatchdogProgressClock, IdleTimeRestartsWhenAnyCountMoves) {
  ProgressClock clock;
  auto t0 = Clock::now();
  EXPECT_DOUBLE_EQ(clock.idle_seconds({1, 1}, t0), 0.0);
  EXPECT_DOUBLE_EQ(clock.idle_seconds({1, 1}, t0 + 2s), 2.0);
  EXPECT_DOUBLE_EQ(clock.idle_seconds({1, 2}, t0 + 3s), 0.0);
  EXPECT_DOUBLE_EQ(clock.idle_seconds({1, 2}, t0 + 4s), 1.0);
}

TEST(WatchdogPinCheck, AThreadAllowedAnotherCpuIsReported) {
  auto cpus = platform::usable_cpus();
  if (cpus.size() < 2)
    GTEST_SKIP() << "needs two CPUs";
  std::atomic<pid_t> tid{0};
  std::atomic<bool> leave{false};
  std::thread pinned([&] {
    ASSERT_EQ(platform::pin_current_thread(cpus[1]), "");
    tid = platform::current_tid();
    while (!leave)
      std::this_thread::sleep_for(1ms);
  });
  while (tid == 0)
    std::this_thread::sleep_for(1ms);
  PinCheck check;
  auto name = [](std::size_t) { return std::string("worker"); };
  EXPECT_EQ(check.moved({tid}, name), "");
  EXPECT_EQ(check.moved({tid}, name), "");
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpus[0], &set);
  ASSERT_EQ(sched_setaffinity(tid, sizeof set, &set), 0);
  std::string why = check.moved({tid}, name);
  EXPECT_NE(why.find("worker was moved off CPU " + std::to_string(cpus[1]) + " (it may now run on " +
                     std::to_string(cpus[0]) + ")"),
            std::string::npos)
      << why;
  leave = true;
  pinned.join();
}

} // namespace
} // namespace fencelab::hardware
