#pragma once
// Which CPUs exist and pinning the calling thread to one of them.
#include <string>
#include <vector>

namespace fencelab::platform {

// CPUs this process may run on (its affinity mask), ascending.
std::vector<int> usable_cpus();

// Parses "0-3,6" into CPU numbers; throws std::invalid_argument naming the bad part.
std::vector<int> parse_cpu_list(const std::string &text);

// Pins the calling thread; returns "" or the reason it could not.
std::string pin_current_thread(int cpu);

} // namespace fencelab::platform
