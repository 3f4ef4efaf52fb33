#pragma once
// Runs any Test on pinned hardware threads by interpreting its op lists.
#include "backend.hpp"

#include <memory>
#include <vector>

namespace fencelab::hardware {

class WorkerPool;

class HardwareBackend : public Backend {
public:
  // Registers the membarrier intents: construct before any other thread exists.
  HardwareBackend();
  ~HardwareBackend() override;

  std::string_view name() const override { return "hardware"; }
  std::string why_unsupported(const Test &test, const RunConfig &config) const override;
  BackendResult run(const Test &test, const RunConfig &config) override;
  std::string why_request_invalid(const std::vector<Test> &tests, const RunConfig &config,
                                  bool tolerate_too_wide) const override;
  double fence_duration_ns(FenceKind kind) override;

  // The CPUs a config selects: config.cpus, or every CPU this process may use.
  static std::vector<int> selected_cpus(const RunConfig &config);

  // The CPUs of each concurrent copy of the run (one group unless --groups
  // or --pairing asks otherwise); fewer groups than asked when they do not fit.
  static std::vector<std::vector<int>> groups_for(const Test &test, const RunConfig &config);

private:
  BackendResult run_on(WorkerPool &pool, const Test &test, const RunConfig &config);

  std::vector<std::unique_ptr<WorkerPool>> pools_;
};

} // namespace fencelab::hardware
