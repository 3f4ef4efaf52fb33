#include "execution.hpp"

namespace fencelab::lkmm {
namespace {

// fencerel(F) = po ; [F] ; po, kept between accesses only (fence events
// themselves never matter to the axioms: every relation that could reach
// them is restricted to accesses or [Marked] before it is composed).
void add_fences(Execution &x, int thread, const ThreadRun &run) {
  for (const RunFence &f : run.fences) {
    EventSet before = events_before(x, thread, f.gap), after = events_from(x, thread, f.gap);
    Relation *target = &x.mb; // smp_mb, and the caller's own fences of a membarrier()
    if (f.fence == FenceClass::wmb) {
      target = &x.wmb;
      before &= x.writes;
      after &= x.writes;
    } else if (f.fence == FenceClass::rmb) {
      target = &x.rmb;
    }
    for (EventSet b = before; b != 0; b &= b - 1)
      target->rows[static_cast<unsigned>(std::countr_zero(b))] |= after;
    if (f.fence == FenceClass::membarrier)
      x.calls.push_back({thread, f.gap});
  }
}

void add_thread(Execution &x, int thread, const ThreadRun &run) {
  const int first = x.u.n;
  if (first + static_cast<int>(run.events.size()) > max_events)
    throw Unsupportable("more than 64 events (initial writes included)");
  x.first_event.push_back(first);
  x.u.n += static_cast<int>(run.events.size());
  const EventSet mine = first_n(x.u.n) & ~first_n(first);
  x.thread_events.push_back(mine);
  for (int i = 0; i < static_cast<int>(run.events.size()); ++i) {
    const RunEvent &r = run.events[static_cast<std::size_t>(i)];
    const int e = first + i;
    x.events.push_back({r.access, r.mark, thread, r.loc, r.value});
    x.same_thread[static_cast<unsigned>(e)] = mine;
    x.loc_events[static_cast<std::size_t>(r.loc)] |= bit(e);
    (r.access == Access::read ? x.reads : x.writes) |= bit(e);
    (r.mark == Mark::plain ? x.plain : x.marked) |= bit(e);
    if (r.mark == Mark::acquire)
      x.acquire |= bit(e);
    if (r.mark == Mark::release)
      x.release |= bit(e);
    x.po.rows[static_cast<unsigned>(e)] = mine & ~first_n(e + 1);
    // Dependencies are recorded at their target; the relations run read -> target.
    for (EventSet d = r.addr_from; d != 0; d &= d - 1)
      x.addr.add(first + std::countr_zero(d), e);
    for (EventSet d = r.data_from; d != 0; d &= d - 1)
      x.data.add(first + std::countr_zero(d), e);
    for (EventSet d = r.ctrl_from; d != 0; d &= d - 1)
      x.ctrl.add(first + std::countr_zero(d), e);
  }
}

} // namespace

Relation Execution::internal(const Relation &r) const {
  Relation out;
  for (int e = 0; e < u.n; ++e)
    out.rows[static_cast<unsigned>(e)] = r.rows[static_cast<unsigned>(e)] & same_thread[static_cast<unsigned>(e)];
  return out;
}

Relation Execution::external(const Relation &r) const {
  Relation out;
  for (int e = 0; e < u.n; ++e)
    out.rows[static_cast<unsigned>(e)] = r.rows[static_cast<unsigned>(e)] & ~same_thread[static_cast<unsigned>(e)];
  return out;
}

EventSet events_before(const Execution &x, int thread, int gap) {
  const int first = x.first_event[static_cast<std::size_t>(thread)];
  return x.thread_events[static_cast<std::size_t>(thread)] & first_n(first + gap);
}

EventSet events_from(const Execution &x, int thread, int gap) {
  return x.thread_events[static_cast<std::size_t>(thread)] & ~events_before(x, thread, gap);
}

Execution build_execution(const Test &test, const std::vector<const ThreadRun *> &runs) {
  Execution x;
  x.runs = runs;
  const int locations = static_cast<int>(test.locations.size());
  if (locations > max_events)
    throw Unsupportable("more than 64 locations");
  x.u.n = locations;
  for (int l = 0; l < locations; ++l) {
    x.events.push_back({Access::write, Mark::init, -1, l, test.locations[static_cast<std::size_t>(l)].init});
    x.loc_events.push_back(bit(l));
  }
  x.init = x.writes = x.marked = first_n(locations);
  for (int t = 0; t < static_cast<int>(runs.size()); ++t)
    add_thread(x, t, *runs[static_cast<std::size_t>(t)]);
  for (int t = 0; t < static_cast<int>(runs.size()); ++t)
    add_fences(x, t, *runs[static_cast<std::size_t>(t)]);
  x.po_rel = x.u.restrict(x.u.all(), x.po, x.release);
  x.acq_po = x.u.restrict(x.acquire, x.po, x.u.all());
  return x;
}

} // namespace fencelab::lkmm
