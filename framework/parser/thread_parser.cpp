#include "thread_parser.hpp"

#include "access_parser.hpp"
#include "c_types.hpp"
#include "expr_parser.hpp"
#include "thread_builder.hpp"
#include "thread_scope.hpp"

#include <array>
#include <optional>

namespace fencelab {
namespace {

constexpr std::array<std::string_view, 10> unsupported_keywords{"while", "for",   "do",       "switch", "return",
                                                                "goto",  "break", "continue", "case",   "default"};

bool is_condition_keyword(const Token &t) {
  for (auto word : {"exists", "forall", "locations", "filter", "final"})
    if (t.is_word(word))
      return true;
  return false;
}

bool is_load_call(std::string_view name) { return name == "READ_ONCE" || name == "smp_load_acquire"; }

struct ParsedLoad {
  Token at;
  LoadForm form = LoadForm::once;
  Address address;
};

class ThreadParser {
public:
  ThreadParser(ParseContext &ctx, int index)
      : ctx_(ctx), lex_(ctx.lex), index_(index), scope_(index, code_), access_(ctx, scope_, code_) {}

  ThreadCode parse() {
    Token head = lex_.next();
    ctx_.expect("(", "after " + head.describe());
    parse_parameters();
    Token open = ctx_.expect("{", "opening the body of " + name());
    for (const auto &init : ctx_.register_inits)
      if (init.thread_index == index_ && init.value != 0) // registers start at 0
        set_register(code_.register_index(init.name), init.value);
    // Inside C code `(*` is a dereference, not a comment.
    lex_.set_herd_comments(false);
    parse_block_rest(open);
    lex_.set_herd_comments(true);
    return code_.finish();
  }

private:
  std::string name() const { return scope_.name(); }

  void set_register(int reg, Value v) {
    Expr constant{ExprKind::constant, v};
    code_.emit(Op::assign(reg, code_.add_expr(std::span<const Expr>(&constant, 1), 0)));
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

  // `int *x` and `int **p` alike name a shared location: p's value may be an address.
  void parse_parameter() {
    Token first = lex_.peek();
    if (!parse_type_words(ctx_))
      lex_.fail(first, "expected a parameter type such as 'int *', found " + first.describe());
    ctx_.expect("*", "in a parameter: thread parameters are pointers to shared locations");
    while (ctx_.accept("*")) {
    }
    Token id = ctx_.expect_identifier("for the parameter");
    if (!scope_.add_parameter(id.text))
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
    if (ctx_.accept(";"))
      return;
    if (t.is("{")) {
      lex_.next();
      parse_block_rest(t);
      return;
    }
    if (ctx_.accept("*"))
      return parse_plain_store();
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
    } else if (is_c_operator(lex_.peek())) {
      lex_.unsupported(lex_.peek(), "compound assignment"); // r0++, r0 += 1
    } else {
      lex_.fail(lex_.peek(), "expected '=' or '(' after " + t.describe() + ", found " + lex_.peek().describe());
    }
    ctx_.expect(";", "after the statement");
  }

  void parse_declaration() {
    parse_type_words(ctx_);
    do {
      while (ctx_.accept("*")) { // `int *r1;`: a register that will hold an address
      }
      Token id = ctx_.expect_identifier("in the declaration");
      if (scope_.is_parameter(id.text))
        lex_.fail(id, "declaration of " + id.describe() + " shadows a parameter of " + name());
      scope_.declare(id.text);
      if (ctx_.accept("="))
        parse_assignment(id);
    } while (ctx_.accept(","));
    ctx_.expect(";", "after the declaration");
  }

  Expr name_value(const Token &id) {
    switch (scope_.kind_of(id.text)) {
    case ThreadScope::Kind::location: // herd: a parameter's name stands for the location's address
      return Expr{ExprKind::constant, address_of(ctx_.location(id.text))};
    case ThreadScope::Kind::register_name:
      return Expr{ExprKind::reg, 0, code_.register_index(id.text)};
    case ThreadScope::Kind::unknown:
      break;
    }
    lex_.fail(id, "unknown register " + id.describe());
  }

  // An expression whose loads (READ_ONCE(*x), `*p`, ...) are collected in
  // `loads`, in source order; each stands in the pool as a placeholder
  // register leaf, -1 for the first load, -2 for the second, ...
  ParsedExpr parse_loading(std::vector<ParsedLoad> &loads) {
    ExprHooks hooks{[this](const Token &id) { return name_value(id); },
                    [this, &loads](const Token &at, LoadForm form) {
                      loads.push_back(ParsedLoad{at, form, access_.parse_load_rest(form)});
                      return Expr{ExprKind::reg, 0, -static_cast<int>(loads.size())};
                    }};
    return parse_expression(ctx_, hooks);
  }

