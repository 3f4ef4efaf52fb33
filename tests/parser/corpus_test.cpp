// The whole LKMM corpus (../shared/litmus-corpus/lkmm): every file parses or is
// rejected with a ParseError, never anything else; since the files are valid
// herd, a syntax error means the parser misreads herd and fails the test.
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parser_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

namespace fencelab {
namespace {

TEST(Corpus, EveryLkmmFileParsesOrIsRejectedByConstruct) {
  const std::filesystem::path root = std::filesystem::path(FENCELAB_LITMUS_CORPUS) / "lkmm";
  if (!std::filesystem::is_directory(root))
    GTEST_SKIP() << "no corpus at " << root;
  auto files = find_litmus_files(root);
  ASSERT_FALSE(files.empty());

  int parsed = 0;
  int with_expectation = 0;
  std::map<std::string, int> rejected; // construct -> files
  std::vector<std::string> syntax_errors;
  auto start = std::chrono::steady_clock::now();
  for (const auto &file : files) {
    try {
      fencelab::Test t = parse_litmus_file(file);
      ++parsed;
      with_expectation += t.expectation ? 1 : 0;
      parser_test::expect_well_formed(t, file.string());
    } catch (const ParseError &e) {
      if (e.is_unsupported())
        ++rejected[e.construct()];
      else
        syntax_errors.push_back(e.what());
    } catch (const std::exception &e) {
      ADD_FAILURE() << file << ": not a ParseError: " << e.what();
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<std::pair<int, std::string>> by_count;
  for (const auto &[construct, count] : rejected)
    by_count.emplace_back(count, construct);
  std::sort(by_count.rbegin(), by_count.rend());
  std::cout << "corpus " << root.string() << ": " << files.size() << " files, " << parsed << " parsed ("
            << with_expectation << " with a Result), " << files.size() - static_cast<std::size_t>(parsed)
            << " rejected, " << syntax_errors.size() << " syntax errors, " << seconds << " s\n";
  for (const auto &[count, construct] : by_count)
    std::cout << "  " << count << " unsupported construct '" << construct << "'\n";
  for (const auto &error : syntax_errors)
    std::cout << "  syntax error: " << error << "\n";

  EXPECT_TRUE(syntax_errors.empty());
  // The core the backends run covers all of the kernel's corpus but RCU (23
  // files) and one `struct`: 2,103 of 2,127 files.
  EXPECT_EQ(files.size(), 2127u);
  EXPECT_EQ(parsed, 2103);
  for (const char *core :
       {"register expression", "register value", "register init", "plain store", "plain load", "address value",
        "address dependency", "pointer", "cast", "arithmetic", "relational operator", "register comparison", "void",
        "load in expression", "load in condition", "location comparison"})
    EXPECT_EQ(rejected.count(core), 0u) << "the core construct '" << core << "' is rejected";
  EXPECT_LE(seconds, 5.0);
}

} // namespace
} // namespace fencelab
