#pragma once
// The options shared by `table` and `run`, parsed into a RunConfig.
#include "enum_names.hpp"
#include "run_config.hpp"

#include <array>

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fencelab::cli {

namespace po = boost::program_options;

// Which backends a command runs: the hardware, the model, or both side by side.
enum class BackendChoice { hardware, relacy, both };

constexpr auto enum_names(BackendChoice) {
  using B = BackendChoice;
  return std::array<NameOf<B>, 3>{{{B::hardware, "hardware"}, {B::relacy, "relacy"}, {B::both, "both"}}};
}

struct CommonOptions {
  RunConfig config;
  BackendChoice backends = BackendChoice::both;
  bool heavy_given = false; // an explicit --heavy that the kernel refuses is an error
  std::optional<std::string> json_path;
};

// Adds --backend, --search, --context-bound, --random-iterations, --relacy-membarrier.
void add_model_options(po::options_description &desc, BackendChoice default_backend);
void read_model_options(const po::variables_map &vm, CommonOptions &options);

// Adds --cpus, --budget, --iterations, --heavy, --batch, --stride, --json.
void add_run_options(po::options_description &desc, double default_budget);

// Reads them back; throws UsageError naming the option on bad values.
CommonOptions read_run_options(const po::variables_map &vm);

// Parses `args` (after the subcommand) against `desc` with `positional`, and
// turns Boost's exceptions into UsageError. Returns an empty optional when
// --help was asked for (after printing it).
std::optional<po::variables_map> parse_command(const std::string &command, const std::vector<std::string> &args,
                                               po::options_description &desc,
                                               const po::positional_options_description &positional,
                                               const std::string &usage);

} // namespace fencelab::cli
