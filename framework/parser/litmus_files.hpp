#pragma once
#include <filesystem>
#include <vector>

namespace fencelab {

// Every *.litmus entry under `root` (recursively), directories aside, sorted
// so that runs over a corpus are reproducible. A `root` that is itself a file is returned alone.
// Throws std::filesystem::filesystem_error if `root` does not exist.
std::vector<std::filesystem::path> find_litmus_files(const std::filesystem::path &root);

} // namespace fencelab
