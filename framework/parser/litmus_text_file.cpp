#include "litmus_text_file.hpp"

#include "parse_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fencelab {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  return "of an unknown kind";
}

class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  ~Fd() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

} // namespace

std::string read_litmus_text(const std::filesystem::path &path, std::size_t max_bytes) {
  auto fail = [&](const std::string &why) { return ParseError(path.string(), 0, 0, "cannot read the file: " + why); };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0)
    throw fail(std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw fail("not a regular file (" + kind_of(st.st_mode) + ")");
  // st_size is only a hint (files under /proc say 0): read to the end or the limit.
  std::string text;
  std::size_t got = 0;
  for (;;) {
    if (got == text.size())
      text.resize(std::min(std::max<std::size_t>(2 * got, 1 << 16), max_bytes + 1));
    if (got == text.size())
      break;
    ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw fail(std::strerror(errno));
    if (n == 0)
      break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return text;
}

} // namespace fencelab
