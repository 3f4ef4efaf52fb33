#include "c_types.hpp"

#include <algorithm>
#include <array>

namespace fencelab {
namespace {

constexpr std::array<std::string_view, 20> integer_words{
    "int",    "long",    "short",   "char",     "signed",  "unsigned", "volatile", "const",    "intptr_t", "uintptr_t",
    "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t",  "uint64_t", "size_t",   "ssize_t"};

// Types herd's C front end knows that fencelab's Op form cannot express.
constexpr std::array<std::string_view, 16> unsupported_words{
    "atomic_t", "atomic_long_t", "atomic_int", "_Atomic", "spinlock_t", "mtx_t", "srcu_struct", "struct",
    "union",    "enum",          "void",       "float",   "double",     "bool",  "_Bool",       "__int128"};

template <std::size_t N> bool contains(const std::array<std::string_view, N> &words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

} // namespace

TypeWord type_word(std::string_view word) {
  if (contains(integer_words, word))
    return TypeWord::integer;
  if (contains(unsupported_words, word))
    return TypeWord::unsupported;
  return TypeWord::none;
}

bool parse_type_words(ParseContext &ctx) {
  bool any = false;
  while (ctx.lex.peek().kind == TokenKind::identifier) {
    const Token &word = ctx.lex.peek();
    TypeWord kind = type_word(word.text);
    if (kind == TypeWord::none)
      break;
    if (kind == TypeWord::unsupported)
      ctx.lex.unsupported(word, std::string(word.text));
    ctx.lex.next();
    any = true;
  }
  return any;
}

} // namespace fencelab
