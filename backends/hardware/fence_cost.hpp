#pragma once
// How long each fence takes here, measured, so a sham can last as long.
#include "fence_kind.hpp"
#include "membarrier.hpp"

namespace fencelab::hardware {

// Median extra nanoseconds that `store; fence` costs over `store; barrier`,
// over a few short repeated loops; 0 for kinds with no instruction.
double fence_cost_ns(FenceKind kind);

// Median nanoseconds of one `store; fence; load` iteration on private lines:
// the fast path of an asymmetric design (barrier) against a fenced one.
double fast_path_ns(FenceKind kind);

// Median nanoseconds of one call of `heavy` from this thread, `calls` times,
// with no thread of this process running elsewhere (nobody to interrupt).
double heavy_call_ns(platform::HeavyBarrierFn heavy, int calls);

} // namespace fencelab::hardware
