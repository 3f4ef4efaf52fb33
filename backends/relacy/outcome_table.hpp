#pragma once
// Distinct outcomes and how many executions reached each, in fixed storage:
// it is filled from Relacy's after() hook, where allocating is not allowed.
#include "model_program.hpp"

#include <cstdint>
#include <cstring>

namespace fencelab::relacy {

class OutcomeTable {
public:
  static constexpr int capacity = 2048;

  void reset(int width) {
    width_ = width;
    size_ = 0;
    executions_ = 0;
    overflowed_ = false;
    for (auto &b : buckets_)
      b = -1;
  }

  void add(const Value *outcome) {
    ++executions_;
    std::size_t b = hash(outcome) % buckets;
    for (; buckets_[b] >= 0; b = (b + 1) % buckets)
      if (std::memcmp(values_[buckets_[b]], outcome, bytes()) == 0) {
        ++counts_[buckets_[b]];
        return;
      }
    if (size_ == capacity) {
      overflowed_ = true;
      return;
    }
    std::memcpy(values_[size_], outcome, bytes());
    counts_[size_] = 1;
    buckets_[b] = static_cast<std::int16_t>(size_++);
  }

  int width() const { return width_; }
  int size() const { return size_; }
  const Value *values(int i) const { return values_[i]; }
  std::uint64_t count(int i) const { return counts_[i]; }
  std::uint64_t executions() const { return executions_; } // including any lost to overflow
  bool overflowed() const { return overflowed_; }

private:
  static constexpr int buckets = 2 * capacity; // load factor <= 1/2 keeps probes short

  std::size_t bytes() const { return static_cast<std::size_t>(width_) * sizeof(Value); }
  std::size_t hash(const Value *outcome) const {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a over the values
    for (int i = 0; i < width_; ++i)
      h = (h ^ static_cast<std::uint64_t>(outcome[i])) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }

  int width_ = 0;
  int size_ = 0;
  std::uint64_t executions_ = 0;
  bool overflowed_ = false;
  std::int16_t buckets_[buckets];
  std::uint64_t counts_[capacity];
  Value values_[capacity][max_outcome_slots];
};

} // namespace fencelab::relacy
