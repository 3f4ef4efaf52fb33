#pragma once
// `fencelab check --summary DIR`: a whole corpus against every model asked,
// with a table per model (agree, disagree with a reason for each, limited,
// incomplete, unsupported, time) and every rejected file counted by construct.
#include "session.hpp"

#include <filesystem>

namespace fencelab::cli {

struct SummaryOptions {
  double max_unexplained_fraction = 1.0; // exit 1 when a model is above this fraction of its checked tests
  bool quiet = false;                    // no progress line
};

int corpus_summary(Session &session, const std::filesystem::path &dir, const SummaryOptions &options);

} // namespace fencelab::cli
