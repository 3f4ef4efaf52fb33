#pragma once
#include "enum_names.hpp"

#include <array>

namespace fencelab {

// How a `membarrier` fence is realised on hardware.
enum class HeavyBarrier {
  private_expedited, // MEMBARRIER_CMD_PRIVATE_EXPEDITED: IPIs this process's running threads
  global_expedited,  // MEMBARRIER_CMD_GLOBAL_EXPEDITED: IPIs registered processes
  global,            // MEMBARRIER_CMD_GLOBAL: waits for an RCU grace period
  mprotect,          // TLB shootdown through mprotect, the fallback of old kernels
};

constexpr auto enum_names(HeavyBarrier) {
  using H = HeavyBarrier;
  return std::array<NameOf<H>, 4>{{{H::private_expedited, "private-expedited"},
                                   {H::global_expedited, "global-expedited"},
                                   {H::global, "global"},
                                   {H::mprotect, "mprotect"}}};
}

} // namespace fencelab
