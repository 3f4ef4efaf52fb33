#include "thread_parser.hpp"

#include "c_types.hpp"
#include "thread_builder.hpp"

#include <array>
#include <optional>
#include <set>

namespace fencelab {
namespace {

struct FenceCall {
  std::string_view name;
  FenceKind kind;
};

// membarrier() is fencelab's extension; herd does not know it.
constexpr std::array<FenceCall, 5> fence_calls{{{"smp_mb", FenceKind::smp_mb},
                                                {"smp_rmb", FenceKind::smp_rmb},
                                                {"smp_wmb", FenceKind::smp_wmb},
                                                {"barrier", FenceKind::barrier},
                                                {"membarrier", FenceKind::membarrier}}};

constexpr std::array<std::string_view, 10> unsupported_keywords{"while", "for",   "do",       "switch", "return",
                                                                "goto",  "break", "continue", "case",   "default"};

bool is_operator(const Token &t) {
  if (t.kind != TokenKind::punct)
    return false;
  constexpr std::array<std::string_view, 21> ops{"+", "-",  "*",  "/",  "%",  "&",  "|",  "^", "<<", ">>", "<",
                                                 ">", "<=", ">=", "==", "!=", "&&", "||", "?", "->", "."};
  for (auto op : ops)
    if (t.text == op)
      return true;
  return false;
}

bool is_condition_keyword(const Token &t) {
  for (auto word : {"exists", "forall", "locations", "filter", "final"})
    if (t.is_word(word))
      return true;
  return false;
}

bool is_load_call(std::string_view name) { return name == "READ_ONCE" || name == "smp_load_acquire"; }

class ThreadParser {
public:
  ThreadParser(ParseContext &ctx, int index) : ctx_(ctx), lex_(ctx.lex), index_(index) {}

  ThreadCode parse() {
    Token head = lex_.next();
    ctx_.expect("(", "after " + head.describe());
    parse_parameters();
    Token open = ctx_.expect("{", "opening the body of " + name());
    // Inside C code `(*` is a dereference, not a comment.
    lex_.set_herd_comments(false);
    parse_block_rest(open);
    lex_.set_herd_comments(true);
    return code_.finish();
  }

private:
  std::string name() const { return "P" + std::to_string(index_); }

  enum class NameKind { location, register_name, unknown };

  NameKind kind_of(std::string_view id) const {
    if (parameters_.count(id) != 0)
      return NameKind::location;
    if (declared_.count(id) != 0 || code_.find_register(id))
      return NameKind::register_name;
    return NameKind::unknown;
  }

  void parse_parameters() {
    if (ctx_.accept_word("void") || lex_.peek().is(")")) {
      ctx_.expect(")", "closing the parameter list of " + name());
      return;
    }
    do
      parse_parameter();
    while (ctx_.accept(","));
    ctx_.expect(")", "closing the parameter list of " + name());
  }

  void parse_parameter() {
    Token first = lex_.peek();
    if (!parse_type_words(ctx_))
      lex_.fail(first, "expected a parameter type such as 'int *', found " + first.describe());
    ctx_.expect("*", "in a parameter: thread parameters are pointers to shared locations");
    if (lex_.peek().is("*"))
      lex_.unsupported(lex_.peek(), "pointer");
    Token id = ctx_.expect_identifier("for the parameter");
    if (!parameters_.emplace(id.text).second)
      lex_.fail(id, "duplicate parameter " + id.describe());
    ctx_.location(id.text);
  }

  // After `{`: statements, then the matching `}`. The final condition's
  // keywords cannot start a C statement, so meeting one (or the end of the
  // file) means a `}` is missing; saying so beats "unsupported 'exists'".
  void parse_block_rest(const Token &open) {
    while (!lex_.peek().is("}")) {
      const Token &t = lex_.peek();
      if (t.kind == TokenKind::end || t.is("~") || is_condition_keyword(t))
        lex_.fail(t, "missing '}' closing the block opened at " + std::to_string(open.line) + ":" +
                         std::to_string(open.column) + " in " + name());
      parse_statement();
    }
    lex_.next();
  }

  void parse_statement() {
    ParseContext::Nested nested(ctx_);
    Token t = lex_.peek();
    if (t.is(";")) {
      lex_.next();
      return;
    }
    if (t.is("{")) {
      lex_.next();
      parse_block_rest(t);
      return;
    }
    if (t.is("*"))
      lex_.unsupported(t, "plain store");
    if (t.kind != TokenKind::identifier)
      lex_.fail(t, "expected a statement, found " + t.describe());
    if (t.text == "if")
      return parse_if();
    if (t.text == "else")
      lex_.fail(t, "'else' without 'if'");
    for (auto keyword : unsupported_keywords)
      if (t.text == keyword)
        lex_.unsupported(t, std::string(keyword));
    if (type_word(t.text) != TypeWord::none)
      return parse_declaration();
    lex_.next();
    if (lex_.peek().is("(")) {
      parse_call_statement(t);
    } else if (ctx_.accept("=")) {
      parse_assignment(t);
    } else if (is_operator(lex_.peek())) {
      lex_.unsupported(lex_.peek(), "register expression"); // r0++, r0 += 1
    } else {
      lex_.fail(lex_.peek(), "expected '=' or '(' after " + t.describe() + ", found " + lex_.peek().describe());
    }
    ctx_.expect(";", "after the statement");
  }

