// The fencelab binary as a user meets it: bad input gives one line, exit code
// 2 and no result file; a good run writes a parseable document.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {

struct Ran {
  int exit_code;
  std::string out; // stdout and stderr together
};

Ran run_fencelab(const std::string &args, const std::filesystem::path &cwd) {
  std::string cmd = "cd '" + cwd.string() + "' && '" FENCELAB_BINARY "' " + args + " 2>&1";
  FILE *pipe = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe))
    out.append(buf.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("fencelab-cli-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  void expect_rejected(const std::string &args, const std::string &needle) {
    auto r = run_fencelab(args, dir);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "not one line:\n" << r.out;
    EXPECT_NE(r.out.find(needle), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(dir / "results")) << "a result file was written for: " << args;
  }

  std::filesystem::path dir;
};

TEST_F(Cli, UnknownTest) { expect_rejected("run SB+nothing+barrier", "unknown test 'SB+nothing+barrier'"); }
TEST_F(Cli, UnknownOption) { expect_rejected("run SB+barrier+barrier --frobnicate", "frobnicate"); }
TEST_F(Cli, UnknownCommand) { expect_rejected("frobnicate", "unknown command 'frobnicate'"); }
TEST_F(Cli, CpuNotOnline) { expect_rejected("table --cpus 0,4095", "CPU 4095 is not online"); }
TEST_F(Cli, BadCpuList) { expect_rejected("table --cpus 0-", "--cpus"); }
TEST_F(Cli, FewerCpusThanThreads) { expect_rejected("run SB+barrier+barrier --cpus 0", "needs 2 CPUs"); }
TEST_F(Cli, UnknownHeavyBarrier) { expect_rejected("table --heavy hammer", "unknown heavy barrier 'hammer'"); }
TEST_F(Cli, BadBudget) { expect_rejected("table --budget -1", "--budget"); }
TEST_F(Cli, UnknownShape) { expect_rejected("table --shape sb,lb", "unknown shape 'lb'"); }

TEST_F(Cli, HelpOnEverySubcommand) {
  for (const char *cmd : {"table", "run", "list", "info", "scope"}) {
    auto r = run_fencelab(std::string(cmd) + " --help", dir);
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("usage: fencelab"), std::string::npos) << r.out;
  }
}

