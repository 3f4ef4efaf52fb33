#pragma once
#include "enum_names.hpp"
#include "heavy_barrier.hpp"
#include "placement.hpp"
#include "substitution.hpp"

#include <array>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fencelab {

// How the hardware backend runs a test. `batch` runs packed, freshly reset
// instances between rendezvous and records every outcome. `perpetual` (as in
// PerpLE, MICRO 2020) lets the threads run on without a rendezvous, each store
// writing its iteration's sequence number, and infers afterwards which
// iterations completed the condition's outcome; it applies to the tests
// perpetual_plan accepts. `auto`: perpetual where it applies, batch elsewhere.
enum class HardwareMode { automatic, batch, perpetual };

constexpr auto enum_names(HardwareMode) {
  using M = HardwareMode;
  return std::array<NameOf<M>, 3>{{{M::automatic, "auto"}, {M::batch, "batch"}, {M::perpetual, "perpetual"}}};
}

// Which CPU runs which test thread: `fixed` keeps thread t on the t-th CPU;
// `alternate` rotates the threads over the CPUs from one batch or chunk to
// the next, so that a slower or busier CPU weighs on every thread alike.
enum class Roles { fixed, alternate };

constexpr auto enum_names(Roles) { return std::array<NameOf<Roles>, 2>{{{Roles::fixed, "fixed"}, {Roles::alternate, "alternate"}}}; }

// How --groups relates the CPUs within one group (litmus7's affinity modes):
// `listed` takes them in --cpus order; `same-core` SMT siblings; `cross-core`
// different cores of one package; `cross-package` different packages.
enum class Pairing { listed, same_core, cross_core, cross_package };

constexpr auto enum_names(Pairing) {
  using P = Pairing;
  return std::array<NameOf<P>, 4>{{{P::listed, "listed"},
                                   {P::same_core, "same-core"},
                                   {P::cross_core, "cross-core"},
                                   {P::cross_package, "cross-package"}}};
}

// Everything a backend needs to know about how to run; the CLI fills it in.
struct RunConfig {
  std::vector<int> cpus;        // CPUs to pin to, in order; empty: all online CPUs
  double budget_seconds = 1.0;  // per test; ignored when iterations != 0
  std::uint64_t iterations = 0; // per test; 0: run for the budget
  HeavyBarrier heavy = HeavyBarrier::private_expedited;
  bool heavy_explicit = false;  // --heavy given: a kernel that refuses it is the user's error, not a cell's
  HardwareMode mode = HardwareMode::automatic;
  std::size_t instances_per_batch = 256;   // batch mode: packed test instances between two rendezvous
  std::size_t chunk = 4096;                // perpetual mode: iterations between two rendezvous
  std::size_t instances_per_iteration = 8; // perpetual mode: copies of the test side by side (README: the sweep)
  std::size_t pad_stores = 0;        // perpetual mode: cache-missing stores light threads queue before each test store
  std::size_t stride_bytes = 8;      // distance between one location's copies in a batch
  bool preload = false;              // each thread reads the next batch's locations first
  std::uint32_t stagger_ns = 50;     // range of each thread's random start delay per batch
  bool stop_on_positive = false;     // end a run once the condition has been seen (time to first)
  Substitution substitution;         // plants and shams; empty: every fence is itself
  unsigned groups = 1;               // copies of the run at once on disjoint CPU groups; 0: as many as fit
  Pairing pairing = Pairing::listed; // how a group's CPUs relate
  Roles roles = Roles::fixed;        // whether test threads rotate over the CPUs
  Placement placement = Placement::threads; // test threads as threads of this process or as child processes
  PartnerRegistration partner = PartnerRegistration::registered; // with child processes only
  double watchdog_seconds = -1; // no progress this long fails a run; < 0: the default (10x budget, 1-60 s); 0: off
};

} // namespace fencelab
