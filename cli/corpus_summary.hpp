#pragma once
// `fencelab check --summary DIR`: a whole corpus against the model, with
// every disagreement given a reason (or counted as unexplained).
#include "session.hpp"

#include <filesystem>

namespace fencelab::cli {

struct SummaryOptions {
  double max_unexplained_fraction = 1.0; // exit 1 above this fraction of checked tests
};

int corpus_summary(Session &session, const std::filesystem::path &dir, const SummaryOptions &options);

// Why a C++-style model may disagree with LKMM on `test`, or "unexplained".
std::string disagreement_reason(const Test &test, const ModelView &model);

} // namespace fencelab::cli
