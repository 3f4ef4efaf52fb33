#include "json_report.hpp"

#include "condition_text.hpp"
#include "pending_file.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace fencelab::report {

nlohmann::json histogram_json(const Test &t, const Histogram &h) {
  nlohmann::json states = nlohmann::json::array();
  int registers = t.register_count();
  for (const auto &[outcome, count] : h.counts) {
    nlohmann::json regs = nlohmann::json::object(), mem = nlohmann::json::object();
    for (std::size_t slot = 0; slot < outcome.size(); ++slot)
      (static_cast<int>(slot) < registers ? regs : mem)[t.slot_name(static_cast<int>(slot))] =
          is_address(outcome[slot]) ? nlohmann::json(value_text(t, outcome[slot])) : nlohmann::json(outcome[slot]);
    states.push_back({{"registers", regs}, {"memory", mem}, {"count", count}});
  }
  return states;
}

nlohmann::json power_json(const Power &p) {
  return {{"label", to_string(p.label)},
          {"sham", p.sham},
          {"iterations", p.iterations},
          {"weak", p.weak},
          {"sham_iterations", p.sham_iterations},
          {"sham_weak", p.sham_weak},
          {"sham_rate", p.sham_rate},
          {"expected_weak", p.expected},
          {"p_zero", p.p_zero},
          {"confidence", p.confidence},
          {"units", p.units},
          {"weak_units", p.weak_units},
          {"sham_units", p.sham_units},
          {"sham_weak_units", p.sham_weak_units},
          {"sham_unit_rate", p.sham_unit_rate},
          {"sham_unit_rate_lower", p.sham_unit_rate_lower},
          {"effective_units", p.effective_units},
          {"unit_rate_bound_level", unit_rate_bound_level}};
}

nlohmann::json model_json(const Test &t, const ModelView &m) {
  if (!m.answered())
    return {{"name", m.name}, {"unsupported", m.unsupported.empty() ? m.failure : m.unsupported}};
  const ModelAnswer &a = m.answer;
  nlohmann::json j = {{"name", m.name},
                      {"verdict", model_verdict_text(model_verdict(m))},
                      {"settings", a.settings},
                      {"executions", a.executions},
                      {"seconds", a.seconds},
                      {"exhaustive", a.exhaustive},
                      {"positive", m.tally.positive},
                      {"negative", m.tally.negative},
                      {"limits", a.limits},
                      {"flags", a.flags},
                      {"outcomes", histogram_json(t, a.outcomes)}};
  if (!a.incomplete.empty())
    j["incomplete"] = a.incomplete;
  for (const auto &[key, value] : a.details)
    j[key] = value;
  return j;
}

