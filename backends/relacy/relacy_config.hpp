#pragma once
// How the Relacy model searches a test. These are the model's own settings
// (filled by its option group, relacy_options.hpp), not the run's.
#include "enum_names.hpp"

#include <array>
#include <cstdint>

namespace fencelab::relacy {

// Which executions of a test the search visits.
enum class SearchMode { full, context_bound, random };

constexpr auto enum_names(SearchMode) {
  using S = SearchMode;
  return std::array<NameOf<S>, 3>{{{S::full, "full"}, {S::context_bound, "context-bound"}, {S::random, "random"}}};
}

// How the model realises `membarrier`: `precise` injects a seq_cst fence into
// every other thread at a point the scheduler chooses; `stock` is Relacy's own
// process-wide fence (sound, but some allowed outcomes vanish).
enum class MembarrierModel { precise, stock };

constexpr auto enum_names(MembarrierModel) {
  using M = MembarrierModel;
  return std::array<NameOf<M>, 2>{{{M::precise, "precise"}, {M::stock, "stock"}}};
}

struct RelacyConfig {
  SearchMode search = SearchMode::full;
  unsigned context_bound = 2;
  std::uint64_t random_iterations = 100000;
  MembarrierModel membarrier = MembarrierModel::precise;
  // Per test. A full search grows about exponentially with threads and ops, so
  // past this the search stops and its answer says it is incomplete.
  double budget_seconds = 10;
};

} // namespace fencelab::relacy
