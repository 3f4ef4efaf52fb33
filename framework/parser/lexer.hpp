#pragma once
// Tokens of herd's C-litmus files. One lexer serves all three sections (header
// and initial state, C thread code, final condition) because they share
// identifiers, numbers and punctuation; the differences are two raw helpers for
// the free-form header and one switch for `(*`, which opens a herd comment
// everywhere except inside C function bodies, where it is `(*x` — a
// dereference (herd's own splitter makes the same exception).
#include "condition.hpp" // Value
#include "parse_error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab {

enum class TokenKind { identifier, number, string, punct, end };

struct Token {
  TokenKind kind = TokenKind::end;
  std::string_view text; // for a string: the contents without the quotes
  int line = 1;
  int column = 1;
  Value number = 0; // for numbers

  bool is(std::string_view punct) const { return kind == TokenKind::punct && text == punct; }
  bool is_word(std::string_view word) const { return kind == TokenKind::identifier && text == word; }
  std::string describe() const; // for messages: 'text', "end of file", ...
};

class Lexer {
public:
  Lexer(std::string_view source, std::string file_name);

  const Token &peek();
  Token next();
  const Token &last() const { return last_; } // the token next() returned last

  // Only while no token is peeked: the mode applies to the next token lexed.
  void set_herd_comments(bool enabled);

  // Header helpers, also only while no token is peeked. The test name may hold
  // characters that are punctuation elsewhere (SB+mb+rmb, C-foo.bar).
  Token raw_test_name(); // an identifier token, empty text when there is no name
  // After an identifier at the start of a header info line (`Cycle=...`):
  // skips `= anything` to the end of the line; false if no `=` follows.
  bool skip_info_value();

  // Bodies of the `(* ... *)` comments seen so far (where herd keeps `Result:`).
  const std::vector<std::string_view> &herd_comments() const { return comments_; }

  const std::string &file_name() const { return file_; }
  [[noreturn]] void fail(int line, int column, const std::string &message) const;
  [[noreturn]] void fail(const Token &at, const std::string &message) const { fail(at.line, at.column, message); }
  [[noreturn]] void unsupported(const Token &at, const std::string &construct) const;

private:
  Token lex();
  void skip_blanks_and_comments();
  void skip_herd_comment();
  void skip_c_comment();
  Token make(TokenKind kind, std::size_t begin) const;
  Token lex_number(std::size_t begin);
  void advance(std::size_t n);
  int column_of(std::size_t offset) const { return static_cast<int>(offset - line_start_) + 1; }
  bool at(std::string_view s) const { return src_.substr(pos_, s.size()) == s; }

  std::string_view src_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  bool herd_comments_enabled_ = true;
  std::optional<Token> peeked_;
  Token last_;
  std::vector<std::string_view> comments_;
  // Where the token being lexed started; make() needs it after advance().
  int token_line_ = 1;
  int token_column_ = 1;
};

} // namespace fencelab
