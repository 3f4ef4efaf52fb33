// The perpetual loop: each round (a chunk) both workers run their thread for
// up to a chunk of iterations, then each counts half of the copies
// (run_skeleton.hpp).
#include "perpetual_runner.hpp"

#include "cache_line.hpp"
#include "perpetual_count.hpp"
#include "perpetual_loop.hpp"
#include "program.hpp"
#include "run_epilogue.hpp"
#include "run_skeleton.hpp"
#include "watchdog.hpp"

#include <algorithm>
#include <string>

namespace fencelab::hardware {
namespace {

// Locations a prefetcher's pair of lines apart: two locations on one pair
// would add coherence traffic the test does not have.
constexpr std::size_t location_align = platform::separation_bytes;

constexpr std::size_t scratch_bytes = std::size_t{64} << 20; // beyond any L3 a test pair shares

// Puts a padding op (ChunkArgs::padding_stores stores) before every store of
// a light thread; returns whether it did.
bool pad_light_stores(Program &p, const ThreadCode &code, std::size_t pad) {
  bool light = std::none_of(code.ops.begin(), code.ops.end(),
                            [](const Op &op) { return op.kind == OpKind::fence && op.fence == FenceKind::membarrier; });
  if (pad == 0 || !light)
    return false;
  std::vector<LoweredOp> ops;
  for (const LoweredOp &op : p.ops) {
    if (op.action == Action::store || op.action == Action::store_release)
      ops.push_back({Action::pad_stores, -1, -1, 0, 0, 0});
    ops.push_back(op);
  }
  bool padded = ops.size() != p.ops.size();
  p.ops = std::move(ops);
  return padded;
}

InstanceLayout perpetual_layout(const Test &t, const PerpetualRunOptions &o) {
  InstanceLayout l = make_layout(t, o.instances, o.stride_bytes);
  l.region_bytes = (l.region_bytes + location_align - 1) / location_align * location_align;
  return l;
}

struct PerpetualRun {
  static constexpr int threads = 2;

  const Test &test;
  const PerpetualPlan &plan;
  const PerpetualRunOptions &options;
  double tick_rate = platform::ticks_per_microsecond();
  InstanceLayout layout;
  std::vector<Program> programs;
  std::unique_ptr<char[], FreeDeleter> memory;
  std::vector<std::unique_ptr<LoggedRead[], FreeDeleter>> logs;
  std::vector<std::unique_ptr<char[], FreeDeleter>> scratch; // per thread, for padding stores
  std::size_t cursor[2] = {};
  Rendezvous rendezvous{threads};
  TimedStart start{static_cast<std::uint64_t>(tick_rate * options.start_margin_us)};
  std::atomic<std::uint64_t> first_positive_tick{0};

  // length: iterations per thread; instances: copies of the test, fewer only to end --iterations exactly.
  RoundPlan round_plan{};

  // Per test thread, this chunk: the sequence number before its first
  // iteration, and how many it ran; written by the worker that ran it.
  struct alignas(platform::separation_bytes) ThreadChunkState {
    Value base = 0;
    std::size_t ran = 0;
  };
  ThreadChunkState progress[threads];
  alignas(platform::separation_bytes) std::atomic<std::uint64_t> finished{
      UINT64_MAX}; // chunk whose first thread has finished

  // Per worker, merged after the run.
  std::vector<LatencyRing> latency;
  std::uint64_t positive[threads] = {};
  std::uint64_t coherence_violations[threads] = {};
  std::uint64_t failures[threads] = {};
  std::vector<Witness> witnesses[threads];
  std::vector<ChunkCounter> counters;
  // Chunks with a positive outcome, marked (chunk + 1) by the first worker
  // whose half of the copies shows one.
  alignas(platform::separation_bytes) std::atomic<std::uint64_t> weak_chunk_mark{0};
  std::atomic<std::uint64_t> weak_chunks{0};
  std::uint64_t units = 0; // chunks with >= 1 trial; worker 0's

  RunTally tally{}; // started: trials counted

