#include "hardware_options.hpp"

#include "affinity.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace fencelab::hardware {

namespace po = boost::program_options;

namespace {
template <class E> E read_enum(const po::variables_map &vm, const char *option, const char *what = "value") {
  auto text = vm[option].as<std::string>();
  auto value = parse_enum<E>(text);
  if (!value)
    throw std::invalid_argument(std::string("--") + option + ": unknown " + what + " '" + text + "' (choose " +
                                enum_choices<E>() + ")");
  return *value;
}
} // namespace

po::options_description hardware_options() {
  RunConfig defaults;
  po::options_description desc("Hardware backend");
  desc.add_options()                                                                                           //
      ("cpus", po::value<std::string>(), "CPUs to pin test threads to, e.g. 0-1 or 2,5 (default: all usable)") //
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
      ("placement", po::value<std::string>()->default_value(std::string(to_string(defaults.placement))),
       ("where test threads run: " + enum_choices<Placement>() +
        " (processes: one child process per thread; mixed: thread 0 alone, the others together)")
           .c_str()) //
      ("partner", po::value<std::string>()->default_value(std::string(to_string(defaults.partner))),
       ("with child processes, whether those that never call the heavy barrier keep this process's membarrier "
        "registrations: " +
        enum_choices<PartnerRegistration>() + " (unregistered: re-executed, catalogue tests only)")
           .c_str()) //
      ("watchdog", po::value<double>(),
       "seconds a test thread may go without a rendezvous (stopped, starved) before the run ends as FAILED; "
       "must exceed one batch or chunk (default: 10x --budget, at least 1, at most 60; 0: no watchdog). A "
       "thread moved off its CPU fails the run at once");
  return desc;
}

void read_hardware_options(const po::variables_map &vm, RunConfig &c) {
  if (vm.count("cpus")) {
    try {
      c.cpus = platform::parse_cpu_list(vm["cpus"].as<std::string>());
    } catch (const std::invalid_argument &e) {
      throw std::invalid_argument(std::string("--cpus: ") + e.what());
    }
    auto usable = platform::usable_cpus();
    for (int cpu : c.cpus)
      if (std::find(usable.begin(), usable.end(), cpu) == usable.end())
        throw std::invalid_argument("--cpus: CPU " + std::to_string(cpu) + " is not online or not usable by this process");
  }
  if (vm.count("heavy")) {
    c.heavy = read_enum<HeavyBarrier>(vm, "heavy", "heavy barrier");
    c.heavy_explicit = true;
  }
  c.instances_per_batch = vm["batch"].as<std::size_t>();
  if (c.instances_per_batch == 0 || c.instances_per_batch > (1u << 20))
    throw std::invalid_argument("--batch: must be between 1 and 1048576");
  c.mode = read_enum<HardwareMode>(vm, "mode", "mode");
  c.chunk = vm["chunk"].as<std::size_t>();
  if (c.chunk == 0 || c.chunk > (1u << 22))
    throw std::invalid_argument("--chunk: must be between 1 and 4194304");
  c.instances_per_iteration = vm["instances"].as<std::size_t>();
  if (c.instances_per_iteration == 0 || c.instances_per_iteration > 4096)
    throw std::invalid_argument("--instances: must be between 1 and 4096");
  c.groups = vm["groups"].as<unsigned>();
  c.pairing = read_enum<Pairing>(vm, "pairing", "pairing");
  c.roles = read_enum<Roles>(vm, "roles", "roles");
  c.pad_stores = vm["pad-stores"].as<std::size_t>();
  if (c.pad_stores > 4096)
    throw std::invalid_argument("--pad-stores: must be at most 4096");
  c.stride_bytes = vm["stride"].as<std::size_t>();
  if (c.stride_bytes < 8 || c.stride_bytes % 8 != 0 || c.stride_bytes > 4096)
    throw std::invalid_argument("--stride: must be a multiple of 8 between 8 and 4096");
  c.stagger_ns = vm["stagger"].as<std::uint32_t>();
  c.preload = vm["preload"].as<bool>();
  c.placement = read_enum<Placement>(vm, "placement", "placement");
  c.partner = read_enum<PartnerRegistration>(vm, "partner");
  if (vm.count("watchdog")) {
    c.watchdog_seconds = vm["watchdog"].as<double>();
    if (!(c.watchdog_seconds >= 0 && c.watchdog_seconds <= 3600))
      throw std::invalid_argument("--watchdog: must be between 0 and 3600 seconds");
  }
}

} // namespace fencelab::hardware
