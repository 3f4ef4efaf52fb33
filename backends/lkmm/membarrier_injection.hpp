#pragma once
// membarrier() as fencelab means it (ARCHITECTURE.md, "membarrier in the LKMM"): the caller's smp_mb, then
// an smp_mb injected somewhere in every other thread, all inside the call,
// then the caller's smp_mb. Each way of placing the injected fences gives one
// strong-fence relation: the execution's own mb pairs (the caller's fences are
// among them), each injected fence's pairs in its thread, and, because each
// injected fence runs after the caller's first fence and before its second,
// the pairs (caller before the call, target after its fence) and (target
// before its fence, caller after the call). Two targets of one call are not
// related to each other: their fences run in no particular order.
#include "execution.hpp"

#include <vector>

namespace fencelab::lkmm {

struct Placement {
  Relation strong; // the strong-fence relation of this placement
  // If each call were one instant, as in an interleaving checker: every
  // participant's events before its fence precede every participant's events
  // after its fence. Not the LKMM (the targets' fences run at different
  // times); only EvaluationOptions::interleaving_only uses it.
  Relation instants;
};

// One per placement that some real-time order of all the fences allows (the
// placements of different calls can contradict each other); just the
// execution's mb when no membarrier() lies on its paths.
std::vector<Placement> strong_fence_choices(const Execution &x);

} // namespace fencelab::lkmm
