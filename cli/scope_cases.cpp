#include "scope_cases.hpp"

namespace fencelab::cli {

std::vector<ScopeCase> scope_cases() {
  using H = HeavyBarrier;
  using P = Placement;
  constexpr auto reg = PartnerRegistration::registered, unreg = PartnerRegistration::unregistered;
  return {
      {H::private_expedited, P::threads, reg, true,
       "PRIVATE_EXPEDITED: \"all its running threads\" (of the calling process) pass a barrier"},
      {H::private_expedited, P::processes, reg, false,
       "PRIVATE_EXPEDITED orders only threads of the calling process; a single-threaded caller returns at once"},
      {H::global_expedited, P::threads, reg, true,
       "GLOBAL_EXPEDITED: running threads of processes registered with REGISTER_GLOBAL_EXPEDITED (the caller is)"},
      {H::global_expedited, P::processes, reg, true,
       "GLOBAL_EXPEDITED: the partner's process is registered (a forked child inherits the registration)"},
      {H::global_expedited, P::processes, unreg, false,
       "GLOBAL_EXPEDITED reaches only processes registered with REGISTER_GLOBAL_EXPEDITED; the partner is not"},
      {H::global, P::threads, reg, true, "GLOBAL: \"all running threads in the system\" pass a barrier"},
      {H::global, P::processes, reg, true, "GLOBAL: \"all running threads in the system\" pass a barrier"},
      {H::mprotect, P::threads, reg, true,
       "not a membarrier command: the TLB shootdown IPIs every CPU running the caller's mm (folly, liburcu)"},
      {H::mprotect, P::processes, reg, false,
       "the shootdown reaches only CPUs running the caller's mm; the partner's process has its own"},
  };
}

std::string partner_text(const ScopeCase &c) {
  if (c.placement == Placement::threads)
    return "same process";
  return c.partner == PartnerRegistration::registered ? "other process" : "other, unregistered";
}

} // namespace fencelab::cli
