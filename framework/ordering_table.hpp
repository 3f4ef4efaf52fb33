#pragma once
// The membarrier(2) ordering table: which pairings of the light side
// (barrier), the CPU fence (smp_mb) and the heavy side (membarrier) order
// memory between two threads. "Ordered" means a litmus shape such as SB or MP
// with these two fences cannot show its weak outcome.
//
//               barrier   smp_mb   membarrier
//   barrier       no        no        yes
//   smp_mb        no        yes       yes
//   membarrier    yes       yes       yes
#include "fence_kind.hpp"

namespace fencelab {

constexpr bool ordered_pair(FenceKind a, FenceKind b) {
  if (fence_info(a).side == FenceSide::heavy || fence_info(b).side == FenceSide::heavy)
    return true;
  return is_full_or_heavy(a) && is_full_or_heavy(b);
}

} // namespace fencelab
