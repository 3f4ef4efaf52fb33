#include "hardware_backend.hpp"

#include "affinity.hpp"
#include "batch_runner.hpp"
#include "cpu_groups.hpp"
#include "fence_cost.hpp"
#include "membarrier.hpp"
#include "perpetual_runner.hpp"
#include "run_epilogue.hpp"
#include "shared_memory.hpp"
#include "watchdog.hpp"
#include "worker_pool.hpp"

#include <algorithm>
#include <thread>

namespace fencelab::hardware {

HardwareBackend::HardwareBackend() { platform::membarrier_setup(); }
HardwareBackend::~HardwareBackend() = default;

std::vector<int> HardwareBackend::selected_cpus(const RunConfig &config) {
  return config.cpus.empty() ? platform::usable_cpus() : config.cpus;
}

std::vector<std::vector<int>> HardwareBackend::groups_for(const Test &test, const RunConfig &config) {
  auto cpus = selected_cpus(config);
  if (config.groups == 1 && config.pairing == Pairing::listed)
    return {cpus}; // every selected CPU, in order: the test uses the first ones
  return plan_groups(platform::cpu_places(cpus), test.threads.size(), config.pairing, config.groups);
}

std::string HardwareBackend::why_unsupported(const Test &test, const RunConfig &config) const {
  auto usable = platform::usable_cpus();
  auto cpus = selected_cpus(config);
  for (int cpu : cpus)
    if (std::find(usable.begin(), usable.end(), cpu) == usable.end())
      return "CPU " + std::to_string(cpu) + " is not online or not usable by this process";
  if (test.threads.size() > cpus.size())
    return test.name + " needs " + std::to_string(test.threads.size()) + " CPUs, only " + std::to_string(cpus.size()) +
           " given";
  if (config.groups != 1 || config.pairing != Pairing::listed) {
    if (config.placement != Placement::threads)
      return "--groups and --pairing run threads only (--placement threads)";
    auto groups = groups_for(test, config);
    if (groups.empty() || (config.groups != 0 && groups.size() < config.groups))
      return test.name + " needs " + std::to_string(std::max(1u, config.groups)) + " group(s) of " +
             std::to_string(test.threads.size()) + " " + std::string(to_string(config.pairing)) +
             " CPUs; the selected CPUs give " + std::to_string(groups.size());
  }
  if (config.placement != Placement::threads) // child processes share the test memory through a memfd
    if (auto why = platform::shared_memory_unavailable(); !why.empty())
      return "--placement " + std::string(to_string(config.placement)) + ": " + why;
  if (test.uses_fence(FenceKind::membarrier) && config.substitution.stand_for(FenceKind::membarrier) == Stand::native) {
    auto status = platform::heavy_barrier_status(config.heavy);
    if (!status.available)
      return "heavy barrier " + std::string(to_string(config.heavy)) + ": " + status.reason;
  }
  return "";
}

std::string HardwareBackend::why_request_invalid(const std::vector<Test> &tests, const RunConfig &config,
                                                 bool tolerate_too_wide) const {
  auto cpus = selected_cpus(config);
  bool heavy_used = false;
  for (const auto &t : tests) {
    if (t.threads.size() > cpus.size() && !tolerate_too_wide)
      return t.name + " needs " + std::to_string(t.threads.size()) + " CPUs but " +
             (config.cpus.empty() ? "this process may use only " : "--cpus gives only ") + std::to_string(cpus.size());
    heavy_used = heavy_used || t.uses_fence(FenceKind::membarrier);
  }
  // Asked for by name, a heavy barrier the kernel refuses is the user's error;
  // by default, it makes the cells that need it unsupported.
  if (heavy_used && config.heavy_explicit) {
    auto status = platform::heavy_barrier_status(config.heavy);
    if (!status.available)
      return "--heavy " + std::string(to_string(config.heavy)) + ": " + status.reason;
  }
  return "";
}

double HardwareBackend::fence_duration_ns(FenceKind kind) { return fence_cost_ns(kind); }

namespace {

// Names the heavy barrier a run's latency is of: the configured one, the only
// one a run calls (a sham or plant calls none and measures no latency).
BackendResult with_heavy_named(BackendResult result, HeavyBarrier heavy) {
  if (auto *h = std::get_if<Histogram>(&result); h && h->stats.heavy_latency)
    h->stats.heavy_latency->barrier = to_string(heavy);
  return result;
}

} // namespace

BackendResult HardwareBackend::run(const Test &test, const RunConfig &config) {
  if (auto why = why_unsupported(test, config); !why.empty())
    return Unsupported{why};
  auto groups = groups_for(test, config);
  if (pools_.size() != groups.size())
    pools_.clear();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (pools_.size() <= g)
      pools_.push_back(nullptr);
    if (!pools_[g] || pools_[g]->cpus() != groups[g])
      pools_[g] = std::make_unique<WorkerPool>(groups[g]);
    if (!pools_[g]->pin_error().empty())
      return Unsupported{pools_[g]->pin_error()};
  }
  if (groups.size() == 1) {
    auto result = run_on(*pools_[0], test, config);
    if (std::holds_alternative<Failed>(result))
      pools_.clear(); // a stalled run's workers may have been moved off their CPUs: start afresh
    return with_heavy_named(std::move(result), config.heavy);
  }

