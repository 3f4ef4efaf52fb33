#pragma once
// The values each location can hold: its initial value and every value some
// run can store there, to a fixpoint (a stored value may depend on what was
// read). The runs of the last round are returned too: they are the threads'
// runs over the final domains. A value traces back, through data
// dependencies and rf, to constants, or came around a cycle: thin_air.
#include "thread_runs.hpp"

namespace fencelab::lkmm {

struct DomainFixpoint {
  ValueDomains domains;
  std::vector<std::vector<ThreadRun>> runs; // per thread
};

// Throws Unsupportable when a location may hold more than 32 values.
DomainFixpoint value_domains(const Test &test, const Substitution &substitution);

} // namespace fencelab::lkmm
