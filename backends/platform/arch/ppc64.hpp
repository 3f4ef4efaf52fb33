#pragma once
#define FENCELAB_ARCH_NAME "ppc64"

#define FENCELAB_ARCH_SMP_MB() asm volatile("sync" ::: "memory")
#define FENCELAB_ARCH_SMP_MB_TEXT "sync"
#define FENCELAB_ARCH_SMP_WMB() asm volatile("lwsync" ::: "memory")
#define FENCELAB_ARCH_SMP_WMB_TEXT "lwsync"
#define FENCELAB_ARCH_SMP_RMB() asm volatile("lwsync" ::: "memory")
#define FENCELAB_ARCH_SMP_RMB_TEXT "lwsync"
#define FENCELAB_ARCH_CPU_RELAX() asm volatile("or 1,1,1" ::: "memory")
