#pragma once
#define FENCELAB_ARCH_NAME "riscv64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("fence rw,rw" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "fence rw,rw"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("fence w,w" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "fence w,w"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("fence r,r" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "fence r,r"
