#include "perpetual_plan.hpp"

#include <map>
#include <optional>
#include <string>

namespace fencelab::hardware {
namespace {

// The condition's equalities, one per outcome slot, or nullopt when it is not
// a plain conjunction of equalities with constants.
std::optional<std::map<int, Value>> equalities(const Prop &p) {
  std::map<int, Value> out;
  auto add = [&](const Prop &atom) {
    if (atom.atom.other_slot >= 0) // two slots compared: no single value to wait for
      return false;
    auto [it, fresh] = out.emplace(atom.atom.slot, atom.atom.value);
    return fresh || it->second == atom.atom.value;
  };
  if (p.kind == Prop::Kind::atom)
    return add(p) ? std::optional(out) : std::nullopt;
  if (p.kind != Prop::Kind::conjunction)
    return std::nullopt;
  for (const Prop &operand : p.operands)
    if (operand.kind != Prop::Kind::atom || !add(operand))
      return std::nullopt;
  return out;
}

// Sequence numbers replace stored constants, so a value computed at run time
// (a register expression, an address) has nothing to count against.
std::optional<std::string> why_not_counted(const Op &op) {
  if (op.kind == OpKind::assign || op.expr >= 0)
    return "the test computes values from registers, which perpetual mode does not replay";
  if (op.addr_reg >= 0)
    return "the test accesses a location through a register";
  if (op.plain)
    return "the test has plain accesses";
  return std::nullopt;
}

struct Access {
  int thread = -1;
  std::size_t index = 0; // position in the thread's op list
};

} // namespace

std::variant<PerpetualPlan, std::string> plan_perpetual(const Test &test) {
  if (test.threads.size() != 2)
    return "perpetual mode infers outcomes for two threads; this test has " + std::to_string(test.threads.size());
  if (!test.observed_locations.empty())
    return "the condition reads final memory, which perpetual mode does not keep";
  if (test.condition.filter.kind != Prop::Kind::truth)
    return "the test has a filter";
  auto wanted = equalities(test.condition.prop);
  if (!wanted)
    return "the condition is not a conjunction of register equalities";

  for (const Location &loc : test.locations)
    if (is_address(loc.init))
      return "location " + loc.name + " holds an address";
  std::vector<std::optional<Access>> writer(test.locations.size());
  std::vector<std::vector<std::optional<std::size_t>>> load_of(test.threads.size()); // per register: op index
  for (int th = 0; th < 2; ++th) {
    const auto &code = test.threads[static_cast<std::size_t>(th)];
    if (code.registers.size() > max_perpetual_registers)
      return "a thread has more than " + std::to_string(max_perpetual_registers) + " registers";
    load_of[static_cast<std::size_t>(th)].resize(code.registers.size());
    for (std::size_t k = 0; k < code.ops.size(); ++k) {
      const Op &op = code.ops[k];
      if (auto why = why_not_counted(op))
        return *why;
      switch (op.kind) {
      case OpKind::jump:
      case OpKind::jump_unless:
        return "the test branches";
      case OpKind::assign: // refused by why_not_counted
        break;
      case OpKind::fence:
        break;
      case OpKind::store:
      case OpKind::store_release: {
        auto &w = writer[static_cast<std::size_t>(op.loc)];
        if (w)
          return "location " + test.locations[static_cast<std::size_t>(op.loc)].name + " is written more than once";
        if (op.value == test.locations[static_cast<std::size_t>(op.loc)].init)
          return "a store to " + test.locations[static_cast<std::size_t>(op.loc)].name + " writes its initial value";
        w = Access{th, k};
        break;
      }
      case OpKind::load:
      case OpKind::load_acquire: {
        auto &l = load_of[static_cast<std::size_t>(th)][static_cast<std::size_t>(op.reg)];
        if (l)
          return "register " + code.registers[static_cast<std::size_t>(op.reg)] + " is loaded more than once";
        l = k;
        break;
      }
      }
    }
  }

  PerpetualPlan plan;
  plan.positive.assign(static_cast<std::size_t>(test.outcome_size()), 0);
  for (int th = 0; th < 2; ++th) {
    const auto &code = test.threads[static_cast<std::size_t>(th)];
    for (int reg = 0; reg < static_cast<int>(code.registers.size()); ++reg) {
      int slot = test.register_slot(th, reg);
      auto it = wanted->find(slot);
      if (it == wanted->end())
        return "the condition does not give register " + test.slot_name(slot) +
               ", and perpetual mode records only the condition's outcome";
      plan.positive[static_cast<std::size_t>(slot)] = it->second;
      const auto &load = load_of[static_cast<std::size_t>(th)][static_cast<std::size_t>(reg)];
      if (!load) { // never loaded: reads as 0, as in herd
        plan.possible = plan.possible && it->second == 0;
        continue;
      }
      const Op &op = code.ops[*load];
      const Location &loc = test.locations[static_cast<std::size_t>(op.loc)];
      const auto &w = writer[static_cast<std::size_t>(op.loc)];
      Value stored = w ? test.threads[static_cast<std::size_t>(w->thread)].ops[w->index].value : loc.init;
      bool seen = it->second == stored;
      if (!seen && it->second != loc.init) {
        plan.possible = false; // a value nobody writes
        continue;
      }
      if (!w) // nobody writes it: only the initial value can be read
        continue;
      if (w->thread == th) {
        // A thread's own single-writer location reads its latest store in
        // program order (coherence), whatever the timing.
        plan.possible = plan.possible && seen == (w->index < *load);
        continue;
      }
      (th == 0 ? plan.anchor : plan.partner).push_back({reg, seen});
    }
  }
  for (const auto &[slot, value] : *wanted)
    if (slot >= test.register_count())
      return "the condition reads final memory, which perpetual mode does not keep";
  return plan;
}

} // namespace fencelab::hardware
