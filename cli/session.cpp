#include "session.hpp"

#include "catalogue.hpp"
#include "cli_error.hpp"
#include "hardware_backend.hpp"
#include "json_report.hpp"
#include "model_registry.hpp"
#include "machine_info.hpp"
#include "membarrier.hpp"
#include "stop_request.hpp"

#include <chrono>
#include <fmt/chrono.h>

namespace fencelab::cli {

Session::Session(CommonOptions options, std::unique_ptr<Backend> hardware, std::vector<std::unique_ptr<Model>> models)
    : options_(std::move(options)), hardware_(std::move(hardware)), models_(std::move(models)) {}

Session open_session(const po::variables_map &vm, CommonOptions options) {
  std::unique_ptr<Backend> hardware;
  if (options.runs_hardware())
    hardware = std::make_unique<hardware::HardwareBackend>();
  std::vector<std::unique_ptr<Model>> models;
  if (options.runs_models())
    for (const ModelEntry *entry : select_models(options.models))
      models.push_back(entry->make(vm));
  // Every model's settings, used or not, so that result files of every
  // command share one "config" shape.
  for (const auto &entry : model_registry())
    options.model_settings.update(entry.settings());
  return Session(std::move(options), std::move(hardware), std::move(models));
}

void Session::validate(const std::vector<Test> &tests, bool skip_too_wide) const {
  if (!hardware_)
    return;
  if (auto why = hardware_->why_request_invalid(tests, options_.config, skip_too_wide); !why.empty())
    throw UsageError(why);
  // A re-executed partner rebuilds its test by name from the catalogue.
  const RunConfig &c = options_.config;
  if (c.placement != Placement::threads && c.partner == PartnerRegistration::unregistered)
    for (const auto &t : tests)
      if (!find_catalogue_test(t.name))
        throw UsageError("--partner unregistered: " + t.name +
                         " is not a catalogue test (re-executed partners rebuild the test by name)");
}

TestResult Session::run(const Test &test) {
  if (!uses_hardware())
    return model_only(test);
  auto r = run_with(test, options_.config);
  // A plant breaks the machine under test, not the specification: next to
  // hardware the model checks the test as written.
  if (uses_model())
    add_models(r, {});
  return r;
}

void Session::add_models(TestResult &r, const Substitution &substitution) {
  std::vector<ModelView> views;
  for (const auto &model : models_) {
    ModelView view;
    view.name = std::string(model->name());
    auto answer = model->check(r.test, substitution);
    if (auto *a = std::get_if<ModelAnswer>(&answer))
      view.answer = std::move(*a);
    else if (auto *u = std::get_if<Unsupported>(&answer))
      view.unsupported = u->reason;
    else
      view.failure = std::get<Failed>(answer).reason;
    views.push_back(std::move(view));
  }
  judge_with_models(r, std::move(views));
}

// Alone, the model runs what was asked, plants included, so `check --plant`
// shows the model catching a broken barrier against the test's expectation.
TestResult Session::model_only(const Test &test) {
  TestResult r;
  r.test = test;
  r.backend = "model";
  r.substitution = substitution_text(options_.config.substitution);
  add_models(r, options_.config.substitution);
  return r;
}

TestResult Session::run_with(const Test &test, RunConfig config) {
  for (auto &[fence, stand] : config.substitution.stands)
    if (stand == Stand::sham && !config.substitution.sham_ns.count(fence))
      config.substitution.sham_ns[fence] = sham_duration(fence, test);
  auto r = judge(test, std::string(hardware_->name()), hardware_->run(test, config));
  r.substitution = substitution_text(config.substitution);
  // A stop ends the run at its next batch or chunk: what it counted stands, marked as cut short.
  r.partial = platform::stop_requested();
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
    auto r = judge(test, std::string(hardware_->name()), hardware_->run(test, calibration));
    remember_heavy_latency(r);
    if (!sham_ns_.count(kind))
      sham_ns_[kind] = 0;
  } else {
    sham_ns_[kind] = hardware_->fence_duration_ns(kind);
  }
  return sham_ns_[kind];
}

namespace {

PowerCounts power_counts(const TestResult &r) {
  return {r.tally.positive + r.tally.negative, r.tally.positive, r.histogram->stats.units,
          r.histogram->stats.weak_batches};
}

} // namespace

void Session::attach_control(TestResult &real) { attach_control(real, options_.config); }

void Session::attach_control(TestResult &real, const RunConfig &config) {
  if (platform::stop_requested()) // the control would end at once: no power rather than a made-up one
    return;
  if (!real.histogram || !real.test.expectation || real.test.expectation->result != Observation::never)
    return;
  // The control differs from the run by the ordering of its native fences
  // only: a fence the run already replaced (a plant) stays replaced, and a run
  // with no native fence left has no control, since it would be its own sham.
  RunConfig sham = config;
  std::string text;
  for (const auto &entry : enum_names(FenceKind{})) {
    FenceKind k = entry.value;
    if (fence_info(k).side == FenceSide::light || !real.test.uses_fence(k) || // nothing to imitate
        config.substitution.stand_for(k) != Stand::native)                     // already replaced
      continue;
    sham.substitution.stands[k] = Stand::sham;
    sham.substitution.sham_ns[k] = sham_duration(k, real.test);
    text += fmt::format("{}{}=sham({:.0f} ns)", text.empty() ? "" : ",", entry.name, sham.substitution.sham_ns[k]);
  }
  if (text.empty())
    return;
  auto control = judge(real.test, std::string(hardware_->name()), hardware_->run(real.test, sham));
  if (!control.histogram)
    return;
  real.partial = real.partial || platform::stop_requested();
  real.power = assess_power(power_counts(real), power_counts(control), text);
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
  if (!options_.model_settings.empty())
    doc["config"]["model"] = options_.model_settings;
  doc["interrupted"] = platform::stop_requested();
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
