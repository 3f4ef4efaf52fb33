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
  // A value that needs k stores fed through reads appears after k rounds; a
  // chain of stores is at most as long as the test has store ops.
  int stores = 0;
  for (const auto &t : test.threads)
    for (const auto &op : t.ops)
      stores += op.kind == OpKind::store || op.kind == OpKind::store_release;
  for (int round = 0; round <= stores + 1; ++round) {
    out.runs.clear();
    bool grew = false;
    for (int t = 0; t < static_cast<int>(test.threads.size()); ++t) {
      out.runs.push_back(thread_runs(test, t, out.domains, substitution));
      for (const auto &run : out.runs.back())
        for (const auto &e : run.events)
          if (e.access == Access::write)
            grew |= insert_value(out.domains[static_cast<std::size_t>(e.loc)], e.value);
    }
    if (!grew)
      return out;
  }
  throw Unsupportable("stored values do not settle (a value grows through a cycle of reads and stores)");
}

} // namespace fencelab::lkmm
