#include "process_placement.hpp"

#include "affinity.hpp"
#include "child_processes.hpp"
#include "child_stall_watch.hpp"
#include "futex.hpp"
#include "membarrier.hpp"
#include "process_groups.hpp"
#include "reexec_entry.hpp"

#include <cstdio>
#include <string>
#include <thread>

namespace fencelab::hardware {

int run_group(const PlacedRun &run, const std::vector<int> &members, const std::vector<int> &cpus) {
  for (std::uint32_t g = run.gate->load(); g == 0; g = run.gate->load())
    platform::futex_wait_shared(*run.gate, 0);
  std::vector<std::thread> others;
  std::atomic<bool> pinned{true};
  // An unpinned worker still runs (the others wait for it), but the run fails:
  // its outcomes are not comparable. The parent sees only the exit status.
  auto pin = [&](int m) {
    if (auto why = platform::pin_current_thread(cpus[static_cast<std::size_t>(m)]); !why.empty()) {
      std::fprintf(stderr, "fencelab: test thread %d: %s\n", m, why.c_str());
      pinned = false;
    }
  };
  for (std::size_t i = 1; i < members.size(); ++i)
    others.emplace_back([&, m = members[i]] {
      pin(m);
      run.worker(m);
    });
  pin(members[0]);
  run.worker(members[0]);
  for (auto &t : others)
    t.join();
  int registrations = platform::membarrier_registrations();
  for (int m : members) {
    WorkerReport r = run.report(m);
    r.registrations = registrations;
    write_report(run.report_area(m), run.report_limits, r);
  }
  return pinned ? 0 : 3;
}

std::variant<std::vector<WorkerReport>, Failed> run_in_processes(const PlacedRun &run, const std::vector<int> &cpus) {
  auto groups = process_groups(run.placement, run.threads);
  platform::ChildProcesses children;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g < run.reexec.size() && run.reexec[g])
      children.spawn([&, g]() -> int { reexec_group(run.memfd, static_cast<int>(g)); });
    else
      children.spawn([&, g] { return run_group(run, groups[g], cpus); });
  }
  run.gate->store(1);
  platform::futex_wake_all_shared(*run.gate);

  ChildStallWatch stalled(run, groups, children.pids(), cpus);
  auto name = [&](std::size_t g) { return describe_group(groups[g], cpus); };
  if (auto why = children.wait_all(name, std::ref(stalled)); !why.empty())
    return Failed{why};
  std::vector<WorkerReport> reports(static_cast<std::size_t>(run.threads));
  for (int th = 0; th < run.threads; ++th)
    if (auto why = read_report(run.report_area(th), run.report_limits, reports[static_cast<std::size_t>(th)]);
        !why.empty())
      return Failed{describe_group({th}, cpus) + ": " + why};
  return reports;
}

} // namespace fencelab::hardware
