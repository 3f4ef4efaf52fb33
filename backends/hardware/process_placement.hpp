#pragma once
// Running a run's test threads in child processes, pinned to the pool's
// CPUs, one process per group (process_groups.hpp), and bringing their
// reports home through the run's shared memory. Mode-independent: a run
// offers itself as a PlacedRun.
#include "backend.hpp"
#include "placement.hpp"
#include "rendezvous.hpp"
#include "watchdog.hpp"
#include "worker_report.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <variant>
#include <vector>

namespace fencelab::hardware {

// What placement needs of a run whose state lives in a shared mapping.
struct PlacedRun {
  int threads = 0;
  Placement placement = Placement::processes;
  double stall_seconds = 0;   // no rendezvous progress this long is a failure (0: never)
  RoundShape shape;           // for naming where a stalled thread stood
  std::function<bool()> rounds_over; // the last plan said stop: the children hand their results over
  std::function<void(int)> worker;
  std::function<WorkerReport(int)> report;
  std::function<std::span<char>(int)> report_area; // each worker's, report_area_bytes(report_limits) long
  ReportLimits report_limits;
  std::atomic<std::uint32_t> *gate = nullptr; // zero until every child has been started
  const Rendezvous *rendezvous = nullptr;     // its progress tells a stalled run
  int memfd = -1;                             // the mapping, for re-executed partners
  std::vector<bool> reexec;                   // per process group: re-execute it (reexec_entry.hpp)
};

// The body of one process: waits at the gate, pins and runs its workers
// (the first on this thread), then writes their reports into the shared
// memory. Returns the process's exit status.
int run_group(const PlacedRun &run, const std::vector<int> &members, const std::vector<int> &cpus);

// Runs every group in a child process. A child that dies, or a run that stops
// making progress, ends the run with Failed naming the thread(s) and why.
std::variant<std::vector<WorkerReport>, Failed> run_in_processes(const PlacedRun &run, const std::vector<int> &cpus);

} // namespace fencelab::hardware