  void emit_load(const ParsedLoad &load, int reg) {
    Op op = access(load.form == LoadForm::acquire ? OpKind::load_acquire : OpKind::load, load.address);
    op.reg = reg;
    op.plain = load.form == LoadForm::plain;
    code_.emit(op);
  }

  // A register no name of the test can be: C reserves names starting with `__`.
  int hidden_register() {
    std::string name;
    do
      name = "__ld" + std::to_string(hidden_count_++);
    while (scope_.kind_of(name) != ThreadScope::Kind::unknown);
    return code_.register_index(name);
  }

  // herd evaluates a load nested in an expression as a load whose value the
  // expression then uses: each becomes a load into a hidden register, emitted
  // now (before the statement using the value), left to right.
  ParsedExpr parse_value() {
    std::vector<ParsedLoad> loads;
    ParsedExpr e = parse_loading(loads);
    emit_hidden_loads(e, loads);
    return e;
  }

  void emit_hidden_loads(ParsedExpr &e, const std::vector<ParsedLoad> &loads) {
    std::vector<int> regs;
    for (const auto &load : loads) {
      regs.push_back(hidden_register());
      emit_load(load, regs.back());
    }
    for (auto &node : e.pool)
      if (node.kind == ExprKind::reg && node.reg < 0)
        node.reg = regs[static_cast<std::size_t>(-node.reg - 1)];
  }

  // `target =` has been consumed: a load into the register, or a register expression.
  void parse_assignment(const Token &target) {
    if (scope_.kind_of(target.text) == ThreadScope::Kind::location)
      lex_.unsupported(target, "pointer assignment");
    std::vector<ParsedLoad> loads;
    ParsedExpr e = parse_loading(loads);
    const Expr &root = e.pool[static_cast<std::size_t>(e.root)];
    if (loads.size() == 1 && root.kind == ExprKind::reg && root.reg == -1) { // `r = READ_ONCE(*x)`
      emit_load(loads.front(), code_.register_index(target.text));
      return;
    }
    emit_hidden_loads(e, loads);
    // `r = 0` before any use of r changes nothing: registers start at 0 and
    // jumps only go forward, so no path can have written r yet.
    bool unused = !code_.find_register(target.text);
    if (e.is_constant() && e.pool[static_cast<std::size_t>(e.root)].value == 0 && unused) {
      scope_.declare(target.text);
      return;
    }
    int reg = code_.register_index(target.text);
    code_.emit(Op::assign(reg, code_.add_expr(e.pool, e.root)));
  }

  // A stored value: a constant (an address included) or a register expression.
  void set_stored_value(Op &op) {
    ParsedExpr v = parse_value();
    if (v.is_constant())
      op.value = v.pool[static_cast<std::size_t>(v.root)].value;
    else
      op.expr = code_.add_expr(v.pool, v.root);
  }

  // `*` consumed: `*x = value;`, a plain C store.
  void parse_plain_store() {
    Op op = access(OpKind::store, access_.parse_address());
    op.plain = true;
    ctx_.expect("=", "in the plain store");
    set_stored_value(op);
    ctx_.expect(";", "after the statement");
    code_.emit(op);
  }

  void parse_call_statement(const Token &fn) {
    if (fn.text == "WRITE_ONCE" || fn.text == "smp_store_release") {
      ctx_.expect("(", "after the function name");
      bool once = fn.text == "WRITE_ONCE";
      Op op = access(once ? OpKind::store : OpKind::store_release, access_.parse_call_address(once));
      ctx_.expect(",", "between the location and the value");
      set_stored_value(op);
      ctx_.expect(")", "closing " + fn.describe());
      code_.emit(op);
      return;
    }
    for (const auto &fence : fence_table)
      if (!fence.call.empty() && fn.text == fence.call) {
        lex_.next();
        ctx_.expect(")", fn.describe() + " takes no arguments");
        code_.emit(Op::fence_of(fence.kind));
        return;
      }
    if (is_load_call(fn.text))
      lex_.unsupported(fn, "discarded load");
    lex_.unsupported(fn, std::string(fn.text));
  }

  void parse_if() {
    lex_.next();
    ctx_.expect("(", "after 'if'");
    ParsedExpr e = parse_value();
    ctx_.expect(")", "closing the 'if' condition");
    BranchCondition condition = code_.branch_condition(e.pool, e.root);
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

  ParseContext &ctx_;
  Lexer &lex_;
  int index_;
  ThreadBuilder code_; // before the two that refer to it
  ThreadScope scope_;
  AccessParser access_;
  int hidden_count_ = 0;
};

} // namespace

ThreadCode parse_thread(ParseContext &ctx, int index) { return ThreadParser(ctx, index).parse(); }

} // namespace fencelab
