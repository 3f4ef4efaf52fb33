#include "batch_runner.hpp"

#include "cache_line.hpp"
#include "interpreter.hpp"
#include "interrupts.hpp"
#include "outcome_counter.hpp"
#include "program.hpp"
#include "rendezvous.hpp"
#include "timed_start.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace fencelab::hardware {
namespace {

using Clock = std::chrono::steady_clock;

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

template <class T> std::unique_ptr<T[], FreeDeleter> aligned_array(std::size_t count) {
  std::size_t bytes = (count * sizeof(T) + 4095) / 4096 * 4096;
  void *p = std::aligned_alloc(4096, bytes == 0 ? 4096 : bytes);
  if (!p)
    throw std::bad_alloc();
  std::memset(p, 0, bytes == 0 ? 4096 : bytes);
  return std::unique_ptr<T[], FreeDeleter>(static_cast<T *>(p));
}

// Everything the workers share for one test.
struct Run {
  const Test &test;
  const BatchRunOptions &options;
  double tick_rate = platform::ticks_per_microsecond();
  int threads;
  InstanceLayout layout;
  std::vector<Program> programs;
  std::vector<int> register_base; // outcome slot of each thread's register 0
  std::vector<int> resetter;      // per location, the worker that resets it
  std::unique_ptr<char[], FreeDeleter> memory;
  std::vector<std::unique_ptr<Value[], FreeDeleter>> registers;
  Rendezvous rendezvous;
  TimedStart start{static_cast<std::uint64_t>(tick_rate * options.start_margin_us)};
  std::atomic<int> sink{0};
  std::uint64_t start_tick = platform::ticks();
  std::atomic<std::uint64_t> first_positive{0}; // tick of the first positive outcome counted

  // Written by worker 0 between rounds, read by all after the start rendezvous.
  alignas(platform::separation_bytes) bool stop = false;
  std::size_t instances_this_batch = 0;

  // Per worker, merged after the run.
  static constexpr std::size_t latency_capacity = 1 << 16;
  static constexpr std::size_t max_witnesses = 16;
  std::vector<OutcomeCounter> counters;
  std::vector<LatencySamples> latency;
  std::vector<std::vector<std::uint64_t>> latency_ticks;
  std::vector<std::vector<Witness>> witnesses;
  std::vector<std::uint64_t> failures;

  // Worker 0's bookkeeping, on a line of its own.
  alignas(platform::separation_bytes) std::uint64_t started = 0; // instances handed out so far
  std::uint64_t batches = 0;
  Clock::time_point deadline;

  Run(const Test &t, const BatchRunOptions &o)
      : test(t), options(o), threads(static_cast<int>(t.threads.size())),
        layout(make_layout(t, o.instances_per_batch, o.stride_bytes)), resetter(choose_resetters(t)),
        rendezvous(threads), failures(static_cast<std::size_t>(threads), 0) {
    memory = aligned_array<char>(layout.bytes());
    for (int th = 0; th < threads; ++th) {
      const auto &code = t.threads[static_cast<std::size_t>(th)];
      programs.push_back(lower(code, layout, o.substitution, tick_rate / 1000.0));
      latency.emplace_back();
      if (calls_heavy(programs.back())) {
        latency_ticks.emplace_back(latency_capacity);
        latency.back().ticks = latency_ticks.back().data();
        latency.back().mask = latency_capacity - 1;
      }
      witnesses.emplace_back();
      register_base.push_back(t.register_slot(th, 0));
      registers.push_back(aligned_array<Value>(layout.instances * code.registers.size()));
      counters.emplace_back(static_cast<std::size_t>(t.outcome_size()));
    }
    for (std::size_t k = 0; k < layout.instances; ++k)
      reset_memory(k);
    instances_this_batch = layout.instances;
  }

  Value &cell(std::size_t loc, std::size_t instance) {
    return *reinterpret_cast<Value *>(memory.get() + layout.offset(loc, instance));
  }

  void reset_memory(std::size_t k) {
    for (std::size_t loc = 0; loc < layout.locations; ++loc)
      std::atomic_ref<Value>(cell(loc, k)).store(test.locations[loc].init, std::memory_order_relaxed);
  }

