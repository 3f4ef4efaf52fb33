#include "random_tests.hpp"

#include <functional>
#include <random>

namespace fencelab::lkmm::tests {
namespace {

// Relacy's full search grows steeply with accesses (and seq_cst fences):
// three threads stay at six accesses in all, two threads at seven.
constexpr int max_accesses_three_threads = 6;
constexpr int max_accesses_two_threads = 7;
// Each call multiplies the interleavings Relacy explores by the placements of
// its injected fences; two calls keep the slowest test near a second.
constexpr int max_membarriers = 2;

using Pick = std::function<int(int)>;

void add_locations(fencelab::Test &t, int count) {
  const char *names[] = {"x", "y", "z"};
  for (int l = 0; l < count; ++l) {
    t.locations.push_back({names[l], 0});
    t.observed_locations.push_back(l);
  }
}

FenceKind random_fence(const Pick &pick, int &membarriers) {
  static constexpr FenceKind fences[] = {FenceKind::barrier, FenceKind::smp_mb, FenceKind::membarrier,
                                         FenceKind::membarrier};
  FenceKind f = fences[pick(4)];
  if (f == FenceKind::membarrier && ++membarriers > max_membarriers)
    f = FenceKind::smp_mb;
  return f;
}

void add_access(ThreadCode &code, bool store, int loc, Value &next_value) {
  if (store) {
    code.ops.push_back(Op::store(loc, next_value++));
    return;
  }
  const int reg = static_cast<int>(code.registers.size());
  code.registers.push_back("r" + std::to_string(reg));
  code.ops.push_back(Op::load(loc, reg));
}

// The classic cycles (SB, MP, LB, R, S, 2+2W, WRC, ISA2, ...): thread i
// accesses location i, then a fence or not, then location i+1 (mod the
// thread count), each access a store or a load at random.
fencelab::Test chain_test(const Pick &pick) {
  fencelab::Test t;
  const int threads = 2 + pick(2);
  add_locations(t, threads);
  Value next_value = 1;
  int membarriers = 0;
  for (int th = 0; th < threads; ++th) {
    ThreadCode code;
    add_access(code, pick(2) == 0, th, next_value);
    if (pick(4) != 0)
      code.ops.push_back(Op::fence_of(random_fence(pick, membarriers)));
    add_access(code, pick(2) == 0, (th + 1) % threads, next_value);
    t.threads.push_back(std::move(code));
  }
  return t;
}

} // namespace

fencelab::Test random_test(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const Pick pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  if (pick(2) == 0) {
    fencelab::Test t = chain_test(pick);
    t.name = "chain-" + std::to_string(seed);
    t.condition.prop = Prop::truth();
    return t;
  }
  fencelab::Test t;
  t.name = "random-" + std::to_string(seed);
  const int locations = 2 + pick(2);
  add_locations(t, locations);
  const int threads = pick(5) < 2 ? 2 : 3;
  int budget = threads == 2 ? max_accesses_two_threads : max_accesses_three_threads;
  Value next_value = 1;
  int membarriers = 0;
  for (int th = 0; th < threads; ++th) {
    ThreadCode code;
    const int later_threads = threads - th - 1;
    const int accesses = std::min(threads == 2 ? 2 + pick(3) : 2 + pick(2), budget - later_threads * 2);
    budget -= accesses;
    for (int i = 0; i < accesses; ++i) {
      // A fence goes between two accesses: at either end of its thread it
      // would order nothing there (a membarrier still fences the others, but
      // the calls between accesses cover that too).
      if (i > 0 && pick(10) < 4)
        code.ops.push_back(Op::fence_of(random_fence(pick, membarriers)));
      add_access(code, pick(2) == 0, pick(locations), next_value);
    }
    t.threads.push_back(std::move(code));
  }
  t.condition.prop = Prop::truth();
  return t;
}

} // namespace fencelab::lkmm::tests
