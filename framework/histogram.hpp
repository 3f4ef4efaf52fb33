#pragma once
#include "test.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fencelab {

// Per-call latency of the heavy barrier during a run.
struct LatencySummary {
  std::uint64_t calls = 0; // calls made; the percentiles come from the latest 65,536 at most
  double min_ns = 0, median_ns = 0, p99_ns = 0, max_ns = 0;
  std::string barrier; // which heavy barrier was called ("private-expedited", ...): bench varies it run by run
};

// Where a positive outcome appeared, for a VIOLATION report.
struct Witness {
  std::uint64_t batch = 0;
  std::uint64_t instance = 0; // index within the batch (perpetual: iteration * instances + copy)
  Outcome values;             // the raw values read
};

// One of several concurrent copies of a run (--groups), on its own CPUs.
struct GroupRun {
  std::vector<int> cpus;
  std::uint64_t iterations = 0;
  std::uint64_t positive = 0; // outcomes satisfying the condition
  double seconds = 0;
};

// Statistics a run records besides its outcomes.
struct RunStats {
  std::uint64_t iterations = 0; // test instances executed
  double seconds = 0;           // wall time of the measured part
  std::uint64_t batches = 0;      // rounds: batches (batch mode) or chunks (perpetual mode)
  std::uint64_t units = 0;        // of them, those that completed >= 1 trial: the power's units
  std::uint64_t weak_batches = 0; // of those, the ones with >= 1 positive outcome
  std::optional<LatencySummary> heavy_latency; // runs that call the heavy barrier
  // Function-call interrupts ("Function call interrupts" in /proc/interrupts) raised per CPU during the run, where
  // the kernel reports them: a PRIVATE_EXPEDITED call IPIs the running partner.
  std::vector<std::uint64_t> call_interrupts;
  std::vector<Witness> witnesses; // the first few positive outcomes
  // Placements with child processes: each test thread's membarrier
  // GET_REGISTRATIONS mask as its process saw it (-errno where unknown).
  std::vector<int> thread_registrations;
  std::optional<double> first_positive_seconds; // from the start of the run
  std::string mode;                             // how the hardware ran it: "batch" or "perpetual"
  // Perpetual mode: a thread read a location's sequence numbers out of order.
  // Coherence forbids it, and the outcome inference relies on it never happening.
  std::uint64_t coherence_violations = 0;
  // With --groups: each group's share. The run's latency and interrupt
  // figures then are group 0's (interrupt counts see every group's calls).
  std::vector<GroupRun> groups;
};

struct Histogram {
  std::map<Outcome, std::uint64_t> counts;
  // Iterations whose outcome was not recorded, only known not to satisfy the
  // condition: perpetual mode infers the condition's outcome and nothing else.
  std::uint64_t unclassified = 0;
  RunStats stats;

  void add(const Outcome &o, std::uint64_t n = 1) { counts[o] += n; }
  void merge(const Histogram &other);
  std::uint64_t total() const;
};

// Outcomes counted against a test's condition, herd style.
struct Tally {
  std::uint64_t positive = 0; // satisfy the proposition
  std::uint64_t negative = 0; // pass the filter, do not satisfy it
  std::uint64_t filtered = 0; // fail the filter: not counted either way
};

Tally tally(const Test &test, const Histogram &h);

} // namespace fencelab
