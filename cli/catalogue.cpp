#include "catalogue.hpp"

#include "cli_error.hpp"
#include "family.hpp"
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_error.hpp"

#include <algorithm>
#include <filesystem>

namespace fencelab::cli {
namespace {

namespace fs = std::filesystem;

// The shipped .litmus catalogue: in the source tree of a build, or under
// share/ next to an installed binary.
fs::path catalogue_dir() {
  fs::path source = FENCELAB_CATALOGUE_DIR;
  if (fs::is_directory(source))
    return source;
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? source : exe.parent_path().parent_path() / "share" / "fencelab" / "litmus";
}

std::vector<Test> parse_all(const std::vector<fs::path> &files) {
  std::vector<Test> tests;
  for (const auto &f : files) {
    try {
      tests.push_back(parse_litmus_file(f));
    } catch (const ParseError &e) {
      throw UsageError(e.what());
    }
  }
  return tests;
}

bool looks_like_path(const std::string &arg) {
  return arg.find('/') != std::string::npos || arg.ends_with(".litmus") || fs::is_directory(arg);
}

} // namespace

std::vector<Test> catalogue() {
  auto tests = all_family_tests();
  if (fs::is_directory(catalogue_dir()))
    for (auto &t : parse_all(find_litmus_files(catalogue_dir())))
      if (std::none_of(tests.begin(), tests.end(), [&](const Test &k) { return k.name == t.name; }))
        tests.push_back(std::move(t));
  return tests;
}

std::vector<Test> select_tests(const std::vector<std::string> &args) {
  std::vector<Test> tests;
  std::vector<Test> known;
  for (const auto &arg : args) {
    if (looks_like_path(arg)) {
      if (!fs::exists(arg))
        throw UsageError(arg + ": no such file or directory");
      auto files = fs::is_directory(arg) ? find_litmus_files(arg) : std::vector<fs::path>{arg};
      if (files.empty())
        throw UsageError(arg + ": no .litmus files in this directory");
      for (auto &t : parse_all(files))
        tests.push_back(std::move(t));
      continue;
    }
    if (known.empty())
      known = catalogue();
    auto it = std::find_if(known.begin(), known.end(), [&](const Test &t) { return t.name == arg; });
    if (it == known.end())
      throw UsageError("unknown test '" + arg + "' (see `fencelab list`, or give a .litmus file)");
    tests.push_back(*it);
  }
  return tests;
}

} // namespace fencelab::cli

namespace fencelab::cli {

std::optional<Test> find_catalogue_test(std::string_view name) {
  if (auto t = find_family_test(name))
    return t;
  for (auto &t : catalogue())
    if (t.name == name)
      return std::move(t);
  return std::nullopt;
}

} // namespace fencelab::cli
