#include "expr_parser.hpp"

#include "c_types.hpp"

#include <array>
#include <optional>

namespace fencelab {
namespace {

struct BinaryOp {
  std::string_view text;
  int precedence; // C's, loosest 1
  ExprKind kind;
};

constexpr std::array<BinaryOp, 18> binary_ops{{{"||", 1, ExprKind::logical_or},
                                               {"&&", 2, ExprKind::logical_and},
                                               {"|", 3, ExprKind::bit_or},
                                               {"^", 4, ExprKind::bit_xor},
                                               {"&", 5, ExprKind::bit_and},
                                               {"==", 6, ExprKind::equal},
                                               {"!=", 6, ExprKind::not_equal},
                                               {"<", 7, ExprKind::less},
                                               {"<=", 7, ExprKind::less_equal},
                                               {">", 7, ExprKind::greater},
                                               {">=", 7, ExprKind::greater_equal},
                                               {"<<", 8, ExprKind::shift_left},
                                               {">>", 8, ExprKind::shift_right},
                                               {"+", 9, ExprKind::add},
                                               {"-", 9, ExprKind::sub},
                                               {"*", 10, ExprKind::mul},
                                               {"/", 10, ExprKind::div},
                                               {"%", 10, ExprKind::mod}}};

std::optional<BinaryOp> binary_op(const Token &t) {
  if (t.kind != TokenKind::punct)
    return std::nullopt;
  for (const auto &op : binary_ops)
    if (t.text == op.text)
      return op;
  return std::nullopt;
}

bool is_load_function(std::string_view name) { return name == "READ_ONCE" || name == "smp_load_acquire"; }

class ExprParser {
public:
  ExprParser(ParseContext &ctx, const ExprHooks &hooks) : ctx_(ctx), lex_(ctx.lex), hooks_(hooks) {}

  ParsedExpr parse() {
    out_.root = parse_binary(1);
    return std::move(out_);
  }

private:
  // Each operator of a chain counts as a level of nesting: the tree is as
  // deep as the chain is long, and later passes over it recurse.
  int parse_binary(int min_precedence) {
    int saved = ctx_.nesting;
    int lhs = parse_unary();
    for (auto op = binary_op(lex_.peek()); op && op->precedence >= min_precedence; op = binary_op(lex_.peek())) {
      lex_.next();
      ctx_.deepen();
      int rhs = parse_binary(op->precedence + 1);
      lhs = make(Expr{op->kind, 0, -1, lhs, rhs});
    }
    ctx_.nesting = saved;
    return lhs;
  }

  int parse_unary() {
    ParseContext::Nested nested(ctx_);
    Token t = lex_.peek();
    if (t.is("-") || t.is("~") || t.is("!")) {
      lex_.next();
      ExprKind kind = t.is("-") ? ExprKind::negate : t.is("~") ? ExprKind::bit_not : ExprKind::logical_not;
      int operand = parse_unary();
      return make(Expr{kind, 0, -1, operand, -1});
    }
    if (t.is("*")) {
      lex_.next();
      return load(t, LoadForm::plain);
    }
    if (t.is("&")) {
      lex_.next();
      Token id = ctx_.expect_identifier("after '&'");
      Expr e = hooks_.name(id);
      if (e.kind != ExprKind::constant)
        lex_.unsupported(t, "address of a register");
      return push(e);
    }
    if (t.is("(")) {
      lex_.next();
      if (lex_.peek().kind == TokenKind::identifier && type_word(lex_.peek().text) != TypeWord::none) {
        skip_cast_rest(ctx_); // every value is a 64-bit integer: a cast changes nothing
        return parse_unary();
      }
      int inner = parse_binary(1);
      ctx_.expect(")", "closing the parenthesised expression");
      return postfix(inner);
    }
    return postfix(parse_primary());
  }

  int parse_primary() {
    Token t = lex_.next();
    if (t.kind == TokenKind::number)
      return push(Expr{ExprKind::constant, t.number});
    if (t.kind != TokenKind::identifier)
      lex_.fail(t, "expected a register, a location or a constant, found " + t.describe());
    if (lex_.peek().is("(")) {
      if (is_load_function(t.text))
        return load(t, t.text == "READ_ONCE" ? LoadForm::once : LoadForm::acquire);
      lex_.unsupported(t, std::string(t.text));
    }
    return push(hooks_.name(t));
  }

  // What may follow an operand in C but not in a litmus test's register code.
  int postfix(int operand) {
    const Token &t = lex_.peek();
    if (t.is("?"))
      lex_.unsupported(t, "conditional expression");
    if (t.is("["))
      lex_.unsupported(t, "array");
    if (t.is("->") || t.is("."))
      lex_.unsupported(t, "structure member");
    return operand;
  }

  int load(const Token &at, LoadForm form) { return push(hooks_.on_load(at, form)); }

  int push(const Expr &e) {
    out_.pool.push_back(e);
    return static_cast<int>(out_.pool.size() - 1);
  }

  bool foldable(int i) const {
    return i >= 0 && out_.pool[static_cast<std::size_t>(i)].kind == ExprKind::constant;
  }

  // Constant operands are folded: each constant subtree is one leaf, the last
  // node(s) of the pool, so the fold replaces them in place.
  int make(const Expr &e) {
    int first = e.lhs;
    bool constant = foldable(e.lhs) && (e.rhs < 0 || foldable(e.rhs));
    int last = e.rhs >= 0 ? e.rhs : e.lhs;
    if (!constant || last != static_cast<int>(out_.pool.size() - 1))
      return push(e);
    out_.pool.push_back(e);
    Value v = evaluate(out_.pool, static_cast<int>(out_.pool.size() - 1), {});
    out_.pool.resize(static_cast<std::size_t>(first));
    return push(Expr{ExprKind::constant, v});
  }

  ParseContext &ctx_;
  Lexer &lex_;
  const ExprHooks &hooks_;
  ParsedExpr out_;
};

} // namespace

ParsedExpr parse_expression(ParseContext &ctx, const ExprHooks &hooks) { return ExprParser(ctx, hooks).parse(); }

int copy_expr(std::span<const Expr> from, int root, std::vector<Expr> &to) {
  Expr e = from[static_cast<std::size_t>(root)];
  if (e.lhs >= 0)
    e.lhs = copy_expr(from, e.lhs, to);
  if (e.rhs >= 0)
    e.rhs = copy_expr(from, e.rhs, to);
  to.push_back(e);
  return static_cast<int>(to.size() - 1);
}

void skip_cast_rest(ParseContext &ctx) {
  if (ctx.accept_word("void")) // `(void *)0`: void is a type only as a pointer's target
    ctx.expect("*", "after 'void' in a cast");
  else
    parse_type_words(ctx);
  while (ctx.accept("*")) {
  }
  ctx.expect(")", "closing the cast");
}

} // namespace fencelab
