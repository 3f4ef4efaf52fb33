#include "watchdog.hpp"

#include "task_state.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace fencelab::hardware {

double default_watchdog_seconds(double budget_seconds) { return std::clamp(10 * budget_seconds, 1.0, 60.0); }

std::vector<std::uint64_t> reached_by_thread(const Rendezvous &r) {
  std::vector<std::uint64_t> reached;
  for (int t = 0; t < r.threads(); ++t)
    reached.push_back(r.reached(t));
  return reached;
}

namespace {

std::string name_of(int t, const ThreadIdentity &id) {
  bool thread = id.tid != 0 && id.tid != id.pid;
  std::string ids = thread ? "tid " + std::to_string(id.tid) : "pid " + std::to_string(id.pid);
  auto state = platform::task_state(id.pid, thread ? id.tid : id.pid);
  return "thread " + std::to_string(t) + " (CPU " + std::to_string(id.cpu) + ", " + ids + ", " +
         platform::describe_state(state) + ")";
}

// Rendezvous n (1-based, as Rendezvous counts them) in words.
std::string rendezvous_name(std::uint64_t n, const RoundShape &shape) {
  if (n == 0)
    return "the first rendezvous";
  auto m = static_cast<std::uint64_t>(shape.meets_per_round);
  std::string round = std::to_string((n - 1) / m + 1);
  switch ((n - 1) % m) {
  case 0:
    return "the rendezvous starting round " + round;
  case 1:
    return "the rendezvous ending round " + round;
  default:
    return "rendezvous " + std::to_string((n - 1) % m + 1) + " of round " + round;
  }
}

// What a thread does after rendezvous n and before the next.
std::string activity_after(std::uint64_t n, const RoundShape &shape) {
  if (n == 0)
    return "starting up";
  auto m = static_cast<std::uint64_t>(shape.meets_per_round);
  std::string round = std::to_string((n - 1) / m + 1);
  if ((n - 1) % m == 0)
    return std::string("running its ") + shape.work + " of round " + round;
  return "counting or planning after round " + round;
}

} // namespace

std::string describe_positions(const std::vector<std::uint64_t> &reached, const std::vector<ThreadIdentity> &who,
                               const RoundShape &shape, bool rounds_over) {
  std::uint64_t low = *std::min_element(reached.begin(), reached.end());
  bool level = std::all_of(reached.begin(), reached.end(), [&](std::uint64_t r) { return r == low; });
  std::string text;
  for (std::size_t t = 0; t < reached.size(); ++t) {
    std::string line = name_of(static_cast<int>(t), who[t]);
    if (reached[t] > low) {
      std::string awaited;
      for (std::size_t u = 0; u < reached.size(); ++u)
        if (reached[u] < reached[t])
          awaited += (awaited.empty() ? "" : ", ") + std::to_string(u);
      line += " waits at " + rendezvous_name(reached[t], shape) + " for thread" +
              (awaited.find(',') == std::string::npos ? " " : "s ") + awaited;
    } else if (level && rounds_over) {
      line += " had not handed its results over (result hand-off after the last round)";
    } else {
      line += " had not reached " + rendezvous_name(low + 1, shape) + " (" + activity_after(low, shape) + ")";
    }
    text += (text.empty() ? "" : "; ") + line;
  }
  return text;
}

double ProgressClock::idle_seconds(const std::vector<std::uint64_t> &reached, Clock::time_point now) {
  if (reached != last_ || changed_ == Clock::time_point{}) {
    last_ = reached;
    changed_ = now;
  }
  return std::chrono::duration<double>(now - changed_).count();
}

std::string PinCheck::moved(const std::vector<pid_t> &tids, const std::function<std::string(std::size_t)> &name) {
  for (std::size_t i = 0; i < tids.size(); ++i) {
    pid_t tid = tids[i];
    auto cpus = platform::thread_cpus(tid);
    if (!cpus)
      continue;
    auto it = pinned_.find(tid);
    if (it == pinned_.end()) {
      if (cpus->size() == 1)
        pinned_[tid] = cpus->front();
      continue;
    }
    if (cpus->size() == 1 && cpus->front() == it->second)
      continue;
    std::string allowed;
    for (int c : *cpus)
      allowed += (allowed.empty() ? "" : ",") + std::to_string(c);
    return name(i) + " was moved off CPU " + std::to_string(it->second) + " (it may now run on " + allowed +
           "): its outcomes are no longer those of a pinned thread";
  }
  return "";
}

