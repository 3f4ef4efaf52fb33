#pragma once
// The heavy barrier, in one place: detection (QUERY once), registration of the
// private- and global-expedited intents, per-command availability with the
// kernel's reason, and the call itself. Pairing rule (membarrier(2)): a thread
// using only compiler barriers is ordered against a thread that calls
// membarrier; two threads using only compiler barriers are not.
//
// Registration must happen before the process creates its test threads:
// registering later makes the kernel wait for a grace period, and a command
// used before its registration fails with EPERM.
#include "heavy_barrier.hpp"

#include <string>

namespace fencelab::platform {

struct HeavyBarrierStatus {
  bool available = false;
  std::string reason; // why not, in one line, when unavailable
  std::string how;    // the command or mechanism used, for reports
};

// Idempotent; call early in main and before spawning any thread.
void membarrier_setup();

// The QUERY mask, or -errno when QUERY itself failed.
int membarrier_query_mask();

// MEMBARRIER_CMD_GET_REGISTRATIONS (Linux 6.3+) for the calling process: the
// mask of REGISTER_* commands it has issued, or -errno (EINVAL: older kernel).
// Does not register anything, so a fresh partner process may call it.
int membarrier_registrations();

HeavyBarrierStatus heavy_barrier_status(HeavyBarrier kind);

// Returns 0 on success, errno on failure. Only call kinds that are available.
using HeavyBarrierFn = int (*)();
HeavyBarrierFn heavy_barrier_function(HeavyBarrier kind);

} // namespace fencelab::platform
