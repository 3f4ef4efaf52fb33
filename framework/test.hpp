#pragma once
// A litmus test as data. Backends interpret it; nothing here is code that runs
// the test. The op list of a thread is flat: `if` is compiled to a conditional
// jump so that every backend interprets one simple instruction stream.
#include "condition.hpp"
#include "enum_names.hpp"
#include "expr.hpp"
#include "fence_kind.hpp"
#include "observation.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace fencelab {

// The address of a store or load is `loc`, or, when `addr_reg` >= 0, the
// location whose address that register holds (`READ_ONCE(*r0)`). When the
// register holds no location's address (it read 0, say, on a path herd would
// discard), every backend reads 0 and stores nothing. A stored value is
// `value`, or, when `expr` >= 0, that expression of the registers.
enum class OpKind {
  store,         // *loc = value            (WRITE_ONCE, or a plain store when `plain`)
  load,          // reg = *loc              (READ_ONCE, or a plain load when `plain`)
  store_release, // smp_store_release(loc, value)
  load_acquire,  // reg = smp_load_acquire(loc)
  fence,         // Fence(kind)
  jump_unless,   // unless the condition holds, goto target; the condition is
                 // `expr` != 0 when expr >= 0, else reg == value
  jump,          // goto target
  assign,        // reg = expr (a register expression; no memory access)
};

constexpr auto enum_names(OpKind) {
  using K = OpKind;
  return std::array<NameOf<K>, 8>{{{K::store, "store"},
                                   {K::load, "load"},
                                   {K::store_release, "store-release"},
                                   {K::load_acquire, "load-acquire"},
                                   {K::fence, "fence"},
                                   {K::jump_unless, "jump-unless"},
                                   {K::jump, "jump"},
                                   {K::assign, "assign"}}};
}

struct Op {
  OpKind kind = OpKind::fence;
  int loc = -1;    // index into Test::locations (when addr_reg < 0)
  int reg = -1;    // index into the thread's registers
  Value value = 0; // stored value, or compared value for jump_unless
  FenceKind fence = FenceKind::none;
  int target = -1; // op index to jump to (may equal ops.size(): the end)
  int expr = -1;     // index into ThreadCode::exprs: stored value, assigned value or branch condition
  int addr_reg = -1; // register holding the accessed location's address
  bool plain = false; // a plain C access (`*x = 1`, `r0 = *x`), not a marked one (ONCE)

  static Op store(int loc, Value v) { return {OpKind::store, loc, -1, v}; }
  static Op load(int loc, int reg) { return {OpKind::load, loc, reg}; }
  static Op store_release(int loc, Value v) { return {OpKind::store_release, loc, -1, v}; }
  static Op load_acquire(int loc, int reg) { return {OpKind::load_acquire, loc, reg}; }
  static Op fence_of(FenceKind k) { return {OpKind::fence, -1, -1, 0, k}; }
  static Op assign(int reg, int expr) { return {OpKind::assign, -1, reg, 0, FenceKind::none, -1, expr}; }
  friend bool operator==(const Op &, const Op &) = default;
};

struct Location {
  std::string name;
  Value init = 0; // may be an address (address_of), as in `{ p=x; }`
};

struct ThreadCode {
  std::vector<Op> ops;
  std::vector<std::string> registers; // names, e.g. "r0"; registers start at 0
  std::vector<Expr> exprs{};          // the pool Op::expr indexes
};

// What a test is expected to show, in herd's words, and who says so.
struct Expectation {
  Observation result = Observation::sometimes;
  std::string source; // e.g. "membarrier(2) table", "LKMM (herd7)"
};

// An Outcome is a flat vector of values: every register of every thread in
// thread order, then the final value of each observed location.
using Outcome = std::vector<Value>;

struct Test {
  std::string name;
  std::string description;
  std::vector<Location> locations;
  std::vector<ThreadCode> threads;
  std::vector<int> observed_locations; // indices into `locations`, shown in outcomes
  Condition condition;
  std::optional<Expectation> expectation;

  int register_count() const;
  int outcome_size() const { return register_count() + static_cast<int>(observed_locations.size()); }
  int register_slot(int thread, int reg) const;
  int location_slot(int loc) const; // -1 when the location is not observed
  std::string slot_name(int slot) const; // "0:r0" or "x"
  bool uses_fence(FenceKind kind) const;
};

} // namespace fencelab
