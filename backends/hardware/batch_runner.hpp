#pragma once
// Batch mode: threads execute a batch of packed instances between two
// symmetric rendezvous, then each counts and resets its share of instances.
#include "backend.hpp"
#include "membarrier.hpp"
#include "placement.hpp"
#include "run_limits.hpp"
#include "worker_pool.hpp"

#include <functional>
#include <optional>
#include <string_view>

namespace fencelab::hardware {

struct BatchRunOptions : RunLimits {
  std::size_t instances_per_batch = 256;
  std::size_t stride_bytes = 8;
  bool preload = false;          // read the next batch's locations before it starts
  std::uint32_t stagger_ns = 50; // range of each worker's random start delay
  Placement placement = Placement::threads;
  // With child processes: re-execute the processes that never call the heavy
  // barrier, so they are not registered for any membarrier command.
  bool reexec_partners = false;
  double stall_seconds = 10; // child processes: no rendezvous progress this long is a failure
};

// Runs `test` on the first test.threads.size() workers of `pool`.
// Placement threads runs them on the pool's threads; the other placements run
// them in child processes pinned to the same CPUs (pool.cpus()).
BackendResult run_batches(WorkerPool &pool, const Test &test, const BatchRunOptions &options);

// The name of the hidden subcommand a re-executed partner runs as:
// `fencelab __run-group FD GROUP` with the run's shared memfd inherited as FD.
inline constexpr std::string_view reexec_command = "__run-group";

// Its body: attaches to the run in memfd `fd`, rebuilds the test by name with
// `find_test` and runs process group `group`. Returns the exit status. Must
// run before anything registers this process for membarrier.
int run_reexecuted_group(int fd, int group, const std::function<std::optional<Test>(std::string_view)> &find_test);

} // namespace fencelab::hardware
