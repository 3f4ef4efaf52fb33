// The batch loop: each round every worker runs its thread over the batch's
// instances, then counts and resets its share of them (run_skeleton.hpp).
#include "batch_run.hpp"

#include "batch_loop.hpp"

#include <algorithm>

namespace fencelab::hardware {

inline void BatchRun::plan_next_batch() {
  BatchControl &c = *control;
  RoundSize full{0, layout.instances};
  auto fit = [&](std::uint64_t left) {
    return RoundSize{0, static_cast<std::size_t>(std::min<std::uint64_t>(left, layout.instances))};
  };
  if (plan_next_round(options, c.plan, c.tally, c.first_positive_tick, full, fit))
    c.tally.started += c.plan.instances;
}

// Counts this worker's contiguous block of instances and clears their
// registers (a skipped load must read as 0, as in herd).
inline void BatchRun::collect(int self, Value *outcome, std::size_t n, std::uint64_t batch) {
  auto &counter = counters[static_cast<std::size_t>(self)];
  std::size_t t = static_cast<std::size_t>(self), all = static_cast<std::size_t>(threads);
  bool weak = false;
  for (std::size_t k = n * t / all; k < n * (t + 1) / all; ++k) {
    for (int th = 0; th < threads; ++th) {
      int count = programs[static_cast<std::size_t>(th)].registers;
      Value *regs = registers[static_cast<std::size_t>(th)] + k * static_cast<std::size_t>(count);
      for (int r = 0; r < count; ++r) {
        outcome[register_base[static_cast<std::size_t>(th)] + r] = regs[r];
        regs[r] = 0;
      }
    }
    int slot = test.register_count();
    for (int loc : test.observed_locations)
      outcome[slot++] = std::atomic_ref<Value>(cell(static_cast<std::size_t>(loc), k)).load(std::memory_order_relaxed);
    std::span<const Value> values(outcome, static_cast<std::size_t>(test.outcome_size()));
    counter.add(values);
    if (test.condition.filter.holds(values) && test.condition.prop.holds(values)) {
      weak = true;
      auto &seen = witnesses[t];
      if (seen.size() < max_witnesses)
        seen.push_back({batch, k, Outcome(values.begin(), values.end())});
      std::uint64_t none = 0;
      if (control->first_positive_tick.load(std::memory_order_relaxed) == 0)
        control->first_positive_tick.compare_exchange_strong(none, platform::ticks());
    }
  }
  if (weak && control->weak_batch_mark.exchange(batch + 1, std::memory_order_relaxed) != batch + 1)
    control->weak_batches.fetch_add(1, std::memory_order_relaxed);
}

inline void BatchRun::reset_owned(int self, std::size_t n) {
  for (std::size_t loc = 0; loc < layout.locations; ++loc)
    if (resetter[loc] == self)
      for (std::size_t k = 0; k < n; ++k)
        std::atomic_ref<Value>(cell(loc, k)).store(test.locations[loc].init, std::memory_order_relaxed);
}

// Reads every location of the next batch, so that each worker starts with
// shared copies of all lines: loads then hit locally while the other
// worker's stores wait in its store buffer for ownership, which is the
// window in which weak outcomes appear.
inline void BatchRun::preload() {
  Value sum = 0;
  for (std::size_t loc = 0; loc < layout.locations; ++loc)
    for (std::size_t k = 0; k < control->plan.instances; k += 1)
      sum += std::atomic_ref<Value>(cell(loc, k)).load(std::memory_order_relaxed);
  control->sink.fetch_add(sum == 42, std::memory_order_relaxed);
}

namespace {

// One worker's side of the batch loop, as run_rounds drives it.
class BatchWorker {
public:
  struct Round {
    std::size_t instances;
    std::uint64_t batch;
  };

  BatchWorker(BatchRun &run, int self)
      : run_(run), self_(self), outcome_(static_cast<std::size_t>(run.test.outcome_size())),
        args_{nullptr, 0, run.memory, run.layout.stride_bytes, nullptr, 0, 0, run.options.heavy,
              run.latency[static_cast<std::size_t>(self)].samples()},
        jitter_(static_cast<std::uint64_t>(static_cast<double>(run.options.stagger_ns) * run.tick_rate / 1000.0),
                static_cast<std::uint64_t>(self)) {}

