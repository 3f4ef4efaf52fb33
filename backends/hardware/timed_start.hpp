#pragma once
// Starting a batch at an agreed instant. Even a symmetric rendezvous lets the
// last thread to arrive leave first: it already holds the others' flags,
// while they must still fetch its flag (~100 ns here). That constant skew is
// larger than the window in which SB's stores are still buffered. So worker 0
// names a start time a little in the future on the common clock, and every
// worker spins until then, plus a pseudo-random jitter that sweeps the
// threads' relative start across a small range around zero.
#include "cache_line.hpp"
#include "fences.hpp"
#include "ticks.hpp"

#include <atomic>
#include <cstdint>

namespace fencelab::hardware {

class TimedStart {
public:
  struct alignas(platform::separation_bytes) Go {
    std::atomic<std::uint64_t> round{0};
    std::atomic<std::uint64_t> tick{0};
  };

  TimedStart(std::uint64_t margin_ticks) : margin_(margin_ticks) {}
  // On a zero-filled Go owned by the caller (e.g. shared with other processes).
  TimedStart(std::uint64_t margin_ticks, Go *go) : margin_(margin_ticks), go_(*go) {}

  // Worker 0, once every worker has arrived for `round`.
  void publish(std::uint64_t round) {
    go_.tick.store(platform::ticks() + margin_, std::memory_order_relaxed);
    go_.round.store(round, std::memory_order_release);
  }

  // Every worker: returns once the start time of `round`, plus `delay`, has passed.
  void wait(std::uint64_t round, std::uint64_t delay) const {
    while (go_.round.load(std::memory_order_acquire) < round)
      platform::cpu_relax();
    std::uint64_t start = go_.tick.load(std::memory_order_relaxed) + delay;
    while (platform::ticks() < start) {
    }
  }

private:
  std::uint64_t margin_;
  Go own_;
  Go &go_ = own_;
};

// A per-worker pseudo-random delay in [0, range) ticks.
class Jitter {
public:
  Jitter(std::uint64_t range, std::uint64_t seed) : range_(range), state_(seed * 0x9e3779b97f4a7c15ull + 1) {}
  std::uint64_t next() {
    if (range_ == 0)
      return 0;
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return (state_ >> 33) % range_;
  }

private:
  std::uint64_t range_;
  std::uint64_t state_;
};

} // namespace fencelab::hardware
