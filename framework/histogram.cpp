#include "histogram.hpp"

namespace fencelab {

void Histogram::merge(const Histogram &other) {
  for (const auto &[outcome, n] : other.counts)
    counts[outcome] += n;
  unclassified += other.unclassified;
  stats.iterations += other.stats.iterations;
  stats.seconds += other.stats.seconds;
  stats.batches += other.stats.batches;
  stats.units += other.stats.units;
  stats.weak_batches += other.stats.weak_batches;
}

std::uint64_t Histogram::total() const {
  std::uint64_t n = unclassified;
  for (const auto &entry : counts)
    n += entry.second;
  return n;
}

Tally tally(const Test &test, const Histogram &h) {
  Tally t;
  t.negative = h.unclassified;
  for (const auto &[outcome, n] : h.counts) {
    if (!test.condition.filter.holds(outcome))
      t.filtered += n;
    else if (test.condition.prop.holds(outcome))
      t.positive += n;
    else
      t.negative += n;
  }
  return t;
}

} // namespace fencelab
