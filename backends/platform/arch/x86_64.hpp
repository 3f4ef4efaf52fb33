#pragma once
// x86-64 (TSO): only the full fences differ from the generic layer. Linux's
// smp_mb() is a locked add to the stack, cheaper than mfence; both are kept so
// a report can say which one ran. smp_wmb/smp_rmb are compiler barriers on TSO.
#define FENCELAB_ARCH_NAME "x86_64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("lock; addl $0,-4(%%rsp)" ::: "memory", "cc")
#define FENCELAB_ARCH_SMP_MB_TEXT "lock addl $0,-4(%rsp)"
#define FENCELAB_ARCH_MFENCE() asm volatile("mfence" ::: "memory")
#define FENCELAB_ARCH_MFENCE_TEXT "mfence"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "compiler barrier (TSO keeps store order)"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "compiler barrier (TSO keeps load order)"
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("pause" ::: "memory")
// The TSC is invariant and synchronised across cores on current x86 parts.
// Its rate is not readable from user space: ticks.cpp calibrates it.
#define FENCELAB_ARCH_TICKS()                                                                                          \
  ([] {                                                                                                                \
    unsigned lo, hi;                                                                                                   \
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));                                                                        \
    return (static_cast<unsigned long long>(hi) << 32) | lo;                                                           \
  }())
// Lines are 64 bytes, but the L2 adjacent-line prefetcher fetches them in
// 128-byte pairs, so data of two threads must be 128 bytes apart.
#define FENCELAB_ARCH_CACHE_LINE 64
#define FENCELAB_ARCH_SEPARATION 128
