#include "model_view.hpp"

#include <map>
#include <set>

namespace fencelab {

std::vector<std::string> model_limits(const Test &test) {
  std::vector<std::string> limits;
  std::map<int, std::set<std::size_t>> writers;
  std::map<int, int> stores;
  int load_then_store_threads = 0;
  for (std::size_t th = 0; th < test.threads.size(); ++th) {
    bool loaded = false, load_then_store = false;
    for (const Op &op : test.threads[th].ops) {
      bool is_store = op.kind == OpKind::store || op.kind == OpKind::store_release;
      bool is_load = op.kind == OpKind::load || op.kind == OpKind::load_acquire;
      if (is_store) {
        if (op.loc >= 0) { // through a register, the location is known only at run time
          writers[op.loc].insert(th);
          ++stores[op.loc];
        }
        load_then_store = load_then_store || loaded;
      }
      loaded = loaded || is_load;
    }
    load_then_store_threads += load_then_store;
  }
  for (const auto &[loc, who] : writers)
    if (who.size() >= 2) {
      limits.push_back("stores reach modification order in execution order (" +
                       test.locations[static_cast<std::size_t>(loc)].name + " has two writers)");
      break;
    }
  if (load_then_store_threads >= 2)
    limits.push_back("no load buffering (two threads load before they store)");
  for (const auto &[loc, n] : stores)
    if (n >= 2) {
      limits.push_back("loads read only the latest two stores (" + test.locations[static_cast<std::size_t>(loc)].name +
                       " is stored " + std::to_string(n) + " times)");
      break;
    }
  return limits;
}

ModelVerdict model_verdict(const ModelView &m) {
  if (m.tally.positive > 0)
    return ModelVerdict::allowed;
  if (m.exhaustive && m.limits.empty())
    return ModelVerdict::forbidden;
  return ModelVerdict::limited;
}

const char *model_verdict_text(ModelVerdict v) {
  switch (v) {
  case ModelVerdict::allowed:
    return "allowed";
  case ModelVerdict::forbidden:
    return "forbidden";
  case ModelVerdict::limited:
    return "model-limited";
  }
  return "?";
}

} // namespace fencelab
