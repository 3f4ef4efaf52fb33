#pragma once
// The soak record's bookkeeping: the forbidden cells of the ordering table,
// each cell's runs summed into one result (its histogram, its sham control's
// counts, its power), the totals, and the time a target needs. The loop that
// runs the cells is soak_command.cpp.
#include "family.hpp"
#include "judge.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fencelab::cli {

// Every cell of `shapes` the membarrier(2) table orders (expectation Never).
std::vector<Test> forbidden_cells(const std::vector<Shape> &shapes);

struct SoakCell {
  TestResult total;         // the runs summed; its verdict and power are the cell's
  PowerCounts sham;         // the sham controls summed
  std::string sham_text;    // the latest control's description
  std::uint64_t runs = 0;
  std::uint64_t controls = 0;
  double wall_seconds = 0;  // runs and controls, with their set-up
  bool unsupported = false; // skipped after its first run
  std::optional<double> first_violation_seconds; // since the soak began
};

struct SoakTotals {
  std::uint64_t iterations = 0; // forbidden-cell iterations (controls not counted)
  std::uint64_t violations = 0; // weak outcomes seen in forbidden cells
  std::uint64_t violating_cells = 0;
  bool failed = false;          // some run broke (exit 3)
};

// Adds one run of the cell (and, when it ran, its control's power counts)
// that began `since_start` seconds into the soak; `wall`: seconds spent on both.
void add_run(SoakCell &cell, const TestResult &run, double since_start, double wall);
// Re-judges every cell from its sums and attaches the summed power.
void finish_cells(std::vector<SoakCell> &cells);
SoakTotals totals(const std::vector<SoakCell> &cells);

// From a calibration pass (one short run per cell): how many forbidden-cell
// iterations a round of `budget` seconds per cell gives, and how long it
// lasts with controls of `control_budget` seconds.
struct RoundEstimate {
  double iterations = 0;
  double seconds = 0;
};
RoundEstimate estimate_round(const std::vector<SoakCell> &calibrated, double calibration_budget, double budget,
                             double control_budget);

nlohmann::json soak_json(const std::vector<SoakCell> &cells, const SoakTotals &t);

} // namespace fencelab::cli
