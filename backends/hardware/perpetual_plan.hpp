#pragma once
// What perpetual mode needs to know about a test, and whether it applies.
//
// In perpetual mode each thread runs its ops over and over; in its n-th
// iteration (n = 1, 2, ...) every store writes n instead of its constant, and
// every load is logged. A location has a single writer, so a value read names
// the writer's iteration, and by coherence "iteration j's store was seen" is
// "the value read is >= j". The condition's outcome then holds for a pair of
// iterations (i of thread 0, j of thread 1) when each register reads "seen"
// or "not seen" as the condition asks.
//
// One observed outcome is one iteration i of thread 0 (the anchor) for which
// some iteration j of thread 1 in the same chunk completes the condition: an
// anchor counts at most once however many partners it has, so correlated
// pairs are not counted twice. Batch mode pairs instance k only with instance
// k, so on the same execution it sees a subset of these pairs.
//
// It applies to tests with two threads, straight-line code (no branches),
// every location written by at most one thread and at most once per
// iteration, with a value other than its initial one, every register loaded
// exactly once, no observed final values, no filter, and a condition that is
// one equality per register, joined by /\ (SB, MP, LB, S, R and friends).
#include "test.hpp"

#include <string>
#include <variant>
#include <vector>

namespace fencelab::hardware {

// A register's part of the condition that depends on the other thread:
// whether it must have seen the other thread's store of the paired iteration.
struct SeenConstraint {
  int reg = 0;      // the reading thread's register, also its log column
  bool seen = true; // false: it must still read an older value
};

// Registers per thread perpetual mode takes, so that counting needs no allocation.
inline constexpr std::size_t max_perpetual_registers = 16;

struct PerpetualPlan {
  std::vector<SeenConstraint> anchor;  // thread 0 reading thread 1's locations
  std::vector<SeenConstraint> partner; // thread 1 reading thread 0's locations
  // False when a part of the condition that does not depend on timing (a
  // register reading its own thread's store, or an unwritten location) can
  // never hold: the count is then 0 by construction.
  bool possible = true;
  Outcome positive; // the outcome the condition names, every register given
};

// The plan, or why perpetual mode does not apply to `test`.
std::variant<PerpetualPlan, std::string> plan_perpetual(const Test &test);

} // namespace fencelab::hardware
