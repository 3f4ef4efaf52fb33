#include "membarrier_injection.hpp"

#include "thread_runs.hpp"

namespace fencelab::lkmm {
namespace {

// Far beyond the random 2-3 thread tests; a test past it needs a smarter search.
constexpr std::size_t max_placements = 1 << 16;

struct Injection {
  int call = 0;   // index into Execution::calls
  int thread = 0; // the target
  int gap = 0;    // the target's events before its injected fence
};

// Fence instances in real time: each call's entry and exit fences (nodes
// 2c, 2c+1) and each injection (2C + i). Whether some total order respects
// "entry < injection < exit" and each thread's program order.
bool placements_agree(const Execution &x, const std::vector<Injection> &inj) {
  const int calls = static_cast<int>(x.calls.size());
  const int nodes = 2 * calls + static_cast<int>(inj.size());
  if (nodes > max_events)
    throw Unsupportable("too many membarrier() fences to place");
  Universe u{nodes};
  Relation before;
  struct Instance { int node, thread, gap, rank; };
  std::vector<Instance> in_threads;
  for (int c = 0; c < calls; ++c) {
    const MembarrierCall &call = x.calls[static_cast<std::size_t>(c)];
    before.add(2 * c, 2 * c + 1);
    in_threads.push_back({2 * c, call.thread, call.gap, 2 * c});
    in_threads.push_back({2 * c + 1, call.thread, call.gap, 2 * c + 1});
  }
  for (int i = 0; i < static_cast<int>(inj.size()); ++i) {
    const Injection &j = inj[static_cast<std::size_t>(i)];
    const int node = 2 * calls + i;
    before.add(2 * j.call, node);
    before.add(node, 2 * j.call + 1);
    in_threads.push_back({node, j.thread, j.gap, -1});
  }
  // Program order: a later gap runs later; a thread's own calls keep their
  // order even at one gap. An injection at a gap where the thread stands
  // still may fall anywhere among that gap's other fences.
  for (const Instance &a : in_threads)
    for (const Instance &b : in_threads)
      if (a.thread == b.thread && (a.gap < b.gap || (a.gap == b.gap && a.rank >= 0 && b.rank > a.rank)))
        before.add(a.node, b.node);
  return u.acyclic(before);
}

Relation instants_of(const Execution &x, const std::vector<Injection> &inj) {
  Relation instants;
  for (int c = 0; c < static_cast<int>(x.calls.size()); ++c) {
    const MembarrierCall &call = x.calls[static_cast<std::size_t>(c)];
    EventSet before = events_before(x, call.thread, call.gap), after = events_from(x, call.thread, call.gap);
    for (const Injection &j : inj)
      if (j.call == c) {
        before |= events_before(x, j.thread, j.gap);
        after |= events_from(x, j.thread, j.gap);
      }
    for (EventSet b = before; b != 0; b &= b - 1)
      instants.rows[static_cast<unsigned>(std::countr_zero(b))] |= after;
  }
  return instants;
}

Relation strong_fence_of(const Execution &x, const std::vector<Injection> &inj) {
  Relation strong = x.mb;
  for (const Injection &j : inj) {
    const MembarrierCall &call = x.calls[static_cast<std::size_t>(j.call)];
    const EventSet target_before = events_before(x, j.thread, j.gap);
    const EventSet target_after = events_from(x, j.thread, j.gap);
    const EventSet caller_before = events_before(x, call.thread, call.gap);
    const EventSet caller_after = events_from(x, call.thread, call.gap);
    for (EventSet b = target_before; b != 0; b &= b - 1)
      strong.rows[static_cast<unsigned>(std::countr_zero(b))] |= target_after | caller_after;
    for (EventSet b = caller_before; b != 0; b &= b - 1)
      strong.rows[static_cast<unsigned>(std::countr_zero(b))] |= target_after;
  }
  return strong;
}

} // namespace

std::vector<Placement> strong_fence_choices(const Execution &x) {
  std::vector<Injection> inj;
  for (int c = 0; c < static_cast<int>(x.calls.size()); ++c)
    for (int t = 0; t < static_cast<int>(x.runs.size()); ++t)
      if (t != x.calls[static_cast<std::size_t>(c)].thread)
        inj.push_back({c, t, 0});
  std::vector<Placement> out;
  // Odometer over every injection's gap (0 .. the target's event count).
  for (;;) {
    if (placements_agree(x, inj)) {
      if (out.size() >= max_placements)
        throw Unsupportable("more than 65536 placements of membarrier()'s injected fences");
      out.push_back({strong_fence_of(x, inj), instants_of(x, inj)});
    }
    std::size_t i = 0;
    for (; i < inj.size(); ++i) {
      Injection &j = inj[i];
      if (j.gap < static_cast<int>(x.runs[static_cast<std::size_t>(j.thread)]->events.size())) {
        ++j.gap;
        break;
      }
      j.gap = 0;
    }
    if (i == inj.size())
      return out;
  }
}

} // namespace fencelab::lkmm
