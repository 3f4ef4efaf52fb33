#include "relacy_backend.hpp"

#include "model_program.hpp"
#include "outcome_table.hpp"
#include "simulation.hpp"

#include <chrono>
#include <memory>
#include <mutex>

namespace fencelab::relacy {
namespace {

// Relacy keeps one global context per process.
std::mutex simulation_mutex;

Histogram to_histogram(const OutcomeTable &table) {
  Histogram h;
  for (int i = 0; i < table.size(); ++i) {
    const Value *values = table.values(i);
    h.add(Outcome(values, values + table.width()), table.count(i));
  }
  return h;
}

} // namespace

std::string why_not_checkable(const Test &test, const ModelConfig &config) {
  if (config.search == SearchMode::random && config.random_iterations == 0)
    return "relacy: random search needs at least one iteration";
  return why_not_modelable(test);
}

ModelResult model_check(const Test &test, const ModelConfig &config, const Substitution &substitution) {
  if (auto why = why_not_checkable(test, config); !why.empty()) {
    ModelResult refused;
    refused.search = config.search;
    refused.membarrier = config.membarrier;
    refused.error = why;
    return refused;
  }
  const auto program = std::make_unique<ModelProgram>(lower_to_model(test, substitution));
  // Heap-allocated here, outside the simulation: simulated code only writes into it.
  const auto table = std::make_unique<OutcomeTable>();

  const auto start = std::chrono::steady_clock::now();
  SimulationReport report;
  {
    std::lock_guard lock(simulation_mutex);
    report = simulate(*program, config, *table);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;

  ModelResult result;
  result.histogram = to_histogram(*table);
  result.histogram.stats.iterations = table->executions();
  result.histogram.stats.seconds = elapsed.count();
  result.search = config.search;
  result.membarrier = config.membarrier;
  result.executions = report.iterations;
  if (report.error)
    result.error = report.error;
  else if (table->overflowed())
    result.error = "more than " + std::to_string(OutcomeTable::capacity) + " distinct outcomes";
  result.exhaustive = config.search == SearchMode::full && result.error.empty();
  return result;
}

std::string RelacyBackend::why_unsupported(const Test &test, const RunConfig &config) const {
  return why_not_checkable(test, config.model);
}

BackendResult RelacyBackend::run(const Test &test, const RunConfig &config) {
  if (auto why = why_unsupported(test, config); !why.empty())
    return Unsupported{why};
  auto result = model_check(test, config.model, config.substitution);
  if (!result.error.empty())
    return Unsupported{"relacy: search stopped after " + std::to_string(result.executions) +
                       " executions: " + result.error};
  return std::move(result.histogram);
}

} // namespace fencelab::relacy
