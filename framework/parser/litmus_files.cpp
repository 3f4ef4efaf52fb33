#include "litmus_files.hpp"

#include <algorithm>

namespace fencelab {

std::vector<std::filesystem::path> find_litmus_files(const std::filesystem::path &root) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(root)) {
    if (!fs::exists(root))
      throw fs::filesystem_error("no such litmus file or directory", root,
                                 std::make_error_code(std::errc::no_such_file_or_directory));
    return {root};
  }
  std::vector<fs::path> files;
  for (const auto &entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".litmus")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace fencelab
