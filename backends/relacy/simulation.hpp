#pragma once
// The seam between the facade and the one translation unit that includes
// Relacy (interpreter.cpp): plain data in, plain data out.
#include "model_program.hpp"
#include "outcome_table.hpp"
#include "run_config.hpp"

#include <cstdint>

namespace fencelab::relacy {

struct SimulationReport {
  std::uint64_t iterations = 0; // executions Relacy explored, as it counts them
  const char *error = nullptr;  // Relacy's name for why the search stopped early, or null
};

// Explores `program`'s executions under `config`, adding each finished
// execution's outcome to `table`. Relacy keeps one global context, so calls
// must not overlap; the facade serialises them.
SimulationReport simulate(const ModelProgram &program, const ModelConfig &config, OutcomeTable &table);

} // namespace fencelab::relacy
