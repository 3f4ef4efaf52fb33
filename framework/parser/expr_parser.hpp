#pragma once
// C expressions of herd's thread code: constants, registers, shared locations
// (a parameter's name, or `&x`, is that location's address), casts (ignored:
// every value is a 64-bit integer) and C's unary and binary operators with C's
// precedence. Parsed into a scratch pool (children before parents); constant
// subtrees are folded, so `-1` and `x + 0` are single constants.
//
// A load (READ_ONCE, smp_load_acquire, a plain `*p`) is not an expression
// node: the caller decides through `on_load` whether one may appear, parses
// its address and returns the leaf standing for its value (a register).
#include "expr.hpp"
#include "parse_context.hpp"

#include <functional>
#include <span>
#include <vector>

namespace fencelab {

enum class LoadForm { once, acquire, plain };

struct ExprHooks {
  // A name in an expression: a register leaf or a constant (a location's
  // address). Throws for an unknown name.
  std::function<Expr(const Token &name)> name;
  // Called with the load's first token (the function name, or `*` of a plain
  // load), which is already consumed; parses the rest of the load and returns
  // the leaf for its value. Loads are met left to right.
  std::function<Expr(const Token &at, LoadForm form)> on_load;
};

struct ParsedExpr {
  std::vector<Expr> pool;
  int root = -1;
  bool is_constant() const { return pool[static_cast<std::size_t>(root)].kind == ExprKind::constant; }
};

ParsedExpr parse_expression(ParseContext &ctx, const ExprHooks &hooks);

// Copies the subtree at `root` of `from` to the end of `to`; returns its root there.
int copy_expr(std::span<const Expr> from, int root, std::vector<Expr> &to);

// Consumes `( type words and stars )` when a `(` followed by a type word is
// next; the `(` is consumed by the caller, who saw it. Used for casts.
void skip_cast_rest(ParseContext &ctx);

} // namespace fencelab
