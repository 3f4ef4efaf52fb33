#include "hardware_backend.hpp"

#include "affinity.hpp"
#include "batch_runner.hpp"
#include "membarrier.hpp"
#include "perpetual_runner.hpp"
#include "worker_pool.hpp"

#include <algorithm>

namespace fencelab::hardware {

HardwareBackend::HardwareBackend() { platform::membarrier_setup(); }
HardwareBackend::~HardwareBackend() = default;

std::vector<int> HardwareBackend::selected_cpus(const RunConfig &config) {
  return config.cpus.empty() ? platform::usable_cpus() : config.cpus;
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
  if (test.uses_fence(FenceKind::membarrier) && config.substitution.stand_for(FenceKind::membarrier) == Stand::native) {
    auto status = platform::heavy_barrier_status(config.heavy);
    if (!status.available)
      return "heavy barrier " + std::string(to_string(config.heavy)) + ": " + status.reason;
  }
  return "";
}

BackendResult HardwareBackend::run(const Test &test, const RunConfig &config) {
  if (auto why = why_unsupported(test, config); !why.empty())
    return Unsupported{why};
  auto cpus = selected_cpus(config);
  if (!pool_ || pool_->cpus() != cpus)
    pool_ = std::make_unique<WorkerPool>(cpus);
  if (!pool_->pin_error().empty())
    return Unsupported{pool_->pin_error()};
  auto heavy = platform::heavy_barrier_function(config.heavy);
  if (config.mode != HardwareMode::batch) {
    std::variant<PerpetualPlan, std::string> plan = plan_perpetual(test);
    if (config.placement != Placement::threads) // its workers share the run's private memory
      plan = std::string("it runs test threads as threads of one process (--placement threads)");
    if (const auto *p = std::get_if<PerpetualPlan>(&plan)) {
      PerpetualRunOptions options;
      options.chunk = config.chunk;
      options.instances = config.instances_per_iteration;
      options.stride_bytes = config.stride_bytes;
      options.pad_stores = config.pad_stores;
      options.budget_seconds = config.budget_seconds;
      options.iterations = config.iterations;
      options.heavy = heavy;
      options.substitution = config.substitution;
      options.stop_on_positive = config.stop_on_positive;
      return run_perpetual(*pool_, test, *p, options);
    }
    if (config.mode == HardwareMode::perpetual || config.pad_stores != 0) // never run without what was asked
      return Unsupported{"perpetual mode" + std::string(config.pad_stores ? " (for --pad-stores)" : "") + ": " +
                         std::get<std::string>(plan)};
  }
  if (config.pad_stores != 0)
    return Unsupported{"--pad-stores needs perpetual mode"};
  BatchRunOptions options;
  options.instances_per_batch = config.instances_per_batch;
  options.stride_bytes = config.stride_bytes;
  options.stagger_ns = config.stagger_ns;
  options.preload = config.preload;
  options.budget_seconds = config.budget_seconds;
  options.iterations = config.iterations;
  options.heavy = heavy;
  options.substitution = config.substitution;
  options.stop_on_positive = config.stop_on_positive;
  options.placement = config.placement;
  options.reexec_partners =
      config.placement != Placement::threads && config.partner == PartnerRegistration::unregistered;
  auto result = run_batches(*pool_, test, options);
  if (auto *h = std::get_if<Histogram>(&result))
    h->stats.mode = "batch (" + std::to_string(config.instances_per_batch) + " instances per batch)";
  return result;
}

} // namespace fencelab::hardware
