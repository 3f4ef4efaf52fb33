#include "result_document.hpp"

#include <algorithm>
#include <fmt/core.h>
#include <fstream>
#include <sstream>

namespace fencelab::cli {
namespace {

using json = nlohmann::json;

std::string text_of(const json &j, const char *key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> number_of(const json &j, const char *key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number())
    return std::nullopt;
  return it->get<double>();
}

std::uint64_t count_of(const json &j, const char *key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

std::string value_text(const json &v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

OutcomeCount outcome_of(const json &entry) {
  OutcomeCount o;
  for (const char *part : {"registers", "memory"})
    if (auto it = entry.find(part); it != entry.end() && it->is_object())
      for (const auto &[slot, value] : it->items())
        o.values.emplace_back(slot, value_text(value));
  for (const auto &[slot, value] : o.values)
    o.text += slot + "=" + value + "; ";
  if (!o.text.empty())
    o.text.pop_back();
  o.count = count_of(entry, "count");
  return o;
}

// The latency summary from a test's evidence; interrupts become per call.
std::optional<LatencyRecord> latency_of(const json &evidence) {
  auto it = evidence.find("heavy_latency_ns");
  if (it == evidence.end() || !it->is_object())
    return std::nullopt;
  LatencyRecord l;
  l.calls = count_of(*it, "calls");
  l.min_ns = number_of(*it, "min");
  l.max_ns = number_of(*it, "max");
  l.median_ns = number_of(*it, "median").value_or(0);
  l.p99_ns = number_of(*it, "p99").value_or(0);
  if (auto cal = evidence.find("call_interrupts_per_cpu"); cal != evidence.end() && cal->is_array())
    for (const auto &n : *cal)
      l.interrupts_per_call.push_back(n.is_number() && l.calls ? n.get<double>() / static_cast<double>(l.calls) : 0);
  return l;
}

// Newer documents list every model ("models"); older ones have one "model".
std::vector<ModelRecord> models_of(const json &t) {
  std::vector<ModelRecord> models;
  auto record = [](const json &m) {
    std::string verdict = text_of(m, "verdict");
    if (verdict.empty())
      verdict = m.contains("unsupported") ? "unsupported" : "?";
    std::string name = text_of(m, "name");
    return ModelRecord{name.empty() ? "model" : name, verdict};
  };
  if (auto it = t.find("models"); it != t.end() && it->is_array()) {
    for (const auto &m : *it)
      if (m.is_object())
        models.push_back(record(m));
  } else if (auto one = t.find("model"); one != t.end() && one->is_object()) {
    models.push_back(record(*one));
  }
  return models;
}

TestRecord test_of(const json &t, std::size_t index, const std::filesystem::path &path) {
  TestRecord r;
  r.name = text_of(t, "name");
  if (r.name.empty())
    throw DocumentError(fmt::format("{}: tests[{}] has no name", path.string(), index));
  r.condition = text_of(t, "condition");
  r.verdict = text_of(t, "verdict");
  r.observation = text_of(t, "observation");
  r.unsupported = text_of(t, "unsupported");
  r.failure = text_of(t, "failure");
  r.planted = text_of(t, "planted");
  r.partial = t.value("partial", false);
  r.models = models_of(t);
  if (auto it = t.find("histogram"); it != t.end() && it->is_array()) {
    r.has_histogram = true;
    for (const auto &entry : *it)
      if (entry.is_object())
        r.histogram.push_back(outcome_of(entry));
  }
  r.positive = count_of(t, "positive");
  r.negative = count_of(t, "negative");
  r.iterations = count_of(t, "iterations");
  r.unclassified = count_of(t, "unclassified");
  r.seconds = number_of(t, "seconds").value_or(0);
  r.weak_per_second = number_of(t, "weak_per_second");
  if (auto p = t.find("power"); p != t.end() && p->is_object()) {
    r.power_label = text_of(*p, "label");
    r.power_confidence = number_of(*p, "confidence");
  }
  if (auto e = t.find("evidence"); e != t.end() && e->is_object()) {
    r.latency = latency_of(*e);
    if (auto l = e->find("heavy_latency_ns"); l != e->end() && l->is_object())
      r.heavy = text_of(*l, "barrier");
  }
  return r;
}

void read_window(const json &w, ResultDocument &doc) {
  if (auto ts = w.find("techniques"); ts != w.end() && ts->is_array())
    for (const auto &t : *ts) {
      WindowTechnique tech{
          text_of(t, "technique"), t.value("in_contract", true), {}, number_of(t, "window_ns").value_or(-1)};
      if (auto s = t.find("sweep"); s != t.end() && s->is_array())
        for (const auto &p : *s)
          tech.sweep.push_back({number_of(p, "delay_ns").value_or(0), count_of(p, "weak"), count_of(p, "iterations")});
      doc.window.push_back(std::move(tech));
    }
  if (auto hs = w.find("heavy_barriers"); hs != w.end() && hs->is_array())
    for (const auto &h : *hs) {
      HeavyBarrierLatency entry{text_of(h, "heavy"), text_of(h, "unsupported"), std::nullopt};
      if (auto median = number_of(h, "median_ns")) {
        LatencyRecord l{count_of(h, "calls"),
                        number_of(h, "min_ns"),
                        number_of(h, "max_ns"),
                        *median,
                        number_of(h, "p99_ns").value_or(0),
                        {}};
        if (auto cal = h.find("call_interrupts_per_cpu"); cal != h.end() && cal->is_array())
          for (const auto &n : *cal)
            l.interrupts_per_call.push_back(n.is_number() && l.calls ? n.get<double>() / static_cast<double>(l.calls)
                                                                     : 0);
        entry.latency = l;
      }
      doc.heavies.push_back(std::move(entry));
    }
}

// Which heavy barrier each test ran with: its latency says (documents since
// December 2026), else a `scope` cell, else the configuration's, except in
// older `bench` documents, whose runs vary it without saying.
void attach_heavy(const json &root, ResultDocument &doc) {
  std::string configured = doc.command == "bench" ? "" : text_of(doc.config, "heavy");
  for (auto &t : doc.tests)
    if (t.heavy.empty())
      t.heavy = configured;
  if (auto s = root.find("scope"); s != root.end() && s->is_array())
    for (const auto &cell : *s) {
      auto index = count_of(cell, "test_index");
      if (index < doc.tests.size() && !text_of(cell, "heavy").empty())
        doc.tests[index].heavy = text_of(cell, "heavy");
    }
}

} // namespace

double SweepPoint::weak_per_million() const {
  return iterations == 0 ? 0 : 1e6 * static_cast<double>(weak) / static_cast<double>(iterations);
}

static ResultDocument parse_document(const std::string &text, const std::filesystem::path &path) {
  json root = json::parse(text, nullptr, false);
  if (root.is_discarded())
    throw DocumentError(path.string() + ": not JSON");
  if (!root.is_object() || !root.contains("fencelab") || !root["fencelab"].is_string())
    throw DocumentError(path.string() + ": not a fencelab result document (no \"fencelab\" version field)");
  if (!root.contains("tests") || !root["tests"].is_array())
    throw DocumentError(path.string() + ": not a fencelab result document (no \"tests\" list)");
  ResultDocument doc;
  doc.path = path;
  doc.version = root["fencelab"].get<std::string>();
  doc.command = text_of(root, "command");
  doc.created = text_of(root, "created");
  if (root.contains("machine") && root["machine"].is_object())
    doc.machine = root["machine"];
  if (root.contains("config") && root["config"].is_object())
    doc.config = root["config"];
  doc.interrupted = root.value("interrupted", false);
  for (std::size_t i = 0; i < root["tests"].size(); ++i) {
    if (!root["tests"][i].is_object())
      throw DocumentError(fmt::format("{}: tests[{}] is not an object", path.string(), i));
    doc.tests.push_back(test_of(root["tests"][i], i, path));
  }
  if (auto w = root.find("window"); w != root.end() && w->is_object())
    read_window(*w, doc);
  attach_heavy(root, doc);
  return doc;
}

// A field of an unexpected type is a malformed document, named like any other.
ResultDocument parse_result_document(const std::string &text, const std::filesystem::path &path) {
  try {
    return parse_document(text, path);
  } catch (const json::exception &e) {
    throw DocumentError(path.string() + ": malformed result document (" + e.what() + ")");
  }
}

ResultDocument read_result_document(const std::filesystem::path &path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw DocumentError(path.string() + ": " + (std::filesystem::exists(path, ec) ? "not a file" : "no such file"));
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in)
    throw DocumentError(path.string() + ": cannot read");
  return parse_result_document(text.str(), path);
}

std::vector<ResultDocument> read_result_documents(const std::filesystem::path &file_or_directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(file_or_directory, ec))
    return {read_result_document(file_or_directory)};
  std::vector<std::filesystem::path> files;
  for (const auto &entry : std::filesystem::directory_iterator(file_or_directory, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  if (ec || files.empty())
    throw DocumentError(file_or_directory.string() + ": directory holds no .json result document");
  std::sort(files.begin(), files.end());
  std::vector<ResultDocument> docs;
  for (const auto &f : files)
    docs.push_back(read_result_document(f));
  return docs;
}

std::string machine_summary(const ResultDocument &doc) {
  const auto &m = doc.machine;
  std::string cpus = m.contains("online_cpus") && m["online_cpus"].is_number()
                         ? fmt::format(", {} CPUs", m["online_cpus"].get<long long>())
                         : "";
  std::string cpu = text_of(m, "cpu_model"), arch = text_of(m, "arch"), kernel = text_of(m, "kernel");
  return fmt::format("{}{}{}{}{}", cpu.empty() ? "unknown CPU" : cpu, arch.empty() ? "" : ", " + arch, cpus,
                     kernel.empty() ? "" : ", ", kernel);
}

} // namespace fencelab::cli
