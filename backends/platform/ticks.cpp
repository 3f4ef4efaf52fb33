#include "ticks.hpp"

namespace fencelab::platform {

double ticks_per_microsecond() {
  static const double rate = [] {
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    std::uint64_t c0 = ticks();
    while (Clock::now() - t0 < std::chrono::milliseconds(2)) {
    }
    std::uint64_t c1 = ticks();
    double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
    return static_cast<double>(c1 - c0) / us;
  }();
  return rate;
}

} // namespace fencelab::platform
