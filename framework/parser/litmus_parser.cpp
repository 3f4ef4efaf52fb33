#include "litmus_parser.hpp"

#include "c_types.hpp"
#include "final_condition_parser.hpp"
#include "litmus_text_file.hpp"
#include "parse_context.hpp"
#include "thread_parser.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace fencelab {
namespace {

// `C name`, an optional `(texname)`, an optional "doc string", then herd's
// free-form `key=value` info lines (diy writes Cycle=, Relax=, ...).
void parse_header(ParseContext &ctx) {
  Token arch = ctx.lex.next();
  if (arch.kind != TokenKind::identifier)
    ctx.lex.fail(arch, "expected 'C' and the test name, found " + arch.describe());
  if (arch.text != "C")
    ctx.lex.unsupported(arch, "architecture " + std::string(arch.text));
  Token name = ctx.lex.raw_test_name();
  if (name.text.empty())
    ctx.lex.fail(name, "expected a test name after 'C'");
  ctx.test.name = std::string(name.text);
  if (ctx.accept("(")) {
    ctx.expect_identifier("(the TeX name)");
    ctx.expect(")", "closing the TeX name");
  }
  if (ctx.lex.peek().kind == TokenKind::string)
    ctx.test.description = std::string(ctx.lex.next().text);
  while (!ctx.lex.peek().is("{")) {
    Token t = ctx.lex.peek();
    if (t.kind == TokenKind::identifier) {
      ctx.lex.next();
      if (ctx.lex.skip_info_value())
        continue;
    }
    ctx.lex.fail(t, "expected '{' opening the initial state, found " + t.describe());
  }
}

// A number, or a location's address: herd reads `p=x`, `p=&x` and
// `int *p = x` alike as "p holds the address of x".
Value parse_init_value(ParseContext &ctx) {
  Token t = ctx.lex.peek();
  bool negative = ctx.accept("-");
  if (!negative && ctx.accept("&"))
    return address_of(ctx.location(ctx.expect_identifier("after '&'").text));
  t = ctx.lex.peek();
  if (!negative && t.kind == TokenKind::identifier) {
    ctx.lex.next();
    if (ctx.lex.peek().is("("))
      ctx.lex.unsupported(t, std::string(t.text)); // ATOMIC_INIT(0)
    return address_of(ctx.location(t.text));
  }
  if (t.kind != TokenKind::number)
    ctx.lex.fail(t, "expected an integer value or a location, found " + t.describe());
  ctx.lex.next();
  return negative ? -t.number : t.number;
}

void parse_init_item(ParseContext &ctx, const Token &open, std::set<std::string, std::less<>> &initialised) {
  parse_type_words(ctx);
  while (ctx.accept("*")) { // `int *p = &x;`
  }
  Token t = ctx.lex.next();
  if (t.kind == TokenKind::end || (thread_number(t) && ctx.lex.peek().is("(")))
    ctx.lex.fail(t, "missing '}' closing the initial state opened at " + std::to_string(open.line) + ":" +
                        std::to_string(open.column));
  std::optional<Value> thread;
  Token location = t;
  if (t.kind == TokenKind::number) {
    ctx.expect(":", "between thread and register");
    thread = t.number;
  } else if (auto n = thread_number(t); n && ctx.lex.peek().is(":")) {
    ctx.lex.next();
    thread = *n;
  } else if (t.is("[")) {
    location = ctx.expect_identifier("for the location");
    ctx.expect("]", "closing the location");
  } else if (t.kind != TokenKind::identifier) {
    ctx.lex.fail(t, "expected a location or a register in the initial state, found " + t.describe());
  }
  Token reg;
  if (thread)
    reg = ctx.expect_identifier("for the register");
  else
    ctx.location(location.text); // numbered before a location its value names
  Value value = 0;
  if (ctx.accept("="))
    value = parse_init_value(ctx);
  if (thread) {
    // The thread is checked once the threads are known.
    Value index = std::clamp<Value>(*thread, -1, std::numeric_limits<int>::max());
    ctx.register_inits.push_back({t, static_cast<int>(index), std::string(reg.text), value});
    return;
  }
  if (!initialised.emplace(location.text).second)
    ctx.lex.fail(location, "location " + location.describe() + " is initialised twice");
  ctx.test.locations[static_cast<std::size_t>(ctx.location(location.text))].init = value;
}

void parse_initial_state(ParseContext &ctx) {
  Token open = ctx.expect("{", "opening the initial state");
  std::set<std::string, std::less<>> initialised;
  while (!ctx.accept("}")) {
    if (ctx.accept(";"))
      continue;
    parse_init_item(ctx, open, initialised);
    if (!ctx.accept(";") && !ctx.lex.peek().is("}"))
      ctx.lex.fail(ctx.lex.peek(), "expected ';' or '}' in the initial state, found " + ctx.lex.peek().describe());
  }
}

void parse_threads(ParseContext &ctx) {
  for (int index = 0;; ++index) {
    bool has_void = ctx.accept_word("void"); // herd accepts `void P0(...)`
    const Token &t = ctx.lex.peek();
    auto n = thread_number(t);
    if (!n) {
      if (index == 0 || has_void)
        ctx.lex.fail(t, "expected thread P" + std::to_string(index) + ", found " + t.describe());
      return;
    }
    if (*n != index)
      ctx.lex.fail(t, "expected thread P" + std::to_string(index) + ", found " + t.describe());
    if (static_cast<std::size_t>(index) >= ParseContext::max_threads)
      ctx.lex.fail(t, "more than " + std::to_string(ParseContext::max_threads) + " threads");
    ctx.test.threads.push_back(parse_thread(ctx, index));
  }
}

// herd's verdict lives in a comment, e.g. `(* Result: Never *)` or a line
// ` * Result: Sometimes DATARACE` of a longer one.
std::optional<Expectation> expectation_from(const std::vector<std::string_view> &comments) {
  constexpr std::string_view key = "Result:";
  for (std::string_view comment : comments) {
    auto at = comment.find(key);
    if (at == std::string_view::npos)
      continue;
    std::string_view rest = comment.substr(at + key.size());
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    std::string_view word = rest.substr(0, rest.find_first_of(" \t\r\n*"));
    if (auto result = parse_enum<Observation>(word))
      return Expectation{*result, std::string(herd_result_source)};
    return std::nullopt; // Maybe, or a word fencelab does not know
  }
  return std::nullopt;
}

// The error points at the first byte past the limit, so an editor shows where
// the file becomes too long.
void check_size(std::string_view text, const std::string &file_name) {
  constexpr std::size_t limit = ParseContext::max_file_bytes;
  if (text.size() <= limit)
    return;
  std::string_view head = text.substr(0, limit);
  auto line = static_cast<int>(std::count(head.begin(), head.end(), '\n')) + 1;
  std::size_t line_start = head.rfind('\n') == std::string_view::npos ? 0 : head.rfind('\n') + 1;
  throw ParseError(file_name, line, static_cast<int>(limit - line_start) + 1,
                   "the file goes on past " + std::to_string(limit >> 20) + " MiB, the most a litmus test may have");
}

} // namespace

Test parse_litmus(std::string_view text, const std::string &file_name) {
  check_size(text, file_name);
  ParseContext ctx(text, file_name);
  parse_header(ctx);
  parse_initial_state(ctx);
  parse_threads(ctx);
  for (const auto &init : ctx.register_inits)
    if (init.thread_index < 0 || init.thread_index >= static_cast<int>(ctx.test.threads.size()))
      ctx.lex.fail(init.thread, "no thread P" + std::to_string(init.thread_index) + " in this test");
  parse_final_condition(ctx);
  ctx.test.expectation = expectation_from(ctx.lex.herd_comments());
  return std::move(ctx.test);
}

Test parse_litmus_file(const std::filesystem::path &path) {
  return parse_litmus(read_litmus_text(path, ParseContext::max_file_bytes), path.string());
}

} // namespace fencelab
