#pragma once
// The final condition of a litmus test, herd style: a quantifier over a
// proposition built from equalities on registers and final memory.
#include "enum_names.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace fencelab {

using Value = std::int64_t;

enum class Quantifier { exists, not_exists, forall };

constexpr auto enum_names(Quantifier) {
  using Q = Quantifier;
  return std::array<NameOf<Q>, 3>{{{Q::exists, "exists"}, {Q::not_exists, "~exists"}, {Q::forall, "forall"}}};
}

// An equality `slot = value`, where slot is a position in an Outcome (see
// Test), or, when other_slot >= 0, `slot = other_slot` (herd's `0:r0=1:r0`),
// and value is unused.
struct Atom {
  int slot = 0;
  Value value = 0;
  int other_slot = -1;
  friend bool operator==(const Atom &, const Atom &) = default;
};

struct Prop {
  enum class Kind { truth, atom, negation, conjunction, disjunction };
  Kind kind = Kind::truth;
  Atom atom{};
  std::vector<Prop> operands;

  static Prop truth() { return {}; }
  static Prop equals(int slot, Value value) { return {Kind::atom, {slot, value, -1}, {}}; }
  static Prop same(int slot, int other_slot) { return {Kind::atom, {slot, 0, other_slot}, {}}; }
  static Prop negation(Prop p) { return {Kind::negation, {}, {std::move(p)}}; }
  static Prop conjunction(std::vector<Prop> ps) { return {Kind::conjunction, {}, std::move(ps)}; }
  static Prop disjunction(std::vector<Prop> ps) { return {Kind::disjunction, {}, std::move(ps)}; }

  bool holds(std::span<const Value> outcome) const;
  friend bool operator==(const Prop &, const Prop &) = default;
};

struct Condition {
  Quantifier quantifier = Quantifier::exists;
  Prop prop;
  Prop filter; // herd's `filter`: outcomes failing it are not counted at all

  // Whether the whole condition is validated by `positive` outcomes satisfying
  // the proposition and `negative` ones not satisfying it.
  bool validated(std::uint64_t positive, std::uint64_t negative) const;
};

} // namespace fencelab
