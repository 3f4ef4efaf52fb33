// The shared LKMM corpus (../shared/litmus-corpus/lkmm): every file the
// parser accepts gets herd7's verdict (third column of herd7-observations.tsv,
// herd7 7.58 with linux-kernel.cfg) and herd7's data-race flag.
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace fencelab::lkmm::tests {
namespace {

struct HerdVerdict {
  Observation observation = Observation::never;
  bool data_race = false;
};

std::map<std::string, HerdVerdict> read_observations(const std::filesystem::path &tsv) {
  std::map<std::string, HerdVerdict> out;
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string path, result_line, herd;
    std::getline(fields, path, '\t');
    std::getline(fields, result_line, '\t');
    std::getline(fields, herd, '\t');
    HerdVerdict v;
    const auto space = herd.find(' ');
    v.data_race = space != std::string::npos && herd.substr(space + 1) == "DATARACE";
    const std::string word = herd.substr(0, space);
    v.observation = word == "Never" ? Observation::never : word == "Always" ? Observation::always : Observation::sometimes;
    out[path] = v;
  }
  return out;
}

// Files where the LKMM model's verdict is known to differ from herd7's, each
// with what is known of why. Every other parsed file must agree exactly.
const std::map<std::string, std::string> known_differences{};

TEST(LkmmCorpus, AgreesWithHerd7OnEveryParsedFile) {
  const std::filesystem::path root = std::filesystem::path(FENCELAB_LITMUS_CORPUS) / "lkmm";
  if (!std::filesystem::is_directory(root))
    GTEST_SKIP() << "no corpus at " << root;
  const auto herd = read_observations(root / "herd7-observations.tsv");
  ASSERT_FALSE(herd.empty());

  int parsed = 0, agreed = 0, race_agreed = 0, unsupported = 0;
  double total = 0, worst = 0;
  std::string worst_name;
  for (const auto &file : find_litmus_files(root)) {
    fencelab::Test test;
    try {
      test = parse_litmus_file(file);
    } catch (const std::exception &) {
      continue; // outside the parser's subset today
    }
    ++parsed;
    const std::string rel = std::filesystem::relative(file, root).string();
    const auto it = herd.find(rel);
    ASSERT_NE(it, herd.end()) << rel << " has no herd7 verdict";
    LkmmModel model;
    const auto start = std::chrono::steady_clock::now();
    ModelResult r = model.check(test, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    total += seconds;
    if (seconds > worst) {
      worst = seconds;
      worst_name = rel;
    }
    if (auto *u = std::get_if<Unsupported>(&r)) {
      ++unsupported;
      ADD_FAILURE() << rel << ": unsupported: " << u->reason;
      continue;
    }
    const ModelAnswer &a = std::get<ModelAnswer>(r);
    const Observation mine = verdict(test, a);
    if (mine == it->second.observation)
      ++agreed;
    else if (!known_differences.count(rel))
      ADD_FAILURE() << rel << ": LKMM " << to_string(mine) << ", herd7 " << to_string(it->second.observation);
    if (raced(a) == it->second.data_race)
      ++race_agreed;
    else
      ADD_FAILURE() << rel << ": data race " << raced(a) << ", herd7 " << it->second.data_race;
    EXPECT_LE(seconds, 2.0) << rel;
  }
  std::cout << "LKMM corpus: " << parsed << " parsed, " << agreed << " verdicts agree with herd7, " << race_agreed
            << " data-race flags agree, " << unsupported << " unsupported; " << total << " s in all, worst "
            << worst << " s (" << worst_name << ")\n";
  EXPECT_GT(parsed, 0);
  // A known difference that went away must leave the list.
  EXPECT_EQ(parsed - agreed, static_cast<int>(known_differences.size()));
  EXPECT_LE(total, 10.0); // a few seconds on a loaded machine; 0.2 s alone
}

} // namespace
} // namespace fencelab::lkmm::tests
