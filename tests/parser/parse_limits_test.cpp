// The parser's limits (parse_context.hpp) and reading a path that is not a
// plain readable file: each refusal is one ParseError naming the position or
// the reason, never a hang, a crash or a silently skipped file.
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_context.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fencelab {
namespace {

namespace fs = std::filesystem;

std::string error_of(const std::string &text) {
  try {
    parse_litmus(text, "t.litmus");
  } catch (const ParseError &e) {
    return e.what();
  }
  return "no error";
}

std::string threads(std::size_t n) {
  std::string text = "C T\n{}\n";
  for (std::size_t i = 0; i < n; ++i)
    text += "P" + std::to_string(i) + "(int *x) { WRITE_ONCE(*x, 1); }\n";
  return text + "exists (x=1)\n";
}

TEST(ParseLimits, ThreadsUpToTheLimitParse) {
  EXPECT_EQ(parse_litmus(threads(ParseContext::max_threads), "t.litmus").threads.size(), ParseContext::max_threads);
}

TEST(ParseLimits, OneThreadMoreIsRefusedAtItsName) {
  // Threads start on line 3, one a line.
  EXPECT_EQ(error_of(threads(ParseContext::max_threads + 1)),
            "t.litmus:" + std::to_string(3 + ParseContext::max_threads) + ":1: more than " +
                std::to_string(ParseContext::max_threads) + " threads");
}

TEST(ParseLimits, OneLocationMoreIsRefusedAtItsName) {
  std::string text = "C T\n{\n";
  for (std::size_t i = 0; i <= ParseContext::max_locations; ++i)
    text += "x" + std::to_string(i) + "=0;\n";
  text += "}\nP0(int *x0) { WRITE_ONCE(*x0, 1); }\nexists (x0=1)\n";
  // x0 is on line 3, so the first location past the limit is on line 3 + limit.
  EXPECT_EQ(error_of(text), "t.litmus:" + std::to_string(3 + ParseContext::max_locations) + ":1: more than " +
                                std::to_string(ParseContext::max_locations) + " locations");
}

TEST(ParseLimits, ATooLongFileIsRefusedAtTheFirstByteOverTheLimit) {
  std::string body(ParseContext::max_file_bytes, ' ');
  body[10] = '\n'; // line 2 starts at byte 11
  std::string text = "C T\n{}\n" + body + "x";
  std::size_t offset = ParseContext::max_file_bytes; // 0-based offset of the first byte too many
  std::size_t line_start = 7 + 11;
  EXPECT_EQ(error_of(text), "t.litmus:4:" + std::to_string(offset - line_start + 1) + ": the file goes on past " +
                                std::to_string(ParseContext::max_file_bytes >> 20) +
                                " MiB, the most a litmus test may have");
}

class OddPaths : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fencelab-odd-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string error_reading(const fs::path &p) {
    try {
      parse_litmus_file(p);
    } catch (const ParseError &e) {
      EXPECT_EQ(e.line(), 0);
      return e.message();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST_F(OddPaths, AFifoIsRefusedWithoutWaitingForAWriter) {
  auto fifo = dir_ / "f.litmus";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_reading(fifo), "cannot read the file: not a regular file (a FIFO)");
}

TEST_F(OddPaths, ASymlinkLoopIsRefusedWithTheSystemsReason) {
  fs::create_symlink("loop.litmus", dir_ / "loop.litmus");
  EXPECT_EQ(error_reading(dir_ / "loop.litmus"), "cannot read the file: Too many levels of symbolic links");
}

TEST_F(OddPaths, ADirectoryIsRefused) {
  fs::create_directory(dir_ / "d.litmus");
  EXPECT_EQ(error_reading(dir_ / "d.litmus"), "cannot read the file: not a regular file (a directory)");
}

TEST_F(OddPaths, ListingKeepsUnreadableEntriesSoThatTheyAreNamedAndDoesNotFollowADirectoryLoop) {
  ASSERT_EQ(::mkfifo((dir_ / "f.litmus").c_str(), 0600), 0);
  fs::create_symlink("loop.litmus", dir_ / "loop.litmus");
  fs::create_directory_symlink(".", dir_ / "again");
  std::ofstream(dir_ / "ok.litmus") << "C ok\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)\n";
  auto files = find_litmus_files(dir_);
  EXPECT_EQ(files, (std::vector<fs::path>{dir_ / "f.litmus", dir_ / "loop.litmus", dir_ / "ok.litmus"}));
}

} // namespace
} // namespace fencelab
