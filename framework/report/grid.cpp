#include "grid.hpp"

#include <fmt/ostream.h>

namespace fencelab::report {
namespace {

constexpr int row_label_width = 12;
constexpr int cell_width = 30;

std::string power_line(const TestResult &r) {
  if (!r.power)
    return "";
  const Power &p = *r.power;
  if (p.label == PowerLabel::untestable)
    return fmt::format("untestable (sham 0/{})", short_count(p.sham_iterations));
  return fmt::format("{} {:.4g}", p.label == PowerLabel::powered ? "powered" : "underpowered", p.confidence);
}

const char *short_verdict(ModelVerdict v) {
  switch (v) {
  case ModelVerdict::allowed:
    return "allow";
  case ModelVerdict::forbidden:
    return "forbid";
  case ModelVerdict::limited:
    return "limit";
  case ModelVerdict::incomplete:
    return "incompl";
  case ModelVerdict::unanswered:
    return "unsup";
  }
  return "?";
}

// One model's verdict alone ("forbidden"), or every model's side by side
// ("lkmm:forbid relacy:limit") so that a cell shows where they part.
std::string models_text(const TestResult &r) {
  if (r.models.size() == 1 && r.model())
    return "model " + std::string(model_verdict_text(model_verdict(*r.model())));
  std::string text;
  for (const auto &m : r.models)
    text += (text.empty() ? "" : " ") + m.name + ":" + short_verdict(model_verdict(m));
  return text;
}

std::vector<std::string> cell_lines(const TestResult *r) {
  if (!r)
    return {"-", "", "", "", ""};
  std::string model = !r->models.empty()    ? models_text(*r)
                      : r->test.expectation ? "table: " + std::string(model_verdict_name(r->test.expectation->result))
                                            : "";
  if (r->model_meets_expectation && !*r->model_meets_expectation)
    model += " (table says " + std::string(model_verdict_name(r->test.expectation->result)) + "!)";
  std::string verdict = r->verdict ? std::string(to_string(*r->verdict)) : "-";
  if (r->verdict == Verdict::stronger)
    verdict = "allowed, not observed";
  if (!r->histogram) {
    if (!r->failure.empty())
      return {"FAILED", r->failure.substr(0, cell_width - 2), model, "", ""};
    if (!r->model())
      return {"unsupported", r->unsupported.substr(0, cell_width - 2), "", "", ""};
    return {"model only", "", model, verdict, ""};
  }
  return {short_count(r->tally.positive) + " / " + short_count(r->histogram->stats.iterations),
          "hw " + std::string(to_string(r->observation)), model, verdict, power_line(*r)};
}

} // namespace

std::string short_count(std::uint64_t n) {
  if (n < 10000)
    return std::to_string(n);
  const char *units[] = {"k", "M", "G", "T"};
  double v = static_cast<double>(n);
  int u = -1;
  while (v >= 1000 && u < 3) {
    v /= 1000;
    ++u;
  }
  return fmt::format("{:.{}f}{}", v, v < 100 ? 1 : 0, units[u]);
}

void write_grid(std::ostream &out, const GridSpec &g) {
  fmt::print(out, "{}\n", g.title);
  fmt::print(out, "{:<{}}", "T0 \\ T1", row_label_width);
  for (const auto &c : g.columns)
    fmt::print(out, "| {:<{}}", c, cell_width - 2);
  out << '\n';
  std::string rule(static_cast<std::size_t>(row_label_width + cell_width * static_cast<int>(g.columns.size())), '-');
  out << rule << '\n';
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    std::vector<std::vector<std::string>> cells;
    for (std::size_t c = 0; c < g.columns.size(); ++c)
      cells.push_back(cell_lines(g.cell(r, c)));
    for (std::size_t line = 0; line < cells.front().size(); ++line) {
      fmt::print(out, "{:<{}}", line == 0 ? g.rows[r] : "", row_label_width);
      for (const auto &cell : cells)
        fmt::print(out, "| {:<{}}", cell[line], cell_width - 2);
      out << '\n';
    }
    out << rule << '\n';
  }
  out << '\n';
}

} // namespace fencelab::report