  PerpetualRun(const Test &t, const PerpetualPlan &p, const PerpetualRunOptions &o)
      : test(t), plan(p), options(o), layout(perpetual_layout(t, o)) {
    memory = aligned_array<char>(layout.bytes()); // zero: "no store seen yet"
    for (int th = 0; th < threads; ++th) {
      const auto &code = t.threads[static_cast<std::size_t>(th)];
      programs.push_back(lower(code, layout, o.substitution, tick_rate / 1000.0));
      bool pads = pad_light_stores(programs.back(), code, o.pad_stores);
      scratch.push_back(pads ? aligned_array<char>(scratch_bytes) : nullptr);
      logs.push_back(aligned_array<LoggedRead>(std::max<std::size_t>(1, code.registers.size()) * o.chunk * o.instances));
      witnesses[th].reserve(max_witnesses);
      counters.emplace_back(p, o.chunk);
    }
    // A worker's ring records the heavy barrier of whichever thread it runs.
    for (int w = 0; w < threads; ++w)
      latency.emplace_back(worker_calls_heavy(programs, w, o.alternate_roles));
  }

  void plan_next_chunk() {
    RoundSize full{options.chunk, options.instances};
    auto fit = [&](std::uint64_t left) {
      if (left >= full.instances * full.length)
        return full;
      // The end: whole iterations of every copy, then of fewer copies.
      return left >= full.instances
                 ? RoundSize{static_cast<std::size_t>(left / full.instances), full.instances}
                 : RoundSize{1, static_cast<std::size_t>(left)};
    };
    plan_next_round(options, round_plan, tally, first_positive_tick, full, fit);
  }

  // Counts this worker's half of the copies. The log columns are laid out
  // for the planned length; a thread that stopped early filled a prefix.
  void count(int self, std::size_t n, std::size_t copies, std::uint64_t chunk, std::uint64_t end_tick) {
    std::size_t t = static_cast<std::size_t>(self);
    ChunkLogs l{{{logs[0].get(), n * copies, copies}, progress[0].ran, progress[0].base},
                {{logs[1].get(), n * copies, copies}, progress[1].ran, progress[1].base}};
    ChunkCount c = counters[t].count(l, copies * t / threads, copies * (t + 1) / threads);
    positive[t] += c.positive;
    coherence_violations[t] += c.coherence_violations;
    if (c.positive == 0)
      return;
    if (weak_chunk_mark.exchange(chunk + 1, std::memory_order_relaxed) != chunk + 1)
      weak_chunks.fetch_add(1, std::memory_order_relaxed);
    if (witnesses[t].size() < max_witnesses)
      witnesses[t].push_back({chunk, c.first_positive_anchor * copies + c.first_copy, plan.positive});
    // The chunk's end: when the positive appeared is known to within a chunk.
    std::uint64_t none = 0;
    if (first_positive_tick.load(std::memory_order_relaxed) == 0)
      first_positive_tick.compare_exchange_strong(none, end_tick);
  }

  void worker(int self);
};

// One worker's side of the perpetual loop, as run_rounds drives it.
class PerpetualWorker {
public:
  struct Round {
    std::size_t length, copies;
    std::uint64_t chunk;
    std::uint64_t end_tick = 0;
  };

  PerpetualWorker(PerpetualRun &run, int self) : run_(run), self_(self) {
    args_.memory = run.memory.get();
    args_.stride = run.layout.stride_bytes;
    args_.heavy = run.options.heavy;
    args_.latency = run.latency[static_cast<std::size_t>(self)].samples();
    args_.padding_stores = run.options.pad_stores;
    args_.scratch_mask = scratch_bytes - 1;
    args_.finished = run.options.iterations == 0 ? &run.finished : nullptr; // --iterations: every chunk runs in full
  }

  void plan_next() { run_.plan_next_chunk(); }
  std::uint64_t start_delay() const { return 0; }
  bool stopping() const { return run_.round_plan.stop; }
  Round take() const { return {run_.round_plan.length, run_.round_plan.instances, run_.tally.rounds - 1}; }

