#pragma once
// State shared by the section parsers (initial state, threads, final
// condition): the token stream and the Test being filled in.
#include "lexer.hpp"
#include "test.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab {

// The thread number of `P3`, herd's name for a thread function and prefix
// of its registers (`P3:r0`).
inline std::optional<int> thread_number(const Token &t) {
  if (t.kind != TokenKind::identifier || t.text.size() < 2 || t.text[0] != 'P')
    return std::nullopt;
  int n = -1;
  auto [end, error] = std::from_chars(t.text.data() + 1, t.text.data() + t.text.size(), n);
  if (error != std::errc() || end != t.text.data() + t.text.size())
    return std::nullopt;
  return n;
}

// A register the initial state gives a value other than 0 (`1:r2=b;`). The
// thread sets it before its first op (an assign of the constant): registers
// are private, so nothing can tell the difference.
struct RegisterInit {
  Token thread; // for messages
  int thread_index = -1;
  std::string name;
  Value value = 0;
};

struct ParseContext {
  ParseContext(std::string_view text, const std::string &file_name) : lex(text, file_name) {}

  Lexer lex;
  Test test;
  std::map<std::string, int, std::less<>> location_indices;
  std::vector<RegisterInit> register_inits; // from the initial state, for the thread parser

  std::optional<int> find_location(std::string_view name) const {
    auto it = location_indices.find(name);
    if (it == location_indices.end())
      return std::nullopt;
    return it->second;
  }

  // herd gives every location it meets an initial value of 0.
  int location(std::string_view name) {
    if (auto found = find_location(name))
      return *found;
    if (test.locations.size() >= max_locations)
      lex.fail(lex.last(), "more than " + std::to_string(max_locations) + " locations");
    test.locations.push_back({std::string(name), 0});
    int index = static_cast<int>(test.locations.size() - 1);
    location_indices.emplace(std::string(name), index);
    return index;
  }

  // Limits on what a file may hold, far above any real litmus test (the 2,127
  // corpus files have at most a handful of threads and locations, and 18 KB):
  // a hostile file must get an error, not hours of model checking or
  // gigabytes of outcomes. `max_locations` also keeps addresses tagged
  // (expr.hpp: fewer than `fencelab::max_locations`).
  static constexpr std::size_t max_file_bytes = std::size_t{4} << 20;
  static constexpr std::size_t max_threads = 1024;
  static constexpr std::size_t max_locations = 1024;
  static_assert(max_locations < static_cast<std::size_t>(fencelab::max_locations));

  // The parsers recurse on the C++ stack; a hostile file nesting parentheses
  // or blocks a million deep must get an error, not a stack overflow. Real
  // tests nest a handful of levels.
  static constexpr int max_nesting = 200;
  int nesting = 0;

  void deepen() {
    if (++nesting > max_nesting)
      lex.fail(lex.peek(), "nesting deeper than " + std::to_string(max_nesting) + " levels");
  }

  class Nested {
  public:
    explicit Nested(ParseContext &ctx) : ctx_(ctx) { ctx_.deepen(); }
    Nested(const Nested &) = delete;
    Nested &operator=(const Nested &) = delete;
    ~Nested() { --ctx_.nesting; }

  private:
    ParseContext &ctx_;
  };

  Token expect(std::string_view punct, std::string_view context) {
    if (!lex.peek().is(punct))
      lex.fail(lex.peek(),
               "expected '" + std::string(punct) + "' " + std::string(context) + ", found " + lex.peek().describe());
    return lex.next();
  }

  bool accept(std::string_view punct) {
    if (!lex.peek().is(punct))
      return false;
    lex.next();
    return true;
  }

  Token expect_identifier(std::string_view context) {
    if (lex.peek().kind != TokenKind::identifier)
      lex.fail(lex.peek(), "expected a name " + std::string(context) + ", found " + lex.peek().describe());
    return lex.next();
  }

  bool accept_word(std::string_view word) {
    if (!lex.peek().is_word(word))
      return false;
    lex.next();
    return true;
  }
};

} // namespace fencelab
