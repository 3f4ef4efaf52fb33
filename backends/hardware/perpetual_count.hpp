#pragma once
// Infers, after a perpetual-mode chunk, which iterations of thread 0 complete
// the condition's outcome with some iteration of thread 1 (perpetual_plan.hpp
// defines what one observed outcome is). Linear in the chunk: because a
// location's sequence numbers are read in coherence order, "the first partner
// iteration that has seen anchor i" only moves forward as i grows.
#include "perpetual_plan.hpp"

#include <cstddef>
#include <cstdint>

namespace fencelab::hardware {

// One thread's log for one instance: what register reg read in the chunk's
// k-th iteration (sequence number base + 1 + k) is data[reg * column + k * step].
struct LogView {
  const Value *data = nullptr;
  std::size_t column = 0;
  std::size_t step = 1;
  Value at(int reg, std::size_t k) const { return data[static_cast<std::size_t>(reg) * column + k * step]; }
};

struct ChunkLogs {
  LogView anchor;
  LogView partner;
  std::size_t length = 0;
  Value base = 0;
};

struct ChunkCount {
  std::uint64_t positive = 0;
  std::uint64_t coherence_violations = 0; // a register read a smaller sequence number than before
  std::size_t first_positive = SIZE_MAX;  // anchor index, SIZE_MAX when none
};

// Counts the anchors begin .. end-1, so that workers can share a chunk; the
// coherence check covers each pair of neighbouring iterations exactly once
// across any split of [0, length).
ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs, std::size_t begin, std::size_t end);

} // namespace fencelab::hardware
