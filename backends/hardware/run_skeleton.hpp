#pragma once
// The skeleton batch and perpetual mode share. A run is a series of rounds (a
// batch, or a chunk): worker 0 plans the next one, every worker starts it at
// an agreed instant, runs its hot loop, meets the others, counts its share,
// and worker 0 plans again while the others may still be counting.
#include "cache_line.hpp"
#include "rendezvous.hpp"
#include "run_limits.hpp"
#include "stop_request.hpp"
#include "timed_start.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace fencelab::hardware {

using RunClock = std::chrono::steady_clock;

// Steady-clock nanoseconds: CLOCK_MONOTONIC, the same in every process.
inline std::int64_t steady_ns(RunClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// Worker 0's decision for the next round, read by every worker after the
// start rendezvous. Zero-filled bytes are its initial state.
struct alignas(platform::separation_bytes) RoundPlan {
  bool stop;
  std::size_t length;    // iterations per thread (perpetual mode; batch mode leaves it 0)
  std::size_t instances; // copies of the test per iteration, or per batch
};

// How long a round is.
struct RoundSize {
  std::size_t length;
  std::size_t instances;
};

// Worker 0's bookkeeping, on a line of its own.
struct alignas(platform::separation_bytes) RunTally {
  std::uint64_t started;    // trials handed out (batch) or counted (perpetual) so far
  std::uint64_t rounds;     // batches or chunks begun
  std::int64_t deadline_ns; // steady_ns
};

// Rewriting a shared field with the value it holds would steal its cache line
// from the other workers each round and make them leave the rendezvous late.
template <class T> void write_if_changed(T &field, T value) {
  if (field != value)
    field = value;
}

// Decides the next round; worker 0 only. `full` is a round's size in a run
// for the budget; `fit(left)` its size with `left` of --iterations still to
// go. Returns whether a round starts.
template <class Fit>
bool plan_next_round(const RunLimits &limits, RoundPlan &plan, RunTally &tally,
                     const std::atomic<std::uint64_t> &first_positive_tick, RoundSize full, Fit fit) {
  RoundSize next = full;
  bool done = false;
  if (limits.iterations != 0) {
    std::uint64_t left = limits.iterations - tally.started;
    next = fit(left);
    done = left == 0;
  } else {
    // At least one round, and past the deadline more while nothing has been
    // counted, for up to one more budget (at least 1 s): on a loaded machine a
    // short budget can expire before the workers first meet, or every perpetual
    // chunk can end before the partner thread starts (no trial), and an empty
    // histogram is no evidence of anything.
    std::int64_t now = steady_ns(RunClock::now());
    auto grace_ns = static_cast<std::int64_t>(std::max(1.0, limits.budget_seconds) * 1e9);
    done = tally.rounds != 0 && now >= tally.deadline_ns && (tally.started != 0 || now >= tally.deadline_ns + grace_ns);
  }
  if (limits.stop_on_positive && first_positive_tick.load(std::memory_order_relaxed) != 0)
    done = true;
  // Ctrl-C or SIGTERM: end at this boundary and keep what was counted (ARCHITECTURE.md, Stopping).
  if (platform::stop_requested())
    done = true;
  // The watchdog's verdict (ARCHITECTURE.md, How runs end).
  if (limits.halt && limits.halt->load(std::memory_order_relaxed))
    done = true;
  write_if_changed(plan.length, next.length);
  write_if_changed(plan.instances, next.instances);
  write_if_changed(plan.stop, done);
  if (!plan.stop)
    ++tally.rounds;
  return !plan.stop;
}

// One worker's side of the symmetric rendezvous and of the timed start.
class RoundSync {
public:
  RoundSync(Rendezvous &rendezvous, TimedStart &start, int self)
      : rendezvous_(rendezvous), start_(start), self_(self) {}
  int self() const { return self_; }
  // Waits until every worker has got here.
  void meet() { rendezvous_.arrive_and_wait(self_, ++round_); }
  // Meets the others, then starts at worker 0's instant plus `delay()` ticks.
  template <class Delay> void start_together(Delay delay) {
    meet();
    if (self_ == 0)
      start_.publish(round_);
    start_.wait(round_, delay());
  }

private:
  Rendezvous &rendezvous_;
  TimedStart &start_;
  int self_;
  std::uint64_t round_ = 0;
};

// The loop every worker of either mode runs. A mode's worker W provides:
//   plan_next()            worker 0: decide the next round (plan_next_round);
//   start_delay()          ticks after the agreed start this worker begins (asked once
//                          the start is published, as the runners always did);
//   stopping()             the plan says the run is over;
//   take()                 copy the round's plan (worker 0 replans while others still count);
//   execute(round)         the hot loop;
//   settle(round, sync)    count this worker's share, reset what it owns;
//   prepare(sync)          before the next start (batch mode's preload).
template <class W> void run_rounds(W &w, RoundSync &sync) {
  if (sync.self() == 0)
    w.plan_next();
  for (;;) {
    sync.start_together([&w] { return w.start_delay(); });
    if (w.stopping())
      break;
    auto round = w.take();
    w.execute(round);
    sync.meet();
    w.settle(round, sync);
    if (sync.self() == 0)
      w.plan_next();
    w.prepare(sync);
  }
}

} // namespace fencelab::hardware
