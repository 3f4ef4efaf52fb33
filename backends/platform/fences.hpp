#pragma once
// The CPU fences behind FenceKind, for the running architecture: a table
// keyed by FenceKind (FENCELAB_FENCE_LAYER below). Each arch/*.hpp defines
// only what differs; anything it leaves out falls back to the C++ fences here. This header and arch/ are the only places that name an
// architecture or an instruction (tests/platform/check_arch_confined.sh).
//
// What an arch/*.hpp may define (all optional):
//   FENCELAB_ARCH_NAME                      the fence layer's name
//   FENCELAB_ARCH_SMP_MB/MFENCE/SMP_WMB/SMP_RMB() and their _TEXT spelling
//   FENCELAB_ARCH_CPU_RELAX()               spin-wait hint
//   FENCELAB_ARCH_TICKS()                   a cheap counter all CPUs agree on (ticks.hpp)
//   FENCELAB_ARCH_TICKS_PER_SECOND()        its rate, if the CPU says so (else calibrated)
//   FENCELAB_ARCH_CACHE_LINE, _SEPARATION   line size; distance that avoids false sharing (cache_line.hpp)
#include "fence_kind.hpp"

#include <atomic>
#include <cstddef>
#include <utility>

#if defined(__x86_64__)
#include "arch/x86_64.hpp"
#elif defined(__aarch64__)
#include "arch/aarch64.hpp"
#elif defined(__riscv) && __riscv_xlen == 64
#include "arch/riscv64.hpp"
#elif defined(__powerpc64__)
#include "arch/ppc64.hpp"
#else
#define FENCELAB_ARCH_NAME "generic"
#endif

#ifndef FENCELAB_ARCH_SMP_MB
#define FENCELAB_ARCH_SMP_MB() std::atomic_thread_fence(std::memory_order_seq_cst)
#define FENCELAB_ARCH_SMP_MB_TEXT "std::atomic_thread_fence(seq_cst)"
#endif
#ifndef FENCELAB_ARCH_MFENCE
#define FENCELAB_ARCH_MFENCE() FENCELAB_ARCH_SMP_MB()
#define FENCELAB_ARCH_MFENCE_TEXT FENCELAB_ARCH_SMP_MB_TEXT " (no separate mfence)"
#endif
#ifndef FENCELAB_ARCH_SMP_WMB
#define FENCELAB_ARCH_SMP_WMB() std::atomic_thread_fence(std::memory_order_release)
#define FENCELAB_ARCH_SMP_WMB_TEXT "std::atomic_thread_fence(release)"
#endif
#ifndef FENCELAB_ARCH_SMP_RMB
#define FENCELAB_ARCH_SMP_RMB() std::atomic_thread_fence(std::memory_order_acquire)
#define FENCELAB_ARCH_SMP_RMB_TEXT "std::atomic_thread_fence(acquire)"
#endif
#ifndef FENCELAB_ARCH_CPU_RELAX
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("" ::: "memory")
#endif

namespace fencelab::platform {

inline constexpr const char *arch_name = FENCELAB_ARCH_NAME;

inline void compiler_barrier() { asm volatile("" ::: "memory"); }
inline void cpu_relax() { FENCELAB_ARCH_CPU_RELAX(); }

// The fence layer, one row per FenceKind that runs something here: the kind,
// the statement it runs, and how `fencelab info` spells it. Everything else
// (Fence<K>, run_fence, fence_text, tests/platform/fence_probe.cpp) is made
// from this list.
#define FENCELAB_FENCE_LAYER(X)                                                                                        \
  X(barrier, compiler_barrier(), "compiler barrier: asm volatile(\"\" ::: \"memory\")")                                \
  X(smp_mb, FENCELAB_ARCH_SMP_MB(), FENCELAB_ARCH_SMP_MB_TEXT)                                                         \
  X(mfence, FENCELAB_ARCH_MFENCE(), FENCELAB_ARCH_MFENCE_TEXT)                                                         \
  X(smp_wmb, FENCELAB_ARCH_SMP_WMB(), FENCELAB_ARCH_SMP_WMB_TEXT)                                                      \
  X(smp_rmb, FENCELAB_ARCH_SMP_RMB(), FENCELAB_ARCH_SMP_RMB_TEXT)

// Fence<K>::run() is kind K's instruction, inlined where it is called.
template <FenceKind K> struct Fence {
  static constexpr bool exists = false;
};
#define FENCELAB_FENCE_ROW(kind, statement, spelling)                                                                  \
  template <> struct Fence<FenceKind::kind> {                                                                          \
    static constexpr bool exists = true;                                                                               \
    static constexpr const char *text = spelling;                                                                      \
    static void run() { statement; }                                                                                   \
  };
FENCELAB_FENCE_LAYER(FENCELAB_FENCE_ROW)
#undef FENCELAB_FENCE_ROW

// Every CPU-side kind of framework's fence_table has an instruction here.
template <std::size_t... K> constexpr bool every_cpu_kind_has_a_fence(std::index_sequence<K...>) {
  return ((fence_table[K].side != FenceSide::cpu || Fence<static_cast<FenceKind>(K)>::exists) && ...);
}
static_assert(every_cpu_kind_has_a_fence(std::make_index_sequence<fence_kind_count>{}),
              "a CPU FenceKind without a row in FENCELAB_FENCE_LAYER");

// The full fence under its Linux name, for code that needs one whatever it imitates.
inline void smp_mb() { Fence<FenceKind::smp_mb>::run(); }

// Kind k's instruction, for a hot loop that switches on an already-lowered op;
// nothing for a kind the layer has no row for.
inline void run_fence(FenceKind k) {
#define FENCELAB_FENCE_CASE(kind, statement, spelling)                                                                 \
  case FenceKind::kind:                                                                                                \
    Fence<FenceKind::kind>::run();                                                                                     \
    break;
  switch (k) {
    FENCELAB_FENCE_LAYER(FENCELAB_FENCE_CASE)
  default:
    break;
  }
#undef FENCELAB_FENCE_CASE
}

// Calls f(Fence<K>{}) for kind k's row; false when there is none.
template <class F> bool visit_fence(FenceKind k, F &&f) {
#define FENCELAB_FENCE_VISIT(kind, statement, spelling)                                                                \
  if (k == FenceKind::kind) {                                                                                          \
    f(Fence<FenceKind::kind>{});                                                                                       \
    return true;                                                                                                       \
  }
  FENCELAB_FENCE_LAYER(FENCELAB_FENCE_VISIT)
#undef FENCELAB_FENCE_VISIT
  return false;
}

// What kind k is made of here, or nullptr when the layer has no row for it.
inline const char *fence_text(FenceKind k) {
  const char *text = nullptr;
  visit_fence(k, [&](auto fence) { text = decltype(fence)::text; });
  return text;
}

} // namespace fencelab::platform
