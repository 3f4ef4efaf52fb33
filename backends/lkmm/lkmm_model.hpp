#pragma once
// The Linux-kernel memory model (tools/memory-model/linux-kernel.cat), with
// fencelab's membarrier(), as a Model: exhaustive, no limits.
#include "model.hpp"

namespace fencelab::lkmm {

class LkmmModel final : public Model {
public:
  std::string_view name() const override { return "lkmm"; }
  ModelResult check(const Test &test, const Substitution &substitution) override;
};

} // namespace fencelab::lkmm
