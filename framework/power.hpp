#pragma once
// The power of a "Never": would this run have seen the weak outcome if the
// fences had not ordered anything? A sham control keeps the fences' timing
// and drops their ordering; how often it shows the weak outcome tells how
// likely a non-ordering fence was to show it in the real run.
//
// Weak outcomes come in bursts (a run's rate moves ×2–3 with the host's
// state), so single iterations are not independent trials. The unit of
// evidence is a round of the hardware run — a batch (batch mode) or a chunk
// (perpetual mode) — each counted as showing the weak outcome or not:
//
//   p̂   = k / m                     k of the sham's m units showed ≥ 1 weak outcome
//   p_L  = Clopper–Pearson lower    one-sided, 95 %: the p with P(X ≥ k | m, p) = 0.05
//   n    = min(real units, real iterations / the sham's mean unit size)
//   P(0) = (1 − p_L)^n
//   confidence = 1 − P(0); powered when ≥ 0.999
//
// The exact bound is used at every size (it tends to p̂ as m grows, so no
// switch between an exact and an asymptotic formula is needed): with few
// units it keeps a sham that was lucky from powering a cell. ARCHITECTURE.md
// ("Power of a Never") gives the reasons for the level and the units.
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

// What one run (the real one or its sham) reports for the power.
struct PowerCounts {
  std::uint64_t iterations = 0, weak = 0;
  std::uint64_t units = 0;      // batches or chunks that completed >= 1 trial
  std::uint64_t weak_units = 0; // of them, those with >= 1 weak outcome
};

struct Power {
  std::uint64_t iterations = 0, weak = 0;           // the real run
  std::uint64_t sham_iterations = 0, sham_weak = 0; // the sham control
  std::uint64_t units = 0, weak_units = 0;          // the real run's batches or chunks, and those with a weak outcome
  std::uint64_t sham_units = 0, sham_weak_units = 0;
  double sham_rate = 0;       // sham_weak / sham_iterations (per iteration; shown, not used for the label)
  double expected = 0;        // weak outcomes expected in the real run at the sham's rate
  double sham_unit_rate = 0;  // p̂ = sham_weak_units / sham_units
  double sham_unit_rate_lower = 0; // p_L, its Clopper–Pearson lower bound
  double effective_units = 0; // n: the real run's units, counted in sham-sized units when they are smaller
  double p_zero = 1;          // (1 - p_L)^units: probability of no weak unit in the real run
  double confidence = 0;      // 1 - p_zero
  PowerLabel label = PowerLabel::untestable;
  std::string sham;           // what the sham ran, e.g. "membarrier=sham(3600 ns)"
};

// A "Never" counts as powered at this confidence or above.
inline constexpr double powered_confidence = 0.999;
// The one-sided level of the lower bound on the sham's unit rate.
inline constexpr double unit_rate_bound_level = 0.95;

// The exact (Clopper–Pearson) one-sided lower confidence bound on a binomial
// proportion after `k` successes in `m` trials: the p at which k or more
// successes have probability 1 - level. 0 when k == 0.
double clopper_pearson_lower(std::uint64_t k, std::uint64_t m, double level);

// Untestable when the sham reports no unit with a weak outcome (or no units).
Power assess_power(const PowerCounts &real, const PowerCounts &sham, std::string sham_text);

} // namespace fencelab
