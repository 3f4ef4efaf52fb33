#include "html_report.hpp"

#include "markup.hpp"
#include "svg_grid.hpp"
#include "svg_window.hpp"

#include <fmt/core.h>

namespace fencelab::cli {
namespace {

constexpr const char *style = R"(
body { font-family: sans-serif; margin: 16px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 22px; } h3 { font-size: 15px; }
.docs { display: grid; gap: 28px; align-items: start; }
.doc { min-width: 0; overflow-x: auto; border-top: 3px solid #888; padding-top: 6px; }
table.kv td:first-child { color: #555; padding-right: 12px; vertical-align: top; }
table.lat { border-collapse: collapse; } table.lat td, table.lat th { border: 1px solid #ccc; padding: 2px 8px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.hist { border-collapse: collapse; width: 100%; max-width: 900px; font-size: 12px; }
table.hist { table-layout: fixed; } table.hist td { padding: 1px 6px; overflow: hidden; }
td.outcome { font-family: monospace; white-space: nowrap; width: 32%; } td.mark { white-space: nowrap; width: 11%; } td.num { width: 10%; }
td.barcell { width: 37%; } .bar { height: 12px; background: #7a9cc6; }
tr.positive .bar { background: #d9534f; } tr.positive td.outcome, td.mark { color: #b00000; font-weight: bold; }
details.histogram { margin: 8px 0; } .note { color: #a60; font-size: 12px; }
.verdict { padding: 0 5px; border-radius: 3px; } .v-VIOLATION, .v-disagreement { background: #b00000; color: #fff; }
.v-ok { background: #d4efd4; } .v-stronger { background: #d6e6f7; } .v-FAILED { background: #ffd29e; }
.interrupted { background: #ffd29e; padding: 4px; font-weight: bold; }
code { font-size: 12px; }
)";

std::string kv_row(const std::string &key, const std::string &value) {
  return fmt::format("<tr><td>{}</td><td>{}</td></tr>", escape_xml(key), escape_xml(value));
}

std::string json_value_text(const nlohmann::json &v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_object()) {
    std::string out;
    for (const auto &[k, x] : v.items())
      out += (out.empty() ? "" : ", ") + k + ": " + json_value_text(x);
    return out;
  }
  return v.dump();
}

std::string provenance(const ResultDocument &doc) {
  std::string rows = kv_row("file", doc.path.string()) + kv_row("fencelab", doc.version) +
                     kv_row("command", doc.command) + kv_row("created", doc.created);
  for (const char *key : {"cpu_model", "arch", "online_cpus", "kernel", "compiler", "hostname", "heavy_barriers"})
    if (doc.machine.contains(key))
      rows += kv_row(key, json_value_text(doc.machine[key]));
  std::string config;
  for (const auto &[k, v] : doc.config.items())
    config += kv_row(k, json_value_text(v));
  return fmt::format(
      R"(<h3>Machine</h3><table class="kv">{}</table><details><summary>Configuration</summary><table class="kv">{}</table></details>)",
      rows, config);
}

std::string optional_ns(const std::optional<double> &v) { return v ? fmt::format("{:.0f}", *v) : "-"; }

std::string interrupts_text(const LatencyRecord &l) {
  if (l.interrupts_per_call.empty())
    return "-";
  std::string out;
  for (std::size_t cpu = 0; cpu < l.interrupts_per_call.size(); ++cpu)
    out += fmt::format("{}cpu{} {:.2f}", out.empty() ? "" : ", ", cpu, l.interrupts_per_call[cpu]);
  return out;
}

std::string latency_row(const std::string &source, const std::string &heavy, const LatencyRecord &l) {
  return fmt::format(
      R"(<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{:.0f}</td><td class="num">{:.0f}</td><td class="num">{}</td><td>{}</td></tr>)",
      escape_xml(source), escape_xml(heavy.empty() ? "?" : heavy), l.calls, optional_ns(l.min_ns), l.median_ns,
      l.p99_ns, optional_ns(l.max_ns), interrupts_text(l));
}

// Every heavy-barrier latency the document carries: the window summary's and
// each test run's (measured with the partner running).
std::string latency_table(const ResultDocument &doc) {
  std::string rows;
  for (const auto &h : doc.heavies)
    rows +=
        h.latency && h.latency->calls > 0
            ? latency_row("window summary", h.heavy, *h.latency)
            : fmt::format("<tr><td>window summary</td><td>{}</td><td colspan=\"6\">{}</td></tr>", escape_xml(h.heavy),
                          escape_xml(h.latency ? "no call measured" : "unsupported: " + h.unsupported));
  for (const auto &t : doc.tests)
    if (t.latency && t.latency->calls > 0)
      rows += latency_row(t.name, t.heavy, *t.latency);
  if (rows.empty())
    return "<p>No heavy-barrier calls in this document.</p>";
  return R"(<table class="lat"><tr><th>run</th><th>heavy barrier</th><th class="num">calls</th><th class="num">min ns</th><th class="num">median ns</th><th class="num">p99 ns</th><th class="num">max ns</th><th>function-call interrupts per call</th></tr>)" +
         rows + "</table>";
}

std::string document_column(const ResultDocument &doc, std::size_t index) {
  std::string out =
      fmt::format(R"(<section class="doc" data-doc="{}"><h2>{}</h2>)", index, escape_xml(machine_summary(doc)));
  if (doc.interrupted)
    out += R"(<p class="interrupted">Interrupted run: the document holds the tests done before the stop.</p>)";
  out += provenance(doc);
  // A window document's point is its sweep; its grid is only the sham runs behind it.
  if (std::string chart = window_chart_svg(doc); !chart.empty())
    out += "<h3>Window sweep</h3>" + chart + "<h3>Heavy-barrier latency</h3>" + latency_table(doc);
  out += "<h3>Ordering table</h3>" + ordering_svg(doc, index, false);
  if (doc.window.empty())
    out += "<h3>Heavy-barrier latency</h3>" + latency_table(doc);
  out += "<h3>Histograms</h3>" + histograms_html(doc);
  return out + "</section>";
}

} // namespace

std::string html_report(const std::vector<ResultDocument> &docs) {
  std::string columns;
  for (std::size_t i = 0; i < docs.size(); ++i)
    columns += document_column(docs[i], i);
  return fmt::format(R"html(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fencelab report</title>
<style>{}</style></head>
<body><h1>fencelab report</h1>
<p>Cells: verdict, hardware observation, weak outcomes / iterations, each model's verdict, power of a "Never" (sham control), plants. Red frames are violations.</p>
<div class="docs" style="grid-template-columns: repeat({}, minmax(0, 1fr))">{}</div>
</body></html>
)html",
                     style, docs.size(), columns);
}

} // namespace fencelab::cli
