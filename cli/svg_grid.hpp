#pragma once
// The ordering table as SVG: per shape, rows are thread 0's fence and
// columns thread 1's, one coloured cell per test (markup.hpp's lines and
// colours). Tests whose names are no SHAPE+F0+F1 triple (or repeat one
// already placed) get a cell each in a list below, so every test of the
// document has exactly one cell. Each cell is a <g class="cell"> with
// data-doc and data-test attributes, which the browser test reads.
#include "result_document.hpp"

#include <string>
#include <vector>

namespace fencelab::cli {

struct ShapeGrid {
  std::string shape;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<int>> cells; // [row][column]: index into doc.tests, -1 for none
};

struct GridLayout {
  std::vector<ShapeGrid> grids;
  std::vector<std::size_t> others; // tests outside every grid
};

GridLayout grid_layout(const ResultDocument &doc);

// An <svg> element for one document; `standalone` adds the XML namespace
// declaration a file needs.
std::string ordering_svg(const ResultDocument &doc, std::size_t doc_index, bool standalone);

// Several documents side by side in one standalone SVG file.
std::string ordering_svg_file(const std::vector<ResultDocument> &docs);

} // namespace fencelab::cli
