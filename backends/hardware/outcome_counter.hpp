#pragma once
// Counts fixed-width outcomes between batches. A flat open-addressing table:
// litmus tests have a handful of distinct outcomes, so lookups stay in cache
// and nothing is allocated once the table has grown to fit them.
#include "histogram.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace fencelab::hardware {

class OutcomeCounter {
public:
  explicit OutcomeCounter(std::size_t width);

  void add(std::span<const Value> outcome);
  void add_to(Histogram &h) const;
  std::uint64_t total() const { return total_; }

private:
  std::size_t slot_of(std::span<const Value> outcome) const;
  void grow();

  std::size_t width_;
  std::size_t capacity_ = 16;
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
  std::vector<Value> keys_;
  std::vector<std::uint64_t> counts_; // 0 marks an empty slot
};

} // namespace fencelab::hardware
