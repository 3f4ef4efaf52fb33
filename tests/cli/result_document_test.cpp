// The reader of result documents shared by `report` and `compare`, and the
// condition read back from its herd text.
#include "condition_match.hpp"
#include "result_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

namespace fencelab::cli {
namespace {

using json = nlohmann::json;

json document(json tests) {
  return {{"fencelab", "0.1.0"},
          {"command", "table"},
          {"config", {{"heavy", "private-expedited"}}},
          {"machine", {{"cpu_model", "Test CPU"}, {"arch", "x86_64"}, {"online_cpus", 2}}},
          {"tests", tests}};
}

json hardware_test(const std::string &name, const std::string &verdict, std::uint64_t positive) {
  return {{"name", name},
          {"condition", "exists (0:r0=0 /\\ 1:r0=0)"},
          {"verdict", verdict},
          {"observation", positive ? "Sometimes" : "Never"},
          {"positive", positive},
          {"negative", 100},
          {"iterations", 100 + positive},
          {"histogram",
           json::array({{{"registers", {{"0:r0", 1}, {"1:r0", 1}}}, {"memory", json::object()}, {"count", 100}}})}};
}

std::string message_of(const std::string &text) {
  try {
    parse_result_document(text, "r.json");
  } catch (const DocumentError &e) {
    return e.what();
  }
  return "no error";
}

TEST(ResultDocument, OlderSingleModelAndUnknownFieldsAreRead) {
  json t = hardware_test("SB+barrier+membarrier", "ok", 0);
  t["model"] = {{"verdict", "forbidden"}, {"search", "full"}};
  t["power"] = {{"label", "powered"}, {"confidence", 0.999}};
  t["evidence"] = {{"heavy_latency_ns", {{"calls", 200}, {"min", 500.0}, {"median", 1e4}, {"p99", 2e4}, {"max", 3e5}}},
                   {"call_interrupts_per_cpu", {100, 2}}};
  t["first_positive_seconds"] = nullptr;
  t["partial"] = true;
  json d = document({t});
  d["schema_version"] = 7;
  d["interrupted"] = true;
  d["a_field_from_the_future"] = {{"x", 1}};
  auto doc = parse_result_document(d.dump(), "r.json");
  ASSERT_EQ(doc.tests.size(), 1u);
  const auto &r = doc.tests[0];
  EXPECT_TRUE(doc.interrupted);
  EXPECT_TRUE(r.partial);
  ASSERT_EQ(r.models.size(), 1u);
  EXPECT_EQ(r.models[0].name, "model");
  EXPECT_EQ(r.models[0].verdict, "forbidden");
  EXPECT_EQ(r.power_label, "powered");
  ASSERT_TRUE(r.latency);
  EXPECT_EQ(r.latency->calls, 200u);
  EXPECT_EQ(r.latency->min_ns, 500.0);
  EXPECT_EQ(r.latency->max_ns, 3e5);
  ASSERT_EQ(r.latency->interrupts_per_call.size(), 2u);
  EXPECT_DOUBLE_EQ(r.latency->interrupts_per_call[0], 0.5);
  EXPECT_DOUBLE_EQ(r.latency->interrupts_per_call[1], 0.01);
  EXPECT_EQ(r.heavy, "private-expedited");
  EXPECT_EQ(r.histogram.at(0).text, "0:r0=1; 1:r0=1;");
}

TEST(ResultDocument, EveryModelOfANewerDocumentIsRead) {
  json t = hardware_test("SB+smp_mb+smp_mb", "MODEL DISAGREEMENT", 0);
  t["model"] = {{"name", "lkmm"}, {"verdict", "forbidden"}};
  t["models"] = {{{"name", "lkmm"}, {"verdict", "forbidden"}},
                 {{"name", "relacy"}, {"verdict", "allowed"}},
                 {{"name", "other"}, {"unsupported", "too wide"}}};
  auto doc = parse_result_document(document({t}).dump(), "r.json");
  const auto &m = doc.tests[0].models;
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].name, "relacy");
  EXPECT_EQ(m[1].verdict, "allowed");
  EXPECT_EQ(m[2].verdict, "unsupported");
}

TEST(ResultDocument, BadInputIsOneLineNamingTheFile) {
  EXPECT_EQ(message_of("{ not json"), "r.json: not JSON");
  EXPECT_NE(message_of(R"({"tests": []})").find("r.json: not a fencelab result document"), std::string::npos);
  EXPECT_NE(message_of(R"({"fencelab": "0.1.0"})").find("no \"tests\" list"), std::string::npos);
  EXPECT_EQ(message_of(R"({"fencelab": "0.1.0", "tests": [{"verdict": "ok"}]})"), "r.json: tests[0] has no name");
  EXPECT_NE(message_of(R"({"fencelab": "0.1.0", "tests": [], "interrupted": "yes"})").find("r.json: malformed"),
            std::string::npos);
  EXPECT_EQ(message_of(R"({"fencelab": "0.1.0", "tests": []})"), "no error");
  try {
    read_result_document("/nonexistent/fencelab-result.json");
    FAIL() << "a missing file was read";
  } catch (const DocumentError &e) {
    EXPECT_STREQ(e.what(), "/nonexistent/fencelab-result.json: no such file");
  }
}

