#pragma once
// herd7's own verdicts for a corpus (`herd7-observations.tsv` beside its
// files: path, Result line, herd7's verdict under the current model, with
// " DATARACE" when herd7 flagged a race). Result lines were written over a
// decade against older models; where one is stale, herd7's column says so.
#include "observation.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace fencelab::cli {

struct Herd7Verdict {
  Observation result = Observation::never;
  bool data_race = false;
};

class Herd7Observations {
public:
  // Reads DIR/herd7-observations.tsv when it exists; empty otherwise.
  explicit Herd7Observations(const std::filesystem::path &dir);
  std::optional<Herd7Verdict> find(const std::filesystem::path &file) const;
  bool empty() const { return verdicts_.empty(); }

private:
  std::filesystem::path dir_;
  std::map<std::string, Herd7Verdict> verdicts_; // by path relative to dir_
};

} // namespace fencelab::cli