// The guard is forked here, before the run's memory exists: forked later, it
// would share those pages and make the workers' first writes copy them.
RunWatchdog::RunWatchdog(double seconds, std::vector<int> cpus, RoundShape shape)
    : seconds_(seconds), cpus_(std::move(cpus)), shape_(shape), tids_(cpus_.size()) {
  if (seconds_ > 0)
    guard_.emplace(seconds_);
}

RunWatchdog::~RunWatchdog() { finish(); }

void RunWatchdog::start(const Rendezvous &r) {
  if (seconds_ <= 0)
    return;
  rendezvous_ = &r;
  last_tick_ = ProgressClock::Clock::now();
  thread_ = std::thread([this] { watch(); });
}

void RunWatchdog::enter(int self) { tids_[static_cast<std::size_t>(self)].store(platform::current_tid()); }

std::optional<std::string> RunWatchdog::finish() {
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  guard_.reset();
  std::lock_guard lock(mutex_);
  if (reason_.empty())
    return std::nullopt;
  return "watchdog: " + reason_;
}

std::vector<ThreadIdentity> RunWatchdog::identities() const {
  std::vector<ThreadIdentity> who;
  for (std::size_t t = 0; t < static_cast<std::size_t>(rendezvous_->threads()); ++t)
    who.push_back({cpus_[t], getpid(), tids_[t].load()});
  return who;
}

// A late wake-up means this whole process did not run (a stop freezes this
// thread with the workers); else a worker moved off its CPU; else no
// rendezvous for the limit.
std::string RunWatchdog::check(ProgressClock::Clock::time_point now) {
  double gap = std::chrono::duration<double>(now - last_tick_).count();
  last_tick_ = now;
  char seconds[32];
  if (gap >= seconds_) {
    std::snprintf(seconds, sizeof seconds, "%.1f", gap);
    return "this process (pid " + std::to_string(getpid()) + ") did not run for " + seconds +
           " s (stopped, e.g. by SIGSTOP to one of its threads, or given no CPU); before that: " +
           describe_positions(last_reached_, identities(), shape_, false);
  }
  auto who = identities();
  std::vector<pid_t> pinned;
  std::vector<int> thread_of;
  for (std::size_t t = 0; t < who.size(); ++t)
    if (who[t].tid != 0) {
      pins_.expect(who[t].tid, who[t].cpu);
      pinned.push_back(who[t].tid);
      thread_of.push_back(static_cast<int>(t));
    }
  auto name = [&](std::size_t i) { return name_of(thread_of[i], who[static_cast<std::size_t>(thread_of[i])]); };
  if (auto why = pins_.moved(pinned, name); !why.empty())
    return why;
  last_reached_ = reached_by_thread(*rendezvous_);
  double idle = progress_.idle_seconds(last_reached_, now);
  if (idle < seconds_)
    return "";
  std::snprintf(seconds, sizeof seconds, "%.1f", idle);
  return std::string("no rendezvous for ") + seconds + " s: " + describe_positions(last_reached_, who, shape_, false);
}

void RunWatchdog::watch() {
  auto tick = std::chrono::duration<double>(std::clamp(seconds_ / 10, 0.01, 0.1));
  last_reached_ = reached_by_thread(*rendezvous_);
  std::unique_lock lock(mutex_);
  while (!done_) {
    wake_.wait_for(lock, tick);
    if (done_)
      break;
    lock.unlock();
    std::string why = check(ProgressClock::Clock::now());
    lock.lock();
    if (!why.empty()) {
      reason_ = why;
      halt_.store(true, std::memory_order_relaxed);
      wake_.wait(lock, [this] { return done_; });
    }
  }
}

} // namespace fencelab::hardware
