#pragma once
// Re-executed partners: a child process that never calls the heavy barrier
// execs this binary again and attaches to the run's shared memory, so that
// it starts with a fresh mm that no membarrier registration carries over to.
#include "test.hpp"

#include <functional>
#include <optional>
#include <string_view>

namespace fencelab::hardware {

// The name of the hidden subcommand a re-executed partner runs as:
// `fencelab __run-group FD GROUP` with the run's shared memfd inherited as FD.
inline constexpr std::string_view reexec_command = "__run-group";

// Its body: attaches to the run in memfd `fd`, rebuilds the test by name with
// `find_test` and runs process group `group`. Returns the exit status. Must
// run before anything registers this process for membarrier.
int run_reexecuted_group(int fd, int group, const std::function<std::optional<Test>(std::string_view)> &find_test);

// In a child process: becomes `fencelab __run-group fd group`.
[[noreturn]] void reexec_group(int fd, int group);

} // namespace fencelab::hardware
