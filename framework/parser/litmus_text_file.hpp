#pragma once
// Reading a litmus file's text without trusting the path: it may name a FIFO
// (opening one for reading blocks until a writer comes), a device, a
// directory, a symlink loop or a file of gigabytes.
#include <filesystem>
#include <string>

namespace fencelab {

// The file's bytes, at most max_bytes + 1 of them (so that the parser can
// point at the first byte past its limit without the rest being read).
// Anything but a readable regular file is a ParseError at line 0 that says
// why (the system's reason, or the kind of file).
std::string read_litmus_text(const std::filesystem::path &path, std::size_t max_bytes);

} // namespace fencelab
