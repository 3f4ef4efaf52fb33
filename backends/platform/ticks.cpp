#include "ticks.hpp"

namespace fencelab::platform {
namespace {

// Counts ticks over 2 ms of the steady clock: works for any counter whose rate
// the CPU does not publish, and for the steady clock itself (the fallback).
double calibrated_ticks_per_microsecond() {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  std::uint64_t c0 = ticks();
  while (Clock::now() - t0 < std::chrono::milliseconds(2)) {
  }
  std::uint64_t c1 = ticks();
  double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
  return static_cast<double>(c1 - c0) / us;
}

} // namespace

double ticks_per_microsecond() {
  static const double rate = [] {
#ifdef FENCELAB_ARCH_TICKS_PER_SECOND
    // Firmware may leave the published rate unset (0): measure it then.
    if (auto hz = FENCELAB_ARCH_TICKS_PER_SECOND(); hz != 0)
      return static_cast<double>(hz) / 1e6;
#endif
    return calibrated_ticks_per_microsecond();
  }();
  return rate;
}

} // namespace fencelab::platform
