#pragma once
// What actually runs in place of a FenceKind. Normally the fence itself; a
// *plant* swaps in a broken one so the framework can prove it catches bugs;
// a *sham* keeps a fence's duration but not its ordering, to measure whether
// a "Never" could have been anything else at that timing (ARCHITECTURE.md, "Invariants": a "never" needs a control).
#include "enum_names.hpp"
#include "fence_kind.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>

namespace fencelab {

enum class Stand {
  native,  // the fence itself
  none,    // nothing at all
  barrier, // compiler barrier only
  sham,    // a delay as long as the fence that orders nothing for other threads
};

constexpr auto enum_names(Stand) {
  using S = Stand;
  return std::array<NameOf<S>, 4>{{{S::native, "native"}, {S::none, "none"}, {S::barrier, "barrier"}, {S::sham, "sham"}}};
}

struct Substitution {
  std::map<FenceKind, Stand> stands; // absent: native
  // Sham durations per fence kind; filled from measurements by the caller.
  std::map<FenceKind, double> sham_ns;

  Stand stand_for(FenceKind k) const {
    auto it = stands.find(k);
    return it == stands.end() ? Stand::native : it->second;
  }
  bool empty() const { return stands.empty(); }
};

// Parses "smp_mb=barrier"; returns an error message or "".
std::string parse_plant(const std::string &text, Substitution &into);

// Every fence of `kinds` replaced by its sham.
Substitution sham_of_all();

// "smp_mb=barrier,membarrier=sham", for reports ("" when nothing is swapped).
std::string substitution_text(const Substitution &s);

} // namespace fencelab
