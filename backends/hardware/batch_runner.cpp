#include "batch_runner.hpp"

#include "affinity.hpp"
#include "cache_line.hpp"
#include "child_processes.hpp"
#include "futex.hpp"
#include "batch_loop.hpp"
#include "interrupts.hpp"
#include "outcome_counter.hpp"
#include "process_groups.hpp"
#include "program.hpp"
#include "rendezvous.hpp"
#include "run_support.hpp"
#include "run_header.hpp"
#include "shared_memory.hpp"
#include "timed_start.hpp"
#include "worker_report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <thread>
#include <unistd.h>

namespace fencelab::hardware {
namespace {

using Clock = std::chrono::steady_clock;

// Hands out pieces of one block in a fixed order. Carving twice in the same
// order, first without a block to measure it, gives every process that builds
// the same Run the same offsets, so the shared memory holds no pointers.
class Arena {
public:
  explicit Arena(char *base) : base_(base) {}
  template <class T> T *take(std::size_t count, std::size_t align = 128) {
    used_ = (used_ + align - 1) / align * align;
    T *p = base_ ? reinterpret_cast<T *>(base_ + used_) : nullptr;
    used_ += std::max<std::size_t>(count * sizeof(T), 1);
    return p;
  }
  std::size_t used() const { return used_; }

private:
  char *base_;
  std::size_t used_ = 0;
};

// The state every worker writes or reads during a run, wherever it runs.
// Zero-filled bytes are its initial state (false, 0; lock-free atomics).
struct Control {
  // Written by worker 0 between rounds, read by all after the start rendezvous.
  alignas(platform::separation_bytes) bool stop;
  std::size_t instances_this_batch;
  // Worker 0's bookkeeping, on a line of its own.
  alignas(platform::separation_bytes) std::uint64_t started; // instances handed out so far
  std::uint64_t batches;
  std::int64_t deadline_ns; // steady clock: CLOCK_MONOTONIC, the same in every process
  alignas(platform::separation_bytes)
      std::atomic<std::uint64_t> first_positive; // tick of the first positive outcome counted
  std::atomic<int> sink;
  // Child processes park here until the parent has started them all.
  alignas(platform::separation_bytes) std::atomic<std::uint32_t> gate;
};

// Where the Run's shared state lives: in private memory, in a new shared
// mapping for child processes, or in an inherited one (a re-executed partner).
enum class RunMemory { private_memory, shared, attached };

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
  RunMemory where;
  std::unique_ptr<char[], FreeDeleter> private_block;
  std::optional<platform::SharedMapping> mapping;
  RunHeader *header = nullptr; // shared memory only
  Control *control = nullptr;
  Rendezvous::Slot *slots = nullptr;
  TimedStart::Go *go = nullptr;
  char *memory = nullptr;
  std::vector<Value *> registers;
  std::vector<char *> report_areas; // shared memory only
  ReportLimits report_limits;
  std::optional<Rendezvous> rendezvous;
  std::optional<TimedStart> start;
  std::uint64_t start_tick = platform::ticks();

  // Per worker, merged after the run.
  static constexpr std::size_t latency_capacity = 1 << 16;
  static constexpr std::size_t max_witnesses = 16;
  std::vector<OutcomeCounter> counters;
  std::vector<LatencySamples> latency;
  std::vector<std::vector<std::uint64_t>> latency_ticks;
  std::vector<std::vector<Witness>> witnesses;
  std::vector<std::uint64_t> failures;

  Run(const Test &t, const BatchRunOptions &o, RunMemory w, std::optional<platform::SharedMapping> attached = {})
      : test(t), options(o), threads(static_cast<int>(t.threads.size())),
        layout(make_layout(t, o.instances_per_batch, o.stride_bytes)), resetter(choose_resetters(t)), where(w),
        failures(static_cast<std::size_t>(threads), 0) {
    report_limits = {static_cast<std::size_t>(t.outcome_size()), 4096, latency_capacity, max_witnesses};
    for (int th = 0; th < threads; ++th) {
      const auto &code = t.threads[static_cast<std::size_t>(th)];
      programs.push_back(lower(code, layout, o.substitution, tick_rate / 1000.0));
      witnesses.emplace_back();
      register_base.push_back(t.register_slot(th, 0));
      counters.emplace_back(static_cast<std::size_t>(t.outcome_size()));
    }
    // A worker's ring records the heavy barrier of whichever thread it runs.
    for (int w = 0; w < threads; ++w) {
      latency.emplace_back();
      if (worker_calls_heavy(programs, w, o.alternate_roles)) {
        latency_ticks.emplace_back(latency_capacity);
        latency.back().ticks = latency_ticks.back().data();
        latency.back().mask = latency_capacity - 1;
      }
    }
    Arena measure(nullptr);
    carve(measure);
    char *base = nullptr;
    if (where == RunMemory::private_memory) {
      private_block = aligned_array<char>(measure.used());
      base = private_block.get();
    } else {
      mapping = where == RunMemory::attached ? std::move(*attached)
                                             : platform::SharedMapping::create(measure.used(), "fencelab-run");
      if (mapping->size() < measure.used())
        throw std::runtime_error("the inherited run memory is smaller than this run needs");
      base = mapping->data();
    }
    Arena arena(base);
    carve(arena);
    rendezvous.emplace(threads, slots);
    start.emplace(static_cast<std::uint64_t>(tick_rate * options.start_margin_us), go);
    if (where == RunMemory::attached)
      return; // the parent has set everything up already
    for (std::size_t k = 0; k < layout.instances; ++k)
      reset_memory(k);
    control->instances_this_batch = layout.instances;
  }

