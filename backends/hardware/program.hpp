#pragma once
// A thread's op list lowered for the hot loop: byte offsets instead of
// location indices, and each fence resolved to what actually runs (itself, a
// plant or a sham), so executing an op is one switch and one memory access.
// Accesses whose address or stored value is computed at run time (through a
// register holding an address, or a register expression) get actions of
// their own, so that the constant forms keep their branch-free paths.
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
  cpu_fence,        // the fence layer's instruction for `fence` (platform::run_fence)
  heavy,            // the configured heavy barrier, timed
  spin,             // busy-wait `ticks`: a fence's duration without its ordering
  mb_spin_mb,       // the heavy barrier's sham: the caller keeps its own fences, nobody else gets one
  pad_stores,       // `ticks` ordinary stores to lines not in cache, queued ahead of the next test store
  computed,         // `access` (store, load, store_release or load_acquire) through addr_reg and/or of expr
  assign,           // reg = expr
  jump_unless_expr, // if expr == 0, goto target
};

struct LoweredOp {
  Action action;
  std::int32_t reg;
  std::int32_t target;
  std::size_t offset; // byte offset of the location in instance 0
  Value value;
  std::uint64_t ticks; // spin length for spin and mb_spin_mb
  FenceKind fence = FenceKind::none; // for cpu_fence only
  // For computed, assign and jump_unless_expr only:
  Action access = Action::nothing;
  std::int32_t addr_reg = -1;   // the register holding the accessed location's address, or -1: `offset`
  std::int32_t expr = -1;       // the stored or assigned value's root in `exprs`, or -1: `value`
  const Expr *exprs = nullptr;  // the program's pool (children before parents)
  std::size_t region_bytes = 0; // from location l's copies to l + 1's (InstanceLayout)
  std::size_t locations = 0;    // an address value at or past this is no location's
};

// The ops point into `exprs`: a Program may be moved (a vector keeps its
// buffer), never copied.
struct Program {
  Program() = default;
  Program(Program &&) = default;
  Program &operator=(Program &&) = default;
  Program(const Program &) = delete;
  Program &operator=(const Program &) = delete;

  std::vector<LoweredOp> ops;
  int registers = 0;
  std::vector<Expr> exprs;
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
