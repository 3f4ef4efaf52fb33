#include "power.hpp"

#include <cmath>

namespace fencelab {

Power assess_power(std::uint64_t iterations, std::uint64_t weak, std::uint64_t sham_iterations,
                   std::uint64_t sham_weak, std::string sham_text) {
  Power p;
  p.iterations = iterations;
  p.weak = weak;
  p.sham_iterations = sham_iterations;
  p.sham_weak = sham_weak;
  p.sham = std::move(sham_text);
  if (p.sham_iterations == 0 || p.sham_weak == 0)
    return p;
  p.sham_rate = static_cast<double>(p.sham_weak) / static_cast<double>(p.sham_iterations);
  p.expected = p.sham_rate * static_cast<double>(p.iterations);
  // Each iteration independently weak with the sham's rate: P(0) = (1-r)^n.
  p.p_zero = std::exp(static_cast<double>(p.iterations) * std::log1p(-std::min(p.sham_rate, 1.0 - 1e-16)));
  p.confidence = 1.0 - p.p_zero;
  p.label = p.confidence >= powered_confidence ? PowerLabel::powered : PowerLabel::underpowered;
  return p;
}

} // namespace fencelab
