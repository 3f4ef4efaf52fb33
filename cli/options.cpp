#include "options.hpp"

#include "cli_error.hpp"
#include "hardware_options.hpp"
#include "model_registry.hpp"

#include <iostream>
#include <stdexcept>

namespace fencelab::cli {

po::options_description budget_options(double default_budget) {
  po::options_description desc("Run");
  desc.add_options()                                                                             //
      ("budget", po::value<double>()->default_value(default_budget), "seconds per test")         //
      ("iterations", po::value<std::uint64_t>(), "instances per test instead of a time budget"); //
  return desc;
}

po::options_description result_options() {
  po::options_description desc("Plants and results");
  desc.add_options() //
      ("plant", po::value<std::vector<std::string>>()->composing(),
       "FENCE=STAND: run a broken stand-in for a fence, to prove bugs are caught "
       "(e.g. smp_mb=barrier, membarrier=sham; stands: native, none, barrier, sham); repeatable") //
      ("json", po::value<std::string>(), "result file (default: results/<command>-<time>.json)") //
      ("quiet,q", po::bool_switch(), "no progress line on a terminal");
  return desc;
}

po::options_description hardware_group() { return hardware::hardware_options(); }

po::options_description model_options(BackendChoice default_backend, bool with_backend_choice) {
  po::options_description desc("Models");
  if (with_backend_choice)
    desc.add_options()("backend", po::value<std::string>()->default_value(std::string(to_string(default_backend))),
                       "what runs: hardware, model or both (relacy: the model alone, as --backend model --model relacy)");
  desc.add_options()("model", po::value<std::string>()->default_value("both"),
                     ("models that decide each test: " + model_names() + ", a comma-separated list, or both (all)").c_str());
  for (const auto &entry : model_registry()) {
    auto group = entry.options();
    if (!group.options().empty())
      desc.add(group);
  }
  return desc;
}

CommonOptions read_options(const po::variables_map &vm) {
  CommonOptions o;
  RunConfig &c = o.config;
  try {
    if (vm.count("mode")) // the hardware group is there
      hardware::read_hardware_options(vm, c);
  } catch (const std::invalid_argument &e) {
    throw UsageError(e.what());
  }
  if (vm.count("budget")) {
    c.budget_seconds = vm["budget"].as<double>();
    if (!(c.budget_seconds > 0))
      throw UsageError("--budget: must be a positive number of seconds");
  }
  if (vm.count("iterations")) {
    c.iterations = vm["iterations"].as<std::uint64_t>();
    if (c.iterations == 0)
      throw UsageError("--iterations: must be at least 1");
  }
  if (vm.count("plant"))
    for (const auto &text : vm["plant"].as<std::vector<std::string>>())
      if (auto error = parse_plant(text, c.substitution); !error.empty())
        throw UsageError("--plant: " + error);
  if (vm.count("quiet"))
    o.quiet = vm["quiet"].as<bool>();
  if (vm.count("json"))
    o.json_path = vm["json"].as<std::string>();
  if (vm.count("backend")) {
    auto text = vm["backend"].as<std::string>();
    auto choice = parse_enum<BackendChoice>(text);
    if (!choice)
      throw UsageError("--backend: unknown value '" + text + "' (choose hardware, model or both)");
    o.backends = *choice;
  }
  if (vm.count("model"))
    o.models = vm["model"].as<std::string>();
  if (o.backends == BackendChoice::relacy) {
    o.backends = BackendChoice::model;
    if (vm["model"].defaulted())
      o.models = "relacy";
  }
  return o;
}

std::optional<po::variables_map> parse_command(const std::string &command, const std::vector<std::string> &args,
                                               po::options_description &desc,
                                               const po::positional_options_description &positional,
                                               const std::string &usage) {
  desc.add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << "usage: fencelab " << command << " " << usage << "\n\n" << desc << '\n';
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    throw UsageError(command + ": " + e.what());
  }
  return vm;
}

} // namespace fencelab::cli
