#include "markup.hpp"

#include "grid.hpp"

#include <cmath>
#include <fmt/core.h>

namespace fencelab::cli {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text)
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += ch;
    }
  return out;
}

VerdictStyle verdict_style(const std::string &verdict) {
  if (verdict == "VIOLATION")
    return {"#f4a3a3", "#b00000", 4};
  if (verdict == "MODEL DISAGREEMENT")
    return {"#e3b5f0", "#7a0099", 4};
  if (verdict == "FAILED")
    return {"#ffd29e", "#b35900", 2};
  if (verdict == "ok")
    return {"#d4efd4", "#6a9f6a", 1};
  if (verdict == "stronger")
    return {"#d6e6f7", "#5b82ad", 1};
  if (verdict == "model-limited")
    return {"#fff1a8", "#a89020", 1};
  return {"#ececec", "#999999", 1}; // unsupported, none
}

std::string short_number(double n) {
  if (!(n >= 0))
    return "-";
  return report::short_count(static_cast<std::uint64_t>(std::llround(n)));
}

std::vector<std::string> cell_lines(const TestRecord &t) {
  std::vector<std::string> lines{t.verdict.empty() ? "no verdict" : t.verdict};
  if (t.has_histogram) {
    lines.push_back("hw " + (t.observation.empty() ? std::string("?") : t.observation));
    lines.push_back(fmt::format("{} / {} weak", short_number(static_cast<double>(t.positive)),
                                short_number(static_cast<double>(t.iterations))));
    if (t.partial)
      lines.push_back("partial: stopped early");
  } else if (!t.failure.empty()) {
    lines.push_back("FAILED: " + t.failure.substr(0, 28));
  } else if (!t.unsupported.empty()) {
    lines.push_back("unsupported: " + t.unsupported.substr(0, 22));
  } else {
    lines.push_back("model only");
  }
  std::string models;
  for (const auto &m : t.models)
    models += (models.empty() ? "" : ", ") + m.name + " " + m.verdict;
  lines.push_back(models.empty() ? "no model" : models);
  if (!t.power_label.empty())
    lines.push_back(!t.power_confidence || t.power_label == "untestable at this timing" ? t.power_label
                    : *t.power_confidence > 0.9999 ? t.power_label + " >0.9999" // four digits would round to 1
                                                   : fmt::format("{} {:.4g}", t.power_label, *t.power_confidence));
  if (!t.planted.empty())
    lines.push_back("planted " + t.planted);

  return lines;
}

} // namespace fencelab::cli
