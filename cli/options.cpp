#include "options.hpp"

#include "affinity.hpp"
#include "cli_error.hpp"
#include "enum_names.hpp"

#include <algorithm>
#include <iostream>

namespace fencelab::cli {

void add_run_options(po::options_description &desc, double default_budget) {
  RunConfig defaults;
  desc.add_options()                                                                                           //
      ("cpus", po::value<std::string>(), "CPUs to pin test threads to, e.g. 0-1 or 2,5 (default: all usable)") //
      ("budget", po::value<double>()->default_value(default_budget), "seconds per test")                       //
      ("iterations", po::value<std::uint64_t>(), "instances per test instead of a time budget")                //
      ("heavy", po::value<std::string>(),
       ("how membarrier() runs: " + enum_choices<HeavyBarrier>() + " (default " +
        std::string(to_string(defaults.heavy)) + ")")
           .c_str()) //
      ("mode", po::value<std::string>()->default_value(std::string(to_string(defaults.mode))),
       "hardware mode: batch (fresh packed instances, every outcome recorded), perpetual (no rendezvous, "
       "sequence-numbered stores, the condition's outcome inferred; two-thread straight-line tests), or auto "
       "(perpetual where it applies)") //
      ("batch", po::value<std::size_t>()->default_value(defaults.instances_per_batch),
       "batch mode: test instances packed between two rendezvous") //
      ("chunk", po::value<std::size_t>()->default_value(defaults.chunk),
       "perpetual mode: iterations each thread runs between two rendezvous") //
      ("instances", po::value<std::size_t>()->default_value(defaults.instances_per_iteration),
       "perpetual mode: copies of the test run side by side in each iteration, --stride bytes apart") //
      ("pad-stores", po::value<std::size_t>()->default_value(defaults.pad_stores),
       "perpetual mode: threads that do not call membarrier store to this many uncached lines before each test "
       "store, so the test store waits behind them in the store buffer (ordinary stores: inside the contract)") //
      ("stride", po::value<std::size_t>()->default_value(defaults.stride_bytes),
       "bytes between one location's copies (8: packed, 64: one per cache line)") //
      ("preload", po::value<bool>()->default_value(defaults.preload),
       "each thread reads the next batch's locations before it starts (true|false)") //
      ("stagger", po::value<std::uint32_t>()->default_value(defaults.stagger_ns),
       "ns: each thread starts a batch up to this much after the agreed time, at random") //
      ("groups", po::value<unsigned>()->default_value(defaults.groups),
       "run this many copies of each test at once, each on its own group of CPUs (0: as many as fit)") //
      ("roles", po::value<std::string>()->default_value(std::string(to_string(defaults.roles))),
       "which CPU runs which test thread: fixed|alternate (alternate: the threads rotate over the CPUs each "
       "batch or chunk; --placement threads)") //
      ("pairing", po::value<std::string>()->default_value(std::string(to_string(defaults.pairing))),
       ("how a group's CPUs relate: " + enum_choices<Pairing>()).c_str()) //
      ("plant", po::value<std::vector<std::string>>()->composing(),
       "FENCE=STAND: run a broken stand-in for a fence, to prove bugs are caught "
       "(e.g. smp_mb=barrier, membarrier=sham; stands: native, none, barrier, sham); repeatable") //
      ("placement", po::value<std::string>()->default_value(std::string(to_string(defaults.placement))),
       ("where test threads run: " + enum_choices<Placement>() +
        " (processes: one child process per thread; mixed: thread 0 alone, the others together)")
           .c_str()) //
      ("partner", po::value<std::string>()->default_value(std::string(to_string(defaults.partner))),
       ("with child processes, whether those that never call the heavy barrier keep this process's membarrier "
        "registrations: " +
        enum_choices<PartnerRegistration>() + " (unregistered: re-executed, catalogue tests only)")
           .c_str()) //
      ("json", po::value<std::string>(), "result file (default: results/<command>-<time>.json)");
}

CommonOptions read_run_options(const po::variables_map &vm) {
  CommonOptions o;
  RunConfig &c = o.config;
  if (vm.count("cpus")) {
    try {
      c.cpus = platform::parse_cpu_list(vm["cpus"].as<std::string>());
    } catch (const std::invalid_argument &e) {
      throw UsageError(std::string("--cpus: ") + e.what());
    }
    auto usable = platform::usable_cpus();
    for (int cpu : c.cpus)
      if (std::find(usable.begin(), usable.end(), cpu) == usable.end())
        throw UsageError("--cpus: CPU " + std::to_string(cpu) + " is not online or not usable by this process");
  }
  c.budget_seconds = vm["budget"].as<double>();
  if (!(c.budget_seconds > 0))
    throw UsageError("--budget: must be a positive number of seconds");
  if (vm.count("iterations")) {
    c.iterations = vm["iterations"].as<std::uint64_t>();
    if (c.iterations == 0)
      throw UsageError("--iterations: must be at least 1");
  }
  if (vm.count("heavy")) {
    auto text = vm["heavy"].as<std::string>();
    auto heavy = parse_enum<HeavyBarrier>(text);
    if (!heavy)
      throw UsageError("--heavy: unknown heavy barrier '" + text + "' (choose " + enum_choices<HeavyBarrier>() + ")");
    c.heavy = *heavy;
    o.heavy_given = true;
  }
  c.instances_per_batch = vm["batch"].as<std::size_t>();
  if (c.instances_per_batch == 0 || c.instances_per_batch > (1u << 20))
    throw UsageError("--batch: must be between 1 and 1048576");
  {
    auto text = vm["mode"].as<std::string>();
    auto mode = parse_enum<HardwareMode>(text);
    if (!mode)
      throw UsageError("--mode: unknown mode '" + text + "' (choose " + enum_choices<HardwareMode>() + ")");
    c.mode = *mode;
  }
  c.chunk = vm["chunk"].as<std::size_t>();
  if (c.chunk == 0 || c.chunk > (1u << 22))
    throw UsageError("--chunk: must be between 1 and 4194304");
  c.instances_per_iteration = vm["instances"].as<std::size_t>();
  if (c.instances_per_iteration == 0 || c.instances_per_iteration > 4096)
    throw UsageError("--instances: must be between 1 and 4096");
  c.groups = vm["groups"].as<unsigned>();
  {
    auto text = vm["pairing"].as<std::string>();
    auto pairing = parse_enum<Pairing>(text);
    if (!pairing)
      throw UsageError("--pairing: unknown pairing '" + text + "' (choose " + enum_choices<Pairing>() + ")");
    c.pairing = *pairing;
  }
  {
    auto text = vm["roles"].as<std::string>();
    auto roles = parse_enum<Roles>(text);
    if (!roles)
      throw UsageError("--roles: unknown roles '" + text + "' (choose " + enum_choices<Roles>() + ")");
    c.roles = *roles;
  }
  c.pad_stores = vm["pad-stores"].as<std::size_t>();
  if (c.pad_stores > 4096)
    throw UsageError("--pad-stores: must be at most 4096");
  c.stride_bytes = vm["stride"].as<std::size_t>();
  if (c.stride_bytes < 8 || c.stride_bytes % 8 != 0 || c.stride_bytes > 4096)
    throw UsageError("--stride: must be a multiple of 8 between 8 and 4096");
  c.stagger_ns = vm["stagger"].as<std::uint32_t>();
  c.preload = vm["preload"].as<bool>();
  if (vm.count("plant"))
    for (const auto &text : vm["plant"].as<std::vector<std::string>>())
      if (auto error = parse_plant(text, c.substitution); !error.empty())
        throw UsageError("--plant: " + error);
  auto placement = parse_enum<Placement>(vm["placement"].as<std::string>());
  if (!placement)
    throw UsageError("--placement: unknown placement '" + vm["placement"].as<std::string>() + "' (choose " +
                     enum_choices<Placement>() + ")");
  c.placement = *placement;
  auto partner = parse_enum<PartnerRegistration>(vm["partner"].as<std::string>());
  if (!partner)
    throw UsageError("--partner: unknown value '" + vm["partner"].as<std::string>() + "' (choose " +
                     enum_choices<PartnerRegistration>() + ")");
  c.partner = *partner;
  if (vm.count("json"))
    o.json_path = vm["json"].as<std::string>();
  return o;
}

namespace {
template <class E> E read_enum(const po::variables_map &vm, const char *option) {
  auto text = vm[option].as<std::string>();
  auto value = parse_enum<E>(text);
  if (!value)
    throw UsageError(std::string("--") + option + ": unknown value '" + text + "' (choose " + enum_choices<E>() + ")");
  return *value;
}
} // namespace

void add_model_options(po::options_description &desc, BackendChoice default_backend) {
  ModelConfig m;
  desc.add_options() //
      ("backend", po::value<std::string>()->default_value(std::string(to_string(default_backend))),
       ("backends to run: " + enum_choices<BackendChoice>()).c_str()) //
      ("search", po::value<std::string>()->default_value(std::string(to_string(m.search))),
       ("model search: " + enum_choices<SearchMode>()).c_str()) //
      ("context-bound", po::value<unsigned>()->default_value(m.context_bound),
       "preemptions for context-bound search") //
      ("random-iterations", po::value<std::uint64_t>()->default_value(m.random_iterations),
       "executions for random search") //
      ("relacy-membarrier", po::value<std::string>()->default_value(std::string(to_string(m.membarrier))),
       "membarrier in the model: precise (a fence injected into every other thread at a point the scheduler "
       "chooses) or stock (Relacy's process-wide fence)");
}

void read_model_options(const po::variables_map &vm, CommonOptions &o) {
  o.backends = read_enum<BackendChoice>(vm, "backend");
  o.config.model.search = read_enum<SearchMode>(vm, "search");
  o.config.model.membarrier = read_enum<MembarrierModel>(vm, "relacy-membarrier");
  o.config.model.context_bound = vm["context-bound"].as<unsigned>();
  o.config.model.random_iterations = vm["random-iterations"].as<std::uint64_t>();
  if (o.config.model.random_iterations == 0)
    throw UsageError("--random-iterations: must be at least 1");
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
