#pragma once
#include "enum_names.hpp"

#include <array>
#include <cstdint>

namespace fencelab {

// herd's words for how often the condition's proposition held. A test's
// expectation is stated in the same words (herd's `Result:` line), so the
// model verdict "forbidden" is an expected Never, "allowed" an expected
// Sometimes, "required" an expected Always.
enum class Observation { never, sometimes, always };

constexpr auto enum_names(Observation) {
  using O = Observation;
  return std::array<NameOf<O>, 3>{{{O::never, "Never"}, {O::sometimes, "Sometimes"}, {O::always, "Always"}}};
}

constexpr Observation observe(std::uint64_t positive, std::uint64_t negative) {
  if (positive == 0)
    return Observation::never;
  return negative == 0 ? Observation::always : Observation::sometimes;
}

} // namespace fencelab
