#include "outcome_counter.hpp"

#include <algorithm>

namespace fencelab::hardware {
namespace {

std::uint64_t hash_of(std::span<const Value> outcome) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (Value v : outcome)
    h = (h ^ static_cast<std::uint64_t>(v)) * 0x100000001b3ull;
  return h ^ (h >> 29);
}

} // namespace

OutcomeCounter::OutcomeCounter(std::size_t width)
    : width_(width), keys_(capacity_ * width), counts_(capacity_, 0) {}

std::size_t OutcomeCounter::slot_of(std::span<const Value> outcome) const {
  std::size_t mask = capacity_ - 1;
  for (std::size_t i = hash_of(outcome) & mask;; i = (i + 1) & mask) {
    if (counts_[i] == 0 || std::equal(outcome.begin(), outcome.end(), keys_.begin() + static_cast<long>(i * width_)))
      return i;
  }
}

void OutcomeCounter::add(std::span<const Value> outcome) {
  std::size_t i = slot_of(outcome);
  if (counts_[i] == 0) {
    if ((used_ + 1) * 2 > capacity_) {
      grow();
      i = slot_of(outcome);
    }
    std::copy(outcome.begin(), outcome.end(), keys_.begin() + static_cast<long>(i * width_));
    ++used_;
  }
  ++counts_[i];
  ++total_;
}

void OutcomeCounter::grow() {
  std::vector<Value> old_keys = std::move(keys_);
  std::vector<std::uint64_t> old_counts = std::move(counts_);
  capacity_ *= 2;
  keys_.assign(capacity_ * width_, 0);
  counts_.assign(capacity_, 0);
  for (std::size_t j = 0; j < old_counts.size(); ++j) {
    if (old_counts[j] == 0)
      continue;
    std::span<const Value> key(old_keys.data() + j * width_, width_);
    std::size_t i = slot_of(key);
    std::copy(key.begin(), key.end(), keys_.begin() + static_cast<long>(i * width_));
    counts_[i] = old_counts[j];
  }
}

void OutcomeCounter::add_to(Histogram &h) const {
  for (std::size_t i = 0; i < capacity_; ++i)
    if (counts_[i] != 0)
      h.add(Outcome(keys_.begin() + static_cast<long>(i * width_), keys_.begin() + static_cast<long>((i + 1) * width_)),
            counts_[i]);
}

} // namespace fencelab::hardware
