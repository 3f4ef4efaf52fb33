#include "final_condition_parser.hpp"

#include <algorithm>

namespace fencelab {
namespace {

// A register of a thread, or a memory location. Atoms first hold an index into
// the list of these; the real outcome slot is known only once the condition
// has named every register and observed location.
struct SlotRef {
  int thread = -1;
  int reg = -1;
  int loc = -1;
  std::string text; // as herd prints it, for messages
};

class FinalConditionParser {
public:
  explicit FinalConditionParser(ParseContext &ctx) : ctx_(ctx), lex_(ctx.lex), test_(ctx.test) {}

  void parse() {
    if (ctx_.accept_word("locations"))
      parse_locations();
    if (ctx_.accept_word("filter"))
      test_.condition.filter = parse_disjunction();
    test_.condition.quantifier = parse_quantifier();
    test_.condition.prop = parse_disjunction();
    ctx_.accept(";");
    const Token &t = lex_.peek();
    if (t.is_word("with"))
      lex_.unsupported(t, "with");
    if (t.kind != TokenKind::end)
      lex_.fail(t, "unexpected " + t.describe() + " after the final condition");
    resolve_slots();
  }

private:
  Quantifier parse_quantifier() {
    Token t = lex_.peek();
    if (ctx_.accept_word("exists") || ctx_.accept_word("final"))
      return Quantifier::exists;
    if (ctx_.accept_word("forall"))
      return Quantifier::forall;
    if (ctx_.accept("~") || ctx_.accept_word("not")) {
      if (!ctx_.accept_word("exists"))
        lex_.fail(lex_.peek(), "expected 'exists' after " + t.describe() + ", found " + lex_.peek().describe());
      return Quantifier::not_exists;
    }
    if (t.is("(")) // herd reads a bare proposition as `exists`
      return Quantifier::exists;
    if (t.is_word("observed") || t.is_word("Observed") || t.is_word("cases"))
      lex_.unsupported(t, std::string(t.text));
    lex_.fail(t, "expected a thread or the final condition ('exists', '~exists' or 'forall'), found " + t.describe());
  }

  void parse_locations() {
    ctx_.expect("[", "after 'locations'");
    while (!ctx_.accept("]")) {
      parse_slot_ref();
      if (!ctx_.accept(";") && !lex_.peek().is("]"))
        lex_.fail(lex_.peek(), "expected ';' or ']' in 'locations', found " + lex_.peek().describe());
    }
  }

  // herd's precedence, loosest first: \/, /\, =>, ~.
  Prop parse_disjunction() {
    std::vector<Prop> operands{parse_conjunction()};
    while (ctx_.accept("\\/"))
      operands.push_back(parse_conjunction());
    return operands.size() == 1 ? std::move(operands.front()) : Prop::disjunction(std::move(operands));
  }

  Prop parse_conjunction() {
    std::vector<Prop> operands{parse_implication()};
    while (ctx_.accept("/\\"))
      operands.push_back(parse_implication());
    return operands.size() == 1 ? std::move(operands.front()) : Prop::conjunction(std::move(operands));
  }

  Prop parse_implication() {
    Prop p = parse_negation();
    if (!ctx_.accept("=>"))
      return p;
    ParseContext::Nested nested(ctx_);
    return Prop::disjunction({Prop::negation(std::move(p)), parse_implication()});
  }

  Prop parse_negation() {
    ParseContext::Nested nested(ctx_);
    if (ctx_.accept("~") || ctx_.accept_word("not"))
      return Prop::negation(parse_negation());
    if (ctx_.accept_word("true"))
      return Prop::truth();
    if (ctx_.accept_word("false"))
      return Prop::negation(Prop::truth());
    if (ctx_.accept("(")) {
      Prop p = parse_disjunction();
      ctx_.expect(")", "closing the parenthesised proposition");
      return p;
    }
    return parse_atom();
  }

  Prop parse_atom() {
    int ref = parse_slot_ref();
    Token op = lex_.next();
    bool equal = op.is("=") || op.is("==");
    if (!equal && !op.is("!=") && !op.is("<>"))
      lex_.fail(op, "expected '=' after " + refs_[static_cast<std::size_t>(ref)].text + ", found " + op.describe());
    Prop atom = parse_right_side(ref);
    return equal ? atom : Prop::negation(std::move(atom));
  }

