#pragma once
// Register expressions, as herd's C litmus tests write them: the right-hand
// side of `r1 = (r0 != 0)`, a stored value that depends on a read
// (`WRITE_ONCE(*y, r0 + 1)`), or an `if` condition. An expression is a small
// tree kept in its thread's pool (ThreadCode::exprs), children before parents,
// so that a backend evaluates it without allocating and the LKMM model can see
// which registers (and so which reads) a value depends on.
#include "condition.hpp"
#include "enum_names.hpp"

#include <array>
#include <span>
#include <vector>

namespace fencelab {

enum class ExprKind {
  constant,   // value
  reg,        // the thread's register `reg`
  negate,     // -lhs
  bit_not,    // ~lhs
  logical_not, // !lhs
  add, sub, mul, div, mod,
  bit_and, bit_or, bit_xor, shift_left, shift_right,
  equal, not_equal, less, less_equal, greater, greater_equal,
  logical_and, logical_or, // both operands are evaluated (no side effects)
};

constexpr auto enum_names(ExprKind) {
  using K = ExprKind;
  return std::array<NameOf<K>, 23>{{{K::constant, "constant"}, {K::reg, "reg"},      {K::negate, "-"},
                                    {K::bit_not, "~"},         {K::logical_not, "!"}, {K::add, "+"},
                                    {K::sub, "-"},             {K::mul, "*"},         {K::div, "/"},
                                    {K::mod, "%"},             {K::bit_and, "&"},     {K::bit_or, "|"},
                                    {K::bit_xor, "^"},         {K::shift_left, "<<"}, {K::shift_right, ">>"},
                                    {K::equal, "=="},          {K::not_equal, "!="},  {K::less, "<"},
                                    {K::less_equal, "<="},     {K::greater, ">"},     {K::greater_equal, ">="},
                                    {K::logical_and, "&&"},    {K::logical_or, "||"}}};
}

struct Expr {
  ExprKind kind = ExprKind::constant;
  Value value = 0; // constant
  int reg = -1;    // reg
  int lhs = -1;    // index into the pool; unary operators use lhs only
  int rhs = -1;
  friend bool operator==(const Expr &, const Expr &) = default;
};

// C semantics on 64-bit values; division or remainder by zero and shifts
// outside 0..63 give 0 (a litmus test that relies on them is ill-formed, and
// no backend may trap on it).
Value evaluate(std::span<const Expr> pool, int root, std::span<const Value> registers);

// Appends every register `root` reads (with repeats) to `out`.
void registers_read(std::span<const Expr> pool, int root, std::vector<int> &out);

// Shared locations may be values: a register can hold `&x` and be
// dereferenced (`READ_ONCE(*r0)`). An address is a tagged Value far above any
// constant a litmus test uses, so that outcomes and conditions compare it like
// any other value and reports print it as the location's name.
inline constexpr Value address_tag = Value{1} << 40;
inline constexpr int max_locations = 1 << 20;
constexpr Value address_of(int location) { return address_tag + location; }
constexpr bool is_address(Value v) { return v >= address_tag && v < address_tag + max_locations; }
constexpr int location_of(Value v) { return static_cast<int>(v - address_tag); }

} // namespace fencelab
