#pragma once
// The full membarrier(2) command matrix, for `fencelab info`: which commands
// this kernel offers (QUERY), which need a registration and whether this
// process holds it (GET_REGISTRATIONS, Linux 6.3+), and why a command is not
// usable. Read-only: it registers nothing beyond membarrier_setup().
#include <optional>
#include <string>
#include <vector>

namespace fencelab::platform {

struct MembarrierCommand {
  std::string name;             // e.g. "PRIVATE_EXPEDITED"
  int bit = 0;                  // its MEMBARRIER_CMD_* value
  bool offered = false;         // in the QUERY mask
  std::string registration;     // the REGISTER_* command it needs, "" when none
  std::optional<bool> registered; // this process holds that registration (unknown without GET_REGISTRATIONS)
  bool usable = false;          // offered, and registered where that is needed
  std::string note;             // why not usable, or what it is for
};

std::vector<MembarrierCommand> membarrier_commands();

// GET_REGISTRATIONS as a freshly forked child of this process sees it (a
// fork copies the mm, registrations included; only exec clears them), or
// -errno. Forks and reaps one short-lived child.
int registrations_after_fork();

} // namespace fencelab::platform
