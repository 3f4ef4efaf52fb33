#pragma once
// The seam between the facade and the one translation unit that includes
// Relacy (interpreter.cpp): plain data in, plain data out.
#include "model_program.hpp"
#include "outcome_table.hpp"
#include "relacy_config.hpp"

#include <chrono>
#include <cstdint>

namespace fencelab::relacy {

// How a search ended.
enum class SimulationEnd {
  finished, // the scheduler ran out of executions to try (or iterations, for random search)
  budget,   // the deadline passed; the executions counted so far all finished
  livelock, // an execution spun past Relacy's step limit
  failed,   // any other Relacy failure: the search itself broke
};

struct SimulationReport {
  std::uint64_t iterations = 0; // executions explored (after a budget stop: those that ran whole)
  SimulationEnd end = SimulationEnd::finished;
  const char *error = nullptr; // Relacy's name for why the search stopped early, or null
};

// Explores `program`'s executions under `config`, adding each finished
// execution's outcome to `table`, until the scheduler is done or `deadline`
// passes (checked before each execution starts). Relacy keeps one global
// context, so calls must not overlap; the facade serialises them.
SimulationReport simulate(const ModelProgram &program, const RelacyConfig &config, OutcomeTable &table,
                          std::chrono::steady_clock::time_point deadline);

} // namespace fencelab::relacy
