#include "perpetual_runner.hpp"

#include "cache_line.hpp"
#include "perpetual_count.hpp"
#include "perpetual_loop.hpp"
#include "program.hpp"
#include "rendezvous.hpp"
#include "run_support.hpp"
#include "timed_start.hpp"

#include <algorithm>
#include <chrono>

namespace fencelab::hardware {
namespace {

using Clock = std::chrono::steady_clock;

// Locations a prefetcher's pair of lines apart: two locations on one pair
// would add coherence traffic the test does not have.
constexpr std::size_t location_align = platform::separation_bytes;

constexpr std::size_t scratch_bytes = std::size_t{64} << 20; // beyond any L3 a test pair shares

// Puts `pad` padding stores before every store of a light thread.
void pad_light_stores(Program &p, const ThreadCode &code, std::size_t pad) {
  bool light = std::none_of(code.ops.begin(), code.ops.end(),
                            [](const Op &op) { return op.kind == OpKind::fence && op.fence == FenceKind::membarrier; });
  if (pad == 0 || !light)
    return;
  std::vector<LoweredOp> ops;
  for (const LoweredOp &op : p.ops) {
    if (op.action == Action::store || op.action == Action::store_release)
      ops.push_back({Action::pad_stores, -1, -1, 0, 0, static_cast<std::uint64_t>(pad)});
    ops.push_back(op);
  }
  p.ops = std::move(ops);
}

InstanceLayout perpetual_layout(const Test &t, const PerpetualRunOptions &o) {
  InstanceLayout l = make_layout(t, o.instances, o.stride_bytes);
  l.region_bytes = (l.region_bytes + location_align - 1) / location_align * location_align;
  return l;
}

struct PerpetualRun {
  static constexpr int threads = 2;
  static constexpr std::size_t max_witnesses = 16;

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
  std::uint64_t start_tick = platform::ticks();
  std::atomic<std::uint64_t> first_positive{0};

  // Written by worker 0 between chunks, read by both after the start rendezvous.
  alignas(platform::separation_bytes) bool stop = false;
  std::size_t length = 0;
  std::size_t instances = 0; // copies of the test this chunk; fewer only to end --iterations exactly

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

  // Worker 0's bookkeeping, on a line of its own.
  alignas(platform::separation_bytes) std::uint64_t started = 0;
  std::uint64_t chunks = 0;
  Clock::time_point deadline;

  PerpetualRun(const Test &t, const PerpetualPlan &p, const PerpetualRunOptions &o)
      : test(t), plan(p), options(o), layout(perpetual_layout(t, o)) {
    memory = aligned_array<char>(layout.bytes()); // zero: "no store seen yet"
    for (int th = 0; th < threads; ++th) {
      const auto &code = t.threads[static_cast<std::size_t>(th)];
      programs.push_back(lower(code, layout, o.substitution, tick_rate / 1000.0));
      pad_light_stores(programs.back(), code, o.pad_stores);
      bool pads = std::any_of(programs.back().ops.begin(), programs.back().ops.end(),
                              [](const LoweredOp &l) { return l.action == Action::pad_stores; });
      scratch.push_back(pads ? aligned_array<char>(scratch_bytes) : nullptr);
      logs.push_back(aligned_array<LoggedRead>(std::max<std::size_t>(1, code.registers.size()) * o.chunk * o.instances));
      witnesses[th].reserve(max_witnesses);
      counters.emplace_back(p, o.chunk);
    }
    // A worker's ring records the heavy barrier of whichever thread it runs.
    for (int w = 0; w < threads; ++w)
      latency.emplace_back(worker_calls_heavy(programs, w, o.alternate_roles));
  }

  // Worker 0 only; shared fields are written only when they change (see batch_runner.cpp).
  void plan_next_chunk() {
    std::size_t next = options.chunk, copies = options.instances;
    bool done = false;
    if (options.iterations != 0) {
      std::uint64_t left = options.iterations - started;
      if (left < copies * next) { // the end: whole iterations of every copy, then of fewer copies
        next = left >= copies ? static_cast<std::size_t>(left / copies) : 1;
        copies = left >= copies ? copies : static_cast<std::size_t>(left);
      }
      done = left == 0;
    } else {
      done = Clock::now() >= deadline;
    }
    if (options.stop_on_positive && first_positive.load(std::memory_order_relaxed) != 0)
      done = true;
    if (next != length)
      length = next;
    if (copies != instances)
      instances = copies;
    if (done != stop)
      stop = done;
    if (!stop)
      ++chunks;
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
    if (witnesses[t].size() < max_witnesses)
      witnesses[t].push_back({chunk, c.first_positive * copies + c.first_copy, plan.positive});
    // The chunk's end: when the positive appeared is known to within a chunk.
    std::uint64_t none = 0;
    if (first_positive.load(std::memory_order_relaxed) == 0)
      first_positive.compare_exchange_strong(none, end_tick);
  }

