// `fencelab info`: the machine, and what each barrier kind is made of here.
#include "affinity.hpp"
#include "commands.hpp"
#include "fences.hpp"
#include "machine_info.hpp"
#include "membarrier.hpp"
#include "membarrier_commands.hpp"
#include "options.hpp"

#include <fmt/core.h>

namespace fencelab::cli {

int info_command(const std::vector<std::string> &args) {
  po::options_description desc("info options");
  if (!parse_command("info", args, desc, {}, ""))
    return 0;
  auto m = platform::machine_info();
  auto usable = platform::usable_cpus();
  fmt::print("cpu        {}\n", m.cpu_model);
  fmt::print("arch       {} (fence layer: {})\n", m.arch, platform::arch_name);
  fmt::print("cpus       {} online, {} usable by this process\n", m.online_cpus, usable.size());
  fmt::print("kernel     {}\n", m.kernel);
  fmt::print("compiler   {}\n", m.compiler);
  fmt::print("\nfences\n");
  for (const auto &fence : fence_table) // the kinds the fence layer makes of an instruction or a barrier
    if (const char *text = platform::fence_text(fence.kind))
      fmt::print("  {:<11} {}\n", fence.name, text);
  int mask = platform::membarrier_query_mask();
  fmt::print("\nheavy barriers (membarrier QUERY {})\n",
             mask < 0 ? fmt::format("failed, errno {}", -mask) : fmt::format("mask 0x{:x}", mask));
  for (const auto &entry : enum_names(HeavyBarrier{})) {
    auto st = platform::heavy_barrier_status(entry.value);
    fmt::print("  {:<18} {:<34} {}\n", entry.name, st.how, st.available ? "available" : "unsupported: " + st.reason);
  }
  int registrations = platform::membarrier_registrations();
  fmt::print("\nmembarrier commands (GET_REGISTRATIONS {})\n",
             registrations < 0 ? fmt::format("unavailable, errno {}", -registrations)
                               : fmt::format("0x{:x}", registrations));
  fmt::print("  {:<37} {:<9} {:<11} {}\n", "command", "offered", "registered", "note");
  for (const auto &c : platform::membarrier_commands()) {
    std::string registered = !c.registered ? (c.registration.empty() && c.name.rfind("REGISTER_", 0) != 0 ? "-" : "unknown")
                                           : *c.registered ? "yes" : "no";
    fmt::print("  {:<37} {:<9} {:<11} {}\n", c.name, c.offered ? "yes" : "no", registered, c.note);
  }
  if (registrations >= 0) {
    int forked = platform::registrations_after_fork();
    fmt::print("  a forked child sees GET_REGISTRATIONS {}: {}\n",
               forked < 0 ? fmt::format("errno {}", -forked) : fmt::format("0x{:x}", forked),
               forked == registrations ? "fork inherits the registrations (exec clears them)"
                                       : "fork does not carry them over here");
  }
  return 0;
}

} // namespace fencelab::cli
