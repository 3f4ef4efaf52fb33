#include "model_registry.hpp"

#include "cli_error.hpp"
#include "lkmm_model.hpp"
#include "relacy_model.hpp"
#include "relacy_options.hpp"

namespace fencelab::cli {

namespace {
namespace po = boost::program_options;

ModelEntry lkmm_entry() {
  return {"lkmm", "the Linux-kernel memory model with membarrier, every candidate execution (exhaustive)",
          [] { return po::options_description("LKMM model"); },
          [](const po::variables_map &) { return std::make_unique<lkmm::LkmmModel>(); },
          [] { return nlohmann::json{{"lkmm", "exhaustive"}}; }};
}

ModelEntry relacy_entry() {
  auto config = std::make_shared<relacy::RelacyConfig>();
  return {"relacy", "Relacy: C++11 atomics by operational search (limited: see its limits)",
          [config] { return relacy::relacy_options(*config); },
          [config](const po::variables_map &) { return std::make_unique<relacy::RelacyModel>(*config); },
          [config] {
            return nlohmann::json{{"search", to_string(config->search)},
                                  {"context_bound", config->context_bound},
                                  {"random_iterations", config->random_iterations},
                                  {"membarrier", to_string(config->membarrier)},
                                  {"budget_seconds", config->budget_seconds}};
          }};
}
} // namespace

const std::vector<ModelEntry> &model_registry() {
  static const std::vector<ModelEntry> entries{lkmm_entry(), relacy_entry()};
  return entries;
}

std::string model_names() {
  std::string text;
  for (const auto &e : model_registry())
    text += (text.empty() ? "" : ", ") + std::string(e.name);
  return text;
}

std::vector<const ModelEntry *> select_models(const std::string &text) {
  std::vector<const ModelEntry *> chosen;
  if (text == "both" || text == "all") {
    for (const auto &e : model_registry())
      chosen.push_back(&e);
    return chosen;
  }
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    auto word = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const ModelEntry *found = nullptr;
    for (const auto &e : model_registry())
      if (e.name == word)
        found = &e;
    if (!found)
      throw UsageError("--model: unknown model '" + word + "' (choose " + model_names() + ", or both)");
    chosen.push_back(found);
    if (comma == std::string::npos)
      break;
    pos = comma + 1;
  }
  return chosen;
}

} // namespace fencelab::cli