  void plan_next() { run_.plan_next_batch(); }
  std::uint64_t start_delay() { return jitter_.next(); }
  bool stopping() const { return run_.control->plan.stop; }
  Round take() const { return {run_.control->plan.instances, run_.control->tally.rounds - 1}; }

  void execute(const Round &r) {
    const auto th = static_cast<std::size_t>(run_.options.thread_of(self_, r.batch, run_.threads));
    args_.ops = run_.programs[th].ops.data();
    args_.op_count = run_.programs[th].ops.size();
    args_.registers = run_.registers[th];
    args_.register_count = run_.programs[th].registers;
    args_.instances = r.instances;
    run_.failures[static_cast<std::size_t>(self_)] += run_batch(args_);
  }

  void settle(const Round &r, RoundSync &sync) {
    run_.collect(self_, outcome_.data(), r.instances, r.batch);
    if (!run_.test.observed_locations.empty()) // final values must be read before any reset
      sync.meet();
    run_.reset_owned(self_, r.instances);
  }

  void prepare(RoundSync &sync) {
    if (!run_.options.preload)
      return;
    sync.meet();
    run_.preload();
  }

private:
  BatchRun &run_;
  int self_;
  std::vector<Value> outcome_;
  BatchArgs args_;
  Jitter jitter_;
};

} // namespace

void BatchRun::worker(int self) {
  BatchWorker w(*this, self);
  RoundSync sync(*rendezvous, *start, self);
  run_rounds(w, sync);
}

namespace {

std::variant<std::vector<WorkerReport>, Failed> run_placed(BatchRun &run, const std::vector<int> &cpus) {
  PlacedRun placed = run.placed();
  if (run.options.reexec_partners) {
    auto reexec = reexec_partners(run, cpus);
    if (auto *failed = std::get_if<Failed>(&reexec))
      return *failed;
    placed.reexec = std::get<std::vector<bool>>(reexec);
  }
  return run_in_processes(placed, cpus);
}

} // namespace

BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &given) {
  bool in_processes = given.placement != Placement::threads;
  // Child processes are watched by this process (run_in_processes); threads by a RunWatchdog,
  // armed before the run's memory exists (its stop guard is a fork: no page of the run is shared).
  RunWatchdog watchdog(in_processes ? 0 : given.watchdog_seconds, pool.cpus(), batch_shape(test, given));
  BatchRunOptions options = given;
  options.halt = watchdog.halt();
  BatchRun run(test, options, in_processes ? RunMemory::shared : RunMemory::private_memory);
  RunFrame frame(options, std::any_of(run.programs.begin(), run.programs.end(), calls_heavy));
  run.control->tally.deadline_ns = frame.deadline_ns();
  std::vector<WorkerReport> reports;
  if (in_processes) {
    auto outcome = run_placed(run, pool.cpus());
    if (auto *failed = std::get_if<Failed>(&outcome))
      return *failed;
    reports = std::move(std::get<std::vector<WorkerReport>>(outcome));
  } else {
    watchdog.start(*run.rendezvous);
    pool.run(run.threads, [&](int self) {
      watchdog.enter(self);
      run.worker(self);
    });
    for (int th = 0; th < run.threads; ++th)
      reports.push_back(run.report(th));
  }
  frame.stop();
  if (auto why = watchdog.finish()) // after the clock: taking the watchers down is no part of the run
    return Failed{*why};

  Histogram h;
  for (const auto &r : reports)
    h.merge(r.outcomes);
  h.stats = {};
  h.stats.iterations = run.control->tally.started;
  h.stats.batches = run.control->tally.rounds;
  h.stats.units = h.stats.batches; // every batch runs all its instances
  h.stats.weak_batches = run.control->weak_batches.load();
  if (in_processes)
    for (const auto &r : reports)
      h.stats.thread_registrations.push_back(r.registrations);
  return frame.finish(std::move(h), reports, run.control->first_positive_tick.load());
}

} // namespace fencelab::hardware
