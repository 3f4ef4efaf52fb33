#include "evaluator.hpp"

#include "cat_model.hpp"
#include "execution.hpp"
#include "membarrier_injection.hpp"
#include "rf_co.hpp"
#include "run_product.hpp"
#include "value_domains.hpp"

namespace fencelab::lkmm {
namespace {

class CandidateSearch {
public:
  CandidateSearch(const Test &test, const Execution &x, const EvaluationOptions &options, Evaluation &out)
      : test_(test), x_(x), options_(options), out_(out) {}

  void run() {
    for (int l = 0; l < static_cast<int>(test_.locations.size()); ++l) {
      choices_.push_back(location_choices(x_, l));
      if (choices_.back().empty())
        return; // some read has no coherent source
    }
    strong_choices_ = strong_fence_choices(x_);
    last_write_.assign(test_.locations.size(), 0);
    witness_.strong = x_.mb;
    has_dependencies_ = !x_.u.empty(x_.u.unite(x_.data, x_.addr));
    for (int e = 0; e < x_.u.n; ++e)
      if (x_.events[static_cast<std::size_t>(e)].value != thin_air)
        known_ |= bit(e);
    product(0);
  }

private:
  void product(std::size_t loc) {
    if (loc == choices_.size()) {
      judge();
      return;
    }
    const EventSet writes = x_.loc_events[loc] & x_.writes;
    for (const LocationChoice &c : choices_[loc]) {
      for (EventSet es = writes; es != 0; es &= es - 1) {
        const auto w = static_cast<unsigned>(std::countr_zero(es));
        witness_.rf.rows[w] = 0;
        witness_.co.rows[w] = 0;
      }
      for (const auto &[w, r] : c.rf)
        witness_.rf.add(w, r);
      add_coherence_order(c.co, witness_.co);
      last_write_[loc] = c.co.back();
      product(loc + 1);
    }
  }

  // Allowed when some placement of the injected fences satisfies the axioms.
  // Without plain accesses every axiom only gets harder with more strong-fence
  // pairs, so a candidate failing with the callers' own fences alone fails
  // with every placement.
  void judge() {
    if (!founded())
      return;
    ++out_.candidates;
    bool allowed = false, race = false;
    const bool monotone = x_.plain == 0;
    if (!x_.calls.empty() && monotone && !check_candidate(x_, witness_).consistent)
      return;
    for (const Placement &p : strong_choices_) {
      witness_.strong = p.strong;
      if (options_.interleaving_only && !interleaved(p.instants))
        continue;
      const CandidateVerdict v = check_candidate(x_, witness_);
      allowed |= v.consistent;
      race |= v.consistent && v.data_race;
      if (allowed && (race || monotone))
        break;
    }
    witness_.strong = x_.mb;
    if (!allowed)
      return;
    Outcome o = outcome();
    // herd prunes an execution that fails the `filter` before it looks at
    // the flags, so such an execution raises none.
    out_.data_race |= race && test_.condition.filter.holds(o);
    out_.outcomes.add(std::move(o));
  }

  // herd solves the values of a candidate from its rf and the threads'
  // expressions; a value that depends on itself through rf and data or
  // address dependencies (a self-justifying cycle) is fixed by no equation,
  // so herd never gives it a constant: only the thin-air value may flow
  // around such a cycle (thread_runs.hpp), and a cycle of known values is no
  // execution.
  bool founded() const {
    if (!has_dependencies_)
      return true;
    const Relation flow = x_.u.unite(witness_.rf, x_.u.unite(x_.data, x_.addr));
    return x_.u.acyclic(x_.u.restrict(known_, flow, known_));
  }

  // Some total order of the events runs each thread in program order, each
  // read after the write it reads, the stores in coherence order, and each
  // membarrier() at one instant; and it orders fences as C++ orders seq_cst
  // fences: a read after one fence that misses a write before another
  // (strong ; fr ; strong) puts the reader's fence first.
  bool interleaved(const Relation &instants) const {
    const Universe &u = x_.u;
    const Relation fr = u.compose(u.inverse(witness_.rf), witness_.co);
    const Relation fenced_fr = u.compose(u.compose(witness_.strong, fr), witness_.strong);
    Relation order = u.unite(u.unite(x_.po, witness_.rf), u.unite(witness_.co, instants));
    order = u.unite(order, u.unite(witness_.strong, fenced_fr));
    return u.acyclic(order);
  }

  Outcome outcome() const {
    Outcome o;
    for (const ThreadRun *run : x_.runs)
      o.insert(o.end(), run->registers.begin(), run->registers.end());
    for (int loc : test_.observed_locations)
      o.push_back(x_.events[static_cast<std::size_t>(last_write_[static_cast<std::size_t>(loc)])].value);
    return o;
  }

  const Test &test_;
  const Execution &x_;
  const EvaluationOptions &options_;
  Evaluation &out_;
  std::vector<std::vector<LocationChoice>> choices_;
  std::vector<Placement> strong_choices_;
  std::vector<int> last_write_;
  Witness witness_;
  bool has_dependencies_ = false;
  EventSet known_ = 0; // events whose value is not thin air
};

} // namespace

Evaluation evaluate(const Test &test, const Substitution &substitution, const EvaluationOptions &options) {
  const DomainFixpoint fix = value_domains(test, substitution);
  Evaluation out;
  for_each_run_product(test, fix.runs, [&](const std::vector<const ThreadRun *> &runs) {
    const Execution x = build_execution(test, runs);
    CandidateSearch(test, x, options, out).run();
  });
  return out;
}

} // namespace fencelab::lkmm
