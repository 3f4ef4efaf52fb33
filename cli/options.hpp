#pragma once
// Each command's options, as groups owned by their parts: the run's own
// (budget, plants, result file), the hardware backend's
// (backends/hardware/hardware_options), and each model's (model_registry).
// A command adds only the groups it uses, so its --help shows only those.
#include "enum_names.hpp"
#include "run_config.hpp"

#include <array>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fencelab::cli {

namespace po = boost::program_options;

// Which sides a command runs: the hardware, the models, or both side by
// side. `relacy` is the older spelling of `model` (then with --model relacy).
enum class BackendChoice { hardware, model, both, relacy };

constexpr auto enum_names(BackendChoice) {
  using B = BackendChoice;
  return std::array<NameOf<B>, 4>{
      {{B::hardware, "hardware"}, {B::model, "model"}, {B::both, "both"}, {B::relacy, "relacy"}}};
}

struct CommonOptions {
  RunConfig config;
  BackendChoice backends = BackendChoice::both;
  std::string models = "both"; // --model
  std::optional<std::string> json_path;
  bool quiet = false; // --quiet: no progress line
  nlohmann::json model_settings = nlohmann::json::object(); // the chosen models' settings, for the result file

  bool runs_hardware() const { return backends == BackendChoice::hardware || backends == BackendChoice::both; }
  bool runs_models() const { return backends != BackendChoice::hardware; }
};

// --budget, --iterations (how long each hardware test runs).
po::options_description budget_options(double default_budget);
// --plant, --json, --quiet.
po::options_description result_options();
// The hardware backend's group.
po::options_description hardware_group();
// --backend (when `with_backend_choice`), --model, and every registered model's group.
po::options_description model_options(BackendChoice default_backend, bool with_backend_choice = true);

// Reads back whichever of the groups above `vm` holds; throws UsageError
// naming the option on a bad value.
CommonOptions read_options(const po::variables_map &vm);

// Parses `args` (after the subcommand) against `desc` with `positional`, and
// turns Boost's exceptions into UsageError. Returns an empty optional when
// --help was asked for (after printing it).
std::optional<po::variables_map> parse_command(const std::string &command, const std::vector<std::string> &args,
                                               po::options_description &desc,
                                               const po::positional_options_description &positional,
                                               const std::string &usage);

} // namespace fencelab::cli
