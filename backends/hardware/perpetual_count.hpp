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
//
// The pass is branch-free, because after each chunk it takes much of
// perpetual mode's CPU time and a search's exits are unpredictable: where a
// partner's read first reaches anchor i is a prefix sum over a histogram of
// the values it read (for a coherent log, the index a search would find).
#include "perpetual_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fencelab::hardware {

// One thread's log for a chunk: what register reg of copy s read in the
// chunk's k-th iteration is data[reg * column + k * copies + s].
struct LogView {
  const LoggedRead *data = nullptr;
  std::size_t column = 0;
  std::size_t copies = 1;
  const LoggedRead *row(int reg, std::size_t k) const {
    return data + static_cast<std::size_t>(reg) * column + k * copies;
  }
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
  std::uint64_t positive = 0;             // disjoint pairs completing the outcome, over the copies counted
  // A register read a smaller sequence number than before, or one outside
  // the chunk's window (older than the rendezvous allows, or not yet stored).
  std::uint64_t coherence_violations = 0;
  std::size_t first_positive_anchor = SIZE_MAX; // anchor index of the earliest pair, SIZE_MAX when none
  std::size_t first_copy = 0;             // and its copy
};

// Counts copies [begin, end) of chunks of up to `max_length` iterations. Its
// working memory is allocated once, here, so counting allocates nothing.
class ChunkCounter {
public:
  ChunkCounter(const PerpetualPlan &plan, std::size_t max_length);
  ChunkCount count(const ChunkLogs &logs, std::size_t begin, std::size_t end);

private:
  void count_copy(const ChunkLogs &logs, std::size_t s, ChunkCount &c);

  const PerpetualPlan &plan_;
  std::size_t max_length_;
  // Per partner constraint: how many partner iterations read each anchor
  // offset, [constraint][offset 0..length].
  std::vector<std::uint32_t> reached_;
};

// Every copy of a chunk, with a counter of its own (tests, benchmarks).
ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs);

} // namespace fencelab::hardware
