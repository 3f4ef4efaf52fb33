#include "access_parser.hpp"

#include "c_types.hpp"

namespace fencelab {
bool is_c_operator(const Token &t) {
  if (t.kind != TokenKind::punct)
    return false;
  for (std::string_view op : {"+", "-",  "*",  "/",  "%",  "&",  "|",  "^", "<<", ">>", "<",
                              ">", "<=", ">=", "==", "!=", "&&", "||", "?", "->", "."})
    if (t.text == op)
      return true;
  return false;
}

Op access(OpKind kind, Address address) {
  Op op;
  op.kind = kind;
  op.loc = address.loc;
  op.addr_reg = address.addr_reg;
  return op;
}

Address AccessParser::parse_load_rest(LoadForm form) {
  if (form == LoadForm::plain)
    return parse_address();
  ctx_.expect("(", "after the function name");
  Address a = parse_call_address(form == LoadForm::once);
  ctx_.expect(")", "closing the load");
  return a;
}

Address AccessParser::parse_call_address(bool dereferenced) {
  if (dereferenced)
    ctx_.expect("*", "before the location (READ_ONCE and WRITE_ONCE take '*x')");
  Address a = parse_address();
  if (is_c_operator(ctx_.lex.peek()))
    ctx_.lex.unsupported(ctx_.lex.peek(), "address expression");
  return a;
}

Address AccessParser::parse_address() {
  ParseContext::Nested nested(ctx_);
  Lexer &lex = ctx_.lex;
  Token t = lex.peek();
  if (ctx_.accept("(")) {
    if (lex.peek().kind == TokenKind::identifier && type_word(lex.peek().text) != TypeWord::none) {
      skip_cast_rest(ctx_);
      return parse_address();
    }
    Address a = parse_address();
    if (is_c_operator(lex.peek()))
      lex.unsupported(lex.peek(), "address expression");
    ctx_.expect(")", "closing the parenthesised location");
    return a;
  }
  if (t.is("&"))
    lex.unsupported(t, "address-of");
  if (t.is("*"))
    lex.unsupported(t, "double dereference");
  Token id = ctx_.expect_identifier("for the location");
  switch (scope_.kind_of(id.text)) {
  case ThreadScope::Kind::location:
    return {ctx_.location(id.text), -1};
  case ThreadScope::Kind::register_name: // the location whose address the register holds
    return {-1, code_.register_index(id.text)};
  case ThreadScope::Kind::unknown:
    break;
  }
  lex.fail(id, id.describe() + " is not a parameter of " + scope_.name());
}

} // namespace fencelab
