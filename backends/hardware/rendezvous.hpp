#pragma once
// A symmetric rendezvous: each thread bumps its own cache line and waits on
// everyone else's. A central sense-reversing barrier releases one thread
// ~50 ns before the others and cuts SB weak outcomes ~150x (ARCHITECTURE.md, "Invariants").
#include "cache_line.hpp"
#include "fences.hpp"

#include <atomic>
#include <cstdint>
#include <memory>

namespace fencelab::hardware {

class Rendezvous {
public:
  struct alignas(platform::separation_bytes) Slot {
    std::atomic<std::uint64_t> round{0};
  };

  explicit Rendezvous(int threads)
      : threads_(threads), owned_(new Slot[static_cast<std::size_t>(threads)]), slots_(owned_.get()) {}
  // On `threads` zero-filled slots owned by the caller, e.g. in memory shared
  // with other processes (all-zero bytes are a lock-free atomic's 0).
  Rendezvous(int threads, Slot *slots) : threads_(threads), slots_(slots) {}

  // Every thread calls this with the same, increasing `round`.
  void arrive_and_wait(int self, std::uint64_t round) {
    slots_[self].round.store(round, std::memory_order_release);
    for (int t = 0; t < threads_; ++t)
      while (slots_[t].round.load(std::memory_order_acquire) < round)
        platform::cpu_relax();
  }

  int threads() const { return threads_; }
  // The last rendezvous thread `t` has arrived at (1-based; 0: none yet).
  std::uint64_t reached(int t) const { return slots_[t].round.load(std::memory_order_relaxed); }

  // The rounds reached so far, summed: grows while the workers make progress.
  std::uint64_t progress() const {
    std::uint64_t sum = 0;
    for (int t = 0; t < threads_; ++t)
      sum += slots_[t].round.load(std::memory_order_relaxed);
    return sum;
  }

private:
  int threads_;
  std::unique_ptr<Slot[]> owned_;
  Slot *slots_;
};

} // namespace fencelab::hardware
