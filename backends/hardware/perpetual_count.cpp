#include "perpetual_count.hpp"

#include <algorithm>
#include <array>

namespace fencelab::hardware {
namespace {

std::uint64_t out_of_order(const LogView &log, int reg, std::size_t begin, std::size_t end) {
  std::uint64_t n = 0;
  for (std::size_t k = std::max<std::size_t>(begin, 1); k < end; ++k)
    n += log.at(reg, k) < log.at(reg, k - 1);
  return n;
}

// The first k in [0, n) whose value is >= v, for a non-decreasing column.
std::size_t first_at_least(const LogView &log, int reg, std::size_t n, Value v) {
  std::size_t lo = 0, hi = n;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (log.at(reg, mid) < v)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

} // namespace

ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs, std::size_t begin, std::size_t end) {
  ChunkCount c;
  const std::size_t n = logs.length;
  for (const auto &a : plan.anchor)
    c.coherence_violations += out_of_order(logs.anchor, a.reg, begin, end);
  for (const auto &p : plan.partner)
    c.coherence_violations += out_of_order(logs.partner, p.reg, begin, end);
  if (!plan.possible || begin >= end)
    return c;

  // Per partner constraint, the first partner iteration whose read has seen
  // the current anchor's store.
  std::array<std::size_t, max_perpetual_registers> first_seen{};
  for (std::size_t q = 0; q < plan.partner.size(); ++q)
    first_seen[q] = first_at_least(logs.partner, plan.partner[q].reg, n, logs.base + 1 + static_cast<Value>(begin));
  for (std::size_t a = begin; a < end; ++a) {
    const Value i = logs.base + 1 + static_cast<Value>(a);
    // Partner iterations j (as indices into the chunk) that fit so far.
    std::int64_t lo = 0, hi = static_cast<std::int64_t>(n) - 1;
    for (const auto &k : plan.anchor) {
      Value v = logs.anchor.at(k.reg, a); // anchor saw partner iterations up to v
      if (k.seen)
        hi = std::min<std::int64_t>(hi, v - logs.base - 1);
      else
        lo = std::max<std::int64_t>(lo, v - logs.base);
    }
    for (std::size_t q = 0; q < plan.partner.size(); ++q) {
      std::size_t &p = first_seen[q];
      while (p < n && logs.partner.at(plan.partner[q].reg, p) < i)
        ++p;
      if (plan.partner[q].seen)
        lo = std::max<std::int64_t>(lo, static_cast<std::int64_t>(p));
      else
        hi = std::min<std::int64_t>(hi, static_cast<std::int64_t>(p) - 1);
    }
    if (lo <= hi) {
      ++c.positive;
      if (c.first_positive == SIZE_MAX)
        c.first_positive = a;
    }
  }
  return c;
}

} // namespace fencelab::hardware
