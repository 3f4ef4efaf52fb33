#pragma once
#include "enum_names.hpp"

#include <array>

namespace fencelab {

// What a Fence op asks for. How each is realised is the platform layer's
// business (backends/platform) or the model's (backends/relacy).
enum class FenceKind {
  none,       // no instruction at all: the compiler may reorder
  barrier,    // compiler barrier only
  smp_mb,     // the CPU's full fence, as Linux spells it (`fencelab info` names it)
  mfence,     // a CPU's second, stronger full fence where it has one; elsewhere smp_mb
  smp_wmb,    // store-store fence
  smp_rmb,    // load-load fence
  membarrier, // the process-wide heavy barrier (see HeavyBarrier)
};

constexpr auto enum_names(FenceKind) {
  using F = FenceKind;
  return std::array<NameOf<F>, 7>{{{F::none, "none"},
                                   {F::barrier, "barrier"},
                                   {F::smp_mb, "smp_mb"},
                                   {F::mfence, "mfence"},
                                   {F::smp_wmb, "smp_wmb"},
                                   {F::smp_rmb, "smp_rmb"},
                                   {F::membarrier, "membarrier"}}};
}

} // namespace fencelab