TEST_F(Cli, RunWritesAParseableResult) {
  auto r = run_fencelab("run SB+smp_mb+smp_mb MP+barrier+barrier --iterations 20000 --json out.json", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Observation SB+smp_mb+smp_mb Never 0 20000"), std::string::npos) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  ASSERT_EQ(doc["tests"].size(), 2u);
  EXPECT_EQ(doc["tests"][0]["iterations"], 20000);
  EXPECT_EQ(doc["tests"][0]["positive"], 0);
  EXPECT_FALSE(doc["machine"]["kernel"].get<std::string>().empty());
}

TEST_F(Cli, DefaultResultGoesUnderResults) {
  auto r = run_fencelab("run SB+smp_mb+barrier --iterations 1000", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ASSERT_TRUE(std::filesystem::exists(dir / "results"));
  int files = 0;
  for (const auto &e : std::filesystem::directory_iterator(dir / "results")) {
    EXPECT_EQ(e.path().extension(), ".json");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

} // namespace

namespace {

// Planted bugs must be caught: with smp_mb replaced by a compiler barrier,
// SB+smp_mb+smp_mb is SB+barrier+barrier, whose weak outcome this machine
// shows millions of times a second.
TEST_F(Cli, PlantedSmpMbIsAViolation) {
  auto r = run_fencelab("run SB+smp_mb+smp_mb --plant smp_mb=barrier --json out.json", dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("Verdict SB+smp_mb+smp_mb VIOLATION"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Planted SB+smp_mb+smp_mb smp_mb=barrier"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Witness SB+smp_mb+smp_mb batch"), std::string::npos) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["tests"][0]["verdict"], "VIOLATION");
  EXPECT_EQ(doc["tests"][0]["planted"], "smp_mb=barrier");
  EXPECT_FALSE(doc["tests"][0]["evidence"]["witnesses"].empty());
}

// A sham membarrier orders nothing, so its "Never" is no evidence: whatever
// happens, the framework must not call it a clean, powered ok. (The run is
// its own sham, so it gets no control at all.)
TEST_F(Cli, PlantedShamMembarrierIsNeverCleanAndPowered) {
  auto r = run_fencelab("run SB+barrier+membarrier --plant membarrier=sham --controls --budget 0.5 --json out.json", dir);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  const auto &t = doc["tests"][0];
  bool clean_and_powered = t["verdict"] == "ok" && t.contains("power") && t["power"]["label"] == "powered";
  EXPECT_FALSE(clean_and_powered) << t.dump(2);
  EXPECT_FALSE(t.contains("power")) << t.dump(2);
}

TEST_F(Cli, BadPlant) { expect_rejected("run SB+smp_mb+smp_mb --plant smp_mb=nothing", "--plant: unknown stand-in"); }

} // namespace

namespace {

// A forked child keeps its parent's membarrier registrations; a re-executed
// partner does not. The run says which each test thread's process had, so a
// GLOBAL_EXPEDITED cell with an unregistered partner is visibly that.
TEST_F(Cli, UnregisteredPartnerIsReportedAsSuch) {
  constexpr int global_expedited_registered = 1 << 2; // MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED
  auto r = run_fencelab("run SB+barrier+membarrier --backend hardware --heavy global-expedited --placement processes "
                        "--partner unregistered --iterations 2000 --json out.json",
                        dir);
  if (r.out.find("Unsupported") != std::string::npos)
    GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  auto masks = doc["tests"][0]["evidence"]["membarrier_registrations_per_thread"];
  ASSERT_EQ(masks.size(), 2u) << doc["tests"][0].dump();
  if (masks[0].get<int>() < 0)
    GTEST_SKIP() << "no MEMBARRIER_CMD_GET_REGISTRATIONS on this kernel";
  EXPECT_EQ(masks[0].get<int>() & global_expedited_registered, 0) << "the partner (thread 0) is registered";
  EXPECT_NE(masks[1].get<int>() & global_expedited_registered, 0) << "the caller (thread 1) is not registered";
  EXPECT_NE(r.out.find("Registrations SB+barrier+membarrier membarrier per thread process 0x0 0x14"), std::string::npos)
      << r.out;
}

} // namespace

namespace {

// `scope` on a small budget: every cell the man page does not order is
// checked by the model as allowed and can never come out as ordered.
TEST_F(Cli, ScopeNeverCallsAnUnreachedCellOrdered) {
  auto r = run_fencelab("scope --shape sb --budget 0.05 --controls false --json out.json", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  ASSERT_EQ(doc["scope"].size(), 9u);
  ASSERT_EQ(doc["tests"].size(), 9u);
  int not_ordered = 0;
  for (const auto &cell : doc["scope"]) {
    auto verdict = cell["verdict"].get<std::string>();
    EXPECT_NE(verdict, "VIOLATION") << cell.dump();
    if (cell["man_page"] == "not ordered") {
      ++not_ordered;
      if (verdict == "unsupported")
        continue;
      EXPECT_EQ(cell["model"], "allowed") << cell.dump();
      EXPECT_TRUE(verdict == "ok" || verdict == "stronger") << cell.dump();
    } else if (verdict != "unsupported") {
      EXPECT_EQ(cell["model"], "forbidden") << cell.dump();
    }
  }
  EXPECT_EQ(not_ordered, 3); // private-expedited and mprotect in another process, unregistered global-expedited
  EXPECT_NE(r.out.find("partner in another process: weak outcome"), std::string::npos) << r.out;
}

} // namespace

namespace {

// The result file keeps the keys it had with one model (tests[].model with
// search and membarrier, config.model), and shows every model in tests[].models.
TEST_F(Cli, CheckResultShowsBothModelsAndKeepsItsKeys) {
  auto r = run_fencelab("check SB+smp_mb+smp_mb SB+barrier+barrier --json out.json", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(dir / "out.json");
  auto doc = nlohmann::json::parse(in);
  for (const char *key : {"search", "context_bound", "random_iterations", "membarrier"})
    EXPECT_TRUE(doc["config"]["model"].contains(key)) << key;
  ASSERT_EQ(doc["tests"].size(), 2u);
  for (const auto &test : doc["tests"]) {
    for (const char *key : {"verdict", "search", "membarrier", "executions", "exhaustive", "positive", "negative",
                            "limits", "outcomes"})
      EXPECT_TRUE(test["model"].contains(key)) << key << " in " << test["model"].dump();
    ASSERT_EQ(test["models"].size(), 2u);
    EXPECT_EQ(test["models"][0]["name"], "lkmm");
    EXPECT_EQ(test["models"][1]["name"], "relacy");
    EXPECT_EQ(test["models"][0]["exhaustive"], true);
  }
  EXPECT_EQ(doc["tests"][0]["model"]["verdict"], "forbidden");
  EXPECT_EQ(doc["tests"][1]["model"]["verdict"], "allowed");
}

TEST_F(Cli, CheckHelpShowsNoHardwareOption) {
  auto r = run_fencelab("check --help", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const char *option : {"--cpus arg", "--mode arg", "--batch arg", "--pad-stores arg", "--heavy arg", "--budget arg"})
    EXPECT_EQ(r.out.find(option), std::string::npos) << option << " in\n" << r.out;
  EXPECT_NE(r.out.find("--model"), std::string::npos);
  EXPECT_NE(r.out.find("--model-budget"), std::string::npos);
}

TEST_F(Cli, UnknownModelIsOneLine) { expect_rejected("check SB+smp_mb+smp_mb --model herd", "unknown model 'herd'"); }

} // namespace
