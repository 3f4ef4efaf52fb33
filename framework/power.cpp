#include "power.hpp"

#include <algorithm>
#include <cmath>

namespace fencelab {
namespace {

// P(X >= k) for X ~ Binomial(m, p), with p <= k/m so that the terms from k
// upwards only shrink: they are summed until they stop mattering.
double upper_tail(std::uint64_t k, std::uint64_t m, double p) {
  if (p <= 0)
    return 0;
  if (p >= 1)
    return 1;
  const double dm = static_cast<double>(m), dk = static_cast<double>(k);
  double log_term = std::lgamma(dm + 1) - std::lgamma(dk + 1) - std::lgamma(dm - dk + 1) + dk * std::log(p) +
                    (dm - dk) * std::log1p(-p);
  double term = std::exp(log_term), sum = 0;
  const double odds = p / (1 - p);
  for (std::uint64_t j = k; j <= m; ++j) {
    sum += term;
    if (term <= sum * 1e-17 || j == m)
      break;
    term *= static_cast<double>(m - j) / static_cast<double>(j + 1) * odds;
  }
  return std::min(sum, 1.0);
}

} // namespace

double clopper_pearson_lower(std::uint64_t k, std::uint64_t m, double level) {
  if (k == 0 || m == 0)
    return 0;
  const double alpha = 1 - level;
  if (k == m) // the tail is p^m: solved exactly
    return std::pow(alpha, 1.0 / static_cast<double>(m));
  // The tail grows with p; the bound lies below k/m (where the tail is about a half).
  double lo = 0, hi = static_cast<double>(k) / static_cast<double>(m);
  for (int step = 0; step < 200 && hi - lo > hi * 1e-12; ++step) {
    double mid = (lo + hi) / 2;
    (upper_tail(k, m, mid) < alpha ? lo : hi) = mid;
  }
  return lo;
}

Power assess_power(const PowerCounts &real, const PowerCounts &sham, std::string sham_text) {
  Power p;
  p.iterations = real.iterations;
  p.weak = real.weak;
  p.units = real.units;
  p.weak_units = real.weak_units;
  p.sham_iterations = sham.iterations;
  p.sham_weak = sham.weak;
  p.sham_units = sham.units;
  p.sham_weak_units = sham.weak_units;
  p.sham = std::move(sham_text);
  if (p.sham_iterations != 0) {
    p.sham_rate = static_cast<double>(p.sham_weak) / static_cast<double>(p.sham_iterations);
    p.expected = p.sham_rate * static_cast<double>(p.iterations);
  }
  if (p.sham_units == 0 || p.sham_weak_units == 0)
    return p;
  p.sham_unit_rate = static_cast<double>(p.sham_weak_units) / static_cast<double>(p.sham_units);
  p.sham_unit_rate_lower = clopper_pearson_lower(p.sham_weak_units, p.sham_units, unit_rate_bound_level);
  // A unit's chance of a weak outcome grows with its size: real units smaller
  // than the sham's (a chunk cut short) count as the fraction they are.
  double sham_unit_size = static_cast<double>(p.sham_iterations) / static_cast<double>(p.sham_units);
  p.effective_units = std::min(static_cast<double>(p.units), static_cast<double>(p.iterations) / sham_unit_size);
  // Units independent, each weak with probability at least p_L: P(0) = (1 - p_L)^n.
  p.p_zero = std::exp(p.effective_units * std::log1p(-std::min(p.sham_unit_rate_lower, 1.0 - 1e-16)));
  p.confidence = 1.0 - p.p_zero;
  p.label = p.confidence >= powered_confidence ? PowerLabel::powered : PowerLabel::underpowered;
  return p;
}

} // namespace fencelab
