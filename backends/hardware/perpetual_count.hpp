#pragma once
// Infers, after a perpetual-mode chunk, how many disjoint pairs of iterations
// (i of thread 0, j of thread 1) complete the condition's outcome
// (perpetual_plan.hpp defines what one observed outcome is).
//
// For anchor i the partners that fit form an interval [lo_i, hi_i] of j, and
// because a location's sequence numbers are read in coherence order both ends
// only move forward as i grows. Matching each anchor in order to the first
// free partner in its interval is then a maximum matching (intervals sorted
// by right end), found in one linear pass.
#include "perpetual_plan.hpp"

#include <cstddef>
#include <cstdint>

namespace fencelab::hardware {

// One thread's log for one instance: what register reg read in the chunk's
// k-th iteration is data[reg * column + k * step].
struct LogView {
  const Value *data = nullptr;
  std::size_t column = 0;
  std::size_t step = 1;
  Value at(int reg, std::size_t k) const { return data[static_cast<std::size_t>(reg) * column + k * step]; }
};

// A thread's k-th iteration of the chunk stored the sequence number base + 1 + k.
struct ThreadChunk {
  LogView log;
  std::size_t length = 0;
  Value base = 0;
};

struct ChunkLogs {
  ThreadChunk anchor;  // thread 0
  ThreadChunk partner; // thread 1
};

struct ChunkCount {
  std::uint64_t positive = 0;             // disjoint pairs completing the outcome
  std::uint64_t coherence_violations = 0; // a register read a smaller sequence number than before
  std::size_t first_positive = SIZE_MAX;  // anchor index of the first pair, SIZE_MAX when none
};

ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs);

} // namespace fencelab::hardware
