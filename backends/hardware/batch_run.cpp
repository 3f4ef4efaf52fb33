#include "batch_run.hpp"

namespace fencelab::hardware {
namespace {

// Who resets a location between batches. The resetting CPU ends up owning
// the cache lines, so a reader that does not write the location resets it:
// the writer's next store then misses and waits in its store buffer, which
// is what lets weak outcomes appear. Resetting by the writer made its stores
// drain at once and cut SB weak outcomes by an order of magnitude here.
std::vector<int> choose_resetters(const Test &t) {
  std::vector<int> owner(t.locations.size(), 0);
  for (std::size_t loc = 0; loc < t.locations.size(); ++loc) {
    int best = -1, best_rank = 0;
    for (std::size_t th = 0; th < t.threads.size(); ++th) {
      bool loads = false, stores = false;
      for (const Op &op : t.threads[th].ops) {
        if (op.loc != static_cast<int>(loc))
          continue;
        loads = loads || op.kind == OpKind::load || op.kind == OpKind::load_acquire;
        stores = stores || op.kind == OpKind::store || op.kind == OpKind::store_release;
      }
      int rank = loads && !stores ? 3 : loads ? 2 : !stores ? 1 : 0;
      if (best < 0 || rank > best_rank) {
        best = static_cast<int>(th);
        best_rank = rank;
      }
    }
    owner[loc] = best < 0 ? 0 : best;
  }
  return owner;
}

} // namespace

BatchRun::BatchRun(const Test &t, const BatchRunOptions &o, RunMemory w, std::optional<platform::SharedMapping> attached)
    : test(t), options(o), threads(static_cast<int>(t.threads.size())),
      layout(make_layout(t, o.instances_per_batch, o.stride_bytes)), resetter(choose_resetters(t)), where(w),
      failures(static_cast<std::size_t>(threads), 0) {
  report_limits = {static_cast<std::size_t>(t.outcome_size()), 4096, LatencyRing::capacity, max_witnesses};
  for (int th = 0; th < threads; ++th) {
    const auto &code = t.threads[static_cast<std::size_t>(th)];
    programs.push_back(lower(code, layout, o.substitution, tick_rate / 1000.0));
    witnesses.emplace_back().reserve(max_witnesses);
    register_base.push_back(t.register_slot(th, 0));
    counters.emplace_back(static_cast<std::size_t>(t.outcome_size()));
  }
  // A worker's ring records the heavy barrier of whichever thread it runs.
  for (int w = 0; w < threads; ++w)
    latency.emplace_back(worker_calls_heavy(programs, w, o.alternate_roles));
  block.emplace(carve_run(where, [this](Arena &a) { carve(a); }, std::move(attached)));
  rendezvous.emplace(threads, slots);
  start.emplace(static_cast<std::uint64_t>(tick_rate * options.start_margin_us), go);
  if (where == RunMemory::attached)
    return; // the parent has set everything up already
  for (std::size_t k = 0; k < layout.instances; ++k)
    reset_memory(k);
  control->plan.instances = layout.instances;
}

// The pieces of the run's memory, always in this order (see Arena).
void BatchRun::carve(Arena &a) {
  bool shared = where != RunMemory::private_memory;
  if (shared)
    header = a.take<RunHeader>(1);
  control = a.take<BatchControl>(1);
  slots = a.take<Rendezvous::Slot>(static_cast<std::size_t>(threads));
  go = a.take<TimedStart::Go>(1);
  memory = a.take<char>(layout.bytes(), 4096);
  registers.clear();
  for (const auto &code : test.threads)
    registers.push_back(a.take<Value>(layout.instances * code.registers.size(), 4096));
  report_areas.clear();
  if (shared)
    for (int th = 0; th < threads; ++th)
      report_areas.push_back(a.take<char>(report_area_bytes(report_limits), 4096));
}

RoundShape batch_shape(const Test &t, const BatchRunOptions &o) {
  // The start, the end, the final values' reading, the preload (batch_runner.cpp).
  return {2 + !t.observed_locations.empty() + o.preload, "batch"};
}

void BatchRun::reset_memory(std::size_t k) {
  for (std::size_t loc = 0; loc < layout.locations; ++loc)
    std::atomic_ref<Value>(cell(loc, k)).store(test.locations[loc].init, std::memory_order_relaxed);
}

std::span<char> BatchRun::report_area(int self) {
  return {report_areas[static_cast<std::size_t>(self)], report_area_bytes(report_limits)};
}

// What worker `self` collected, as one value to merge or to send home.
WorkerReport BatchRun::report(int self) const {
  auto i = static_cast<std::size_t>(self);
  WorkerReport r = report_of(latency[i].get(), witnesses[i], failures[i]);
  counters[i].add_to(r.outcomes);
  return r;
}

PlacedRun BatchRun::placed() {
  PlacedRun p;
  p.threads = threads;
  p.placement = options.placement;
  p.stall_seconds = options.watchdog_seconds;
  p.shape = batch_shape(test, options);
  p.rounds_over = [this] { return std::atomic_ref<bool>(control->plan.stop).load(std::memory_order_relaxed); };
  p.worker = [this](int self) { worker(self); };
  p.report = [this](int self) { return report(self); };
  p.report_area = [this](int self) { return report_area(self); };
  p.report_limits = report_limits;
  p.gate = &control->gate;
  p.rendezvous = &*rendezvous;
  if (block->shared())
    p.memfd = block->fd();
  return p;
}

} // namespace fencelab::hardware
