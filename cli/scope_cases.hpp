#pragma once
// The cells of `fencelab scope`: each heavy barrier against a partner thread
// in the caller's process or in another one, with what membarrier(2) says
// about whether the barrier reaches that partner, and why.
#include "heavy_barrier.hpp"
#include "placement.hpp"

#include <string>
#include <vector>

namespace fencelab::cli {

struct ScopeCase {
  HeavyBarrier heavy;
  Placement placement;         // threads: partner in the caller's process; processes: in another
  PartnerRegistration partner; // whether the partner's process holds the membarrier registrations
  bool reaches;                // the man page says the barrier orders the partner
  std::string reason;          // the man page's (or the mechanism's) reason, one line
};

std::vector<ScopeCase> scope_cases();

// "same process", "other process", "other, unregistered".
std::string partner_text(const ScopeCase &c);

} // namespace fencelab::cli
