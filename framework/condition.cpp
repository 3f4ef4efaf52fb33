#include "condition.hpp"

#include <algorithm>

namespace fencelab {

bool Prop::holds(std::span<const Value> outcome) const {
  switch (kind) {
  case Kind::truth:
    return true;
  case Kind::atom: {
    Value right = atom.other_slot >= 0 ? outcome[static_cast<std::size_t>(atom.other_slot)] : atom.value;
    return outcome[static_cast<std::size_t>(atom.slot)] == right;
  }
  case Kind::negation:
    return !operands.front().holds(outcome);
  case Kind::conjunction:
    return std::all_of(operands.begin(), operands.end(), [&](const Prop &p) { return p.holds(outcome); });
  case Kind::disjunction:
    return std::any_of(operands.begin(), operands.end(), [&](const Prop &p) { return p.holds(outcome); });
  }
  return false;
}

bool Condition::validated(std::uint64_t positive, std::uint64_t negative) const {
  switch (quantifier) {
  case Quantifier::exists:
    return positive > 0;
  case Quantifier::not_exists:
    return positive == 0;
  case Quantifier::forall:
    return negative == 0;
  }
  return false;
}

} // namespace fencelab