nlohmann::json test_result_json(const TestResult &r) {
  const Test &t = r.test;
  nlohmann::json j;
  j["name"] = t.name;
  j["backend"] = r.backend;
  j["condition"] = condition_text(t);
  if (t.expectation)
    j["expectation"] = {{"result", to_string(t.expectation->result)},
                        {"model", model_verdict_name(t.expectation->result)},
                        {"source", t.expectation->source}};
  else
    j["expectation"] = nullptr;
  j["verdict"] = r.verdict ? nlohmann::json(std::string(to_string(*r.verdict))) : nlohmann::json(nullptr);
  j["partial"] = r.partial;
  j["first_positive_seconds"] = nullptr;
  if (!r.substitution.empty())
    j["planted"] = r.substitution;
  if (r.power)
    j["power"] = power_json(*r.power);
  if (const ModelView *m = r.model()) {
    j["model"] = model_json(t, *m);
    if (r.model_meets_expectation)
      j["model"]["meets_expectation"] = *r.model_meets_expectation;
  } else if (!r.models.empty()) {
    j["model"] = {{"unsupported", r.models_unanswered()}};
  }
  if (!r.models.empty()) {
    j["models"] = nlohmann::json::array();
    for (const auto &m : r.models)
      j["models"].push_back(model_json(t, m));
  }
  if (!r.histogram) {
    if (!r.failure.empty())
      j["failure"] = r.failure;
    else
      j["unsupported"] = r.unsupported;
    return j;
  }
  const Histogram &h = *r.histogram;
  j["histogram"] = histogram_json(t, h);
  j["unclassified"] = h.unclassified;
  if (!h.stats.groups.empty()) {
    j["groups"] = nlohmann::json::array();
    for (const auto &g : h.stats.groups)
      j["groups"].push_back(
          {{"cpus", g.cpus}, {"iterations", g.iterations}, {"positive", g.positive}, {"seconds", g.seconds}});
  }
  j["mode"] = h.stats.mode;
  j["positive"] = r.tally.positive;
  j["negative"] = r.tally.negative;
  j["observation"] = to_string(r.observation);
  j["iterations"] = h.stats.iterations;
  j["batches"] = h.stats.batches;
  j["units"] = h.stats.units;
  j["weak_batches"] = h.stats.weak_batches;
  j["seconds"] = h.stats.seconds;
  if (h.stats.first_positive_seconds)
    j["first_positive_seconds"] = *h.stats.first_positive_seconds;
  nlohmann::json evidence = nlohmann::json::object();
  if (const auto &l = h.stats.heavy_latency)
    evidence["heavy_latency_ns"] = {
        {"calls", l->calls}, {"min", l->min_ns}, {"median", l->median_ns}, {"p99", l->p99_ns}, {"max", l->max_ns}};
  if (const auto &l = h.stats.heavy_latency; l && !l->barrier.empty())
    evidence["heavy_latency_ns"]["barrier"] = l->barrier;
  if (!h.stats.call_interrupts.empty())
    evidence["call_interrupts_per_cpu"] = h.stats.call_interrupts;
  if (h.stats.coherence_violations != 0)
    evidence["coherence_violations"] = h.stats.coherence_violations;
  if (!h.stats.thread_registrations.empty())
    evidence["membarrier_registrations_per_thread"] = h.stats.thread_registrations;
  if (!h.stats.witnesses.empty()) {
    evidence["witnesses"] = nlohmann::json::array();
    for (const auto &w : h.stats.witnesses)
      evidence["witnesses"].push_back(
          {{"batch", w.batch}, {"instance", w.instance}, {"values", outcome_text(t, w.values)}});
  }
  j["evidence"] = evidence;
  if (h.stats.seconds > 0) {
    j["iterations_per_second"] = static_cast<double>(h.stats.iterations) / h.stats.seconds;
    j["weak_per_second"] = static_cast<double>(r.tally.positive) / h.stats.seconds;
  }
  return j;
}

nlohmann::json config_json(const RunConfig &c) {
  return {{"cpus", c.cpus},
          {"budget_seconds", c.budget_seconds},
          {"iterations", c.iterations},
          {"heavy", to_string(c.heavy)},
          {"mode", to_string(c.mode)},
          {"groups", c.groups},
          {"pairing", to_string(c.pairing)},
          {"roles", to_string(c.roles)},
          {"chunk", c.chunk},
          {"instances_per_iteration", c.instances_per_iteration},
          {"pad_stores", c.pad_stores},
          {"instances_per_batch", c.instances_per_batch},
          {"stride_bytes", c.stride_bytes},
          {"stagger_ns", c.stagger_ns},
          {"preload", c.preload},
          {"placement", to_string(c.placement)},
          {"partner", to_string(c.partner)}};
}

nlohmann::json document_header(const std::string &command) {
  return {{"schema_version", schema_version},
          {"fencelab", FENCELAB_VERSION},
          {"command", command},
          {"created", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                             std::chrono::system_clock::now())))}};
}

nlohmann::json result_document(const std::string &command, const nlohmann::json &machine, const RunConfig &config,
                               const std::vector<TestResult> &results) {
  nlohmann::json doc = document_header(command);
  doc["machine"] = machine;
  doc["config"] = config_json(config);
  doc["tests"] = nlohmann::json::array();
  for (const auto &r : results)
    doc["tests"].push_back(test_result_json(r));
  return doc;
}

void write_json_atomically(const std::filesystem::path &path, const nlohmann::json &doc) {
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::filesystem::create_directories(dir);
  auto tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(getpid()));
  remember_pending_file(tmp.c_str()); // a second Ctrl-C removes it
  {
    std::ofstream out(tmp);
    out << doc.dump(2) << '\n';
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      forget_pending_file();
      throw std::runtime_error("cannot write " + tmp.string());
    }
  }
  std::filesystem::rename(tmp, path);
  forget_pending_file();
}

} // namespace fencelab::report
