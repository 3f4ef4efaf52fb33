#include "thread_builder.hpp"

#include "expr_parser.hpp"

#include <algorithm>
#include <stdexcept>

namespace fencelab {

ThreadBuilder::Label ThreadBuilder::new_label() {
  label_positions_.push_back(-1);
  return static_cast<Label>(label_positions_.size() - 1);
}

void ThreadBuilder::place(Label label) {
  label_positions_[static_cast<std::size_t>(label)] = static_cast<int>(code_.ops.size());
}

void ThreadBuilder::emit_jump(Label target) {
  Op op;
  op.kind = OpKind::jump;
  pending_targets_.emplace_back(code_.ops.size(), target);
  emit(op);
}

void ThreadBuilder::emit_jump_unless(int reg, Value value, Label target) {
  Op op;
  op.kind = OpKind::jump_unless;
  op.reg = reg;
  op.value = value;
  pending_targets_.emplace_back(code_.ops.size(), target);
  emit(op);
}

void ThreadBuilder::emit_jump_unless_expr(int expr, Label target) {
  Op op;
  op.kind = OpKind::jump_unless;
  op.expr = expr;
  pending_targets_.emplace_back(code_.ops.size(), target);
  emit(op);
}

// Short-circuit evaluation with the only test the Op form has: "jump if
// reg != value". Jumping when an equality holds therefore needs a hop over an
// unconditional jump.
void ThreadBuilder::emit_branch(const BranchCondition &condition, bool when, Label target) {
  using K = BranchCondition::Kind;
  switch (condition.kind) {
  case K::constant:
    if (condition.truth == when)
      emit_jump(target);
    return;
  case K::equals:
    if (!when) {
      emit_jump_unless(condition.reg, condition.value, target);
    } else {
      Label unequal = new_label();
      emit_jump_unless(condition.reg, condition.value, unequal);
      emit_jump(target);
      place(unequal);
    }
    return;
  case K::expression:
    if (!when) {
      emit_jump_unless_expr(condition.expr, target);
    } else {
      Label unequal = new_label();
      emit_jump_unless_expr(condition.expr, unequal);
      emit_jump(target);
      place(unequal);
    }
    return;
  case K::negation:
    emit_branch(condition.operands.front(), !when, target);
    return;
  case K::conjunction:
  case K::disjunction: {
    // For && jumping on false (|| on true) either operand decides alone;
    // otherwise the first operand can only rule the jump out.
    bool decisive = condition.kind == K::conjunction ? false : true;
    const auto &a = condition.operands[0];
    const auto &b = condition.operands[1];
    if (when == decisive) {
      emit_branch(a, when, target);
      emit_branch(b, when, target);
    } else {
      Label skip = new_label();
      emit_branch(a, decisive, skip);
      emit_branch(b, when, target);
      place(skip);
    }
    return;
  }
  }
}

int ThreadBuilder::add_expr(std::span<const Expr> parsed, int root) { return copy_expr(parsed, root, code_.exprs); }

BranchCondition ThreadBuilder::branch_condition(std::span<const Expr> parsed, int root) {
  const Expr &e = parsed[static_cast<std::size_t>(root)];
  auto leaf = [&](int i) -> const Expr & { return parsed[static_cast<std::size_t>(i)]; };
  using K = ExprKind;
  switch (e.kind) {
  case K::constant:
    return BranchCondition::constant(e.value != 0);
  case K::reg: // C truth: nonzero
    return BranchCondition::negation(BranchCondition::equals(e.reg, 0));
  case K::logical_not:
    return BranchCondition::negation(branch_condition(parsed, e.lhs));
  case K::logical_and:
    return BranchCondition::both(branch_condition(parsed, e.lhs), branch_condition(parsed, e.rhs));
  case K::logical_or:
    return BranchCondition::either(branch_condition(parsed, e.lhs), branch_condition(parsed, e.rhs));
  case K::equal:
  case K::not_equal: {
    const Expr &a = leaf(e.lhs), &b = leaf(e.rhs);
    std::optional<BranchCondition> equals;
    if (a.kind == K::reg && b.kind == K::constant)
      equals = BranchCondition::equals(a.reg, b.value);
    else if (a.kind == K::constant && b.kind == K::reg)
      equals = BranchCondition::equals(b.reg, a.value);
    if (equals)
      return e.kind == K::equal ? std::move(*equals) : BranchCondition::negation(std::move(*equals));
    break;
  }
  default:
    break;
  }
  return BranchCondition::expression(add_expr(parsed, root));
}

int ThreadBuilder::register_index(std::string_view name) {
  if (auto found = find_register(name))
    return *found;
  code_.registers.emplace_back(name);
  return static_cast<int>(code_.registers.size() - 1);
}

std::optional<int> ThreadBuilder::find_register(std::string_view name) const {
  auto it = std::find(code_.registers.begin(), code_.registers.end(), name);
  if (it == code_.registers.end())
    return std::nullopt;
  return static_cast<int>(it - code_.registers.begin());
}

ThreadCode ThreadBuilder::finish() {
  for (auto [op, label] : pending_targets_) {
    int position = label_positions_[static_cast<std::size_t>(label)];
    if (position < 0)
      throw std::logic_error("ThreadBuilder: jump to a label never placed");
    code_.ops[op].target = position;
  }
  pending_targets_.clear();
  return std::move(code_);
}

} // namespace fencelab
