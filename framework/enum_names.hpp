#pragma once
// One table per enum gives both its printed names and its parser, so the CLI,
// the reporters and the JSON can never disagree on a spelling. An enum opts in
// by declaring `constexpr auto enum_names(E)` returning an array of NameOf<E>.
#include <optional>
#include <string>
#include <string_view>

namespace fencelab {

template <class E> struct NameOf {
  E value;
  std::string_view name;
};

template <class E> constexpr std::string_view to_string(E value) {
  for (const auto &entry : enum_names(E{}))
    if (entry.value == value)
      return entry.name;
  return "?";
}

template <class E> constexpr std::optional<E> parse_enum(std::string_view text) {
  for (const auto &entry : enum_names(E{}))
    if (entry.name == text)
      return entry.value;
  return std::nullopt;
}

// "a|b|c", for help texts and error messages.
template <class E> std::string enum_choices() {
  std::string out;
  for (const auto &entry : enum_names(E{})) {
    if (!out.empty())
      out += '|';
    out += entry.name;
  }
  return out;
}

} // namespace fencelab
