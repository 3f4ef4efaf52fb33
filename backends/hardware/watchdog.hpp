#pragma once
// Stalls: a test thread that stops making progress ends the run as Failed,
// naming the thread, its pid or tid and what it and the others were waiting
// for (ARCHITECTURE.md, "How runs end"). Progress is what the workers write
// anyway: the rendezvous slot each bumps at every rendezvous. Nothing here
// runs in a hot loop.
#include "rendezvous.hpp"
#include "stop_guard.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace fencelab::hardware {

// The default stall limit for a run of `budget_seconds`: 10x the budget,
// at least 1 s (a watchdog woken late on a loaded machine is no stall) and
// at most 60 s.
double default_watchdog_seconds(double budget_seconds);

// How a run's rendezvous map to its rounds: each round (batch or chunk)
// starts with a rendezvous and has `meets_per_round` in all.
struct RoundShape {
  int meets_per_round = 2;
  const char *work = "batch"; // what a thread runs after a round's start
};

// A test thread, as a report names it.
struct ThreadIdentity {
  int cpu = -1;
  pid_t pid = 0; // its process
  pid_t tid = 0; // its thread, when known (0: the process is named instead)
};

// The rendezvous each thread has reached (Rendezvous::reached).
std::vector<std::uint64_t> reached_by_thread(const Rendezvous &r);

// Where each thread stands, from the rendezvous they reached: who waits at
// which rendezvous for whom, and what the laggards were doing. With
// `rounds_over` (the last plan said stop), threads that are level are
// handing their results over. One line; each thread's kernel state included.
std::string describe_positions(const std::vector<std::uint64_t> &reached, const std::vector<ThreadIdentity> &who,
                               const RoundShape &shape, bool rounds_over);

// The rendezvous counters' last change.
class ProgressClock {
public:
  using Clock = std::chrono::steady_clock;
  // Seconds since `reached` last differed from the previous call's.
  double idle_seconds(const std::vector<std::uint64_t> &reached, Clock::time_point now);

private:
  std::vector<std::uint64_t> last_;
  Clock::time_point changed_{};
};

// Threads pinned to one CPU that have since been allowed others ("" if none).
// Remembers each thread's first single-CPU mask, so threads that have not
// pinned themselves yet are no alarm.
class PinCheck {
public:
  // `name(i)` names the i-th of `tids`, asked only for the one reported.
  std::string moved(const std::vector<pid_t> &tids, const std::function<std::string(std::size_t)> &name);
  // `tid` must stay on `cpu` (a pool worker, pinned before the run).
  void expect(pid_t tid, int cpu) { pinned_.emplace(tid, cpu); }

private:
  std::map<pid_t, int> pinned_;
};

// Threads placement: the workers are threads of this process, watched by a
// thread of this process (and a StopGuard process for stops, which freeze
// the watching thread too). On a stall it raises halt(), which worker 0's
// planner reads at the next round boundary; the run then ends once every
// worker runs again. A thread that never runs again cannot be ended from
// inside its process: the run then stays stalled (the report says so).
class RunWatchdog {
public:
  // seconds == 0: watches nothing. Forks the StopGuard: construct it before
  // the run's memory.
  RunWatchdog(double seconds, std::vector<int> cpus, RoundShape shape);
  ~RunWatchdog();
  RunWatchdog(const RunWatchdog &) = delete;
  RunWatchdog &operator=(const RunWatchdog &) = delete;

  const std::atomic<bool> *halt() const { return &halt_; }
  // Starts watching `r` (starts the thread).
  void start(const Rendezvous &r);
  // Each worker, on its own thread, before its rounds: records its tid.
  void enter(int self);
  // The workers are done: stops watching; the failure, if any.
  std::optional<std::string> finish();

private:
  void watch();
  std::string check(ProgressClock::Clock::time_point now);
  std::vector<ThreadIdentity> identities() const;

  double seconds_;
  std::vector<int> cpus_;
  RoundShape shape_;
  const Rendezvous *rendezvous_ = nullptr;
  std::vector<std::atomic<pid_t>> tids_;
  std::atomic<bool> halt_{false};
  std::optional<platform::StopGuard> guard_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::string reason_;
  ProgressClock progress_;
  PinCheck pins_;
  std::vector<std::uint64_t> last_reached_;
  ProgressClock::Clock::time_point last_tick_{};
};

} // namespace fencelab::hardware
