#include "shared_memory.hpp"

#include "errno_text.hpp"

#include <cerrno>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace fencelab::platform {
namespace {

[[noreturn]] void fail(const char *what) { throw std::system_error(errno, std::generic_category(), what); }

char *map(int fd, std::size_t bytes) {
  void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) {
    int err = errno;
    close(fd);
    errno = err;
    fail("mmap of the shared test memory");
  }
  return static_cast<char *>(p);
}

} // namespace

std::string shared_memory_unavailable() {
  static const std::string why = [] {
    int fd = memfd_create("fencelab-probe", MFD_CLOEXEC);
    if (fd < 0)
      return "memfd_create failed: " + errno_text(errno);
    close(fd);
    return std::string();
  }();
  return why;
}

SharedMapping SharedMapping::create(std::size_t bytes, const char *name) {
  std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  bytes = (bytes + page - 1) / page * page;
  int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0)
    fail("memfd_create");
  if (ftruncate(fd, static_cast<off_t>(bytes)) != 0) {
    int err = errno;
    close(fd);
    errno = err;
    fail("ftruncate of the memfd");
  }
  return SharedMapping(fd, map(fd, bytes), bytes);
}

SharedMapping SharedMapping::attach(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0)
    fail("fstat of the inherited memfd");
  auto bytes = static_cast<std::size_t>(st.st_size);
  return SharedMapping(fd, map(fd, bytes), bytes);
}

SharedMapping::SharedMapping(SharedMapping &&other) noexcept
    : fd_(std::exchange(other.fd_, -1)), data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

SharedMapping &SharedMapping::operator=(SharedMapping &&other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SharedMapping::~SharedMapping() { release(); }

void SharedMapping::release() {
  if (data_)
    munmap(data_, size_);
  if (fd_ >= 0)
    close(fd_);
  data_ = nullptr;
  fd_ = -1;
}

} // namespace fencelab::platform
