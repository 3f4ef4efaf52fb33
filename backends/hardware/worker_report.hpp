#pragma once
// What one worker brings back from a run, and its fixed-size area in memory
// shared with the parent when the worker ran in a child process. The area is
// sized before the run; a report that does not fit is marked as overflowed,
// and reading it back fails with what overflowed: nothing is truncated.
#include "histogram.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace fencelab::hardware {

struct WorkerReport {
  Histogram outcomes;                       // counts only, no stats
  std::vector<std::uint64_t> latency_ticks; // the heavy-barrier samples the worker kept
  std::uint64_t heavy_calls = 0;            // all its heavy-barrier calls, kept or not
  std::vector<Witness> witnesses;
  std::uint64_t failures = 0; // heavy-barrier calls that returned an error
  int registrations = 0;      // membarrier GET_REGISTRATIONS of the worker's process
};

struct ReportLimits {
  std::size_t width = 0; // values per outcome
  std::size_t max_outcomes = 4096;
  std::size_t max_latency_samples = 0;
  std::size_t max_witnesses = 0;
};

std::size_t report_area_bytes(const ReportLimits &limits);

// Writes `report` into `area` (report_area_bytes(limits) long), completing it last.
void write_report(std::span<char> area, const ReportLimits &limits, const WorkerReport &report);

// Reads a report back; returns "" or why it cannot be used (never written, overflowed).
std::string read_report(std::span<const char> area, const ReportLimits &limits, WorkerReport &out);

} // namespace fencelab::hardware
