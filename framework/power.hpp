#pragma once
// The power of a "Never": would this run have seen the weak outcome if the
// fences had not ordered anything? A sham control keeps the fences' timing
// and drops their ordering; its weak-outcome rate, applied to the real run's
// iterations, gives the count a non-ordering fence would have produced and
// the probability of seeing none by chance.
#include "enum_names.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace fencelab {

enum class PowerLabel {
  powered,      // the sham shows the outcome often enough that 0 in the real run is evidence
  underpowered, // the sham shows it, but too rarely for a confident "Never"
  untestable,   // the sham never shows it either: at this timing a "Never" says nothing
};

constexpr auto enum_names(PowerLabel) {
  using P = PowerLabel;
  return std::array<NameOf<P>, 3>{
      {{P::powered, "powered"}, {P::underpowered, "underpowered"}, {P::untestable, "untestable at this timing"}}};
}

struct Power {
  std::uint64_t iterations = 0, weak = 0;           // the real run
  std::uint64_t sham_iterations = 0, sham_weak = 0; // the sham control
  double sham_rate = 0;       // sham_weak / sham_iterations
  double expected = 0;        // weak outcomes expected in the real run at the sham's rate
  double p_zero = 1;          // probability of 0 in the real run at that rate
  double confidence = 0;      // 1 - p_zero
  PowerLabel label = PowerLabel::untestable;
  std::string sham;           // what the sham ran, e.g. "membarrier=sham(3600 ns)"
};

// A "Never" counts as powered at this confidence or above.
inline constexpr double powered_confidence = 0.999;

Power assess_power(std::uint64_t iterations, std::uint64_t weak, std::uint64_t sham_iterations,
                   std::uint64_t sham_weak, std::string sham_text);

} // namespace fencelab
