#include "litmus_files.hpp"

#include <algorithm>

namespace fencelab {

std::vector<std::filesystem::path> find_litmus_files(const std::filesystem::path &root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    if (!fs::exists(fs::symlink_status(root, ec)))
      throw fs::filesystem_error("no such litmus file or directory", root,
                                 std::make_error_code(std::errc::no_such_file_or_directory));
    return {root};
  }
  // Every *.litmus entry but a directory is listed, even one that cannot be
  // read (a FIFO, a symlink loop, a dangling link): the parser then names it
  // with the reason, instead of the file vanishing from the run or the whole
  // listing failing. Symlinks to directories are not followed, so a loop of
  // them ends.
  std::vector<fs::path> files;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    std::error_code ec;
    if (entry.path().extension() == ".litmus" && !entry.is_directory(ec))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace fencelab
