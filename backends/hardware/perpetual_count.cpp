#include "perpetual_count.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace fencelab::hardware {
namespace {

// Reads of register reg of copy s that went back in coherence order.
std::uint64_t out_of_order(const ThreadChunk &t, int reg, std::size_t s) {
  std::uint64_t n = 0;
  const Value *v = t.log.row(reg, 0) + s;
  const std::size_t step = t.log.copies;
  for (std::size_t k = 1; k < t.length; ++k)
    n += v[k * step] < v[(k - 1) * step];
  return n;
}

} // namespace

ChunkCounter::ChunkCounter(const PerpetualPlan &plan, std::size_t max_length)
    : plan_(plan), max_length_(max_length), reached_(plan.partner.size() * (max_length + 1)) {}

ChunkCount ChunkCounter::count(const ChunkLogs &logs, std::size_t begin, std::size_t end) {
  if (logs.anchor.length > max_length_)
    throw std::logic_error("perpetual count: chunk longer than the counter was sized for");
  ChunkCount c;
  for (std::size_t s = begin; s < end; ++s)
    count_copy(logs, s, c);
  return c;
}

void ChunkCounter::count_copy(const ChunkLogs &logs, std::size_t s, ChunkCount &c) {
  const ThreadChunk &a = logs.anchor, &b = logs.partner;
  const std::size_t na = a.length, nb = b.length, rows = na + 1, step = a.log.copies;
  const std::size_t nq = plan_.partner.size();

  // reached[q][d]: partner iterations whose read of constraint q's location
  // is anchor offset d (clamped: 0 read none of this chunk's anchor stores,
  // na read past them). Partner iterations that had not reached anchor ai
  // when they read are then reached[q][0] + ... + reached[q][ai].
  std::fill_n(reached_.begin(), nq * rows, 0u);
  for (std::size_t q = 0; q < nq; ++q) {
    std::uint32_t *h = reached_.data() + q * rows;
    const int reg = plan_.partner[q].reg;
    const Value *v = b.log.row(reg, 0) + s;
    for (std::size_t j = 0; j < nb; ++j)
      ++h[static_cast<std::size_t>(std::clamp<Value>(v[j * b.log.copies] - a.base, 0, static_cast<Value>(na)))];
    c.coherence_violations += out_of_order(b, reg, s);
  }
  for (const auto &k : plan_.anchor)
    c.coherence_violations += out_of_order(a, k.reg, s);
  if (!plan_.possible || na == 0 || nb == 0)
    return;

  std::array<const Value *, max_perpetual_registers> read{};
  for (std::size_t k = 0; k < plan_.anchor.size(); ++k)
    read[k] = a.log.row(plan_.anchor[k].reg, 0) + s;
  std::array<std::int64_t, max_perpetual_registers> below{};
  const std::int64_t top = static_cast<std::int64_t>(nb) - 1;
  std::int64_t last = -1;
  std::uint64_t positive = 0;
  std::size_t first = SIZE_MAX;
  for (std::size_t ai = 0; ai < na; ++ai) {
    std::int64_t lo = last + 1, hi = top;
    for (std::size_t k = 0; k < plan_.anchor.size(); ++k) {
      // The anchor saw partner iterations up to sequence number v.
      const std::int64_t v = read[k][ai * step] - b.base;
      if (plan_.anchor[k].seen)
        hi = std::min(hi, v - 1);
      else
        lo = std::max(lo, v);
    }
    for (std::size_t q = 0; q < nq; ++q) {
      below[q] += reached_[q * rows + ai];
      if (plan_.partner[q].seen)
        lo = std::max(lo, below[q]);
      else
        hi = std::min(hi, below[q] - 1);
    }
    const bool fits = lo <= hi;
    positive += fits;
    last = fits ? lo : last;
    first = fits && first == SIZE_MAX ? ai : first;
  }

  c.positive += positive;
  if (first < c.first_positive) {
    c.first_positive = first;
    c.first_copy = s;
  }
}

ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs) {
  ChunkCounter counter(plan, logs.anchor.length);
  return counter.count(logs, 0, logs.anchor.log.copies);
}

} // namespace fencelab::hardware
