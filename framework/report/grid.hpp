#pragma once
// The ordering table as a grid: rows are thread 0's fence, columns thread 1's;
// each cell shows weak/iterations, the observation, the model and the verdict.
#include "judge.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace fencelab::report {

struct GridSpec {
  std::string title;
  std::vector<std::string> rows;    // thread 0's fence names
  std::vector<std::string> columns; // thread 1's fence names
  std::function<const TestResult *(std::size_t row, std::size_t column)> cell;
};

void write_grid(std::ostream &out, const GridSpec &grid);

// 12345678 -> "12.3M": counts that fit a cell and stay readable.
std::string short_count(std::uint64_t n);

} // namespace fencelab::report
