#pragma once
// The CPU fences behind FenceKind, for the running architecture. Each
// arch/*.hpp defines only what differs; anything it leaves out falls back to
// the C++ fences here. This header and arch/ are the only places that name an
// architecture or an instruction (tests/platform/check_arch_confined.sh).
//
// What an arch/*.hpp may define (all optional):
//   FENCELAB_ARCH_NAME                      the fence layer's name
//   FENCELAB_ARCH_SMP_MB/MFENCE/SMP_WMB/SMP_RMB() and their _TEXT spelling
//   FENCELAB_ARCH_CPU_RELAX()               spin-wait hint
//   FENCELAB_ARCH_TICKS()                   a cheap counter all CPUs agree on (ticks.hpp)
//   FENCELAB_ARCH_TICKS_PER_SECOND()        its rate, if the CPU says so (else calibrated)
//   FENCELAB_ARCH_CACHE_LINE, _SEPARATION   line size; distance that avoids false sharing (cache_line.hpp)
#include <atomic>

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
inline void smp_mb() { FENCELAB_ARCH_SMP_MB(); }
inline void mfence() { FENCELAB_ARCH_MFENCE(); }
inline void smp_wmb() { FENCELAB_ARCH_SMP_WMB(); }
inline void smp_rmb() { FENCELAB_ARCH_SMP_RMB(); }
inline void cpu_relax() { FENCELAB_ARCH_CPU_RELAX(); }

struct FenceText {
  const char *barrier = "compiler barrier: asm volatile(\"\" ::: \"memory\")";
  const char *smp_mb = FENCELAB_ARCH_SMP_MB_TEXT;
  const char *mfence = FENCELAB_ARCH_MFENCE_TEXT;
  const char *smp_wmb = FENCELAB_ARCH_SMP_WMB_TEXT;
  const char *smp_rmb = FENCELAB_ARCH_SMP_RMB_TEXT;
};

} // namespace fencelab::platform
