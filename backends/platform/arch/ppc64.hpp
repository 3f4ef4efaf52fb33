#pragma once
// 64-bit POWER: sync (hwsync) is the only full fence; lwsync orders every
// pair except store->load, which is all smp_wmb and smp_rmb need (Linux uses
// lwsync for both on ppc64).
#define FENCELAB_ARCH_NAME "ppc64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("sync" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "sync (hwsync)"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("lwsync" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "lwsync"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("lwsync" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "lwsync"
// Drop SMT priority while spinning, then restore it: leaving the thread at
// low priority would slow the test that follows (Linux: HMT_low; HMT_medium).
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("or 1,1,1\n\tor 2,2,2" ::: "memory")
// The time base is synchronised across cores. Its frequency is in
// /proc/cpuinfo, not an instruction: ticks.cpp calibrates it.
#define FENCELAB_ARCH_TICKS()                                                                                          \
  ([] {                                                                                                                \
    unsigned long long t;                                                                                              \
    asm volatile("mftb %0" : "=r"(t)::"memory");                                                                       \
    return t;                                                                                                          \
  }())
#define FENCELAB_ARCH_CACHE_LINE 128
#define FENCELAB_ARCH_SEPARATION 128
