#include "session.hpp"

#include "cli_error.hpp"
#include "hardware_backend.hpp"
#include "json_report.hpp"
#include "machine_info.hpp"
#include "membarrier.hpp"

#include <chrono>
#include <fmt/chrono.h>

namespace fencelab::cli {

struct Session::Backends {
  hardware::HardwareBackend hardware;
};

Session::Session(CommonOptions options) : options_(std::move(options)), backends_(std::make_unique<Backends>()) {}
Session::~Session() = default;

void Session::validate(const std::vector<Test> &tests) const {
  const RunConfig &c = options_.config;
  auto cpus = hardware::HardwareBackend::selected_cpus(c);
  bool heavy_used = false;
  for (const auto &t : tests) {
    if (t.threads.size() > cpus.size())
      throw UsageError(t.name + " needs " + std::to_string(t.threads.size()) + " CPUs but " +
                       (c.cpus.empty() ? "this process may use only " : "--cpus gives only ") +
                       std::to_string(cpus.size()));
    heavy_used = heavy_used || t.uses_fence(FenceKind::membarrier);
  }
  if (heavy_used && options_.heavy_given) {
    auto status = platform::heavy_barrier_status(c.heavy);
    if (!status.available)
      throw UsageError("--heavy " + std::string(to_string(c.heavy)) + ": " + status.reason);
  }
}

TestResult Session::run(const Test &test) {
  return judge(test, "hardware", backends_->hardware.run(test, options_.config));
}

std::filesystem::path Session::write_results(const std::string &command, const std::vector<TestResult> &results) const {
  std::filesystem::path path;
  if (options_.json_path) {
    path = *options_.json_path;
  } else {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    path = std::filesystem::path("results") / fmt::format("{}-{:%Y%m%d-%H%M%S}.json", command, fmt::gmtime(now));
  }
  report::write_json_atomically(path, report::result_document(command, machine_json(), options_.config, results));
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
