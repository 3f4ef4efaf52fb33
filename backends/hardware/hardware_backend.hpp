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

  // The CPUs a config selects: config.cpus, or every CPU this process may use.
  static std::vector<int> selected_cpus(const RunConfig &config);

private:
  std::unique_ptr<WorkerPool> pool_;
};

} // namespace fencelab::hardware
