#pragma once
// Function-call interrupt counts per CPU (the "Function call interrupts" line of
// /proc/interrupts): how a membarrier that IPIs its partner shows itself.
#include <optional>
#include <vector>
#include <cstdint>

namespace fencelab::platform {

// One count per CPU column, or nothing where the kernel has no such line.
std::optional<std::vector<std::uint64_t>> function_call_interrupts();

} // namespace fencelab::platform
