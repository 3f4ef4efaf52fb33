#pragma once
// Two sets of result documents, test by test (in the spirit of litmus7's
// mcompare7): each side's observation and verdict, the outcomes only one
// side saw, and the ratio of weak outcomes per second. A side may hold
// several runs of a test (a directory of runs, or a document that repeats
// it); its rate is then their median and its verdict the most severe.
#include "result_document.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fencelab::cli {

struct CompareSide {
  int runs = 0;          // records of the test on this side (0: absent)
  int hardware_runs = 0; // of them, runs with a histogram
  std::set<std::string> verdicts;
  std::string verdict;     // the most severe; "absent" when the side lacks the test
  std::string observation; // from the summed tallies; "" without a histogram
  std::set<std::string> outcomes;
  std::optional<double> weak_per_second; // median over the runs that carry a rate
  std::string planted;
};

struct CompareRow {
  std::string test;
  CompareSide a, b;
  std::vector<std::string> only_a, only_b; // outcomes seen on one side only
  std::optional<double> weak_ratio;        // b / a; none when a's rate is 0 or missing
  bool noisy = true;                       // not both sides carry repeated runs
  bool verdict_differs = false;            // both sides ran the test and judged it differently
  bool one_sided = false;                  // only one side ran the test
  bool new_violation = false;              // b has a VIOLATION or MODEL DISAGREEMENT that a did not
};

struct Comparison {
  // Rows whose verdict differs first, then those that agree, then tests only
  // one side ran (a run of one test against a whole table); each group in
  // document order.
  std::vector<CompareRow> rows;
  std::vector<std::string> new_violations;
};

Comparison compare_documents(const std::vector<ResultDocument> &a, const std::vector<ResultDocument> &b);

// Most severe first: VIOLATION, MODEL DISAGREEMENT, FAILED, model-limited,
// stronger, ok, unsupported, none. Larger is more severe.
int verdict_severity(const std::string &verdict);

nlohmann::json comparison_json(const Comparison &comparison);

} // namespace fencelab::cli
