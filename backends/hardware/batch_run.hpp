#pragma once
// Everything the workers of one batch-mode run share, wherever they run: the
// lowered programs, the instances' memory, the registers, the control block,
// and what each worker collects. Built the same way by the parent and by a
// re-executed partner (run_memory.hpp).
#include "batch_runner.hpp"
#include "outcome_counter.hpp"
#include "process_placement.hpp"
#include "program.hpp"
#include "rendezvous.hpp"
#include "run_epilogue.hpp"
#include "run_header.hpp"
#include "run_memory.hpp"
#include "run_skeleton.hpp"
#include "timed_start.hpp"
#include "watchdog.hpp"
#include "worker_report.hpp"

#include <atomic>
#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace fencelab::hardware {

// The state every worker writes or reads during a run. Zero-filled bytes are
// its initial state (false, 0; lock-free atomics).
struct BatchControl {
  RoundPlan plan;   // instances: this batch's
  RunTally tally;   // started: instances handed out
  alignas(platform::separation_bytes) std::atomic<std::uint64_t> first_positive_tick;
  std::atomic<int> sink;
  // Batches with a positive outcome: whichever worker first finds one in
  // batch b marks it (b + 1) and counts it; the others see the mark.
  alignas(platform::separation_bytes) std::atomic<std::uint64_t> weak_batch_mark;
  std::atomic<std::uint64_t> weak_batches;
  // Child processes park here until the parent has started them all.
  alignas(platform::separation_bytes) std::atomic<std::uint32_t> gate;
};

struct BatchRun {
  const Test &test;
  const BatchRunOptions &options;
  double tick_rate = platform::ticks_per_microsecond();
  int threads;
  InstanceLayout layout;
  std::vector<Program> programs;
  std::vector<int> register_base; // outcome slot of each thread's register 0
  std::vector<int> resetter;      // per location, the worker that resets it
  RunMemory where;
  ReportLimits report_limits;

  // Pieces of the block (see carve).
  std::optional<RunBlock> block;
  RunHeader *header = nullptr; // shared memory only
  BatchControl *control = nullptr;
  Rendezvous::Slot *slots = nullptr;
  TimedStart::Go *go = nullptr;
  char *memory = nullptr;
  std::vector<Value *> registers;
  std::vector<char *> report_areas; // shared memory only
  std::optional<Rendezvous> rendezvous;
  std::optional<TimedStart> start;

  // Per worker, merged after the run.
  std::vector<OutcomeCounter> counters;
  std::vector<LatencyRing> latency;
  std::vector<std::vector<Witness>> witnesses;
  std::vector<std::uint64_t> failures;

  BatchRun(const Test &t, const BatchRunOptions &o, RunMemory w, std::optional<platform::SharedMapping> attached = {});

  // Its memory (batch_run.cpp): the block's pieces, in carving order, and the instances' locations.
  void carve(Arena &a);
  Value &cell(std::size_t loc, std::size_t instance) {
    return *reinterpret_cast<Value *>(memory + layout.offset(loc, instance));
  }
  void reset_memory(std::size_t k);
  std::span<char> report_area(int self);
  WorkerReport report(int self) const;
  // The run as process placement sees it.
  PlacedRun placed();

  // The batch loop (batch_runner.cpp). Its parts are inlined into worker(),
  // as they were before the split: called out of line, they cut
  // SB+smp_mb+barrier's weak outcomes per iteration ~3x here (medians of 8
  // alternating runs), though the code from the start to the hot loop was
  // the same instruction for instruction.
  [[gnu::always_inline]] void plan_next_batch();
  [[gnu::always_inline]] void collect(int self, Value *outcome, std::size_t n, std::uint64_t batch);
  [[gnu::always_inline]] void reset_owned(int self, std::size_t n);
  [[gnu::always_inline]] void preload();
  void worker(int self);
};

// How a batch run's rendezvous map to its batches, for stall reports.
RoundShape batch_shape(const Test &t, const BatchRunOptions &o);

// Which process groups re-execute (those none of whose threads calls the
// heavy barrier), after writing the header they rebuild the run from;
// Failed when the header cannot hold it (reexec_entry.cpp).
std::variant<std::vector<bool>, Failed> reexec_partners(BatchRun &run, const std::vector<int> &cpus);

} // namespace fencelab::hardware
