#pragma once
// A fast clock that all CPUs agree on, for starting threads at the same
// instant: the architecture's counter where it has one, else CLOCK_MONOTONIC.
#include "fences.hpp"

#include <chrono>
#include <cstdint>

namespace fencelab::platform {

inline std::uint64_t ticks() {
#ifdef FENCELAB_ARCH_TICKS
  return FENCELAB_ARCH_TICKS();
#else
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}

// Ticks per microsecond, measured once against the steady clock.
double ticks_per_microsecond();

} // namespace fencelab::platform
