#pragma once
#include "test.hpp"

#include <cstdint>
#include <map>

namespace fencelab {

// Statistics a run records besides its outcomes.
struct RunStats {
  std::uint64_t iterations = 0; // test instances executed
  double seconds = 0;           // wall time of the measured part
  std::uint64_t batches = 0;
};

struct Histogram {
  std::map<Outcome, std::uint64_t> counts;
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
