#pragma once
// The location operand of an access: a parameter (`x`), or a register holding
// a location's address (`r0`), maybe cast or parenthesised; READ_ONCE and
// WRITE_ONCE take it dereferenced (`*x`), the acquire and release forms not.
#include "expr_parser.hpp"
#include "parse_context.hpp"
#include "thread_scope.hpp"

namespace fencelab {

struct Address {
  int loc = -1;
  int addr_reg = -1;
};

// Whether `t` is a C operator that may follow an operand (`+`, `->`, `?`, ...).
bool is_c_operator(const Token &t);

// A store or load of `kind` at `address`.
Op access(OpKind kind, Address address);

class AccessParser {
public:
  AccessParser(ParseContext &ctx, ThreadScope &scope, ThreadBuilder &code) : ctx_(ctx), scope_(scope), code_(code) {}

  Address parse_address();
  // A call's first argument: an operator after it is an 'address expression'.
  Address parse_call_address(bool dereferenced);
  // The rest of a load whose first token (the function, or `*`) is consumed.
  Address parse_load_rest(LoadForm form);

private:
  ParseContext &ctx_;
  ThreadScope &scope_;
  ThreadBuilder &code_;
};

} // namespace fencelab