  void execute(Round &r) {
    // Sequence numbers belong to the test thread, whichever worker ran it
    // last: they go on from where its previous chunk ended.
    const auto th = static_cast<std::size_t>(run_.options.thread_of(self_, r.chunk, PerpetualRun::threads));
    auto &progress = run_.progress[th];
    const Value base = progress.base + static_cast<Value>(progress.ran);
    args_.ops = run_.programs[th].ops.data();
    args_.op_count = run_.programs[th].ops.size();
    args_.log = run_.logs[th].get();
    args_.scratch = run_.scratch[th].get();
    args_.cursor = &run_.cursor[th];
    args_.length = r.length;
    args_.instances = r.copies;
    args_.first = base + 1;
    args_.chunk = r.chunk;
    ChunkRan ran = run_chunk(args_);
    r.end_tick = platform::ticks();
    run_.failures[self_] += ran.failures;
    progress.base = base;
    progress.ran = ran.iterations;
  }

  void settle(const Round &r, RoundSync &) {
    run_.count(self_, r.length, r.copies, r.chunk, r.end_tick);
    // A trial is a pair of iterations that could form one disjoint pair.
    if (self_ == 0) {
      std::uint64_t trials = std::min(run_.progress[0].ran, run_.progress[1].ran) * r.copies;
      run_.tally.started += trials;
      // A chunk one thread ended before the other began holds no trial, and no evidence.
      run_.units += trials != 0;
    }
  }

  void prepare(RoundSync &) {}

private:
  PerpetualRun &run_;
  int self_;
  ChunkArgs args_{};
};

void PerpetualRun::worker(int self) {
  PerpetualWorker w(*this, self);
  RoundSync sync(rendezvous, start, self);
  run_rounds(w, sync);
}

std::string describe_mode(const PerpetualRunOptions &o) {
  return "perpetual (" + std::to_string(o.instances) + " instances per iteration, " + std::to_string(o.chunk) +
         " iterations per chunk" + (o.pad_stores ? ", " + std::to_string(o.pad_stores) + " padding stores" : "") +
         (o.alternate_roles ? ", roles alternate" : "") + ")";
}

} // namespace

BackendResult run_perpetual(WorkerPool &pool, const Test &test, const PerpetualPlan &plan,
                            const PerpetualRunOptions &given) {
  // Armed before the run's memory exists (see run_batches).
  RunWatchdog watchdog(given.watchdog_seconds, pool.cpus(), {2, "chunk"});
  PerpetualRunOptions options = given;
  options.halt = watchdog.halt();
  PerpetualRun run(test, plan, options);
  RunFrame frame(options, std::any_of(run.programs.begin(), run.programs.end(), calls_heavy));
  run.tally.deadline_ns = frame.deadline_ns();
  watchdog.start(run.rendezvous);
  pool.run(PerpetualRun::threads, [&](int self) {
    watchdog.enter(self);
    run.worker(self);
  });
  frame.stop();
  if (auto why = watchdog.finish()) // after the clock: taking the watchers down is no part of the run
    return Failed{*why};

  std::vector<WorkerReport> reports;
  for (int w = 0; w < PerpetualRun::threads; ++w)
    reports.push_back(report_of(run.latency[static_cast<std::size_t>(w)].get(), run.witnesses[w], run.failures[w]));
  Histogram h;
  std::uint64_t positive = run.positive[0] + run.positive[1];
  if (positive != 0)
    h.add(plan.positive, positive);
  h.unclassified = run.tally.started - positive;
  h.stats.iterations = run.tally.started;
  h.stats.batches = run.tally.rounds;
  h.stats.units = run.units;
  h.stats.weak_batches = run.weak_chunks.load();
  h.stats.mode = describe_mode(options);
  h.stats.coherence_violations = run.coherence_violations[0] + run.coherence_violations[1];
  return frame.finish(std::move(h), reports, run.first_positive_tick.load());
}

} // namespace fencelab::hardware
