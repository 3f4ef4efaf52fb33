#pragma once
// Runs chosen tests on a Backend and the chosen Models after checking that
// the whole request can be honoured, so bad input fails before anything runs
// or is written. It knows backends and models only through their interfaces.
#include "judge.hpp"
#include "model.hpp"
#include "options.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace fencelab::cli {

class Session {
public:
  // `hardware` is null when only models run.
  Session(CommonOptions options, std::unique_ptr<Backend> hardware, std::vector<std::unique_ptr<Model>> models);

  const RunConfig &config() const { return options_.config; }

  // Throws UsageError when the request cannot be run here at all. With
  // `skip_too_wide` (tests found in a directory), a test needing more CPUs
  // than given is left to run as unsupported instead of failing the request.
  void validate(const std::vector<Test> &tests, bool skip_too_wide = false) const;
  TestResult run(const Test &test);
  bool uses_hardware() const { return hardware_ != nullptr; }
  bool uses_model() const { return !models_.empty(); }

  // The models' answers for `test`, judged against its expectation.
  TestResult model_only(const Test &test);
  // Runs every model on r.test (with `substitution`'s plants) and judges the
  // hardware result against their answers.
  void add_models(TestResult &r, const Substitution &substitution);

  // Hardware only, with another config (same machine, same workers); shams without a
  // duration get the measured one.
  TestResult run_with(const Test &test, RunConfig config);

  // For a test the model forbids: runs its sham control (every fence
  // replaced by a delay as long as the fence) and attaches the power.
  void attach_control(TestResult &result);
  // The same, with the sham run under `config` (placement, heavy barrier) but its fences shammed.
  void attach_control(TestResult &result, const RunConfig &config);

  // Writes the result document; returns the path written.
  // `extra` fields are merged into the document's top level.
  std::filesystem::path write_results(const std::string &command, const std::vector<TestResult> &results,
                                      const nlohmann::json &extra = nlohmann::json::object()) const;

private:
  CommonOptions options_;
  std::unique_ptr<Backend> hardware_;
  std::vector<std::unique_ptr<Model>> models_;
  std::map<FenceKind, double> sham_ns_; // measured durations, filled on first need

  double sham_duration(FenceKind kind, const Test &test);
  void remember_heavy_latency(const TestResult &r);
};

// The session a command asked for: the hardware backend when it runs
// hardware, and the models `--model` names, configured from `vm`.
Session open_session(const po::variables_map &vm, CommonOptions options);

nlohmann::json machine_json();

} // namespace fencelab::cli
