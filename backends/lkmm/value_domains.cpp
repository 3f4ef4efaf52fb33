#include "value_domains.hpp"

#include <algorithm>

namespace fencelab::lkmm {
namespace {

// Beyond this many values per location the run products explode anyway.
constexpr std::size_t max_domain = 32;

// Adds `v` to the sorted domain; returns whether it was new.
bool insert_value(std::vector<Value> &domain, Value v) {
  auto it = std::lower_bound(domain.begin(), domain.end(), v);
  if (it != domain.end() && *it == v)
    return false;
  domain.insert(it, v);
  if (domain.size() > max_domain)
    throw Unsupportable("a location may hold more than 32 values");
  return true;
}

} // namespace

DomainFixpoint value_domains(const Test &test, const Substitution &substitution) {
  DomainFixpoint out;
  for (const auto &loc : test.locations)
    out.domains.push_back({loc.init});
  // A read's value comes from a store whose value may come from a read, and
  // so on; in one execution such a chain passes each store op at most once
  // (jumps only go forward), so reads need only the values of chains of at
  // most `stores` stores. Stopping there keeps a value that grows through a
  // cycle (x = r + 1 fed back to x) finite without losing any execution
  // whose values are founded; a value that comes around a cycle is the
  // thin-air value (thread_runs.hpp), which a store of a read's value adds.
  // One more round than stores: a store that only a branch on the thin-air
  // value reaches (if (READ_ONCE(*x) == 0) r1 = 0; WRITE_ONCE(*y, r1)) is
  // found one round after thin air enters the domain, and its value must
  // still travel a whole chain.
  int stores = 1;
  for (const auto &t : test.threads)
    for (const auto &op : t.ops)
      stores += op.kind == OpKind::store || op.kind == OpKind::store_release;
  for (int round = 0;; ++round) {
    out.runs.clear();
    std::vector<StoredValue> stored;
    for (int t = 0; t < static_cast<int>(test.threads.size()); ++t)
      out.runs.push_back(thread_runs(test, t, out.domains, substitution, &stored));
    if (round == stores)
      return out;
    bool grew = false;
    for (const StoredValue &v : stored) {
      auto &domain = out.domains[static_cast<std::size_t>(v.loc)];
      grew |= insert_value(domain, v.value);
      // A stored value that comes from a read may come around a cycle.
      if (v.from_read)
        grew |= insert_value(domain, thin_air);
    }
    if (!grew)
      return out;
  }
}

} // namespace fencelab::lkmm
