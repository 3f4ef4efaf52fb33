#include "lexer.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace fencelab {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// herd's own character set for test names.
bool is_test_name_char(char c) {
  return is_alnum(c) || c == '/' || c == '.' || c == '-' || c == '+' || c == '[' || c == ']';
}

// Longest first, so that `/\` is not lexed as `/`.
constexpr std::array<std::string_view, 13> multi_char_puncts{
    "/\\", "\\/", "=>", "==", "!=", "<>", "<=", ">=", "&&", "||", "->", "<<", ">>"};
constexpr std::string_view single_char_puncts = "(){}[];:,*&=+-<>!~|^/%.?";

} // namespace

std::string Token::describe() const {
  switch (kind) {
  case TokenKind::end:
    return "end of file";
  case TokenKind::string:
    return "a string";
  default:
    break;
  }
  constexpr std::size_t shown = 40;
  if (text.size() > shown)
    return "'" + std::string(text.substr(0, shown)) + "...'";
  return "'" + std::string(text) + "'";
}

Lexer::Lexer(std::string_view source, std::string file_name) : src_(source), file_(std::move(file_name)) {}

void Lexer::fail(int line, int column, const std::string &message) const {
  throw ParseError(file_, line, column, message);
}

void Lexer::unsupported(const Token &at, const std::string &construct) const {
  throw ParseError::unsupported(file_, at.line, at.column, construct);
}

const Token &Lexer::peek() {
  if (!peeked_)
    peeked_ = lex();
  return *peeked_;
}

Token Lexer::next() {
  Token t = peek();
  peeked_.reset();
  last_ = t;
  return t;
}

void Lexer::set_herd_comments(bool enabled) {
  if (peeked_)
    throw std::logic_error("Lexer::set_herd_comments with a token peeked");
  herd_comments_enabled_ = enabled;
}

void Lexer::advance(std::size_t n) {
  for (std::size_t end = pos_ + n; pos_ < end && pos_ < src_.size(); ++pos_)
    if (src_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
}

Token Lexer::raw_test_name() {
  if (peeked_)
    throw std::logic_error("Lexer::raw_test_name with a token peeked");
  while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t'))
    advance(1);
  token_line_ = line_;
  token_column_ = column_of(pos_);
  std::size_t begin = pos_;
  while (pos_ < src_.size() && is_test_name_char(src_[pos_]))
    advance(1);
  return make(TokenKind::identifier, begin);
}

bool Lexer::skip_info_value() {
  if (peeked_)
    throw std::logic_error("Lexer::skip_info_value with a token peeked");
  std::size_t p = pos_;
  while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t'))
    ++p;
  if (p >= src_.size() || src_[p] != '=')
    return false;
  std::size_t eol = src_.find('\n', p);
  advance((eol == std::string_view::npos ? src_.size() : eol) - pos_);
  return true;
}

void Lexer::skip_herd_comment() {
  int line = line_;
  int column = column_of(pos_);
  advance(2);
  std::size_t body = pos_;
  for (int depth = 1; depth > 0;) {
    if (pos_ >= src_.size())
      fail(line, column, "unterminated comment '(*'");
    if (at("(*")) {
      ++depth;
      advance(2);
    } else if (at("*)")) {
      if (--depth == 0)
        comments_.push_back(src_.substr(body, pos_ - body));
      advance(2);
    } else {
      advance(1);
    }
  }
}

void Lexer::skip_c_comment() {
  int line = line_;
  int column = column_of(pos_);
  std::size_t end = src_.find("*/", pos_ + 2);
  if (end == std::string_view::npos)
    fail(line, column, "unterminated comment '/*'");
  advance(end + 2 - pos_);
}

void Lexer::skip_blanks_and_comments() {
  while (pos_ < src_.size()) {
    if (is_blank(src_[pos_])) {
      advance(1);
    } else if (at("//")) {
      std::size_t eol = src_.find('\n', pos_);
      advance((eol == std::string_view::npos ? src_.size() : eol) - pos_);
    } else if (at("/*")) {
      skip_c_comment();
    } else if (herd_comments_enabled_ && at("(*")) {
      skip_herd_comment();
    } else {
      return;
    }
  }
}

Token Lexer::make(TokenKind kind, std::size_t begin) const {
  Token t;
  t.kind = kind;
  t.text = src_.substr(begin, pos_ - begin);
  t.line = token_line_;
  t.column = token_column_;
  return t;
}

Token Lexer::lex_number(std::size_t begin) {
  int base = 10;
  std::size_t digits = begin;
  if (at("0x") || at("0X")) {
    base = 16;
    advance(2);
    digits = pos_;
  }
  while (pos_ < src_.size() &&
         (base == 16 ? std::isxdigit(static_cast<unsigned char>(src_[pos_])) != 0 : is_digit(src_[pos_])))
    advance(1);
  // `10UL`, `1st`, `0x`: not a number herd or fencelab would read the same way.
  bool malformed = digits == pos_ || (pos_ < src_.size() && is_alnum(src_[pos_]));
  while (pos_ < src_.size() && is_alnum(src_[pos_]))
    advance(1);
  Token t = make(TokenKind::number, begin);
  if (malformed)
    fail(t, "malformed number " + t.describe());
  auto [end, error] = std::from_chars(src_.data() + digits, src_.data() + pos_, t.number, base);
  if (error != std::errc() || end != src_.data() + pos_)
    fail(t, "integer constant " + t.describe() + " is out of range");
  return t;
}

Token Lexer::lex() {
  skip_blanks_and_comments();
  token_line_ = line_;
  token_column_ = column_of(pos_);
  std::size_t begin = pos_;
  if (pos_ >= src_.size())
    return make(TokenKind::end, begin);
  char c = src_[pos_];
  if (is_alpha(c)) {
    while (pos_ < src_.size() && is_alnum(src_[pos_]))
      advance(1);
    return make(TokenKind::identifier, begin);
  }
  if (is_digit(c))
    return lex_number(begin);
  if (c == '"') {
    std::size_t close = src_.find('"', pos_ + 1);
    if (close == std::string_view::npos)
      fail(token_line_, token_column_, "unterminated string");
    advance(close + 1 - pos_);
    Token t = make(TokenKind::string, begin);
    t.text = t.text.substr(1, t.text.size() - 2);
    return t;
  }
  for (std::string_view p : multi_char_puncts)
    if (at(p)) {
      advance(p.size());
      return make(TokenKind::punct, begin);
    }
  if (single_char_puncts.find(c) != std::string_view::npos) {
    advance(1);
    return make(TokenKind::punct, begin);
  }
  auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7f)
    fail(token_line_, token_column_, std::string("unexpected character '") + c + "'");
  constexpr char hex[] = "0123456789abcdef";
  fail(token_line_, token_column_, std::string("unexpected byte 0x") + hex[byte >> 4] + hex[byte & 0xf]);
}

} // namespace fencelab
