#pragma once
// What `fencelab info` reports: the machine, the fence layer's instructions,
// each heavy barrier's status, and the membarrier(2) command matrix, read once
// and printed as text or as a JSON document (results/schema.json, info_document).
#include "membarrier.hpp"
#include "membarrier_commands.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fencelab::cli {

struct InfoFacts {
  nlohmann::json machine;  // as every result document has it (session.hpp)
  std::string fence_layer; // the arch file the fences come from
  std::vector<int> usable_cpus;
  struct Fence {
    std::string name, text;
  };
  std::vector<Fence> fences;
  struct Heavy {
    std::string name;
    platform::HeavyBarrierStatus status;
  };
  std::vector<Heavy> heavy_barriers;
  int query_mask = 0;             // membarrier QUERY, or -errno
  int registrations = 0;          // GET_REGISTRATIONS, or -errno
  int registrations_after_fork = 0; // as a forked child sees them, or -errno; only read when registrations >= 0
  std::vector<platform::MembarrierCommand> commands;
};

InfoFacts gather_info();
void print_info(const InfoFacts &f);
nlohmann::json info_json(const InfoFacts &f);

} // namespace fencelab::cli