  // Every group runs the whole test at once; their histograms add up.
  std::vector<BackendResult> results(groups.size());
  std::vector<std::thread> runners;
  for (std::size_t g = 0; g < groups.size(); ++g)
    runners.emplace_back([&, g] { results[g] = run_on(*pools_[g], test, config); });
  for (auto &r : runners)
    r.join();
  Histogram merged;
  double longest = 0; // the groups ran at once: the run lasted as long as the slowest
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!std::holds_alternative<Histogram>(results[g])) {
      if (std::holds_alternative<Failed>(results[g]))
        pools_.clear();
      return results[g];
    }
    const Histogram &h = std::get<Histogram>(results[g]);
    merged.merge(h);
    longest = std::max(longest, h.stats.seconds);
    RunStats &m = merged.stats;
    m.coherence_violations += h.stats.coherence_violations;
    if (h.stats.first_positive_seconds &&
        (!m.first_positive_seconds || *h.stats.first_positive_seconds < *m.first_positive_seconds))
      m.first_positive_seconds = h.stats.first_positive_seconds;
    for (const auto &w : h.stats.witnesses)
      if (m.witnesses.size() < max_witnesses)
        m.witnesses.push_back(w);
    if (g == 0) {
      m.mode = h.stats.mode;
      m.heavy_latency = h.stats.heavy_latency;
      m.call_interrupts = h.stats.call_interrupts;
    }
    m.groups.push_back({groups[g], h.stats.iterations, tally(test, h).positive, h.stats.seconds});
  }
  merged.stats.seconds = longest;
  return with_heavy_named(std::move(merged), config.heavy);
}

BackendResult HardwareBackend::run_on(WorkerPool &pool, const Test &test, const RunConfig &config) {
  RunLimits limits;
  limits.budget_seconds = config.budget_seconds;
  limits.iterations = config.iterations;
  limits.heavy = platform::heavy_barrier_function(config.heavy);
  limits.substitution = config.substitution;
  limits.stop_on_positive = config.stop_on_positive;
  limits.alternate_roles = config.roles == Roles::alternate;
  limits.watchdog_seconds =
      config.watchdog_seconds < 0 ? default_watchdog_seconds(config.budget_seconds) : config.watchdog_seconds;
  if (limits.alternate_roles && config.placement != Placement::threads)
    return Unsupported{"--roles alternate needs --placement threads (a child process keeps its thread)"};

  // Perpetual mode where asked or where auto finds it applies; never a silent
  // batch run when it was asked for, explicitly or through --pad-stores.
  if (config.pad_stores != 0 && config.mode == HardwareMode::batch)
    return Unsupported{"--pad-stores needs perpetual mode"};
  if (config.mode != HardwareMode::batch) {
    std::variant<PerpetualPlan, std::string> plan = plan_perpetual(test);
    if (config.placement != Placement::threads) // its workers share the run's private memory
      plan = std::string("it runs test threads as threads of one process (--placement threads)");
    if (const auto *p = std::get_if<PerpetualPlan>(&plan)) {
      PerpetualRunOptions options;
      static_cast<RunLimits &>(options) = limits;
      options.chunk = config.chunk;
      options.instances = config.instances_per_iteration;
      options.stride_bytes = config.stride_bytes;
      options.pad_stores = config.pad_stores;
      return run_perpetual(pool, test, *p, options);
    }
    if (config.mode == HardwareMode::perpetual || config.pad_stores != 0)
      return Unsupported{"perpetual mode" + std::string(config.pad_stores ? " (for --pad-stores)" : "") + ": " +
                         std::get<std::string>(plan)};
  }
  BatchRunOptions options;
  static_cast<RunLimits &>(options) = limits;
  options.instances_per_batch = config.instances_per_batch;
  options.stride_bytes = config.stride_bytes;
  options.stagger_ns = config.stagger_ns;
  options.preload = config.preload;
  options.placement = config.placement;
  options.reexec_partners =
      config.placement != Placement::threads && config.partner == PartnerRegistration::unregistered;
  auto result = run_batches(pool, test, options);
  if (auto *h = std::get_if<Histogram>(&result))
    h->stats.mode = "batch (" + std::to_string(config.instances_per_batch) + " instances per batch" +
                    (limits.alternate_roles ? ", roles alternate" : "") + ")";
  return result;
}

} // namespace fencelab::hardware