  // A number; a location's name (`0:r0=x`, `p=&x`), which herd compares with
  // its address; or another register or location (`0:r1=1:r2`, `0:r1=[x]`).
  Prop parse_right_side(int ref) {
    if (ctx_.accept("&"))
      return Prop::equals(ref, address_of(ctx_.location(ctx_.expect_identifier("after '&'").text)));
    if (ctx_.accept("["))
      return Prop::same(ref, location_in_brackets());
    bool negative = ctx_.accept("-");
    Token t = lex_.next();
    if (!negative && t.kind == TokenKind::identifier) {
      if (auto n = thread_number(t); n && ctx_.accept(":"))
        return Prop::same(ref, register_ref(t, *n));
      return Prop::equals(ref, address_of(ctx_.location(t.text)));
    }
    if (t.kind != TokenKind::number)
      lex_.fail(t, "expected an integer value, found " + t.describe());
    if (!negative && ctx_.accept(":"))
      return Prop::same(ref, register_ref(t, t.number));
    return Prop::equals(ref, negative ? -t.number : t.number);
  }

  // After `[`: `x]`.
  int location_in_brackets() {
    Token id = ctx_.expect_identifier("for the location");
    ctx_.expect("]", "closing the location");
    return location_ref(id);
  }

  // Returns an index into refs_.
  int parse_slot_ref() {
    Token t = lex_.peek();
    if (t.kind == TokenKind::number) {
      lex_.next();
      ctx_.expect(":", "between thread and register");
      return register_ref(t, t.number);
    }
    if (t.is("[")) {
      lex_.next();
      return location_in_brackets();
    }
    if (t.kind != TokenKind::identifier)
      lex_.fail(t, "expected a register such as 0:r0 or a location, found " + t.describe());
    lex_.next();
    if (lex_.peek().is("("))
      lex_.unsupported(t, std::string(t.text)); // fault(...) and the like
    if (auto n = thread_number(t); n && lex_.peek().is(":")) {
      lex_.next();
      return register_ref(t, *n);
    }
    return location_ref(t);
  }

  int register_ref(const Token &thread_token, Value thread) {
    Token id = ctx_.expect_identifier("for the register");
    if (thread < 0 || thread >= static_cast<Value>(test_.threads.size()))
      lex_.fail(thread_token, "no thread P" + std::to_string(thread) + " in this test");
    auto &regs = test_.threads[static_cast<std::size_t>(thread)].registers;
    auto it = std::find(regs.begin(), regs.end(), id.text);
    if (it == regs.end())
      it = regs.emplace(regs.end(), id.text);
    refs_.push_back({static_cast<int>(thread), static_cast<int>(it - regs.begin()), -1,
                     std::to_string(thread) + ":" + std::string(id.text)});
    return static_cast<int>(refs_.size() - 1);
  }

  int location_ref(const Token &id) {
    int loc = ctx_.location(id.text);
    auto &observed = test_.observed_locations;
    if (std::find(observed.begin(), observed.end(), loc) == observed.end())
      observed.push_back(loc);
    refs_.push_back({-1, -1, loc, std::string(id.text)});
    return static_cast<int>(refs_.size() - 1);
  }

  void resolve_slots() {
    std::vector<int> slots;
    for (const auto &ref : refs_)
      slots.push_back(ref.loc >= 0 ? test_.location_slot(ref.loc) : test_.register_slot(ref.thread, ref.reg));
    resolve(test_.condition.prop, slots);
    resolve(test_.condition.filter, slots);
  }

  static void resolve(Prop &p, const std::vector<int> &slots) {
    if (p.kind == Prop::Kind::atom) {
      p.atom.slot = slots[static_cast<std::size_t>(p.atom.slot)];
      if (p.atom.other_slot >= 0)
        p.atom.other_slot = slots[static_cast<std::size_t>(p.atom.other_slot)];
    }
    for (auto &operand : p.operands)
      resolve(operand, slots);
  }

  ParseContext &ctx_;
  Lexer &lex_;
  Test &test_;
  std::vector<SlotRef> refs_;
};

} // namespace

void parse_final_condition(ParseContext &ctx) { FinalConditionParser(ctx).parse(); }

} // namespace fencelab
