#include "expr.hpp"

namespace fencelab {

Value evaluate(std::span<const Expr> pool, int root, std::span<const Value> registers) {
  const Expr &e = pool[static_cast<std::size_t>(root)];
  auto sub = [&](int i) { return evaluate(pool, i, registers); };
  using K = ExprKind;
  switch (e.kind) {
  case K::constant:
    return e.value;
  case K::reg:
    return registers[static_cast<std::size_t>(e.reg)];
  case K::negate:
    return static_cast<Value>(0ULL - static_cast<unsigned long long>(sub(e.lhs)));
  case K::bit_not:
    return ~sub(e.lhs);
  case K::logical_not:
    return sub(e.lhs) == 0;
  default:
    break;
  }
  // Unsigned arithmetic: wrap-around is defined, as in the kernel's C.
  const Value a = sub(e.lhs), b = sub(e.rhs);
  const auto ua = static_cast<unsigned long long>(a), ub = static_cast<unsigned long long>(b);
  switch (e.kind) {
  case K::add:
    return static_cast<Value>(ua + ub);
  case K::sub:
    return static_cast<Value>(ua - ub);
  case K::mul:
    return static_cast<Value>(ua * ub);
  case K::div:
    return (b == 0 || (b == -1 && a == INT64_MIN)) ? 0 : a / b;
  case K::mod:
    return (b == 0 || b == -1) ? 0 : a % b;
  case K::bit_and:
    return a & b;
  case K::bit_or:
    return a | b;
  case K::bit_xor:
    return a ^ b;
  case K::shift_left:
    return (b < 0 || b > 63) ? 0 : static_cast<Value>(ua << b);
  case K::shift_right:
    return (b < 0 || b > 63) ? 0 : a >> b;
  case K::equal:
    return a == b;
  case K::not_equal:
    return a != b;
  case K::less:
    return a < b;
  case K::less_equal:
    return a <= b;
  case K::greater:
    return a > b;
  case K::greater_equal:
    return a >= b;
  case K::logical_and:
    return a != 0 && b != 0;
  case K::logical_or:
    return a != 0 || b != 0;
  default:
    return 0;
  }
}

void registers_read(std::span<const Expr> pool, int root, std::vector<int> &out) {
  const Expr &e = pool[static_cast<std::size_t>(root)];
  if (e.kind == ExprKind::reg)
    out.push_back(e.reg);
  if (e.lhs >= 0)
    registers_read(pool, e.lhs, out);
  if (e.rhs >= 0)
    registers_read(pool, e.rhs, out);
}

} // namespace fencelab
