#include "condition_text.hpp"

namespace fencelab {
namespace {

std::string joined(const Test &test, const std::vector<Prop> &ps, const char *op) {
  std::string out;
  for (const auto &p : ps) {
    if (!out.empty())
      out += op;
    bool nested = p.kind == Prop::Kind::conjunction || p.kind == Prop::Kind::disjunction;
    out += nested ? "(" + prop_text(test, p) + ")" : prop_text(test, p);
  }
  return out;
}

// On the right of `=`, a bare location name is its address (`0:r0=x`); its
// final value is written `[x]`, as herd reads it back.
std::string other_slot_text(const Test &test, int slot) {
  std::string name = test.slot_name(slot);
  return name.find(':') == std::string::npos ? "[" + name + "]" : name;
}

} // namespace

std::string value_text(const Test &test, Value value) {
  if (is_address(value) && static_cast<std::size_t>(location_of(value)) < test.locations.size())
    return test.locations[static_cast<std::size_t>(location_of(value))].name;
  return std::to_string(value);
}

std::string prop_text(const Test &test, const Prop &prop) {
  switch (prop.kind) {
  case Prop::Kind::truth:
    return "true";
  case Prop::Kind::atom:
    return test.slot_name(prop.atom.slot) + "=" +
           (prop.atom.other_slot >= 0 ? other_slot_text(test, prop.atom.other_slot) : value_text(test, prop.atom.value));
  case Prop::Kind::negation:
    return "~(" + prop_text(test, prop.operands.front()) + ")";
  case Prop::Kind::conjunction:
    return joined(test, prop.operands, " /\\ ");
  case Prop::Kind::disjunction:
    return joined(test, prop.operands, " \\/ ");
  }
  return "?";
}

std::string condition_text(const Test &test) {
  std::string out;
  if (test.condition.filter.kind != Prop::Kind::truth)
    out = "filter (" + prop_text(test, test.condition.filter) + ") ";
  return out + std::string(to_string(test.condition.quantifier)) + " (" + prop_text(test, test.condition.prop) + ")";
}

std::string outcome_text(const Test &test, const Outcome &outcome) {
  std::string out;
  for (std::size_t slot = 0; slot < outcome.size(); ++slot)
    out += test.slot_name(static_cast<int>(slot)) + "=" + value_text(test, outcome[slot]) + "; ";
  if (!out.empty())
    out.pop_back();
  return out;
}

} // namespace fencelab
