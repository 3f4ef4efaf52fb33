#pragma once
// The window sweep of a `fencelab window` document as an SVG line chart:
// weak outcomes per million against the sham delay, one line per technique,
// and each heavy barrier's median latency as a vertical marker. Where every
// marker lies right of where the lines reach zero, a membarrier cell's
// "Never" cannot be evidence on this machine.
#include "result_document.hpp"

#include <string>

namespace fencelab::cli {

// "" when the document has no window sweep.
std::string window_chart_svg(const ResultDocument &doc);

} // namespace fencelab::cli
