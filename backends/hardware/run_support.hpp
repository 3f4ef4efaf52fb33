#pragma once
// Pieces both hardware modes use around their hot loops.
#include "batch_loop.hpp"
#include "histogram.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

namespace fencelab::hardware {

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

// Zeroed, page-aligned memory: test locations start on lines nobody else uses.
template <class T> std::unique_ptr<T[], FreeDeleter> aligned_array(std::size_t count) {
  std::size_t bytes = (count * sizeof(T) + 4095) / 4096 * 4096;
  if (bytes == 0)
    bytes = 4096;
  void *p = std::aligned_alloc(4096, bytes);
  if (!p)
    throw std::bad_alloc();
  std::memset(p, 0, bytes);
  return std::unique_ptr<T[], FreeDeleter>(static_cast<T *>(p));
}

// A ring of heavy-barrier latencies for one worker, when its program calls it.
class LatencyRing {
public:
  static constexpr std::size_t capacity = 1 << 16;
  explicit LatencyRing(bool needed);
  LatencySamples *samples() { return &samples_; }
  const LatencySamples &get() const { return samples_; }

private:
  std::vector<std::uint64_t> ticks_;
  LatencySamples samples_;
};

// Min/median/p99/max of the kept samples; `calls` counts every call made.
LatencySummary summarise_ticks(std::vector<std::uint64_t> ticks, std::uint64_t calls, double ticks_per_ns);

// Function-call interrupts per CPU raised between construction and delta().
class InterruptDelta {
public:
  explicit InterruptDelta(bool wanted);
  std::vector<std::uint64_t> delta() const;

private:
  std::optional<std::vector<std::uint64_t>> before_;
};

} // namespace fencelab::hardware
