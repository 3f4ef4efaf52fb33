#include "interrupts.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace fencelab::platform {

std::optional<std::vector<std::uint64_t>> function_call_interrupts() {
  std::ifstream in("/proc/interrupts");
  std::string line;
  std::getline(in, line); // header: one column per CPU
  std::size_t cpus = 0;
  {
    std::istringstream header(line);
    std::string word;
    while (header >> word)
      ++cpus;
  }
  while (std::getline(in, line)) {
    // Found by its description, which every architecture that has the line
    // spells the same; the label differs ("CAL:", "IPI1:", ...).
    if (line.find("Function call interrupts") == std::string::npos)
      continue;
    std::istringstream fields(line);
    std::string label;
    fields >> label;
    std::vector<std::uint64_t> counts;
    std::uint64_t n;
    while (counts.size() < cpus && fields >> n)
      counts.push_back(n);
    return counts;
  }
  return std::nullopt;
}

} // namespace fencelab::platform
