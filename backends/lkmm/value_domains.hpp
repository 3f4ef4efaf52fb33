#pragma once
// The values each location can hold: its initial value and every value some
// run can store there, to a fixpoint (a stored value may depend on what was
// read). The runs of the last round are returned too: they are the threads'
// runs over the final domains.
#include "thread_runs.hpp"

namespace fencelab::lkmm {

struct DomainFixpoint {
  ValueDomains domains;
  std::vector<std::vector<ThreadRun>> runs; // per thread
};

// Throws Unsupportable when the values do not settle (a value that grows
// through a cycle of stores, e.g. x = r + 1 fed back to itself).
DomainFixpoint value_domains(const Test &test, const Substitution &substitution);

} // namespace fencelab::lkmm
