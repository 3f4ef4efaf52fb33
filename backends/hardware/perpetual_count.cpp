#include "perpetual_count.hpp"

#include <algorithm>
#include <array>

namespace fencelab::hardware {
namespace {

std::uint64_t out_of_order(const ThreadChunk &t, int reg) {
  std::uint64_t n = 0;
  for (std::size_t k = 1; k < t.length; ++k)
    n += t.log.at(reg, k) < t.log.at(reg, k - 1);
  return n;
}

} // namespace

ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs) {
  ChunkCount c;
  const ThreadChunk &a = logs.anchor, &b = logs.partner;
  for (const auto &k : plan.anchor)
    c.coherence_violations += out_of_order(a, k.reg);
  for (const auto &k : plan.partner)
    c.coherence_violations += out_of_order(b, k.reg);
  if (!plan.possible || a.length == 0 || b.length == 0)
    return c;

  // Per partner constraint, the first partner iteration whose read has seen
  // the current anchor's store.
  std::array<std::size_t, max_perpetual_registers> first_seen{};
  std::int64_t last_matched = -1;
  for (std::size_t ai = 0; ai < a.length; ++ai) {
    const Value i = a.base + 1 + static_cast<Value>(ai);
    std::int64_t lo = last_matched + 1, hi = static_cast<std::int64_t>(b.length) - 1;
    for (const auto &k : plan.anchor) {
      Value v = a.log.at(k.reg, ai); // the anchor saw partner iterations up to sequence number v
      if (k.seen)
        hi = std::min<std::int64_t>(hi, v - b.base - 1);
      else
        lo = std::max<std::int64_t>(lo, v - b.base);
    }
    for (std::size_t q = 0; q < plan.partner.size(); ++q) {
      std::size_t &p = first_seen[q];
      while (p < b.length && b.log.at(plan.partner[q].reg, p) < i)
        ++p;
      if (plan.partner[q].seen)
        lo = std::max<std::int64_t>(lo, static_cast<std::int64_t>(p));
      else
        hi = std::min<std::int64_t>(hi, static_cast<std::int64_t>(p) - 1);
    }
    if (lo <= hi) {
      last_matched = lo;
      ++c.positive;
      if (c.first_positive == SIZE_MAX)
        c.first_positive = ai;
    }
  }
  return c;
}

} // namespace fencelab::hardware
