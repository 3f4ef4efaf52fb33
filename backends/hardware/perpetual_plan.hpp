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
// Both threads run a chunk over the same span of time (the one that finishes
// its iterations first stops the other). One observed outcome is one pair in
// a largest set of *disjoint* pairs that complete the condition: no
// iteration of either thread is counted twice, so correlated pairs (one slow
// heavy-barrier iteration against many fast light ones) count once, and a
// trial is a pair that could have been one of them (the shorter thread's
// iterations). Batch mode pairs instance k only with instance k, so on the
// same execution it sees a subset of these pairs.
//
// Why a pair is evidence: it is the test's cycle in which a reads-from edge
// may come from a later store of the same writer, which only adds program
// order after the test's own fences; so an outcome the test forbids stays
// forbidden for every pair (the argument of PerpLE).
//
// It applies to tests with two threads, straight-line code (no branches),
// every location written by at most one thread and at most once per
// iteration, with a value other than its initial one, every register loaded
// exactly once, no observed final values, no filter, and a condition that is
// one equality per register, joined by /\ (SB, MP, LB, S, R and friends),
// and only constant values at constant locations, marked accesses only (no
// register expressions, no access through a register, no plain access, no
// location initialised to an address): the rest runs in batch mode.
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

// What perpetual mode logs of a read: the sequence number's low 32 bits,
// half the bytes to write in the hot loop and to fetch from the other core
// when counting. A read in a chunk sees the other thread's last store from
// before the chunk (the rendezvous orders it before the read) or one of the
// chunk's, so it lies within chunk + 1 values of the other thread's base, and
// its low bits name it (--chunk is at most 2^22).
using LoggedRead = std::uint32_t;

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
