// What the hardware backend spends per test iteration outside the shared
// accesses themselves: the interpreter loop run alone (no partner, so no
// coherence misses), and collecting outcomes afterwards, per mode.
#include "batch_loop.hpp"
#include "family.hpp"
#include "outcome_counter.hpp"
#include "perpetual_count.hpp"
#include "perpetual_loop.hpp"
#include "program.hpp"
#include "run_support.hpp"

#include <benchmark/benchmark.h>

#include <random>

namespace fencelab::hardware {
namespace {

const Test &sb() {
  static Test t = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  return t;
}

int no_heavy() { return 0; }

// Batch mode's hot loop for one thread over 256 packed instances.
void BatchLoopAlone(benchmark::State &state) {
  const std::size_t n = 256;
  InstanceLayout layout = make_layout(sb(), n, 8);
  Program p = lower(sb().threads[0], layout, {}, 1.0);
  auto memory = aligned_array<char>(layout.bytes());
  auto regs = aligned_array<Value>(n);
  LatencySamples latency;
  BatchArgs args{p.ops.data(), p.ops.size(), memory.get(), 8, regs.get(), 1, n, no_heavy, &latency};
  for (auto _ : state)
    benchmark::DoNotOptimize(run_batch(args));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BatchLoopAlone);

// Batch mode's collection: one outcome counted per instance.
void BatchCollect(benchmark::State &state) {
  OutcomeCounter counter(2);
  std::mt19937_64 rng(1);
  std::vector<Outcome> outcomes(4096);
  for (auto &o : outcomes)
    o = {static_cast<Value>(rng() % 2), static_cast<Value>(rng() % 2)};
  std::size_t k = 0;
  for (auto _ : state) {
    counter.add(outcomes[k++ & 4095]);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BatchCollect);

// Perpetual mode's hot loop for one thread: iterations x instances.
void PerpetualLoopAlone(benchmark::State &state) {
  const std::size_t copies = static_cast<std::size_t>(state.range(0)), length = 4096;
  InstanceLayout layout = make_layout(sb(), copies, 8);
  layout.region_bytes = (layout.region_bytes + 127) / 128 * 128;
  Program p = lower(sb().threads[0], layout, {}, 1.0);
  auto memory = aligned_array<char>(layout.bytes());
  auto log = aligned_array<LoggedRead>(length * copies);
  LatencySamples latency;
  ChunkArgs args{p.ops.data(), p.ops.size(), memory.get(), 8, copies, log.get(), length, 1, no_heavy, &latency};
  for (auto _ : state) {
    benchmark::DoNotOptimize(run_chunk(args).iterations);
    args.first += static_cast<Value>(length);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * length * copies));
}
BENCHMARK(PerpetualLoopAlone)->Arg(1)->Arg(4)->Arg(8)->Arg(32);

// Perpetual mode's collection: one worker's share after a chunk (half of the
// default 4 interleaved copies) on coherent logs.
void PerpetualCount(benchmark::State &state) {
  auto planned = plan_perpetual(sb());
  const auto &plan = std::get<PerpetualPlan>(planned);
  const std::size_t n = 4096, copies = 8, counted = 4;
  std::mt19937_64 rng(3);
  std::vector<LoggedRead> a(n * copies), b(n * copies);
  for (std::size_t s = 0; s < copies; ++s) {
    Value va = 0, vb = 0;
    for (std::size_t k = 0; k < n; ++k) {
      va = std::min<Value>(static_cast<Value>(n), va + static_cast<Value>(rng() % 3));
      vb = std::min<Value>(static_cast<Value>(n), vb + static_cast<Value>(rng() % 3));
      a[k * copies + s] = static_cast<LoggedRead>(va);
      b[k * copies + s] = static_cast<LoggedRead>(vb);
    }
  }
  ChunkLogs logs{{{a.data(), n * copies, copies}, n, 0}, {{b.data(), n * copies, copies}, n, 0}};
  ChunkCounter counter(plan, n);
  for (auto _ : state)
    benchmark::DoNotOptimize(counter.count(logs, 0, counted));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n * counted));
}
BENCHMARK(PerpetualCount);

} // namespace
} // namespace fencelab::hardware

BENCHMARK_MAIN();
