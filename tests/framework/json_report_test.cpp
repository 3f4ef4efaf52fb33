#include "family.hpp"
#include "json_report.hpp"
#include "pending_file.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace fencelab::report {
namespace {

TestResult sample_result() {
  auto sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::smp_mb);
  Histogram h;
  h.add({0, 0}, 3);
  h.add({1, 0}, 7);
  h.stats.iterations = 10;
  h.stats.seconds = 0.5;
  return judge(sb, "hardware", h);
}

TEST(JsonReport, TestResultCarriesHistogramAndVerdict) {
  auto j = test_result_json(sample_result());
  EXPECT_EQ(j["name"], "SB+barrier+smp_mb");
  EXPECT_EQ(j["backend"], "hardware");
  EXPECT_EQ(j["positive"], 3);
  EXPECT_EQ(j["negative"], 7);
  EXPECT_EQ(j["observation"], "Sometimes");
  EXPECT_EQ(j["expectation"]["model"], "allowed");
  EXPECT_EQ(j["verdict"], "ok");
  EXPECT_EQ(j["iterations"], 10);
  ASSERT_EQ(j["histogram"].size(), 2u);
  std::uint64_t sum = 0;
  for (const auto &state : j["histogram"]) {
    EXPECT_TRUE(state["registers"].contains("0:r0"));
    EXPECT_TRUE(state["registers"].contains("1:r0"));
    sum += state["count"].get<std::uint64_t>();
  }
  EXPECT_EQ(sum, 10u);
}

TEST(JsonReport, DocumentWrittenAtomicallyParsesBack) {
  auto dir = std::filesystem::temp_directory_path() / ("fencelab-json-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto path = dir / "out.json";
  auto doc = result_document("run", {{"kernel", "test"}}, RunConfig{}, {sample_result()});
  write_json_atomically(path, doc);
  std::ifstream in(path);
  auto back = nlohmann::json::parse(in);
  EXPECT_EQ(back, doc);
  EXPECT_EQ(back["command"], "run");
  EXPECT_EQ(back["config"]["heavy"], "private-expedited");
  EXPECT_EQ(back["tests"][0]["name"], "SB+barrier+smp_mb");
  // Only the result file is left behind, no temporary.
  int files = 0;
  for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir))
    ++files;
  EXPECT_EQ(files, 1);
  std::filesystem::remove_all(dir);
}

TEST(JsonReport, DocumentCarriesSchemaVersionAndEachTestItsStopAndFirstPositive) {
  auto doc = result_document("run", {{"kernel", "test"}}, RunConfig{}, {sample_result()});
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["tests"][0]["partial"], false);
  EXPECT_TRUE(doc["tests"][0]["first_positive_seconds"].is_null());
  auto cut = sample_result();
  cut.partial = true;
  cut.histogram->stats.first_positive_seconds = 0.25;
  auto j = test_result_json(cut);
  EXPECT_EQ(j["partial"], true);
  EXPECT_EQ(j["first_positive_seconds"], 0.25);
}

// What a second Ctrl-C does to a result file being written (cli/interrupt.cpp).
TEST(PendingFile, RemovesTheRememberedFileAndNothingOnceForgotten) {
  auto path = std::filesystem::temp_directory_path() / ("fencelab-pending-" + std::to_string(::getpid()));
  std::ofstream(path) << "half a document";
  remember_pending_file(path.c_str());
  forget_pending_file();
  remove_pending_file();
  EXPECT_TRUE(std::filesystem::exists(path));
  remember_pending_file(path.c_str());
  remove_pending_file();
  EXPECT_FALSE(std::filesystem::exists(path));
  forget_pending_file();
}

TEST(JsonReport, UnwritableDirectoryThrowsAndLeavesNothing) {
  EXPECT_ANY_THROW(write_json_atomically("/proc/fencelab-cannot-write/out.json", nlohmann::json::object()));
}

TEST(JsonReport, UnsupportedResultHasReasonAndNoHistogram) {
  auto sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  auto j = test_result_json(judge(sb, "hardware", Unsupported{"EPERM"}));
  EXPECT_EQ(j["unsupported"], "EPERM");
  EXPECT_EQ(j["verdict"], "unsupported");
  EXPECT_FALSE(j.contains("histogram"));
}

} // namespace
} // namespace fencelab::report
