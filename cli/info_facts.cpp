#include "info_facts.hpp"

#include "affinity.hpp"
#include "enum_names.hpp"
#include "fences.hpp"
#include "heavy_barrier.hpp"
#include "json_report.hpp"
#include "machine_info.hpp"
#include "session.hpp"

#include <fmt/core.h>

namespace fencelab::cli {

InfoFacts gather_info() {
  InfoFacts f;
  f.machine = machine_json();
  f.fence_layer = platform::arch_name;
  f.usable_cpus = platform::usable_cpus();
  for (const auto &fence : fence_table) // the kinds the fence layer makes of an instruction or a barrier
    if (const char *text = platform::fence_text(fence.kind))
      f.fences.push_back({std::string(fence.name), text});
  for (const auto &entry : enum_names(HeavyBarrier{}))
    f.heavy_barriers.push_back({std::string(entry.name), platform::heavy_barrier_status(entry.value)});
  f.query_mask = platform::membarrier_query_mask();
  f.registrations = platform::membarrier_registrations();
  if (f.registrations >= 0)
    f.registrations_after_fork = platform::registrations_after_fork();
  f.commands = platform::membarrier_commands();
  return f;
}

namespace {

std::string registered_text(const platform::MembarrierCommand &c) {
  if (!c.registered)
    return c.registration.empty() && c.name.rfind("REGISTER_", 0) != 0 ? "-" : "unknown";
  return *c.registered ? "yes" : "no";
}

// A mask or -errno as JSON: {"mask": n} or {"errno": e}.
nlohmann::json mask_or_errno(int value) {
  return value < 0 ? nlohmann::json{{"errno", -value}} : nlohmann::json{{"mask", value}};
}

} // namespace

void print_info(const InfoFacts &f) {
  fmt::print("cpu        {}\n", f.machine.value("cpu_model", ""));
  fmt::print("arch       {} (fence layer: {})\n", f.machine.value("arch", ""), f.fence_layer);
  fmt::print("cpus       {} online, {} usable by this process\n", f.machine.value("online_cpus", 0),
             f.usable_cpus.size());
  fmt::print("kernel     {}\n", f.machine.value("kernel", ""));
  fmt::print("compiler   {}\n", f.machine.value("compiler", ""));
  fmt::print("\nfences\n");
  for (const auto &fence : f.fences)
    fmt::print("  {:<11} {}\n", fence.name, fence.text);
  fmt::print("\nheavy barriers (membarrier QUERY {})\n",
             f.query_mask < 0 ? fmt::format("failed, errno {}", -f.query_mask) : fmt::format("mask 0x{:x}", f.query_mask));
  for (const auto &h : f.heavy_barriers)
    fmt::print("  {:<18} {:<34} {}\n", h.name, h.status.how,
               h.status.available ? "available" : "unsupported: " + h.status.reason);
  fmt::print("\nmembarrier commands (GET_REGISTRATIONS {})\n",
             f.registrations < 0 ? fmt::format("unavailable, errno {}", -f.registrations)
                                 : fmt::format("0x{:x}", f.registrations));
  fmt::print("  {:<37} {:<9} {:<11} {}\n", "command", "offered", "registered", "note");
  for (const auto &c : f.commands)
    fmt::print("  {:<37} {:<9} {:<11} {}\n", c.name, c.offered ? "yes" : "no", registered_text(c), c.note);
  if (f.registrations >= 0) {
    int forked = f.registrations_after_fork;
    fmt::print("  a forked child sees GET_REGISTRATIONS {}: {}\n",
               forked < 0 ? fmt::format("errno {}", -forked) : fmt::format("0x{:x}", forked),
               forked == f.registrations ? "fork inherits the registrations (exec clears them)"
                                         : "fork does not carry them over here");
  }
}

nlohmann::json info_json(const InfoFacts &f) {
  nlohmann::json fences = nlohmann::json::array();
  for (const auto &fence : f.fences)
    fences.push_back({{"name", fence.name}, {"instruction", fence.text}});
  nlohmann::json heavy = nlohmann::json::array();
  for (const auto &h : f.heavy_barriers) {
    nlohmann::json one = {{"name", h.name}, {"how", h.status.how}, {"available", h.status.available}};
    if (!h.status.available)
      one["unsupported"] = h.status.reason;
    heavy.push_back(std::move(one));
  }
  nlohmann::json commands = nlohmann::json::array();
  for (const auto &c : f.commands) {
    nlohmann::json one = {{"name", c.name}, {"bit", c.bit}, {"offered", c.offered}, {"usable", c.usable},
                          {"note", c.note}};
    if (!c.registration.empty())
      one["registration"] = c.registration;
    one["registered"] = c.registered ? nlohmann::json(*c.registered) : nlohmann::json(nullptr); // null: unknown
    commands.push_back(std::move(one));
  }
  nlohmann::json membarrier = {{"query", mask_or_errno(f.query_mask)},
                               {"registrations", mask_or_errno(f.registrations)},
                               {"commands", commands}};
  if (f.registrations >= 0)
    membarrier["registrations_after_fork"] = mask_or_errno(f.registrations_after_fork);
  nlohmann::json doc = report::document_header("info");
  doc["machine"] = f.machine;
  doc["fence_layer"] = f.fence_layer;
  doc["usable_cpus"] = f.usable_cpus;
  doc["fences"] = fences;
  doc["heavy_barriers"] = heavy;
  doc["membarrier"] = membarrier;
  return doc;
}

} // namespace fencelab::cli
