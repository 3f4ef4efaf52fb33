#pragma once
// A thread's op list lowered for the hot loop: byte offsets instead of
// location indices, and each fence resolved to what actually runs (itself, a
// plant or a sham), so executing an op is one switch and one memory access.
#include "membarrier.hpp"
#include "substitution.hpp"
#include "test.hpp"

#include <cstdint>
#include <vector>

namespace fencelab::hardware {

enum class Action : std::uint8_t {
  store,
  load,
  store_release,
  load_acquire,
  jump_unless,
  jump,
  nothing,
  compiler_barrier,
  smp_mb,
  mfence,
  smp_wmb,
  smp_rmb,
  heavy,      // the configured heavy barrier, timed
  spin,       // busy-wait `ticks`: a fence's duration without its ordering
  mb_spin_mb, // the heavy barrier's sham: the caller keeps its own fences, nobody else gets one
  pad_stores, // `ticks` ordinary stores to lines not in cache, queued ahead of the next test store
};

struct LoweredOp {
  Action action;
  std::int32_t reg;
  std::int32_t target;
  std::size_t offset; // byte offset of the location in instance 0
  Value value;
  std::uint64_t ticks; // spin length for spin and mb_spin_mb
};

struct Program {
  std::vector<LoweredOp> ops;
  int registers = 0;
};

// Where instance k's copy of each location lives: location l of instance k is
// at base + l * region_bytes + k * stride_bytes.
struct InstanceLayout {
  std::size_t instances = 0;
  std::size_t stride_bytes = 0;
  std::size_t region_bytes = 0;
  std::size_t locations = 0;

  std::size_t offset(std::size_t loc, std::size_t instance) const {
    return loc * region_bytes + instance * stride_bytes;
  }
  std::size_t bytes() const { return locations * region_bytes; }
};

InstanceLayout make_layout(const Test &test, std::size_t instances, std::size_t stride_bytes);

// `ticks_per_ns` converts sham durations into the clock's ticks.
Program lower(const ThreadCode &code, const InstanceLayout &layout, const Substitution &substitution,
              double ticks_per_ns);

// Whether the lowered program calls the real heavy barrier.
bool calls_heavy(const Program &p);

// Whether worker `worker` ever calls it: the one thread's program it keeps,
// or, with alternating roles, any of them.
bool worker_calls_heavy(const std::vector<Program> &programs, int worker, bool alternate_roles);

} // namespace fencelab::hardware
