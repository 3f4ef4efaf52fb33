#pragma once
// The static part of a candidate execution: the events of one run per thread
// plus an initial write per location, and every relation that does not depend
// on rf or co (po, the dependencies, the fences). Event 0..L-1 are the
// initial writes of locations 0..L-1; then each thread's events in order.
#include "relation.hpp"
#include "thread_runs.hpp"

#include <vector>

namespace fencelab::lkmm {

struct Event {
  Access access = Access::write;
  Mark mark = Mark::init;
  int thread = -1; // -1: an initial write, in no thread
  int loc = 0;
  Value value = 0;
};

// A membarrier() on the path of `thread`, between its events `gap - 1` and `gap`.
struct MembarrierCall {
  int thread = 0;
  int gap = 0;
};

struct Execution {
  Universe u;
  std::vector<Event> events;
  std::vector<const ThreadRun *> runs;
  std::vector<int> first_event; // per thread: the global index of its first event
  std::vector<EventSet> thread_events; // per thread
  std::vector<EventSet> loc_events;    // per location, its initial write included
  std::array<EventSet, max_events> same_thread{}; // per event: its thread's events (0 for an initial write)

  EventSet reads = 0, writes = 0, init = 0, marked = 0, plain = 0, acquire = 0, release = 0;

  Relation po;
  Relation addr, data, ctrl; // before carry-dep (linux-kernel.bell applies it per rf)
  Relation mb;               // fencerel(Mb) restricted to accesses: [M] ; po ; [F mb] ; po ; [M]
  Relation wmb;              // [W] ; fencerel(Wmb) ; [W]
  Relation rmb;              // fencerel(Rmb) between accesses, unrestricted (r-pre/post-bounded need it so)
  Relation po_rel;           // [M] ; po ; [Release]
  Relation acq_po;           // [Acquire] ; po ; [M]
  std::vector<MembarrierCall> calls;

  Relation internal(const Relation &r) const;
  Relation external(const Relation &r) const;
};

// Throws Unsupportable past 64 events.
Execution build_execution(const Test &test, const std::vector<const ThreadRun *> &runs);

// The events of thread t strictly before / from its run-local gap on.
EventSet events_before(const Execution &x, int thread, int gap);
EventSet events_from(const Execution &x, int thread, int gap);

} // namespace fencelab::lkmm
