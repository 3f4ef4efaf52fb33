#include "relacy_limits.hpp"

#include <cstddef>
#include <map>
#include <set>

namespace fencelab::relacy {
namespace {

bool is_store(const Op &op) { return op.kind == OpKind::store || op.kind == OpKind::store_release; }
bool is_load(const Op &op) { return op.kind == OpKind::load || op.kind == OpKind::load_acquire; }

// Who stores where, as far as the op lists show.
struct StoreShape {
  std::map<int, std::set<std::size_t>> writers; // location -> threads storing to it
  std::map<int, int> stores;                    // location -> stores to it in the program text
  int load_then_store_threads = 0;              // threads with a store after some load
};

StoreShape store_shape(const Test &test) {
  StoreShape shape;
  const int locations = static_cast<int>(test.locations.size());
  for (std::size_t th = 0; th < test.threads.size(); ++th) {
    bool loaded = false, load_then_store = false;
    for (const Op &op : test.threads[th].ops) {
      if (is_store(op)) {
        // A store through an address register may reach any location.
        const bool known = op.addr_reg < 0 && op.loc >= 0 && op.loc < locations;
        for (int loc = known ? op.loc : 0; loc < (known ? op.loc + 1 : locations); ++loc) {
          shape.writers[loc].insert(th);
          ++shape.stores[loc];
        }
        load_then_store = load_then_store || loaded;
      }
      loaded = loaded || is_load(op);
    }
    shape.load_then_store_threads += load_then_store;
  }
  return shape;
}

// How many stores to one location a load can choose among, the initial store
// included (Relacy's atomic history: the latest and the one before it, or its
// whole three-entry ring under the random scheduler).
int read_window(SearchMode search) { return search == SearchMode::random ? 3 : 2; }

std::string name_of(const Test &test, int loc) { return test.locations[static_cast<std::size_t>(loc)].name; }

} // namespace

namespace {

// Where the kernel's model and C++'s part ways, Relacy answers C++'s
// question, not the LKMM's: a limit for an LKMM expectation, not a
// disagreement between the models.
void add_semantic_limits(const Test &test, std::vector<std::string> &limits) {
  if (test.uses_fence(FenceKind::smp_rmb) || test.uses_fence(FenceKind::smp_wmb))
    limits.push_back("smp_rmb/smp_wmb run as C++ acquire/release fences, not with their kernel meaning");
  bool cumulativity = false, dependency = false;
  for (const auto &thread : test.threads) {
    bool branch = false, relaxed_load = false, acquire = false;
    for (const Op &op : thread.ops) {
      branch = branch || op.kind == OpKind::jump_unless;
      bool store = op.kind == OpKind::store || op.kind == OpKind::store_release;
      dependency = dependency || op.addr_reg >= 0 || (store && op.expr >= 0) || (branch && store);
      cumulativity = cumulativity || (op.kind == OpKind::store_release && relaxed_load) ||
                     (op.kind == OpKind::store && acquire);
      relaxed_load = relaxed_load || op.kind == OpKind::load;
      acquire = acquire || op.kind == OpKind::load_acquire;
    }
  }
  if (cumulativity)
    limits.push_back("release cumulativity / acquire ordering of once accesses are the LKMM's, not C++'s");
  if (dependency)
    limits.push_back("no dependency ordering (C++ orders nothing through address, data or control dependencies)");
}

} // namespace

std::vector<std::string> relacy_limits(const Test &test, SearchMode search) {
  const StoreShape shape = store_shape(test);
  std::vector<std::string> limits;
  for (const auto &[loc, who] : shape.writers)
    if (who.size() >= 2) {
      limits.push_back("stores reach modification order in execution order (" + name_of(test, loc) +
                       " has two writers)");
      break;
    }
  if (shape.load_then_store_threads >= 2)
    limits.push_back("no load buffering (two threads load before they store)");
  // One such thread is enough once full fences or membarrier order the others
  // (found by the LKMM cross-check: x=1; membarrier; y=2 || r0=y; z=3 ||
  // r1=z; r2=x): Relacy runs the load before the later store, always.
  const bool full_fence = test.uses_fence(FenceKind::smp_mb) || test.uses_fence(FenceKind::mfence) ||
                          test.uses_fence(FenceKind::membarrier);
  if (shape.load_then_store_threads == 1 && full_fence)
    limits.push_back("a load always runs before its thread's later stores (one thread loads before it stores, "
                     "and full fences order the others)");
  const int window = read_window(search);
  for (const auto &[loc, n] : shape.stores)
    if (n + 1 > window) { // + 1: the initial value is a store in the history too
      limits.push_back("loads read only the latest " + std::string(window == 2 ? "two" : "three") + " stores (" +
                       name_of(test, loc) + " is stored " + std::to_string(n) + " times)");
      break;
    }
  add_semantic_limits(test, limits);
  return limits;
}

} // namespace fencelab::relacy
