#pragma once
// Builds one thread's flat op list (see test.hpp). A C `if` needs forward jumps
// whose targets are unknown until the branch has been parsed, so jumps name
// labels and finish() patches them into op indices.
#include "test.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace fencelab {

// An `if` condition once parsed: register-equals-constant tests combined with
// !, && and ||, which is exactly what jump_unless and jump can decide.
struct BranchCondition {
  enum class Kind { constant, equals, negation, conjunction, disjunction };
  Kind kind = Kind::constant;
  bool truth = false; // constant
  int reg = -1;       // equals
  Value value = 0;    // equals
  std::vector<BranchCondition> operands;

  static BranchCondition constant(bool truth) { return {Kind::constant, truth, -1, 0, {}}; }
  static BranchCondition equals(int reg, Value value) { return {Kind::equals, false, reg, value, {}}; }
  static BranchCondition negation(BranchCondition c) { return {Kind::negation, false, -1, 0, {std::move(c)}}; }
  static BranchCondition both(BranchCondition a, BranchCondition b) {
    return {Kind::conjunction, false, -1, 0, {std::move(a), std::move(b)}};
  }
  static BranchCondition either(BranchCondition a, BranchCondition b) {
    return {Kind::disjunction, false, -1, 0, {std::move(a), std::move(b)}};
  }
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

  // Registers are numbered in order of first use, as herd lists them.
  int register_index(std::string_view name);
  std::optional<int> find_register(std::string_view name) const;

  ThreadCode finish();

private:
  void emit_jump_unless(int reg, Value value, Label target);

  ThreadCode code_;
  std::vector<int> label_positions_;                           // -1 until placed
  std::vector<std::pair<std::size_t, Label>> pending_targets_; // (op index, label)
};

} // namespace fencelab
