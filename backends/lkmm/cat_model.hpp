#pragma once
// linux-kernel.cat over one candidate execution, for the vocabulary fencelab
// tests use (ONCE, release/acquire, plain accesses, smp_mb/wmb/rmb and
// dependencies). Locks, RCU, SRCU and RMWs do not occur, so every relation
// built from them is empty: `atomic` and `rcu` hold trivially, gp and
// rcu-fence vanish from strong-fence and full-fence, po-unlock-lock-po from
// ppo and cumul-fence, and R4rmb is R (no Noreturn reads).
#include "execution.hpp"

namespace fencelab::lkmm {

// What the cat's relations need beyond the Execution: rf, co (transitive,
// initial writes first) and strong-fence, which is the Execution's mb plus
// whatever the membarrier() encoding adds (membarrier_injection.hpp).
struct Witness {
  Relation rf, co, strong;
};

struct CandidateVerdict {
  bool consistent = false; // coherence (checked by rf_co), happens-before, propagation, plain-coherence
  bool data_race = false;  // the `data-race` flag, meaningful only when consistent
};

CandidateVerdict check_candidate(const Execution &x, const Witness &w);

} // namespace fencelab::lkmm