  void parse_declaration() {
    parse_type_words(ctx_);
    do {
      if (lex_.peek().is("*"))
        lex_.unsupported(lex_.peek(), "pointer");
      Token id = ctx_.expect_identifier("in the declaration");
      if (parameters_.count(id.text) != 0)
        lex_.fail(id, "declaration of " + id.describe() + " shadows a parameter of " + name());
      declared_.emplace(id.text);
      if (ctx_.accept("="))
        parse_assignment(id);
    } while (ctx_.accept(","));
    ctx_.expect(";", "after the declaration");
  }

  // `target =` has been consumed.
  void parse_assignment(const Token &target) {
    if (kind_of(target.text) == NameKind::location)
      lex_.unsupported(target, "pointer assignment");
    Token rhs = lex_.peek();
    if (rhs.is("*"))
      lex_.unsupported(rhs, "plain load");
    if (rhs.kind == TokenKind::identifier) {
      lex_.next();
      if (!lex_.peek().is("("))
        lex_.unsupported(rhs, "register expression"); // r1 = r0;
      if (!is_load_call(rhs.text))
        lex_.unsupported(rhs, std::string(rhs.text));
      int loc = parse_call_location(rhs.text == "READ_ONCE");
      ctx_.expect(")", "closing " + rhs.describe());
      int reg = code_.register_index(target.text);
      code_.emit(rhs.text == "READ_ONCE" ? Op::load(loc, reg) : Op::load_acquire(loc, reg));
      if (is_operator(lex_.peek()))
        lex_.unsupported(lex_.peek(), "register expression");
      return;
    }
    if (rhs.is("(")) {
      lex_.next();
      if (lex_.peek().kind == TokenKind::identifier && type_word(lex_.peek().text) != TypeWord::none)
        lex_.unsupported(rhs, "cast");
    }
    if (rhs.kind == TokenKind::number || rhs.is("-")) {
      // `r = 0` before any use of r changes nothing: registers start at 0 and
      // jumps only go forward, so no path can have written r yet.
      bool unused = !code_.find_register(target.text);
      Value v = parse_constant();
      if (v == 0 && unused && !is_operator(lex_.peek())) {
        declared_.emplace(target.text);
        return;
      }
    }
    lex_.unsupported(rhs, "register expression");
  }

  // `(` is next. READ_ONCE/WRITE_ONCE take `*x`, the acquire/release forms `x`.
  int parse_call_location(bool dereferenced) {
    ctx_.expect("(", "after the function name");
    return parse_location(dereferenced);
  }

  int parse_location(bool dereferenced) {
    if (dereferenced)
      ctx_.expect("*", "before the location (READ_ONCE and WRITE_ONCE take '*x')");
    Token t = lex_.peek();
    if (t.is("("))
      lex_.unsupported(t, "cast");
    if (t.is("&"))
      lex_.unsupported(t, "address-of");
    if (t.is("*"))
      lex_.unsupported(t, "pointer");
    Token id = ctx_.expect_identifier("for the location");
    switch (kind_of(id.text)) {
    case NameKind::location:
      return ctx_.location(id.text);
    case NameKind::register_name:
      lex_.unsupported(id, "address dependency");
    case NameKind::unknown:
      break;
    }
    lex_.fail(id, id.describe() + " is not a parameter of " + name());
  }

  void parse_call_statement(const Token &fn) {
    if (fn.text == "WRITE_ONCE" || fn.text == "smp_store_release") {
      int loc = parse_call_location(fn.text == "WRITE_ONCE");
      ctx_.expect(",", "between the location and the value");
      Value v = parse_store_value();
      ctx_.expect(")", "closing " + fn.describe());
      code_.emit(fn.text == "WRITE_ONCE" ? Op::store(loc, v) : Op::store_release(loc, v));
      return;
    }
    for (const auto &fence : fence_calls)
      if (fn.text == fence.name) {
        lex_.next();
        ctx_.expect(")", fn.describe() + " takes no arguments");
        code_.emit(Op::fence_of(fence.kind));
        return;
      }
    if (is_load_call(fn.text))
      lex_.unsupported(fn, "discarded load");
    lex_.unsupported(fn, std::string(fn.text));
  }

  Value parse_store_value() {
    Value v = parse_store_operand();
    if (is_operator(lex_.peek()))
      lex_.unsupported(lex_.peek(), "arithmetic");
    return v;
  }

