#pragma once
#include "enum_names.hpp"

#include <array>

namespace fencelab {

// Where a test's threads run. The locations, registers, rendezvous and start
// flags are shared through one MAP_SHARED mapping in every placement but
// `threads`, so the same worker loop runs in all of them.
enum class Placement {
  threads,   // every test thread in this process (the default)
  processes, // each test thread in a child process of its own
  mixed,     // thread 0 in one child process, threads 1..n-1 together in another
             // (with 2 threads the same as `processes`)
};

constexpr auto enum_names(Placement) {
  using P = Placement;
  return std::array<NameOf<P>, 3>{{{P::threads, "threads"}, {P::processes, "processes"}, {P::mixed, "mixed"}}};
}

// Whether child processes that never call the heavy barrier ("partners") keep
// this process's membarrier registrations. A forked child inherits them (its
// mm is a copy: checked with MEMBARRIER_CMD_GET_REGISTRATIONS on 6.18); only
// exec gives a fresh, unregistered mm, so `unregistered` partners are
// re-executed from /proc/self/exe and attach to the shared mapping by fd.
enum class PartnerRegistration { registered, unregistered };

constexpr auto enum_names(PartnerRegistration) {
  using R = PartnerRegistration;
  return std::array<NameOf<R>, 2>{{{R::registered, "registered"}, {R::unregistered, "unregistered"}}};
}

} // namespace fencelab
