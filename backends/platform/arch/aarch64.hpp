#pragma once
#define FENCELAB_ARCH_NAME "aarch64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("dmb ish" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "dmb ish"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("dmb ishst" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "dmb ishst"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("dmb ishld" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "dmb ishld"
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("yield" ::: "memory")
// The generic timer's virtual count is synchronised across cores.
#define FENCELAB_ARCH_TICKS()                                                                                          \
  ([] {                                                                                                                \
    unsigned long long t;                                                                                              \
    asm volatile("mrs %0, cntvct_el0" : "=r"(t));                                                                      \
    return t;                                                                                                          \
  }())
