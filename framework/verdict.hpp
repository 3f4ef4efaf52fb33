#pragma once
#include "enum_names.hpp"
#include "observation.hpp"

#include <array>
#include <optional>

namespace fencelab {

enum class Verdict {
  ok,            // what was seen agrees with what the model says
  violation,     // seen what the model forbids, or missed what it requires
  stronger,      // the model allows it, the run never showed it (e.g. MP on a TSO machine)
  model_limited, // the model's answer depends on behaviour it cannot produce
  unsupported,   // the run could not happen here (reason given alongside)
  failed,        // the run broke (a test process died): no evidence either way
  model_disagreement, // two models that each decide the test alone answer differently
};

constexpr auto enum_names(Verdict) {
  using V = Verdict;
  return std::array<NameOf<V>, 7>{{{V::ok, "ok"},
                                   {V::violation, "VIOLATION"},
                                   {V::stronger, "stronger"},
                                   {V::model_limited, "model-limited"},
                                   {V::unsupported, "unsupported"},
                                   {V::failed, "FAILED"},
                                   {V::model_disagreement, "MODEL DISAGREEMENT"}}};
}

// The model's words for an expected observation.
constexpr const char *model_verdict_name(Observation expected) {
  switch (expected) {
  case Observation::never:
    return "forbidden";
  case Observation::sometimes:
    return "allowed";
  case Observation::always:
    return "required";
  }
  return "?";
}

constexpr Verdict verdict_for(Observation expected, Observation observed) {
  switch (expected) {
  case Observation::never:
    return observed == Observation::never ? Verdict::ok : Verdict::violation;
  case Observation::sometimes:
    return observed == Observation::sometimes ? Verdict::ok : Verdict::stronger;
  case Observation::always:
    return observed == Observation::always ? Verdict::ok : Verdict::violation;
  }
  return Verdict::violation;
}

} // namespace fencelab
