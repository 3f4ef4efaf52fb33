// One function per thing the fence layer emits, compiled for the target and
// disassembled by check_fence_disassembly.sh: what the CPU really gets for
// each fence kind, whatever the headers claim. The fence functions come from
// the layer's own list, so a new kind gets its probe without an edit here.
#include "fences.hpp"
#include "ticks.hpp"

extern "C" {
#define FENCELAB_PROBE(kind, statement, spelling)                                                                      \
  void fencelab_probe_##kind() { fencelab::platform::Fence<fencelab::FenceKind::kind>::run(); }
FENCELAB_FENCE_LAYER(FENCELAB_PROBE)
#undef FENCELAB_PROBE
void fencelab_probe_cpu_relax() { fencelab::platform::cpu_relax(); }
unsigned long long fencelab_probe_ticks() { return fencelab::platform::ticks(); }
}
