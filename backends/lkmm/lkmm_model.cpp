#include "lkmm_model.hpp"

#include "evaluator.hpp"
#include "thread_runs.hpp"

#include <chrono>

namespace fencelab::lkmm {

ModelResult LkmmModel::check(const Test &test, const Substitution &substitution) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation e;
  try {
    e = evaluate(test, substitution);
  } catch (const Unsupportable &u) {
    return Unsupported{u.what()};
  }
  ModelAnswer a;
  a.outcomes = std::move(e.outcomes);
  a.exhaustive = true;
  if (e.data_race)
    a.flags.push_back("data-race");
  a.executions = e.candidates;
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  a.settings = "exhaustive";
  a.details = {{"search", "exhaustive"}, {"membarrier", "injected strong fences"}};
  return a;
}

} // namespace fencelab::lkmm
