#include "child_stall_watch.hpp"

#include "process_groups.hpp"
#include "task_state.hpp"

#include <cstdio>

namespace fencelab::hardware {

ChildStallWatch::ChildStallWatch(const PlacedRun &run, std::vector<std::vector<int>> groups, std::vector<pid_t> pids,
                                 std::vector<int> cpus)
    : run_(run), groups_(std::move(groups)), pids_(std::move(pids)), cpus_(std::move(cpus)),
      who_(static_cast<std::size_t>(run.threads)) {
  // A child's first member runs on its main thread (tid = pid); the others'
  // tids are the child's to know: the report names their process.
  for (std::size_t g = 0; g < groups_.size(); ++g)
    for (int m : groups_[g])
      who_[static_cast<std::size_t>(m)] = {cpus_[static_cast<std::size_t>(m)], pids_[g], 0};
}

std::string ChildStallWatch::operator()() {
  if (run_.stall_seconds <= 0)
    return "";
  std::vector<pid_t> tasks;
  std::vector<std::size_t> group_of;
  for (std::size_t g = 0; g < groups_.size(); ++g)
    for (pid_t tid : platform::process_tasks(pids_[g])) {
      tasks.push_back(tid);
      group_of.push_back(g);
    }
  auto name = [&](std::size_t i) {
    std::size_t g = group_of[i];
    return describe_group(groups_[g], cpus_) + " (pid " + std::to_string(pids_[g]) + ", tid " +
           std::to_string(tasks[i]) + ")";
  };
  if (auto why = pins_.moved(tasks, name); !why.empty())
    return "watchdog: " + why + "; every child killed";
  auto reached = reached_by_thread(*run_.rendezvous);
  double idle = progress_.idle_seconds(reached, ProgressClock::Clock::now());
  if (idle < run_.stall_seconds)
    return "";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", idle);
  bool over = run_.rounds_over && run_.rounds_over();
  return std::string("watchdog: no rendezvous for ") + seconds +
         " s: " + describe_positions(reached, who_, run_.shape, over) + "; every child killed";
}

} // namespace fencelab::hardware
