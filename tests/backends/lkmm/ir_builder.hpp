#pragma once
// Builds Tests with the constructs the parser does not produce yet: stored
// expressions (data dependencies), address registers (address dependencies),
// expression branches and plain accesses.
#include "test.hpp"

#include <initializer_list>
#include <string>
#include <utility>

namespace fencelab::lkmm::tests {

class ThreadWriter {
public:
  explicit ThreadWriter(std::initializer_list<const char *> registers) {
    for (const char *r : registers)
      code_.registers.emplace_back(r);
  }

  int reg(int r) { return push({ExprKind::reg, 0, r}); }
  int constant(Value v) { return push({ExprKind::constant, v}); }
  int binary(ExprKind k, int lhs, int rhs) { return push({k, 0, -1, lhs, rhs}); }

  ThreadWriter &store(int loc, Value v, bool plain = false) {
    Op op = Op::store(loc, v);
    op.plain = plain;
    return emit(op);
  }
  ThreadWriter &store_expr(int loc, int expr, bool plain = false) {
    Op op = Op::store(loc, 0);
    op.expr = expr;
    op.plain = plain;
    return emit(op);
  }
  ThreadWriter &store_release_expr(int loc, int expr) {
    Op op = Op::store_release(loc, 0);
    op.expr = expr;
    return emit(op);
  }
  ThreadWriter &load(int loc, int r, bool plain = false) {
    Op op = Op::load(loc, r);
    op.plain = plain;
    return emit(op);
  }
  ThreadWriter &load_through(int addr_reg, int r) {
    Op op = Op::load(-1, r);
    op.addr_reg = addr_reg;
    return emit(op);
  }
  ThreadWriter &raw(Op op) { return emit(op); }
  // if (expr) { <the next `length` ops> }
  ThreadWriter &if_then(int expr, int length) {
    Op op;
    op.kind = OpKind::jump_unless;
    op.expr = expr;
    op.target = static_cast<int>(code_.ops.size()) + 1 + length;
    return emit(op);
  }
  ThreadCode done() { return std::move(code_); }

private:
  int push(Expr e) {
    code_.exprs.push_back(e);
    return static_cast<int>(code_.exprs.size()) - 1;
  }
  ThreadWriter &emit(Op op) {
    code_.ops.push_back(op);
    return *this;
  }
  ThreadCode code_;
};

} // namespace fencelab::lkmm::tests
