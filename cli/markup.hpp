#pragma once
// Small pieces shared by the HTML and SVG writers of `fencelab report`.
#include "result_document.hpp"

#include <string>
#include <string_view>

namespace fencelab::cli {

// Text safe inside an element or a double-quoted attribute.
std::string escape_xml(std::string_view text);

struct VerdictStyle {
  const char *fill, *stroke;
  double stroke_width; // a violation's frame is wide so it stands out in a grid
};
VerdictStyle verdict_style(const std::string &verdict);

// The lines of a grid cell, most important first: verdict, hardware
// observation, weak/iterations, each model's verdict, power, plant.
std::vector<std::string> cell_lines(const TestRecord &t);

// 16540815.1 -> "16.5M"
std::string short_number(double n);

} // namespace fencelab::cli