  Value parse_store_operand() {
    ParseContext::Nested nested(ctx_);
    Token t = lex_.peek();
    if (t.is("(")) {
      lex_.next();
      if (lex_.peek().kind == TokenKind::identifier && type_word(lex_.peek().text) != TypeWord::none)
        lex_.unsupported(t, "cast");
      Value v = parse_store_value();
      ctx_.expect(")", "closing the parenthesised value");
      return v;
    }
    if (t.is("&"))
      lex_.unsupported(t, "address value");
    if (t.is("*"))
      lex_.unsupported(t, "plain load");
    if (t.kind == TokenKind::identifier) {
      lex_.next();
      if (lex_.peek().is("("))
        lex_.unsupported(t, std::string(t.text));
      switch (kind_of(t.text)) {
      case NameKind::register_name:
        lex_.unsupported(t, "register value"); // a data dependency
      case NameKind::location:
        lex_.unsupported(t, "address value");
      case NameKind::unknown:
        break;
      }
      lex_.fail(t, "unknown name " + t.describe());
    }
    return parse_constant();
  }

  Value parse_constant() {
    bool negative = ctx_.accept("-");
    Token t = lex_.peek();
    if (t.kind != TokenKind::number)
      lex_.fail(t, "expected an integer constant, found " + t.describe());
    lex_.next();
    return negative ? -t.number : t.number;
  }

  void parse_if() {
    lex_.next();
    ctx_.expect("(", "after 'if'");
    BranchCondition condition = parse_disjunction();
    ctx_.expect(")", "closing the 'if' condition");
    auto otherwise = code_.new_label();
    code_.emit_branch(condition, false, otherwise);
    parse_statement();
    if (ctx_.accept_word("else")) {
      auto end = code_.new_label();
      code_.emit_jump(end);
      code_.place(otherwise);
      parse_statement();
      code_.place(end);
    } else {
      code_.place(otherwise);
    }
  }

  // A chain a && b && c builds a tree as deep as it is long, and the tree is
  // compiled recursively: each link counts as a level of nesting.
  BranchCondition parse_disjunction() {
    int saved = ctx_.nesting;
    BranchCondition c = parse_conjunction();
    while (ctx_.accept("||")) {
      ctx_.deepen();
      c = BranchCondition::either(std::move(c), parse_conjunction());
    }
    ctx_.nesting = saved;
    return c;
  }

  BranchCondition parse_conjunction() {
    int saved = ctx_.nesting;
    BranchCondition c = parse_negation();
    while (ctx_.accept("&&")) {
      ctx_.deepen();
      c = BranchCondition::both(std::move(c), parse_negation());
    }
    ctx_.nesting = saved;
    return c;
  }

  BranchCondition parse_negation() {
    ParseContext::Nested nested(ctx_);
    if (ctx_.accept("!"))
      return BranchCondition::negation(parse_negation());
    if (ctx_.accept("(")) {
      BranchCondition c = parse_disjunction();
      ctx_.expect(")", "closing the parenthesised condition");
      return c;
    }
    return parse_comparison();
  }

  struct Operand {
    Token token;
    std::optional<int> reg; // otherwise a constant
    Value value = 0;
  };

  BranchCondition parse_comparison() {
    Operand a = parse_operand();
    Token op = lex_.peek();
    if (op.is("==") || op.is("!=")) {
      lex_.next();
      Operand b = parse_operand();
      BranchCondition equal = compare(a, b);
      return op.is("==") ? equal : BranchCondition::negation(std::move(equal));
    }
    if (op.is("<") || op.is(">") || op.is("<=") || op.is(">="))
      lex_.unsupported(op, "relational operator");
    if (is_operator(op) && !op.is("&&") && !op.is("||"))
      lex_.unsupported(op, "arithmetic");
    // C truth: nonzero.
    if (a.reg)
      return BranchCondition::negation(BranchCondition::equals(*a.reg, 0));
    return BranchCondition::constant(a.value != 0);
  }

  BranchCondition compare(const Operand &a, const Operand &b) {
    if (a.reg && b.reg)
      lex_.unsupported(b.token, "register comparison");
    if (a.reg)
      return BranchCondition::equals(*a.reg, b.value);
    if (b.reg)
      return BranchCondition::equals(*b.reg, a.value);
    return BranchCondition::constant(a.value == b.value);
  }

  Operand parse_operand() {
    Token t = lex_.peek();
    if (t.is("*"))
      lex_.unsupported(t, "plain load");
    if (t.kind == TokenKind::identifier) {
      lex_.next();
      if (lex_.peek().is("("))
        lex_.unsupported(t, is_load_call(t.text) ? "load in condition" : std::string(t.text));
      switch (kind_of(t.text)) {
      case NameKind::register_name:
        return {t, code_.register_index(t.text), 0};
      case NameKind::location:
        lex_.unsupported(t, "address value");
      case NameKind::unknown:
        break;
      }
      lex_.fail(t, "unknown register " + t.describe());
    }
    if (t.kind != TokenKind::number && !t.is("-"))
      lex_.fail(t, "expected a register or a constant, found " + t.describe());
    return {t, std::nullopt, parse_constant()};
  }

  ParseContext &ctx_;
  Lexer &lex_;
  int index_;
  std::set<std::string, std::less<>> parameters_;
  std::set<std::string, std::less<>> declared_; // registers declared but maybe not used yet
  ThreadBuilder code_;
};

} // namespace

ThreadCode parse_thread(ParseContext &ctx, int index) { return ThreadParser(ctx, index).parse(); }

} // namespace fencelab
