#include "cat_model.hpp"

namespace fencelab::lkmm {
namespace {

// The relations the core axioms build that the plain-access part reuses.
struct Core {
  Relation fr, rfe, addr, fence, nonrw_fence, cumul_fence_star, hb, pb;
};

// bell: carry-dep = (data ; rfi)*, and addr, ctrl, data redefined through it.
void carry_dependencies(const Execution &x, const Relation &rfi, Relation &addr, Relation &data, Relation &ctrl) {
  const Universe &u = x.u;
  const Relation data_rfi = u.compose(x.data, rfi);
  if (u.empty(data_rfi)) {
    addr = x.addr;
    data = x.data;
    ctrl = x.ctrl;
    return;
  }
  const Relation carry = u.star(data_rfi);
  addr = u.compose(carry, x.addr);
  data = u.compose(carry, x.data);
  ctrl = u.compose(carry, x.ctrl);
}

// happens-before and propagation; fills `c` on the way.
bool core_axioms(const Execution &x, const Witness &w, Core &c) {
  const Universe &u = x.u;
  const EventSet all = u.all(), marked = x.marked;
  c.fr = u.compose(u.inverse(w.rf), w.co);
  c.rfe = x.external(w.rf);
  const Relation rfi = x.internal(w.rf);
  Relation data, ctrl;
  carry_dependencies(x, rfi, c.addr, data, ctrl);

  // Preserved program order.
  const Relation dep = u.unite(c.addr, data);
  const Relation rwdep = u.restrict(all, u.unite(dep, ctrl), x.writes);
  const Relation overwrite = u.unite(w.co, c.fr);
  const Relation to_w = u.unite(u.unite(rwdep, x.internal(overwrite)),
                                u.compose(u.restrict(all, c.addr, x.plain), x.wmb));
  const Relation to_r = u.unite(c.addr, u.compose(u.restrict(all, dep, marked), rfi));
  c.nonrw_fence = u.unite(w.strong, u.unite(x.po_rel, x.acq_po));
  c.fence = u.unite(c.nonrw_fence, u.unite(x.wmb, u.restrict(x.reads, x.rmb, x.reads)));
  const Relation ppo = u.unite(u.unite(to_r, to_w), c.fence);

  // Propagation: A-cumul(r) = (rfe ; [Marked])? ; r.
  const Relation a_fences = u.unite(w.strong, x.po_rel);
  const Relation a_cumul = u.unite(a_fences, u.compose(u.restrict(all, c.rfe, marked), a_fences));
  const Relation cumul_fence = u.restrict(marked, u.unite(a_cumul, x.wmb), marked);
  c.cumul_fence_star = u.star(cumul_fence);
  const Relation head = u.unite(u.identity(marked), u.restrict(marked, x.external(overwrite), all));
  const Relation tail = u.unite(u.identity(marked), u.restrict(marked, c.rfe, marked));
  const Relation prop = u.compose(u.compose(head, c.cumul_fence_star), tail);

  const Relation prop_int = x.internal(u.minus(prop, u.identity(all)));
  c.hb = u.restrict(marked, u.unite(u.unite(ppo, c.rfe), prop_int), marked);
  if (!u.acyclic(c.hb))
    return false;
  c.pb = u.restrict(all, u.compose(u.compose(prop, w.strong), u.star(c.hb)), marked);
  return u.acyclic(c.pb);
}

// plain-coherence (an axiom) and the data-race flag; rb is empty (no RCU).
CandidateVerdict plain_accesses(const Execution &x, const Witness &w, const Core &c) {
  const Universe &u = x.u;
  const EventSet all = u.all(), marked = x.marked;
  const Relation id = u.identity(all);
  const Relation xbstar = u.star(u.unite(c.hb, c.pb));
  const Relation tail = u.unite(u.identity(marked), u.restrict(all, c.rfe, marked)); // rfe? ; [Marked]
  const Relation after = u.unite(u.compose(u.restrict(all, w.strong, marked), xbstar), x.internal(xbstar));
  const Relation vis = u.compose(u.compose(c.cumul_fence_star, tail), after);

  const Relation w_pre = u.restrict(marked, u.unite(id, u.unite(c.addr, c.fence)), all);
  const Relation r_pre = u.restrict(
      marked, u.unite(u.unite(id, c.addr), u.unite(c.nonrw_fence, u.restrict(x.reads, x.rmb, all))), all);
  const Relation w_post = u.restrict(all, u.unite(id, c.fence), marked);
  const Relation r_post = u.restrict(all, u.unite(u.unite(id, c.nonrw_fence), u.restrict(all, x.rmb, x.reads)), marked);
  // A fence orders plain accesses by itself, and a store before a strong
  // fence is visible to whatever executes after the fence (the 2019
  // "Improve data-race detection" revision of linux-kernel.cat, which herd7's
  // copy has: strong-vis.litmus needs it).
  const Relation strong_xb = u.compose(w.strong, xbstar);
  const Relation ww_vis = u.unite(c.fence, u.unite(u.compose(strong_xb, w_pre), u.compose(u.compose(w_post, vis), w_pre)));
  const Relation wr_vis = u.unite(c.fence, u.unite(u.compose(strong_xb, r_pre), u.compose(u.compose(w_post, vis), r_pre)));
  const Relation rw_xbstar = u.unite(c.fence, u.compose(u.compose(r_post, xbstar), w_pre));

  const Relation pre_race = x.external(u.unite(u.product(x.plain, all), u.product(all & ~x.init, x.plain)));
  const Relation wr_incoh = u.intersect(u.intersect(pre_race, w.rf), u.inverse(rw_xbstar));
  const Relation rw_incoh = u.intersect(u.intersect(pre_race, c.fr), u.inverse(wr_vis));
  const Relation ww_incoh = u.intersect(u.intersect(pre_race, w.co), u.inverse(ww_vis));
  CandidateVerdict v;
  v.consistent = u.empty(wr_incoh) && u.empty(rw_incoh) && u.empty(ww_incoh);
  if (!v.consistent)
    return v;

  const Relation ww_nonrace =
      u.intersect(u.intersect(ww_vis, u.unite(u.product(marked, x.writes), rw_xbstar)),
                  u.unite(u.product(x.writes, marked), wr_vis));
  const Relation ww_race = u.minus(u.intersect(pre_race, w.co), ww_nonrace);
  const Relation wr_race = u.minus(u.intersect(pre_race, u.compose(u.optional(w.co), w.rf)), wr_vis);
  const Relation rw_race = u.minus(u.intersect(pre_race, c.fr), rw_xbstar);
  v.data_race = !u.empty(ww_race) || !u.empty(wr_race) || !u.empty(rw_race);
  return v;
}

} // namespace

CandidateVerdict check_candidate(const Execution &x, const Witness &w) {
  Core c;
  if (!core_axioms(x, w, c))
    return {};
  if (x.plain == 0)
    return {true, false}; // pre-race needs a plain access: no incoherence, no race
  return plain_accesses(x, w, c);
}

} // namespace fencelab::lkmm