TEST(ResultDocument, DirectoryReadsEveryJsonFileInNameOrder) {
  auto dir = std::filesystem::temp_directory_path() / ("fencelab-docs-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "b.json") << document({hardware_test("B", "ok", 1)}).dump();
  std::ofstream(dir / "a.json") << document({hardware_test("A", "ok", 1)}).dump();
  std::ofstream(dir / "notes.txt") << "not a result";
  auto docs = read_result_documents(dir);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].tests.at(0).name, "A");
  EXPECT_EQ(docs[1].tests.at(0).name, "B");
  std::filesystem::remove(dir / "a.json");
  std::filesystem::remove(dir / "b.json");
  EXPECT_THROW(read_result_documents(dir), DocumentError);
  std::filesystem::remove_all(dir);
}

TEST(ResultDocument, ScopeCellsNameTheirHeavyBarrierAndBenchNone) {
  json d = document({hardware_test("SB+barrier+membarrier", "ok", 0), hardware_test("SB+barrier+membarrier", "ok", 0)});
  d["scope"] = {{{"test_index", 1}, {"heavy", "global"}}};
  auto doc = parse_result_document(d.dump(), "r.json");
  EXPECT_EQ(doc.tests[0].heavy, "private-expedited");
  EXPECT_EQ(doc.tests[1].heavy, "global");
  d["command"] = "bench";
  d.erase("scope");
  EXPECT_EQ(parse_result_document(d.dump(), "r.json").tests[0].heavy, "");
  // Since December 2026 a run's latency names its barrier, which bench varies run by run.
  d["tests"][1]["evidence"]["heavy_latency_ns"]["barrier"] = "global-expedited";
  auto bench = parse_result_document(d.dump(), "r.json");
  EXPECT_EQ(bench.tests[0].heavy, "");
  EXPECT_EQ(bench.tests[1].heavy, "global-expedited");
}

TEST(ResultDocument, WindowSweepAndHeavyBarriersAreRead) {
  json d = document(json::array());
  d["window"] = {{"techniques",
                  {{{"technique", "batch"},
                    {"in_contract", true},
                    {"window_ns", 50},
                    {"sweep",
                     {{{"delay_ns", 0}, {"weak", 30}, {"iterations", 1000000}},
                      {{"delay_ns", 50}, {"weak", 0}, {"iterations", 500}}}}}}},
                 {"heavy_barriers",
                  {{{"heavy", "private-expedited"},
                    {"calls", 10},
                    {"median_ns", 9000},
                    {"p99_ns", 20000},
                    {"call_interrupts_per_cpu", {10, 0}}},
                   {{"heavy", "global-expedited"}, {"unsupported", "EPERM"}}}}};
  auto doc = parse_result_document(d.dump(), "w.json");
  ASSERT_EQ(doc.window.size(), 1u);
  ASSERT_EQ(doc.window[0].sweep.size(), 2u);
  EXPECT_DOUBLE_EQ(doc.window[0].sweep[0].weak_per_million(), 30.0);
  ASSERT_EQ(doc.heavies.size(), 2u);
  ASSERT_TRUE(doc.heavies[0].latency);
  EXPECT_FALSE(doc.heavies[0].latency->min_ns);
  EXPECT_DOUBLE_EQ(doc.heavies[0].latency->interrupts_per_call.at(0), 1.0);
  EXPECT_EQ(doc.heavies[1].unsupported, "EPERM");
}

OutcomeCount outcome(std::vector<std::pair<std::string, std::string>> values) { return {std::move(values), "", 1}; }

TEST(ConditionMatch, HerdPropositionsOverNamedSlots) {
  auto both0 = outcome({{"0:r0", "0"}, {"1:r0", "0"}});
  auto one1 = outcome({{"0:r0", "0"}, {"1:r0", "1"}});
  EXPECT_EQ(satisfies_condition("exists (0:r0=0 /\\ 1:r0=0)", both0), true);
  EXPECT_EQ(satisfies_condition("exists (0:r0=0 /\\ 1:r0=0)", one1), false);
  EXPECT_EQ(satisfies_condition("~exists (0:r0=1 \\/ 1:r0=1)", one1), true);
  EXPECT_EQ(satisfies_condition("forall (~(1:r0=1))", one1), false);
  EXPECT_EQ(satisfies_condition("exists ((0:r0=1 \\/ 1:r0=1) /\\ 0:r0=0)", one1), true);
  EXPECT_EQ(satisfies_condition("filter (1:r0=0) exists (0:r0=0)", one1), false);
  auto mem = outcome({{"0:r0", "x"}, {"1:r1", "2"}, {"x", "2"}});
  EXPECT_EQ(satisfies_condition("exists (0:r0=x /\\ x=2 /\\ 1:r1=[x])", mem), true);
  EXPECT_EQ(satisfies_condition("exists (0:r0=y)", mem), false);
  EXPECT_EQ(satisfies_condition("exists (2:r0=0)", both0), std::nullopt); // no such slot
  EXPECT_EQ(satisfies_condition("exists 0:r0=0", both0), std::nullopt);
  EXPECT_EQ(satisfies_condition("", both0), std::nullopt);
}

} // namespace
} // namespace fencelab::cli
