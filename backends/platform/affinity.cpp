#include "affinity.hpp"

#include "errno_text.hpp"

#include <cerrno>
#include <cstring>
#include <pthread.h>
#include <sched.h>
#include <stdexcept>

namespace fencelab::platform {

std::vector<int> usable_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set))
      cpus.push_back(cpu);
  return cpus;
}

std::vector<int> parse_cpu_list(const std::string &text) {
  std::vector<int> cpus;
  std::size_t pos = 0;
  auto fail = [&](const std::string &part) {
    throw std::invalid_argument("bad CPU list '" + text + "' at '" + part + "' (expected e.g. 0-3,6)");
  };
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    std::size_t dash = part.find('-');
    try {
      std::size_t used = 0;
      int lo = std::stoi(part.substr(0, dash), &used);
      if (used != (dash == std::string::npos ? part.size() : dash) || lo < 0)
        fail(part);
      int hi = lo;
      if (dash != std::string::npos) {
        std::string rest = part.substr(dash + 1);
        hi = std::stoi(rest, &used);
        if (used != rest.size() || hi < lo)
          fail(part);
      }
      for (int c = lo; c <= hi; ++c)
        cpus.push_back(c);
    } catch (const std::logic_error &e) {
      if (dynamic_cast<const std::invalid_argument *>(&e) && std::string(e.what()).rfind("bad CPU list", 0) == 0)
        throw;
      fail(part);
    }
    if (comma == std::string::npos)
      break;
    pos = comma + 1;
  }
  return cpus;
}

std::string pin_current_thread(int cpu) {
  if (cpu < 0 || cpu >= CPU_SETSIZE)
    return "CPU " + std::to_string(cpu) + " out of range";
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  int err = pthread_setaffinity_np(pthread_self(), sizeof set, &set);
  if (err != 0)
    return "cannot pin to CPU " + std::to_string(cpu) + ": sched_setaffinity failed: " + errno_text(err);
  return "";
}

} // namespace fencelab::platform
