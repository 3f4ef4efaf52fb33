#include "relacy_search.hpp"

#include "model_program.hpp"
#include "outcome_table.hpp"
#include "simulation.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <sstream>

namespace fencelab::relacy {
namespace {

using Clock = std::chrono::steady_clock;

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

// A budget too large for the clock (or infinite) means no deadline.
Clock::time_point deadline_after(Clock::time_point start, double seconds) {
  const std::chrono::duration<double> budget(seconds);
  if (!(budget < Clock::time_point::max() - start))
    return Clock::time_point::max();
  return start + std::chrono::duration_cast<Clock::duration>(budget);
}

void note_end(SearchResult &result, const SimulationReport &report, const RelacyConfig &config) {
  switch (report.end) {
  case SimulationEnd::finished:
    break;
  case SimulationEnd::budget:
    result.incomplete = budget_text(config.budget_seconds);
    break;
  case SimulationEnd::livelock:
    result.error = report.error;
    break;
  case SimulationEnd::failed:
    result.error = report.error;
    result.broken = true;
    break;
  }
}

} // namespace

std::string budget_text(double seconds) {
  std::ostringstream text;
  text << "budget " << seconds << " s";
  return text.str();
}

std::string why_not_checkable(const Test &test, const RelacyConfig &config) {
  if (config.search == SearchMode::random && config.random_iterations == 0)
    return "relacy: random search needs at least one iteration";
  if (!(config.budget_seconds > 0))
    return "relacy: the budget must be positive";
  return why_not_modelable(test);
}

SearchResult model_check(const Test &test, const RelacyConfig &config, const Substitution &substitution) {
  SearchResult result;
  result.search = config.search;
  result.membarrier = config.membarrier;
  if (auto why = why_not_checkable(test, config); !why.empty()) {
    result.error = why;
    return result;
  }
  const auto program = std::make_unique<ModelProgram>(lower_to_model(test, substitution));
  // Heap-allocated here, outside the simulation: simulated code only writes into it.
  const auto table = std::make_unique<OutcomeTable>();

  SimulationReport report;
  std::chrono::duration<double> elapsed{};
  {
    std::lock_guard lock(simulation_mutex);
    const auto start = Clock::now();
    report = simulate(*program, config, *table, deadline_after(start, config.budget_seconds));
    elapsed = Clock::now() - start;
  }

  result.histogram = to_histogram(*table);
  result.histogram.stats.iterations = table->executions();
  result.histogram.stats.seconds = elapsed.count();
  result.executions = report.iterations;
  note_end(result, report, config);
  if (result.error.empty() && table->overflowed())
    result.error = "more than " + std::to_string(OutcomeTable::capacity) + " distinct outcomes";
  result.exhaustive = config.search == SearchMode::full && result.error.empty() && result.incomplete.empty();
  return result;
}

} // namespace fencelab::relacy