  void worker(int self) {
    ChunkArgs args{nullptr,
                   0,
                   memory.get(),
                   layout.stride_bytes,
                   0,
                   nullptr,
                   0,
                   0,
                   options.heavy,
                   latency[static_cast<std::size_t>(self)].samples(),
                   nullptr,
                   scratch_bytes - 1,
                   nullptr,
                   options.iterations == 0 ? &finished : nullptr, // --iterations: every chunk runs in full
                   0};
    std::uint64_t round = 0;
    if (self == 0)
      plan_next_chunk();
    for (;;) {
      rendezvous.arrive_and_wait(self, ++round);
      if (self == 0)
        start.publish(round);
      start.wait(round, 0);
      if (stop)
        break;
      // Copied now: worker 0 plans the next chunk while the other still counts this one.
      std::size_t n = length, copies = instances;
      std::uint64_t chunk = chunks - 1;
      // Sequence numbers belong to the test thread, whichever worker ran it
      // last: they go on from where its previous chunk ended.
      const auto th = static_cast<std::size_t>(options.thread_of(self, chunk, threads));
      const Value base = progress[th].base + static_cast<Value>(progress[th].ran);
      args.ops = programs[th].ops.data();
      args.op_count = programs[th].ops.size();
      args.log = logs[th].get();
      args.scratch = scratch[th].get();
      args.cursor = &cursor[th];
      args.length = n;
      args.instances = copies;
      args.first = base + 1;
      args.chunk = chunk;
      ChunkRan ran = run_chunk(args);
      std::uint64_t end_tick = platform::ticks();
      failures[self] += ran.failures;
      progress[th].base = base;
      progress[th].ran = ran.iterations;
      rendezvous.arrive_and_wait(self, ++round);
      count(self, n, copies, chunk, end_tick);
      if (self == 0) {
        // A trial is a pair of iterations that could form one disjoint pair.
        started += std::min(progress[0].ran, progress[1].ran) * copies;
        plan_next_chunk();
      }
    }
  }
};

} // namespace

BackendResult run_perpetual(WorkerPool &pool, const Test &test, const PerpetualPlan &plan,
                            const PerpetualRunOptions &options) {
  PerpetualRun run(test, plan, options);
  bool heavy = std::any_of(run.programs.begin(), run.programs.end(), calls_heavy);
  InterruptDelta interrupts(heavy);
  run.start_tick = platform::ticks();
  auto start = Clock::now();
  run.deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.budget_seconds));
  pool.run(PerpetualRun::threads, [&](int self) { run.worker(self); });
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  std::uint64_t failed = run.failures[0] + run.failures[1];
  if (failed != 0)
    return Unsupported{"the heavy barrier failed " + std::to_string(failed) + " times during the run"};

  Histogram h;
  std::uint64_t positive = run.positive[0] + run.positive[1];
  if (positive != 0)
    h.add(plan.positive, positive);
  h.unclassified = run.started - positive;
  h.stats.iterations = run.started;
  h.stats.batches = run.chunks;
  h.stats.seconds = seconds;
  h.stats.mode = "perpetual (" + std::to_string(options.instances) + " instances per iteration, " +
                 std::to_string(options.chunk) + " iterations per chunk" +
                 (options.pad_stores ? ", " + std::to_string(options.pad_stores) + " padding stores" : "") +
                 (options.alternate_roles ? ", roles alternate" : "") + ")";
  h.stats.coherence_violations = run.coherence_violations[0] + run.coherence_violations[1];
  if (auto first = run.first_positive.load())
    h.stats.first_positive_seconds = static_cast<double>(first - run.start_tick) / (run.tick_rate * 1e6);
  if (heavy) {
    std::vector<const LatencySamples *> rings;
    for (const auto &l : run.latency)
      rings.push_back(&l.get());
    h.stats.heavy_latency = summarise_latency(rings, run.tick_rate / 1000.0);
  }
  h.stats.call_interrupts = interrupts.delta();
  for (const auto &w : run.witnesses)
    for (const auto &one : w)
      if (h.stats.witnesses.size() < PerpetualRun::max_witnesses)
        h.stats.witnesses.push_back(one);
  return h;
}

} // namespace fencelab::hardware
