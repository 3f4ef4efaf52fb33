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

LatencySummary summarise_ticks(std::vector<std::uint64_t> ticks, std::uint64_t calls, double ticks_per_ns) {
  LatencySummary s;
  s.calls = calls;
  if (ticks.empty())
    return s;
  std::sort(ticks.begin(), ticks.end());
  auto ns = [&](std::size_t i) { return static_cast<double>(ticks[i]) / ticks_per_ns; };
  s.min_ns = ns(0);
  s.median_ns = ns(ticks.size() / 2);
  s.p99_ns = ns(std::min(ticks.size() - 1, ticks.size() * 99 / 100));
  s.max_ns = ns(ticks.size() - 1);
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
