#pragma once
// The models fencelab knows, by name. Adding a model is a folder under
// backends/ and one entry in model_registry.cpp (ARCHITECTURE.md, "Adding a
// model"); nothing else in the CLI names a model.
#include "model.hpp"

#include <boost/program_options.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab::cli {

struct ModelEntry {
  std::string_view name;
  std::string_view summary; // one line for --help
  // The model's own option group (may be empty).
  std::function<boost::program_options::options_description()> options;
  // The model configured from the parsed options (after po::notify has
  // stored them); throws UsageError naming the option on a bad value.
  std::function<std::unique_ptr<Model>(const boost::program_options::variables_map &)> make;
  // Its settings as configured, for the result file's "config".
  std::function<nlohmann::json()> settings;
};

// A model's option group binds to that model's settings, which live in its
// entry: one command runs per process, so one set of settings per model.
// In the order `--model all` uses them: exhaustive models first, so that the
// verdict rests on them wherever they decide.
const std::vector<ModelEntry> &model_registry();

// "lkmm, relacy" for messages.
std::string model_names();

// `--model` text ("relacy", "lkmm,relacy", "both", "all") as registry entries;
// throws UsageError on an unknown name.
std::vector<const ModelEntry *> select_models(const std::string &text);

} // namespace fencelab::cli
