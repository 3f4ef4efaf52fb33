#pragma once
// A Model answers which outcomes of a test a memory model allows. Backends
// run tests on something real (backend.hpp); models decide them. Each model
// lives in its own backends/<name>/ folder, owns its settings and its option
// group, and says itself which of its limits apply to a test: the judge
// trusts a "forbidden" only from an answer that is exhaustive, complete and
// free of limits (ARCHITECTURE.md, "Models").
#include "backend.hpp"
#include "histogram.hpp"
#include "substitution.hpp"
#include "test.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fencelab {

struct ModelAnswer {
  Histogram outcomes;              // reachable outcomes, each counted per execution that reaches it
  bool exhaustive = false;         // the search covers every execution the model has
  std::string incomplete;          // why the search stopped early ("budget 10 s"); "" when it finished
  std::vector<std::string> limits; // the model's blind spots this test runs into, one line each
  std::vector<std::string> flags;  // herd-style flags raised by some execution, e.g. "data-race"
  std::uint64_t executions = 0;    // executions (or candidate executions) explored
  double seconds = 0;              // wall time of the search
  std::string settings;            // how it searched, for reports: "full, membarrier precise"
  // The same as fields of the result file's "model" object: "search",
  // "membarrier" (every model gives both, in its own words).
  std::map<std::string, std::string> details;
};

// Unsupported: the test uses a construct this model does not have.
// Failed: the search itself broke (never a verdict).
using ModelResult = std::variant<ModelAnswer, Unsupported, Failed>;

class Model {
public:
  virtual ~Model() = default;
  virtual std::string_view name() const = 0;
  // Checks the test with `substitution`'s plants applied to its fences (a
  // sham orders nothing, like `none`); the model's own settings are its own.
  virtual ModelResult check(const Test &test, const Substitution &substitution) = 0;
};

} // namespace fencelab
