#include "catalogue.hpp"

#include "cli_error.hpp"
#include "family.hpp"
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_error.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

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

// Every file that cannot be parsed gets its own line, so that one bad entry
// of a directory does not hide the next; the last one is the UsageError.
std::vector<Test> parse_all(const std::vector<fs::path> &files) {
  std::vector<Test> tests;
  std::vector<std::string> errors;
  for (const auto &f : files) {
    try {
      tests.push_back(parse_litmus_file(f));
    } catch (const ParseError &e) {
      errors.emplace_back(e.what());
    }
  }
  if (errors.empty())
    return tests;
  for (std::size_t i = 0; i + 1 < errors.size(); ++i)
    std::cerr << "fencelab: error: " << errors[i] << '\n';
  throw UsageError(errors.back());
}

// error_code forms throughout: a symlink loop or an unreadable entry is the
// parser's to name (cannot read the file: ...), not a filesystem_error.
bool is_directory(const std::string &arg) {
  std::error_code ec;
  return fs::is_directory(arg, ec);
}

bool looks_like_path(const std::string &arg) {
  return arg.find('/') != std::string::npos || arg.ends_with(".litmus") || is_directory(arg);
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
      std::error_code ec;
      if (!fs::exists(fs::symlink_status(arg, ec)))
        throw UsageError(arg + ": no such file or directory");
      auto files = is_directory(arg) ? find_litmus_files(arg) : std::vector<fs::path>{arg};
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
