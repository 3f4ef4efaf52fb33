#pragma once
// Builds one thread's flat op list (see test.hpp). A C `if` needs forward jumps
// whose targets are unknown until the branch has been parsed, so jumps name
// labels and finish() patches them into op indices.
#include "test.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace fencelab {

// An `if` condition once parsed: register-equals-constant tests combined with
// !, && and ||, which the reg == value form of jump_unless decides, and any
// other register expression (an index into the thread's pool), which its
// expression form decides.
struct BranchCondition {
  enum class Kind { constant, equals, negation, conjunction, disjunction, expression };
  Kind kind = Kind::constant;
  bool truth = false; // constant
  int reg = -1;       // equals
  Value value = 0;    // equals
  std::vector<BranchCondition> operands;
  int expr = -1; // expression: true when nonzero

  static BranchCondition constant(bool truth) { return {Kind::constant, truth, -1, 0, {}}; }
  static BranchCondition equals(int reg, Value value) { return {Kind::equals, false, reg, value, {}}; }
  static BranchCondition negation(BranchCondition c) { return {Kind::negation, false, -1, 0, {std::move(c)}}; }
  static BranchCondition both(BranchCondition a, BranchCondition b) {
    return {Kind::conjunction, false, -1, 0, {std::move(a), std::move(b)}};
  }
  static BranchCondition either(BranchCondition a, BranchCondition b) {
    return {Kind::disjunction, false, -1, 0, {std::move(a), std::move(b)}};
  }
  static BranchCondition expression(int expr) { return {Kind::expression, false, -1, 0, {}, expr}; }
};

class ThreadBuilder {
public:
  using Label = int;

  Label new_label();
  void place(Label label); // the label names the next op emitted (or the end)
  void emit(const Op &op) { code_.ops.push_back(op); }
  void emit_jump(Label target);
  // Jumps to `target` when `condition` evaluates to `when`, falls through otherwise.
  void emit_branch(const BranchCondition &condition, bool when, Label target);

  // The condition `root` of a parsed expression's pool, in the jump_unless
  // reg == value form wherever it fits; the rest is copied into the pool.
  BranchCondition branch_condition(std::span<const Expr> parsed, int root);
  // Copies the subtree `root` of `parsed` into the thread's pool.
  int add_expr(std::span<const Expr> parsed, int root);

  // Registers are numbered in order of first use, as herd lists them.
  int register_index(std::string_view name);
  std::optional<int> find_register(std::string_view name) const;

  ThreadCode finish();

private:
  void emit_jump_unless(int reg, Value value, Label target);
  void emit_jump_unless_expr(int expr, Label target);

  ThreadCode code_;
  std::vector<int> label_positions_;                           // -1 until placed
  std::vector<std::pair<std::size_t, Label>> pending_targets_; // (op index, label)
};

} // namespace fencelab