  // The pieces of the run's memory, always in this order (see Arena).
  void carve(Arena &a) {
    bool shared = where != RunMemory::private_memory;
    if (shared)
      header = a.take<RunHeader>(1);
    control = a.take<Control>(1);
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

  std::span<char> report_area(int self) {
    return {report_areas[static_cast<std::size_t>(self)], report_area_bytes(report_limits)};
  }

  // What worker `self` collected, as one value to merge or to send home.
  WorkerReport report(int self) const {
    auto i = static_cast<std::size_t>(self);
    WorkerReport r;
    counters[i].add_to(r.outcomes);
    const LatencySamples &l = latency[i];
    for (std::uint64_t k = 0; k < std::min<std::uint64_t>(l.count, l.mask + 1); ++k)
      r.latency_ticks.push_back(l.ticks[k]);
    r.heavy_calls = l.count;
    r.witnesses = witnesses[i];
    r.failures = failures[i];
    return r;
  }

  Value &cell(std::size_t loc, std::size_t instance) {
    return *reinterpret_cast<Value *>(memory + layout.offset(loc, instance));
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
      for (std::size_t k = 0; k < control->instances_this_batch; k += 1)
        sum += std::atomic_ref<Value>(cell(loc, k)).load(std::memory_order_relaxed);
    control->sink.fetch_add(sum == 42, std::memory_order_relaxed);
  }

  // Decides the next batch; worker 0 only. The shared fields are written only
  // when they change: rewriting them would steal their cache line from the
  // other workers each round and make them leave the rendezvous late.
  void plan_next_batch() {
    Control &c = *control;
    std::uint64_t target = options.iterations;
    std::size_t next = layout.instances;
    bool done = false;
    if (target != 0) {
      std::uint64_t left = target - c.started;
      next = static_cast<std::size_t>(std::min<std::uint64_t>(left, layout.instances));
      done = left == 0;
    } else {
      done = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count() >=
             c.deadline_ns;
    }
    if (options.stop_on_positive && c.first_positive.load(std::memory_order_relaxed) != 0)
      done = true;
    if (next != c.instances_this_batch)
      c.instances_this_batch = next;
    if (done != c.stop)
      c.stop = done;
    if (!c.stop) {
      c.started += c.instances_this_batch;
      ++c.batches;
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
        Value *regs = registers[static_cast<std::size_t>(th)] + k * static_cast<std::size_t>(n);
        for (int r = 0; r < n; ++r) {
          outcome[register_base[static_cast<std::size_t>(th)] + r] = regs[r];
          regs[r] = 0;
        }
      }
      int slot = test.register_count();
      for (int loc : test.observed_locations)
        outcome[slot++] =
            std::atomic_ref<Value>(cell(static_cast<std::size_t>(loc), k)).load(std::memory_order_relaxed);
      std::span<const Value> values(outcome, static_cast<std::size_t>(test.outcome_size()));
      counter.add(values);
      if (test.condition.filter.holds(values) && test.condition.prop.holds(values)) {
        auto &seen = witnesses[t];
        if (seen.size() < max_witnesses)
          seen.push_back({batch, k, Outcome(values.begin(), values.end())});
        std::uint64_t none = 0;
        if (control->first_positive.load(std::memory_order_relaxed) == 0)
          control->first_positive.compare_exchange_strong(none, platform::ticks());
      }
    }
  }

