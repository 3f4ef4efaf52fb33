#include "condition_match.hpp"

#include <cctype>
#include <stdexcept>

namespace fencelab::cli {
namespace {

struct Unreadable : std::runtime_error {
  Unreadable() : std::runtime_error("unreadable condition") {}
};

// Recursive descent over herd's proposition syntax: \/ binds loosest, then
// /\, then ~; atoms are `slot=value`, `slot=[location]` or `slot=T:reg`.
class Reader {
public:
  Reader(const std::string &text, const OutcomeCount &outcome) : s_(text), outcome_(outcome) {}

  bool condition() {
    bool filter = true;
    if (word("filter"))
      filter = parenthesised();
    if (!word("~exists") && !word("exists") && !word("forall"))
      throw Unreadable();
    bool holds = parenthesised();
    skip_space();
    if (pos_ != s_.size())
      throw Unreadable();
    return filter && holds;
  }

private:
  const std::string &s_;
  const OutcomeCount &outcome_;
  std::size_t pos_ = 0;

  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
  }
  bool word(const std::string &w) {
    skip_space();
    if (s_.compare(pos_, w.size(), w) != 0)
      return false;
    pos_ += w.size();
    return true;
  }
  void expect(const std::string &w) {
    if (!word(w))
      throw Unreadable();
  }
  bool parenthesised() {
    expect("(");
    bool v = disjunction();
    expect(")");
    return v;
  }
  bool disjunction() {
    bool v = conjunction();
    while (word("\\/"))
      v = conjunction() || v; // evaluate every operand: each must be readable
    return v;
  }
  bool conjunction() {
    bool v = unary();
    while (word("/\\"))
      v = unary() && v;
    return v;
  }
  bool unary() {
    if (word("~"))
      return !unary();
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '(')
      return parenthesised();
    if (word("true"))
      return true;
    std::string slot = name();
    expect("=");
    skip_space();
    std::string right;
    if (word("[")) {
      right = value_of(name());
      expect("]");
    } else {
      right = name();
      if (right.find(':') != std::string::npos)
        right = value_of(right);
    }
    return value_of(slot) == right;
  }
  // A slot name (`0:r0`, `x`), a number (`-1`) or a location name as a value.
  std::string name() {
    skip_space();
    std::size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' ||
                                s_[pos_] == ':' || s_[pos_] == '-' || s_[pos_] == '.'))
      ++pos_;
    if (pos_ == start)
      throw Unreadable();
    return s_.substr(start, pos_ - start);
  }
  std::string value_of(const std::string &slot) const {
    for (const auto &[name, value] : outcome_.values)
      if (name == slot)
        return value;
    throw Unreadable();
  }
};

} // namespace

std::optional<bool> satisfies_condition(const std::string &condition, const OutcomeCount &outcome) {
  try {
    return Reader(condition, outcome).condition();
  } catch (const Unreadable &) {
    return std::nullopt;
  }
}

} // namespace fencelab::cli
