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

constexpr bool is_full_or_heavy(FenceKind k) {
  return k == FenceKind::smp_mb || k == FenceKind::mfence || k == FenceKind::membarrier;
}

constexpr bool ordered_pair(FenceKind a, FenceKind b) {
  if (a == FenceKind::membarrier || b == FenceKind::membarrier)
    return true;
  return is_full_or_heavy(a) && is_full_or_heavy(b);
}

} // namespace fencelab
