#include "svg_window.hpp"

#include "markup.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/core.h>

namespace fencelab::cli {
namespace {

constexpr double width = 680, height = 340, left = 64, right = 24, top = 24, bottom = 84;
const char *const line_colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};

// Delays start at 0 ns and latencies reach tens of microseconds: a log axis
// shifted by 10 ns shows both; weak rates span decades the same way.
struct Axes {
  double x_max_log, y_max_log;
  double x(double delay_ns) const {
    return left + (std::log10(delay_ns + 10) - 1) / (x_max_log - 1) * (width - left - right);
  }
  double y(double per_million) const {
    return height - bottom - std::log10(1 + per_million) / y_max_log * (height - top - bottom);
  }
};

Axes axes_for(const ResultDocument &doc) {
  double x_max = 100, y_max = 10;
  for (const auto &t : doc.window)
    for (const auto &p : t.sweep) {
      x_max = std::max(x_max, p.delay_ns);
      y_max = std::max(y_max, p.weak_per_million());
    }
  for (const auto &h : doc.heavies)
    if (h.latency && h.latency->calls > 0)
      x_max = std::max(x_max, h.latency->median_ns);
  return {std::ceil(std::log10(x_max * 1.2 + 10)), std::ceil(std::log10(1 + y_max))};
}

std::string grid_lines(const Axes &a) {
  std::string out;
  for (int e = 0; e <= static_cast<int>(a.y_max_log); ++e) {
    double v = e == 0 ? 0 : std::pow(10.0, e);
    double y = a.y(v);
    out += fmt::format(R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#ddd"/>)", left, width - right, y, y);
    out += fmt::format(R"(<text x="{}" y="{:.1f}" font-size="10" text-anchor="end">{}</text>)", left - 4, y + 3,
                       short_number(v));
  }
  for (double d : {0.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0}) {
    double x = a.x(d);
    if (x > width - right + 0.5)
      break;
    out += fmt::format(R"(<line x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" stroke="#ddd"/>)", x, x, top, height - bottom);
    out +=
        fmt::format(R"(<text x="{:.1f}" y="{}" font-size="10" text-anchor="middle">{}</text>)", x, height - bottom + 14,
                    d < 1e3   ? fmt::format("{:.0f}", d)
                    : d < 1e6 ? fmt::format("{:.0f}k", d / 1e3)
                              : fmt::format("{:.0f}M", d / 1e6));
  }
  out += fmt::format(
      R"(<text x="{}" y="{}" font-size="11" text-anchor="middle">sham delay on the heavy side (ns, log)</text>)",
      (left + width - right) / 2, height - bottom + 30);
  out += fmt::format(
      R"svg(<text x="12" y="{}" font-size="11" transform="rotate(-90 12 {})" text-anchor="middle">weak per million (log)</text>)svg",
      (top + height - bottom) / 2, (top + height - bottom) / 2);
  return out;
}

std::string technique_line(const Axes &a, const WindowTechnique &t, const char *colour, int index) {
  std::string points, dots;
  for (const auto &p : t.sweep) {
    double x = a.x(p.delay_ns), y = a.y(p.weak_per_million());
    points += fmt::format("{:.1f},{:.1f} ", x, y);
    dots += fmt::format(
        R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="{}"><title>{}: {:.0f} ns, {} weak of {} ({:.3f} per million)</title></circle>)",
        x, y, colour, escape_xml(t.name), p.delay_ns, p.weak, p.iterations, p.weak_per_million());
  }
  double legend_y = height - bottom + 46 + (index / 2) * 14;
  double legend_x = left + (index % 2) * 300;
  return fmt::format(
             R"(<polyline class="technique" data-technique="{}" points="{}" fill="none" stroke="{}" stroke-width="2"{}/>)",
             escape_xml(t.name), points, colour, t.in_contract ? "" : R"( stroke-dasharray="2 3")") +
         dots +
         fmt::format(
             R"(<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2"/><text x="{}" y="{}" font-size="11">{}</text>)",
             legend_x, legend_x + 18, legend_y - 4, legend_y - 4, colour, legend_x + 22, legend_y,
             escape_xml(fmt::format("{} (window {})", t.name,
                                    t.window_ns < 0 ? std::string("none") : fmt::format("{:.0f} ns", t.window_ns))));
}

std::string heavy_markers(const Axes &a, const ResultDocument &doc) {
  std::string out;
  for (const auto &h : doc.heavies) {
    if (!h.latency || h.latency->calls == 0) // no call measured: a marker at 0 ns would mislead
      continue;
    double x = a.x(h.latency->median_ns);
    out += fmt::format(
        R"(<line class="heavy" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" stroke="#444" stroke-dasharray="5 3"/>)", x, x,
        top, height - bottom);
    out += fmt::format(
        R"svg(<text x="{:.1f}" y="{}" font-size="10" text-anchor="end" transform="rotate(-90 {:.1f} {})">{} {:.1f} µs</text>)svg",
        x - 3, top + 4, x - 3, top + 4, escape_xml(h.heavy), h.latency->median_ns / 1000);
  }
  return out;
}

} // namespace

std::string window_chart_svg(const ResultDocument &doc) {
  if (doc.window.empty())
    return "";
  Axes a = axes_for(doc);
  int legend_rows = (static_cast<int>(doc.window.size()) + 1) / 2;
  double h = height + std::max(0, legend_rows - 2) * 14;
  std::string out =
      fmt::format(R"(<svg class="window" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">)", width,
                  h, width, h);
  out += grid_lines(a);
  for (std::size_t i = 0; i < doc.window.size(); ++i)
    out += technique_line(a, doc.window[i], line_colours[i % std::size(line_colours)], static_cast<int>(i));
  out += heavy_markers(a, doc);
  return out + "</svg>";
}

} // namespace fencelab::cli
