#pragma once
// A litmus test as data. Backends interpret it; nothing here is code that runs
// the test. The op list of a thread is flat: `if` is compiled to a conditional
// jump so that every backend interprets one simple instruction stream.
#include "condition.hpp"
#include "enum_names.hpp"
#include "fence_kind.hpp"
#include "observation.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace fencelab {

enum class OpKind {
  store,         // *loc = value            (relaxed, one instruction)
  load,          // reg = *loc              (relaxed, one instruction)
  store_release, // smp_store_release(loc, value)
  load_acquire,  // reg = smp_load_acquire(loc)
  fence,         // Fence(kind)
  jump_unless,   // if (reg != value) goto target
  jump,          // goto target
};

constexpr auto enum_names(OpKind) {
  using K = OpKind;
  return std::array<NameOf<K>, 7>{{{K::store, "store"},
                                   {K::load, "load"},
                                   {K::store_release, "store-release"},
                                   {K::load_acquire, "load-acquire"},
                                   {K::fence, "fence"},
                                   {K::jump_unless, "jump-unless"},
                                   {K::jump, "jump"}}};
}

struct Op {
  OpKind kind = OpKind::fence;
  int loc = -1;    // index into Test::locations
  int reg = -1;    // index into the thread's registers
  Value value = 0; // stored value, or compared value for jump_unless
  FenceKind fence = FenceKind::none;
  int target = -1; // op index to jump to (may equal ops.size(): the end)

  static Op store(int loc, Value v) { return {OpKind::store, loc, -1, v}; }
  static Op load(int loc, int reg) { return {OpKind::load, loc, reg}; }
  static Op store_release(int loc, Value v) { return {OpKind::store_release, loc, -1, v}; }
  static Op load_acquire(int loc, int reg) { return {OpKind::load_acquire, loc, reg}; }
  static Op fence_of(FenceKind k) { return {OpKind::fence, -1, -1, 0, k}; }
  friend bool operator==(const Op &, const Op &) = default;
};

struct Location {
  std::string name;
  Value init = 0;
};

struct ThreadCode {
  std::vector<Op> ops;
  std::vector<std::string> registers; // names, e.g. "r0"; registers start at 0
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
