#include "test_invariants.hpp"

#include <string>

namespace fencelab::fuzz {
namespace {

using Problem = std::optional<std::string>;

bool in_range(int index, std::size_t size) { return index >= 0 && static_cast<std::size_t>(index) < size; }

// Children before parents: a node's operands have smaller indices, so a
// backend's evaluation cannot loop.
Problem check_pool(const ThreadCode &code) {
  for (std::size_t i = 0; i < code.exprs.size(); ++i) {
    const Expr &e = code.exprs[i];
    std::string where = "expr " + std::to_string(i);
    if (e.kind == ExprKind::reg && !in_range(e.reg, code.registers.size()))
      return where + " reads register " + std::to_string(e.reg);
    if (e.kind == ExprKind::constant || e.kind == ExprKind::reg)
      continue;
    if (!in_range(e.lhs, i))
      return where + " has left operand " + std::to_string(e.lhs);
    bool unary = e.kind == ExprKind::negate || e.kind == ExprKind::bit_not || e.kind == ExprKind::logical_not;
    if (!unary && !in_range(e.rhs, i))
      return where + " has right operand " + std::to_string(e.rhs);
  }
  return std::nullopt;
}

Problem check_op(const Test &test, const ThreadCode &code, const Op &op) {
  bool access = op.kind == OpKind::store || op.kind == OpKind::load || op.kind == OpKind::store_release ||
                op.kind == OpKind::load_acquire;
  if (access && op.addr_reg < 0 && !in_range(op.loc, test.locations.size()))
    return "access to location " + std::to_string(op.loc);
  if (access && op.addr_reg >= 0 && !in_range(op.addr_reg, code.registers.size()))
    return "access through register " + std::to_string(op.addr_reg);
  bool writes_reg = op.kind == OpKind::load || op.kind == OpKind::load_acquire || op.kind == OpKind::assign;
  if (writes_reg && !in_range(op.reg, code.registers.size()))
    return "write to register " + std::to_string(op.reg);
  if (op.kind == OpKind::jump_unless && op.expr < 0 && !in_range(op.reg, code.registers.size()))
    return "branch on register " + std::to_string(op.reg);
  if ((op.kind == OpKind::jump || op.kind == OpKind::jump_unless) && !in_range(op.target, code.ops.size() + 1))
    return "jump to " + std::to_string(op.target);
  if (op.expr >= 0 && !in_range(op.expr, code.exprs.size()))
    return "expression " + std::to_string(op.expr);
  if (op.kind == OpKind::assign && op.expr < 0)
    return "assign without an expression";
  return std::nullopt;
}

Problem check_prop(const Prop &p, int slots) {
  if (p.kind == Prop::Kind::atom) {
    if (!in_range(p.atom.slot, static_cast<std::size_t>(slots)))
      return "condition slot " + std::to_string(p.atom.slot);
    if (p.atom.other_slot >= slots)
      return "condition slot " + std::to_string(p.atom.other_slot);
  }
  if (p.kind == Prop::Kind::negation && p.operands.size() != 1)
    return "negation of " + std::to_string(p.operands.size()) + " propositions";
  for (const auto &operand : p.operands)
    if (auto problem = check_prop(operand, slots))
      return problem;
  return std::nullopt;
}

} // namespace

std::optional<std::string> first_broken_invariant(const Test &test) {
  for (std::size_t t = 0; t < test.threads.size(); ++t) {
    const ThreadCode &code = test.threads[t];
    std::string where = "P" + std::to_string(t) + ": ";
    if (auto problem = check_pool(code))
      return where + *problem;
    for (std::size_t i = 0; i < code.ops.size(); ++i)
      if (auto problem = check_op(test, code, code.ops[i]))
        return where + "op " + std::to_string(i) + ": " + *problem;
  }
  for (int loc : test.observed_locations)
    if (!in_range(loc, test.locations.size()))
      return "observed location " + std::to_string(loc);
  for (const auto &location : test.locations)
    if (is_address(location.init) && !in_range(location_of(location.init), test.locations.size()))
      return "location " + location.name + " holds the address of location " +
             std::to_string(location_of(location.init));
  if (auto problem = check_prop(test.condition.prop, test.outcome_size()))
    return problem;
  return check_prop(test.condition.filter, test.outcome_size());
}

} // namespace fencelab::fuzz
