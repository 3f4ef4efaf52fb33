#include "soak.hpp"

#include <algorithm>

namespace fencelab::cli {

std::vector<Test> forbidden_cells(const std::vector<Shape> &shapes) {
  std::vector<Test> cells;
  for (Shape s : shapes)
    for (auto &t : family_tests(s))
      if (t.expectation && t.expectation->result == Observation::never)
        cells.push_back(std::move(t));
  return cells;
}

void add_run(SoakCell &cell, const TestResult &run, double since_start, double wall) {
  TestResult &t = cell.total;
  if (cell.runs == 0) {
    t.test = run.test;
    t.backend = run.backend;
    t.substitution = run.substitution;
  }
  ++cell.runs;
  cell.wall_seconds += wall;
  t.partial = t.partial || run.partial; // Ctrl-C cut this run short
  if (!run.histogram) {
    cell.unsupported = run.failure.empty();
    t.unsupported = run.unsupported;
    t.failure = run.failure;
    t.verdict = run.verdict;
    return;
  }
  if (!t.histogram) {
    t.histogram = *run.histogram;
  } else {
    t.histogram->merge(*run.histogram);
    auto &seen = t.histogram->stats.witnesses;
    for (const auto &w : run.histogram->stats.witnesses)
      if (seen.size() < 8)
        seen.push_back(w);
  }
  t.tally.positive += run.tally.positive;
  t.tally.negative += run.tally.negative;
  t.tally.filtered += run.tally.filtered;
  if (run.tally.positive > 0 && !cell.first_violation_seconds) // known to within a batch or chunk
    cell.first_violation_seconds =
        since_start + run.histogram->stats.first_positive_seconds.value_or(run.histogram->stats.seconds);
  if (run.power) {
    ++cell.controls;
    cell.sham.iterations += run.power->sham_iterations;
    cell.sham.weak += run.power->sham_weak;
    cell.sham.units += run.power->sham_units;
    cell.sham.weak_units += run.power->sham_weak_units;
    cell.sham_text = run.power->sham;
  }
}

void finish_cells(std::vector<SoakCell> &cells) {
  for (auto &c : cells) {
    TestResult &t = c.total;
    if (!t.histogram)
      continue;
    t.observation = observe(t.tally.positive, t.tally.negative);
    t.verdict = verdict_for(Observation::never, t.observation);
    if (c.controls == 0)
      continue;
    const auto &s = t.histogram->stats;
    t.power = assess_power({t.tally.positive + t.tally.negative, t.tally.positive, s.units, s.weak_batches}, c.sham,
                           c.sham_text);
  }
}

SoakTotals totals(const std::vector<SoakCell> &cells) {
  SoakTotals s;
  for (const auto &c : cells) {
    const TestResult &t = c.total;
    s.failed = s.failed || !t.failure.empty();
    s.iterations += t.tally.positive + t.tally.negative;
    s.violations += t.tally.positive;
    s.violating_cells += t.tally.positive > 0;
  }
  return s;
}

RoundEstimate estimate_round(const std::vector<SoakCell> &calibrated, double calibration_budget, double budget,
                             double control_budget) {
  RoundEstimate e;
  for (const auto &c : calibrated) {
    if (!c.total.histogram)
      continue;
    const auto &t = c.total;
    double run_seconds = std::max(t.histogram->stats.seconds, 1e-9);
    double rate = static_cast<double>(t.tally.positive + t.tally.negative) / run_seconds;
    // What a run costs besides its budget: set-up, counting, the pool.
    double overhead = std::max(0.0, c.wall_seconds - calibration_budget);
    e.iterations += rate * budget;
    e.seconds += budget + overhead;
    if (control_budget > 0)
      e.seconds += control_budget + overhead;
  }
  return e;
}

nlohmann::json soak_json(const std::vector<SoakCell> &cells, const SoakTotals &t) {
  nlohmann::json per_cell = nlohmann::json::array();
  for (const auto &c : cells) {
    const TestResult &r = c.total;
    nlohmann::json j = {{"name", r.test.name},
                        {"iterations", r.tally.positive + r.tally.negative},
                        {"violations", r.tally.positive},
                        {"runs", c.runs},
                        {"controls", c.controls},
                        {"wall_seconds", c.wall_seconds}};
    if (r.histogram)
      j["units"] = r.histogram->stats.units;
    if (c.first_violation_seconds)
      j["first_violation_seconds"] = *c.first_violation_seconds;
    if (r.power) {
      j["power"] = to_string(r.power->label);
      j["confidence"] = r.power->confidence;
    }
    if (!r.unsupported.empty())
      j["unsupported"] = r.unsupported;
    if (!r.failure.empty())
      j["failure"] = r.failure;
    per_cell.push_back(std::move(j));
  }
  return {{"forbidden_iterations", t.iterations},
          {"violations", t.violations},
          {"violating_cells", t.violating_cells},
          {"cells", per_cell}};
}

} // namespace fencelab::cli