  void worker(int self) {
    std::vector<Value> outcome(static_cast<std::size_t>(test.outcome_size()));
    BatchArgs args{nullptr, 0, memory, layout.stride_bytes, nullptr, 0, 0, options.heavy,
                   &latency[static_cast<std::size_t>(self)]};
    std::uint64_t round = 0;
    Jitter jitter(static_cast<std::uint64_t>(static_cast<double>(options.stagger_ns) * tick_rate / 1000.0),
                  static_cast<std::uint64_t>(self));
    if (self == 0)
      plan_next_batch();
    for (;;) {
      rendezvous->arrive_and_wait(self, ++round);
      if (self == 0)
        start->publish(round);
      start->wait(round, jitter.next());
      if (control->stop)
        break;
      // Copied now: worker 0 plans the next batch while others still collect this one.
      args.instances = control->instances_this_batch;
      std::uint64_t batch = control->batches - 1;
      const auto th = static_cast<std::size_t>(options.thread_of(self, batch, threads));
      args.ops = programs[th].ops.data();
      args.op_count = programs[th].ops.size();
      args.registers = registers[th];
      args.register_count = programs[th].registers;
      failures[static_cast<std::size_t>(self)] += run_batch(args);
      rendezvous->arrive_and_wait(self, ++round);
      collect(self, outcome.data(), args.instances, batch);
      if (!test.observed_locations.empty()) // final values must be read before any reset
        rendezvous->arrive_and_wait(self, ++round);
      reset_owned(self, args.instances);
      if (self == 0)
        plan_next_batch();
      if (options.preload) {
        rendezvous->arrive_and_wait(self, ++round);
        preload();
      }
    }
  }
};

LatencySummary summarise_latency(const std::vector<WorkerReport> &reports, double ticks_per_ns) {
  std::vector<std::uint64_t> all;
  std::uint64_t calls = 0;
  for (const auto &r : reports) {
    calls += r.heavy_calls;
    all.insert(all.end(), r.latency_ticks.begin(), r.latency_ticks.end());
  }
  return summarise_ticks(std::move(all), calls, ticks_per_ns);
}

// The body of one process of a run: pins and runs its workers (the first on
// this thread), then writes their reports into the shared memory.
int run_group(Run &run, const std::vector<int> &members, const std::vector<int> &cpus) {
  for (std::uint32_t g = run.control->gate.load(); g == 0; g = run.control->gate.load())
    platform::futex_wait_shared(run.control->gate, 0);
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

// Re-executes this binary as a partner that attaches to the run's memfd:
// exec gives it a fresh mm, which no membarrier registration carries over to.
[[noreturn]] void reexec_group(int fd, int group) {
  int flags = fcntl(fd, F_GETFD);
  fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  std::string fd_text = std::to_string(fd), group_text = std::to_string(group);
  std::string command(reexec_command);
  const char *argv[] = {"fencelab", command.c_str(), fd_text.c_str(), group_text.c_str(), nullptr};
  execv("/proc/self/exe", const_cast<char *const *>(argv));
  _exit(126);
}

// Runs the workers in child processes, one per process group, and brings
// their reports home. Any child that dies, or a run that stops making
// progress, ends the run with Failed naming the thread(s) and the signal.
std::variant<std::vector<WorkerReport>, Failed> run_in_processes(Run &run, const std::vector<int> &cpus) {
  auto groups = process_groups(run.options.placement, run.threads);
  std::vector<bool> reexec(groups.size(), false);
  if (run.options.reexec_partners) {
    if (!encode_header(*run.header, run.test, run.options, cpus))
      return Failed{"the test's name or width does not fit the re-executed partner's header"};
    for (std::size_t g = 0; g < groups.size(); ++g)
      reexec[g] = std::none_of(groups[g].begin(), groups[g].end(),
                               [&](int m) { return calls_heavy(run.programs[static_cast<std::size_t>(m)]); });
  }
  platform::ChildProcesses children;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (reexec[g])
      children.spawn([&, g]() -> int { reexec_group(run.mapping->fd(), static_cast<int>(g)); });
    else
      children.spawn([&, g] { return run_group(run, groups[g], cpus); });
  }
  run.control->gate.store(1);
  platform::futex_wake_all_shared(run.control->gate);

  std::uint64_t last_progress = ~0ull;
  auto last_change = Clock::now();
  auto stalled = [&]() -> std::string {
    std::uint64_t now = run.rendezvous->progress();
    if (now != last_progress) {
      last_progress = now;
      last_change = Clock::now();
      return "";
    }
    if (Clock::now() - last_change < std::chrono::duration<double>(run.options.stall_seconds))
      return "";
    return "no progress for " + std::to_string(static_cast<int>(run.options.stall_seconds)) + " s: killed";
  };
  auto name = [&](std::size_t g) { return describe_group(groups[g], cpus); };
  if (auto why = children.wait_all(name, stalled); !why.empty())
    return Failed{why};
  std::vector<WorkerReport> reports(static_cast<std::size_t>(run.threads));
  for (int th = 0; th < run.threads; ++th)
    if (auto why = read_report(run.report_area(th), run.report_limits, reports[static_cast<std::size_t>(th)]);
        !why.empty())
      return Failed{describe_group({th}, cpus) + ": " + why};
  return reports;
}

} // namespace

BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &options) {
  bool in_processes = options.placement != Placement::threads;
  Run run(test, options, in_processes ? RunMemory::shared : RunMemory::private_memory);
  run.start_tick = platform::ticks();
  bool heavy = std::any_of(run.programs.begin(), run.programs.end(), calls_heavy);
  auto interrupts_before = heavy ? platform::function_call_interrupts() : std::nullopt;
  auto start = Clock::now();
  run.control->deadline_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          (start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.budget_seconds)))
              .time_since_epoch())
          .count();
  std::vector<WorkerReport> reports;
  if (in_processes) {
    auto outcome = run_in_processes(run, pool.cpus());
    if (auto *failed = std::get_if<Failed>(&outcome))
      return *failed;
    reports = std::move(std::get<std::vector<WorkerReport>>(outcome));
  } else {
    pool.run(run.threads, [&](int self) { run.worker(self); });
    for (int th = 0; th < run.threads; ++th)
      reports.push_back(run.report(th));
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  auto interrupts_after = heavy ? platform::function_call_interrupts() : std::nullopt;

  std::uint64_t failed = 0;
  for (const auto &r : reports)
    failed += r.failures;
  if (failed != 0)
    return Unsupported{"the heavy barrier failed " + std::to_string(failed) + " times during the run"};

  Histogram h;
  for (const auto &r : reports)
    h.merge(r.outcomes);
  h.stats = {};
  h.stats.iterations = run.control->started;
  h.stats.batches = run.control->batches;
  h.stats.seconds = seconds;
  if (auto first = run.control->first_positive.load())
    h.stats.first_positive_seconds = static_cast<double>(first - run.start_tick) / (run.tick_rate * 1e6);
  if (heavy)
    h.stats.heavy_latency = summarise_latency(reports, run.tick_rate / 1000.0);
  if (interrupts_before && interrupts_after && interrupts_before->size() == interrupts_after->size())
    for (std::size_t cpu = 0; cpu < interrupts_after->size(); ++cpu)
      h.stats.call_interrupts.push_back((*interrupts_after)[cpu] - (*interrupts_before)[cpu]);
  if (in_processes)
    for (const auto &r : reports)
      h.stats.thread_registrations.push_back(r.registrations);
  for (const auto &r : reports)
    for (const auto &one : r.witnesses)
      if (h.stats.witnesses.size() < Run::max_witnesses)
        h.stats.witnesses.push_back(one);
  return h;
}

int run_reexecuted_group(int fd, int group, const std::function<std::optional<Test>(std::string_view)> &find_test) {
  // The parent reports only this process's exit status; the reason goes to stderr.
  auto refuse = [](const std::string &why, int status) {
    std::fprintf(stderr, "fencelab %s: %s\n", std::string(reexec_command).c_str(), why.c_str());
    return status;
  };
  auto mapping = platform::SharedMapping::attach(fd);
  const auto &header = *reinterpret_cast<const RunHeader *>(mapping.data());
  if (header.magic != RunHeader::expected_magic)
    return refuse("fd " + std::to_string(fd) + " holds no run", 4);
  auto test = find_test(header.test_name);
  if (!test)
    return refuse(std::string("no catalogue test named ") + header.test_name, 5);
  if (test_fingerprint(*test) != header.test_fingerprint)
    return refuse(std::string("the catalogue's ") + header.test_name + " differs from the test being run", 5);
  BatchRunOptions options = decode_options(header);
  std::vector<int> cpus = decode_cpus(header, static_cast<int>(test->threads.size()));
  Run run(*test, options, RunMemory::attached, std::move(mapping));
  auto groups = process_groups(options.placement, run.threads);
  if (group < 0 || static_cast<std::size_t>(group) >= groups.size())
    return refuse("no process group " + std::to_string(group), 6);
  return run_group(run, groups[static_cast<std::size_t>(group)], cpus);
}

} // namespace fencelab::hardware
