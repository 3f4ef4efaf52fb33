#pragma once
// AArch64 (weakly ordered): barriers in the inner-shareable domain, as Linux's
// smp_* macros use (the dmb ish family), since every CPU a test runs on is in it.
#define FENCELAB_ARCH_NAME "aarch64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("dmb ish" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "dmb ish"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("dmb ishst" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "dmb ishst"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("dmb ishld" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "dmb ishld"
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("yield" ::: "memory")
// The generic timer's virtual count is synchronised across cores, and its
// frequency is architected (cntfrq_el0), so no calibration is needed.
#define FENCELAB_ARCH_TICKS()                                                                                          \
  ([] {                                                                                                                \
    unsigned long long t;                                                                                              \
    asm volatile("isb; mrs %0, cntvct_el0" : "=r"(t)::"memory");                                                       \
    return t;                                                                                                          \
  }())
#define FENCELAB_ARCH_TICKS_PER_SECOND()                                                                               \
  ([] {                                                                                                                \
    unsigned long long f;                                                                                              \
    asm volatile("mrs %0, cntfrq_el0" : "=r"(f));                                                                      \
    return f;                                                                                                          \
  }())
// Most cores have 64-byte lines, some (e.g. Apple, ThunderX2) 128: keep two
// threads' data 128 bytes apart to be safe on all of them.
#define FENCELAB_ARCH_CACHE_LINE 64
#define FENCELAB_ARCH_SEPARATION 128
