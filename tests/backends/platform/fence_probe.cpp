// One function per thing the fence layer emits, compiled for the target and
// disassembled by check_fence_disassembly.sh: what the CPU really gets for
// each fence kind, whatever the headers claim.
#include "fences.hpp"
#include "ticks.hpp"

extern "C" {
void fencelab_probe_barrier() { fencelab::platform::compiler_barrier(); }
void fencelab_probe_smp_mb() { fencelab::platform::smp_mb(); }
void fencelab_probe_mfence() { fencelab::platform::mfence(); }
void fencelab_probe_smp_wmb() { fencelab::platform::smp_wmb(); }
void fencelab_probe_smp_rmb() { fencelab::platform::smp_rmb(); }
void fencelab_probe_cpu_relax() { fencelab::platform::cpu_relax(); }
unsigned long long fencelab_probe_ticks() { return fencelab::platform::ticks(); }
}
