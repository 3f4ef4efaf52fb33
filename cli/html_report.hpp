#pragma once
// `fencelab report`'s page: one self-contained HTML document (inline CSS and
// SVG, no script, nothing fetched), one column per result document so two
// machines sit side by side. Per document: where it comes from (machine,
// kernel, compiler, configuration, fencelab version), the ordering grids,
// heavy-barrier latency and interrupts, the window sweep, and per-test
// histograms with the condition's outcomes marked.
#include "result_document.hpp"

#include <string>
#include <vector>

namespace fencelab::cli {

std::string html_report(const std::vector<ResultDocument> &docs);

// Per-test horizontal-bar histograms (html_histograms.cpp).
std::string histograms_html(const ResultDocument &doc);

} // namespace fencelab::cli