  // Who resets a location between batches. The resetting CPU ends up owning
  // the cache lines, so a reader that does not write the location resets it:
  // the writer's next store then misses and waits in its store buffer, which
  // is what lets weak outcomes appear. Resetting by the writer made its stores
  // drain at once and cut SB weak outcomes by an order of magnitude here.
  static std::vector<int> choose_resetters(const Test &t) {
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

  void reset_owned(int self, std::size_t n) {
    for (std::size_t loc = 0; loc < layout.locations; ++loc)
      if (resetter[loc] == self)
        for (std::size_t k = 0; k < n; ++k)
          std::atomic_ref<Value>(cell(loc, k)).store(test.locations[loc].init, std::memory_order_relaxed);
  }

  // Reads every location of the next batch, so that each worker starts with
  // shared copies of all lines: loads then hit locally while the other
  // worker's stores wait in its store buffer for ownership, which is the
  // window in which weak outcomes appear.
  void preload() {
    Value sum = 0;
    for (std::size_t loc = 0; loc < layout.locations; ++loc)
      for (std::size_t k = 0; k < instances_this_batch; k += 1)
        sum += std::atomic_ref<Value>(cell(loc, k)).load(std::memory_order_relaxed);
    sink.fetch_add(sum == 42, std::memory_order_relaxed);
  }

  // Decides the next batch; worker 0 only. The shared fields are written only
  // when they change: rewriting them would steal their cache line from the
  // other workers each round and make them leave the rendezvous late.
  void plan_next_batch() {
    std::uint64_t target = options.iterations;
    std::size_t next = layout.instances;
    bool done = false;
    if (target != 0) {
      std::uint64_t left = target - started;
      next = static_cast<std::size_t>(std::min<std::uint64_t>(left, layout.instances));
      done = left == 0;
    } else {
      done = Clock::now() >= deadline;
    }
    if (options.stop_on_positive && first_positive.load(std::memory_order_relaxed) != 0)
      done = true;
    if (next != instances_this_batch)
      instances_this_batch = next;
    if (done != stop)
      stop = done;
    if (!stop) {
      started += instances_this_batch;
      ++batches;
    }
  }

  // Counts this worker's contiguous block of instances and clears their
  // registers (a skipped load must read as 0, as in herd).
  void collect(int self, Value *outcome, std::size_t n, std::uint64_t batch) {
    auto &counter = counters[static_cast<std::size_t>(self)];
    std::size_t t = static_cast<std::size_t>(self), all = static_cast<std::size_t>(threads);
    for (std::size_t k = n * t / all; k < n * (t + 1) / all; ++k) {
      for (int th = 0; th < threads; ++th) {
        int n = programs[static_cast<std::size_t>(th)].registers;
        Value *regs = registers[static_cast<std::size_t>(th)].get() + k * static_cast<std::size_t>(n);
        for (int r = 0; r < n; ++r) {
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
        auto &seen = witnesses[t];
        if (seen.size() < max_witnesses)
          seen.push_back({batch, k, Outcome(values.begin(), values.end())});
        std::uint64_t none = 0;
        if (first_positive.load(std::memory_order_relaxed) == 0)
          first_positive.compare_exchange_strong(none, platform::ticks());
      }
    }
  }

  void worker(int self) {
    std::vector<Value> outcome(static_cast<std::size_t>(test.outcome_size()));
    const Program &program = programs[static_cast<std::size_t>(self)];
    BatchArgs args{program.ops.data(),
                   program.ops.size(),
                   memory.get(),
                   layout.stride_bytes,
                   registers[static_cast<std::size_t>(self)].get(),
                   program.registers,
                   0,
                   options.heavy,
                   &latency[static_cast<std::size_t>(self)]};
    std::uint64_t round = 0;
    Jitter jitter(static_cast<std::uint64_t>(static_cast<double>(options.stagger_ns) * tick_rate / 1000.0),
                  static_cast<std::uint64_t>(self));
    if (self == 0)
      plan_next_batch();
    for (;;) {
      rendezvous.arrive_and_wait(self, ++round);
      if (self == 0)
        start.publish(round);
      start.wait(round, jitter.next());
      if (stop)
        break;
      // Copied now: worker 0 plans the next batch while others still collect this one.
      args.instances = instances_this_batch;
      std::uint64_t batch = batches - 1;
      failures[static_cast<std::size_t>(self)] += run_batch(args);
      rendezvous.arrive_and_wait(self, ++round);
      collect(self, outcome.data(), args.instances, batch);
      if (!test.observed_locations.empty()) // final values must be read before any reset
        rendezvous.arrive_and_wait(self, ++round);
      reset_owned(self, args.instances);
      if (self == 0)
        plan_next_batch();
      if (options.preload) {
        rendezvous.arrive_and_wait(self, ++round);
        preload();
      }
    }
  }
};

LatencySummary summarise_latency(const std::vector<LatencySamples> &per_worker, double ticks_per_ns) {
  std::vector<std::uint64_t> all;
  for (const auto &l : per_worker)
    for (std::uint64_t i = 0; i < std::min<std::uint64_t>(l.count, l.mask + 1); ++i)
      all.push_back(l.ticks[i]);
  LatencySummary s;
  s.calls = all.size();
  if (all.empty())
    return s;
  std::sort(all.begin(), all.end());
  auto ns = [&](std::size_t i) { return static_cast<double>(all[i]) / ticks_per_ns; };
  s.min_ns = ns(0);
  s.median_ns = ns(all.size() / 2);
  s.p99_ns = ns(std::min(all.size() - 1, all.size() * 99 / 100));
  s.max_ns = ns(all.size() - 1);
  return s;
}

} // namespace

BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &options) {
  Run run(test, options);
  run.start_tick = platform::ticks();
  bool heavy = std::any_of(run.programs.begin(), run.programs.end(), calls_heavy);
  auto interrupts_before = heavy ? platform::function_call_interrupts() : std::nullopt;
  auto start = Clock::now();
  run.deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.budget_seconds));
  pool.run(run.threads, [&](int self) { run.worker(self); });
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  auto interrupts_after = heavy ? platform::function_call_interrupts() : std::nullopt;

  std::uint64_t failed = 0;
  for (auto f : run.failures)
    failed += f;
  if (failed != 0)
    return Unsupported{"the heavy barrier failed " + std::to_string(failed) + " times during the run"};

  Histogram h;
  for (const auto &c : run.counters)
    c.add_to(h);
  h.stats.iterations = run.started;
  h.stats.batches = run.batches;
  h.stats.seconds = seconds;
  if (auto first = run.first_positive.load())
    h.stats.first_positive_seconds = static_cast<double>(first - run.start_tick) / (run.tick_rate * 1e6);
  if (heavy)
    h.stats.heavy_latency = summarise_latency(run.latency, run.tick_rate / 1000.0);
  if (interrupts_before && interrupts_after && interrupts_before->size() == interrupts_after->size())
    for (std::size_t cpu = 0; cpu < interrupts_after->size(); ++cpu)
      h.stats.call_interrupts.push_back((*interrupts_after)[cpu] - (*interrupts_before)[cpu]);
  for (const auto &w : run.witnesses)
    for (const auto &one : w)
      if (h.stats.witnesses.size() < Run::max_witnesses)
        h.stats.witnesses.push_back(one);
  return h;
}

} // namespace fencelab::hardware
