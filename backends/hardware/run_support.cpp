#include "run_support.hpp"

#include "interrupts.hpp"

#include <algorithm>

namespace fencelab::hardware {

LatencyRing::LatencyRing(bool needed) {
  if (!needed)
    return;
  ticks_.resize(capacity);
  samples_.ticks = ticks_.data();
  samples_.mask = capacity - 1;
}

LatencySummary summarise_latency(const std::vector<const LatencySamples *> &per_worker, double ticks_per_ns) {
  std::vector<std::uint64_t> all;
  LatencySummary s;
  for (const auto *l : per_worker) {
    s.calls += l->count;
    for (std::uint64_t i = 0; i < std::min<std::uint64_t>(l->count, l->mask + 1); ++i)
      all.push_back(l->ticks[i]);
  }
  if (all.empty())
    return s;
  std::sort(all.begin(), all.end());
  auto ns = [&](std::size_t i) { return static_cast<double>(all[i]) / ticks_per_ns; };
  s.min_ns = ns(0);
  s.median_ns = ns(all.size() / 2);
  s.p99_ns = ns(std::min(all.size() - 1, all.size() * 99 / 100));
  s.max_ns = ns(all.size() - 1);
  return s;
}

InterruptDelta::InterruptDelta(bool wanted) {
  if (wanted)
    before_ = platform::function_call_interrupts();
}

std::vector<std::uint64_t> InterruptDelta::delta() const {
  std::vector<std::uint64_t> d;
  if (!before_)
    return d;
  auto after = platform::function_call_interrupts();
  if (!after || after->size() != before_->size())
    return d;
  for (std::size_t cpu = 0; cpu < after->size(); ++cpu)
    d.push_back((*after)[cpu] - (*before_)[cpu]);
  return d;
}

} // namespace fencelab::hardware
