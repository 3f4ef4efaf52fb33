#include "herd7_observations.hpp"

#include <fstream>
#include <sstream>

namespace fencelab::cli {

Herd7Observations::Herd7Observations(const std::filesystem::path &dir) : dir_(dir) {
  std::ifstream in(dir / "herd7-observations.tsv");
  std::string line;
  std::getline(in, line); // the header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string path, result_line, herd7;
    if (!std::getline(fields, path, '\t') || !std::getline(fields, result_line, '\t') || !std::getline(fields, herd7))
      continue;
    Herd7Verdict v;
    v.data_race = herd7.find("DATARACE") != std::string::npos;
    auto observation = parse_enum<Observation>(herd7.substr(0, herd7.find(' ')));
    if (!observation)
      continue;
    v.result = *observation;
    verdicts_[path] = v;
  }
}

std::optional<Herd7Verdict> Herd7Observations::find(const std::filesystem::path &file) const {
  auto it = verdicts_.find(std::filesystem::relative(file, dir_).generic_string());
  if (it == verdicts_.end())
    return std::nullopt;
  return it->second;
}

} // namespace fencelab::cli
