#pragma once
// The models fencelab knows, by name. Adding a model is a folder under
// backends/ and one entry in model_registry.cpp (ARCHITECTURE.md, "Adding a
// model"); nothing else in the CLI names a model.
#include "model.hpp"

#include <boost/program_options.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab::cli {

struct ModelEntry {
  std::string_view name;
  std::string_view summary; // one line for --help
  // The model's own option group (may be empty).
  std::function<boost::program_options::options_description()> options;
  // The model configured from the parsed options; throws UsageError naming
  // the option on a bad value.
  std::function<std::unique_ptr<Model>(const boost::program_options::variables_map &)> make;
};

// In the order `--model all` uses them: exhaustive models first, so that the
// verdict rests on them wherever they decide.
const std::vector<ModelEntry> &model_registry();

// "lkmm, relacy" for messages.
std::string model_names();

// `--model` text ("relacy", "lkmm,relacy", "both", "all") as registry entries;
// throws UsageError on an unknown name.
std::vector<const ModelEntry *> select_models(const std::string &text);

} // namespace fencelab::cli
