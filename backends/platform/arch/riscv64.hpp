#pragma once
// RISC-V (RVWMO): fences name their predecessor and successor sets, as
// Linux's smp_mb/smp_wmb/smp_rmb do.
#define FENCELAB_ARCH_NAME "riscv64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("fence rw,rw" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "fence rw,rw"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("fence w,w" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "fence w,w"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("fence r,r" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "fence r,r"
// Zihintpause's "pause", spelled as its encoding (a fence with an empty
// successor set) so older assemblers accept it; cores without the extension
// execute it as a no-op. Linux does the same.
#define FENCELAB_ARCH_CPU_RELAX() asm volatile(".4byte 0x100000f" ::: "memory")
// The time CSR is a shared real-time counter. Its frequency is only in the
// device tree, not readable from user space: ticks.cpp calibrates it.
#define FENCELAB_ARCH_TICKS()                                                                                          \
  ([] {                                                                                                                \
    unsigned long long t;                                                                                              \
    asm volatile("rdtime %0" : "=r"(t)::"memory");                                                                     \
    return t;                                                                                                          \
  }())
#define FENCELAB_ARCH_CACHE_LINE 64
#define FENCELAB_ARCH_SEPARATION 64
