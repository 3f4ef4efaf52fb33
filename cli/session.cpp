#include "session.hpp"

#include "catalogue.hpp"
#include "cli_error.hpp"
#include "fence_cost.hpp"
#include "hardware_backend.hpp"
#include "json_report.hpp"
#include "machine_info.hpp"
#include "membarrier.hpp"
#include "relacy_backend.hpp"

#include <chrono>
#include <fmt/chrono.h>

namespace fencelab::cli {

struct Session::Backends {
  hardware::HardwareBackend hardware;
  relacy::RelacyBackend relacy;
};

Session::Session(CommonOptions options) : options_(std::move(options)), backends_(std::make_unique<Backends>()) {}
Session::~Session() = default;

bool Session::uses_hardware() const { return options_.backends != BackendChoice::relacy; }
bool Session::uses_model() const { return options_.backends != BackendChoice::hardware; }

void Session::validate(const std::vector<Test> &tests, bool skip_too_wide) const {
  const RunConfig &c = options_.config;
  if (!uses_hardware())
    return;
  auto cpus = hardware::HardwareBackend::selected_cpus(c);
  bool heavy_used = false;
  for (const auto &t : tests) {
    if (t.threads.size() > cpus.size() && !skip_too_wide)
      throw UsageError(t.name + " needs " + std::to_string(t.threads.size()) + " CPUs but " +
                       (c.cpus.empty() ? "this process may use only " : "--cpus gives only ") +
                       std::to_string(cpus.size()));
    heavy_used = heavy_used || t.uses_fence(FenceKind::membarrier);
  }
  // A re-executed partner rebuilds its test by name from the catalogue.
  if (c.placement != Placement::threads && c.partner == PartnerRegistration::unregistered)
    for (const auto &t : tests)
      if (!find_catalogue_test(t.name))
        throw UsageError("--partner unregistered: " + t.name +
                         " is not a catalogue test (re-executed partners rebuild the test by name)");
  if (heavy_used && options_.heavy_given) {
    auto status = platform::heavy_barrier_status(c.heavy);
    if (!status.available)
      throw UsageError("--heavy " + std::string(to_string(c.heavy)) + ": " + status.reason);
  }
}

TestResult Session::run(const Test &test) {
  if (!uses_hardware())
    return model_only(test);
  auto r = run_with(test, options_.config);
  // A plant breaks the machine under test, not the specification: next to
  // hardware the model checks the test as written.
  if (uses_model()) {
    RunConfig spec = options_.config;
    spec.substitution = {};
    add_model(r, spec);
  }
  return r;
}

namespace {
std::string search_text(const ModelConfig &m) {
  switch (m.search) {
  case SearchMode::full:
    return "full";
  case SearchMode::context_bound:
    return "context-bound " + std::to_string(m.context_bound);
  case SearchMode::random:
    return "random " + std::to_string(m.random_iterations);
  }
  return "?";
}
} // namespace

void Session::add_model(TestResult &r, const RunConfig &config) {
  if (auto why = relacy::why_not_checkable(r.test, config.model); !why.empty()) {
    r.model_unsupported = why;
    return;
  }
  auto m = relacy::model_check(r.test, config.model, config.substitution);
  if (!m.error.empty()) {
    r.model_unsupported = "search stopped: " + m.error;
    return;
  }
  ModelView view;
  view.outcomes = std::move(m.histogram);
  view.search = search_text(config.model);
  view.membarrier = std::string(to_string(m.membarrier));
  view.executions = m.executions;
  view.exhaustive = m.exhaustive;
  judge_with_model(r, std::move(view));
}

// Alone, the model runs what was asked, plants included, so `check --plant`
// shows the model catching a broken barrier against the test's expectation.
TestResult Session::model_only(const Test &test) {
  TestResult r;
  r.test = test;
  r.backend = "relacy";
  r.substitution = substitution_text(options_.config.substitution);
  add_model(r, options_.config);
  if (!r.model) {
    r.unsupported = r.model_unsupported;
    r.verdict = Verdict::unsupported;
  }
  return r;
}

TestResult Session::run_with(const Test &test, RunConfig config) {
  for (auto &[fence, stand] : config.substitution.stands)
    if (stand == Stand::sham && !config.substitution.sham_ns.count(fence))
      config.substitution.sham_ns[fence] = sham_duration(fence, test);
  auto r = judge(test, "hardware", backends_->hardware.run(test, config));
  r.substitution = substitution_text(config.substitution);
  remember_heavy_latency(r);
  return r;
}

void Session::remember_heavy_latency(const TestResult &r) {
  if (r.histogram && r.histogram->stats.heavy_latency && r.histogram->stats.heavy_latency->calls > 0)
    sham_ns_[FenceKind::membarrier] = r.histogram->stats.heavy_latency->median_ns;
}

// A sham lasts as long as the fence it imitates: the CPU fences are timed in
// a loop; the heavy barrier by its median call latency in the latest run that
// called it (with a running partner, which is what makes it expensive), or in
// a short calibration run of the first test that uses it.
double Session::sham_duration(FenceKind kind, const Test &test) {
  if (auto it = sham_ns_.find(kind); it != sham_ns_.end())
    return it->second;
  if (kind == FenceKind::membarrier) {
    RunConfig calibration = options_.config;
    calibration.substitution = {};
    calibration.iterations = 2000;
    auto r = judge(test, "hardware", backends_->hardware.run(test, calibration));
    remember_heavy_latency(r);
    if (!sham_ns_.count(kind))
      sham_ns_[kind] = 0;
  } else {
    sham_ns_[kind] = hardware::fence_cost_ns(kind);
  }
  return sham_ns_[kind];
}

void Session::attach_control(TestResult &real) { attach_control(real, options_.config); }

void Session::attach_control(TestResult &real, const RunConfig &config) {
  if (!real.histogram || !real.test.expectation || real.test.expectation->result != Observation::never)
    return;
  RunConfig sham = config;
  sham.substitution.stands.clear();
  std::string text;
  for (const auto &entry : enum_names(FenceKind{})) {
    FenceKind k = entry.value;
    if (k == FenceKind::none || k == FenceKind::barrier || !real.test.uses_fence(k))
      continue;
    sham.substitution.stands[k] = Stand::sham;
    sham.substitution.sham_ns[k] = sham_duration(k, real.test);
    text += fmt::format("{}{}=sham({:.0f} ns)", text.empty() ? "" : ",", entry.name, sham.substitution.sham_ns[k]);
  }
  auto control = judge(real.test, "hardware", backends_->hardware.run(real.test, sham));
  if (!control.histogram)
    return;
  real.power = assess_power(real.tally.positive + real.tally.negative, real.tally.positive,
                            control.tally.positive + control.tally.negative, control.tally.positive, text);
}

std::filesystem::path Session::write_results(const std::string &command, const std::vector<TestResult> &results,
                                             const nlohmann::json &extra) const {
  std::filesystem::path path;
  if (options_.json_path) {
    path = *options_.json_path;
  } else {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    path = std::filesystem::path("results") / fmt::format("{}-{:%Y%m%d-%H%M%S}.json", command, fmt::gmtime(now));
  }
  auto doc = report::result_document(command, machine_json(), options_.config, results);
  doc.update(extra);
  report::write_json_atomically(path, doc);
  return path;
}

nlohmann::json machine_json() {
  auto m = platform::machine_info();
  nlohmann::json heavy = nlohmann::json::object();
  for (const auto &entry : enum_names(HeavyBarrier{})) {
    auto st = platform::heavy_barrier_status(entry.value);
    heavy[std::string(entry.name)] = st.available ? "available" : "unsupported: " + st.reason;
  }
  return {{"cpu_model", m.cpu_model}, {"online_cpus", m.online_cpus}, {"kernel", m.kernel},
          {"arch", m.arch},           {"hostname", m.hostname},       {"compiler", m.compiler},
          {"heavy_barriers", heavy}};
}

} // namespace fencelab::cli
