#include "fence_cost.hpp"

#include "cache_line.hpp"
#include "fences.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <vector>

namespace fencelab::hardware {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int loop = 20000;

template <class Fence> double ns_per_iteration(Fence fence) {
  alignas(platform::separation_bytes) static std::atomic<long> cell{0};
  auto t0 = Clock::now();
  for (int i = 0; i < loop; ++i) {
    cell.store(i, std::memory_order_relaxed);
    fence();
  }
  return std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / loop;
}

template <class Fence> double median_cost(Fence fence) {
  std::array<double, 9> samples{};
  for (auto &s : samples)
    s = ns_per_iteration(fence) - ns_per_iteration([] { platform::compiler_barrier(); });
  std::sort(samples.begin(), samples.end());
  return std::max(0.0, samples[samples.size() / 2]);
}

template <class Fence> double median_fast_path(Fence fence) {
  alignas(platform::separation_bytes) static std::atomic<long> a{0};
  alignas(platform::separation_bytes) static std::atomic<long> b{0};
  std::array<double, 9> samples{};
  for (auto &sample : samples) {
    long sum = 0;
    auto t0 = Clock::now();
    for (int i = 0; i < loop; ++i) {
      a.store(i, std::memory_order_relaxed);
      fence();
      sum += b.load(std::memory_order_relaxed);
    }
    sample = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / loop;
    b.store(sum & 1, std::memory_order_relaxed);
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

} // namespace

// A CPU kind's own instruction, inlined into the timed loop; nothing for the
// empty kind; a compiler barrier for the others (they cost nothing in a loop).
double fast_path_ns(FenceKind kind) {
  double ns = 0;
  if (fence_info(kind).side == FenceSide::cpu &&
      platform::visit_fence(kind, [&](auto fence) { ns = median_fast_path([] { decltype(fence)::run(); }); }))
    return ns;
  if (fence_info(kind).cpp == CppFence::nothing)
    return median_fast_path([] {});
  return median_fast_path([] { platform::compiler_barrier(); });
}

double heavy_call_ns(platform::HeavyBarrierFn heavy, int calls) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(calls));
  for (int i = 0; i < calls; ++i) {
    auto t0 = Clock::now();
    heavy();
    samples.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count());
  }
  if (samples.empty())
    return 0.0;
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

double fence_cost_ns(FenceKind kind) {
  double ns = 0.0;
  if (fence_info(kind).side == FenceSide::cpu)
    platform::visit_fence(kind, [&](auto fence) { ns = median_cost([] { decltype(fence)::run(); }); });
  return ns;
}

} // namespace fencelab::hardware
