#include "substitution.hpp"

namespace fencelab {

std::string parse_plant(const std::string &text, Substitution &into) {
  auto eq = text.find('=');
  if (eq == std::string::npos)
    return "expected FENCE=STAND, e.g. smp_mb=barrier, got '" + text + "'";
  auto fence = parse_enum<FenceKind>(text.substr(0, eq));
  if (!fence || *fence == FenceKind::none)
    return "unknown fence '" + text.substr(0, eq) + "' (choose " + enum_choices<FenceKind>() + ")";
  auto stand = parse_enum<Stand>(text.substr(eq + 1));
  if (!stand)
    return "unknown stand-in '" + text.substr(eq + 1) + "' (choose " + enum_choices<Stand>() + ")";
  into.stands[*fence] = *stand;
  return "";
}

Substitution sham_of_all() {
  Substitution s;
  for (const auto &entry : enum_names(FenceKind{}))
    if (entry.value != FenceKind::none && entry.value != FenceKind::barrier)
      s.stands[entry.value] = Stand::sham;
  return s;
}

std::string substitution_text(const Substitution &s) {
  std::string out;
  for (const auto &[fence, stand] : s.stands) {
    if (stand == Stand::native)
      continue;
    if (!out.empty())
      out += ',';
    out += std::string(to_string(fence)) + "=" + std::string(to_string(stand));
  }
  return out;
}

} // namespace fencelab
