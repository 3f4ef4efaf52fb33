#pragma once
// One anonymous MAP_SHARED mapping that forked or re-executed children share
// with their parent. It is backed by memfd_create, not a /dev/shm name, so
// nothing outlives the last process that maps it, even after SIGKILL.
#include <cstddef>

#include <string>

namespace fencelab::platform {

// Empty when memfd_create works here, else why not ("memfd_create failed:
// ENOSYS (...)"), so that runs needing shared memory are unsupported up front.
// Probed once.
std::string shared_memory_unavailable();

class SharedMapping {
public:
  // A new zero-filled mapping of at least `bytes`; throws std::system_error.
  // The fd is close-on-exec: a child that must keep it clears the flag itself.
  static SharedMapping create(std::size_t bytes, const char *name);
  // Maps an inherited fd (its size from fstat) and takes ownership of it.
  static SharedMapping attach(int fd);

  SharedMapping(SharedMapping &&other) noexcept;
  SharedMapping &operator=(SharedMapping &&other) noexcept;
  SharedMapping(const SharedMapping &) = delete;
  SharedMapping &operator=(const SharedMapping &) = delete;
  ~SharedMapping();

  char *data() const { return data_; }
  std::size_t size() const { return size_; }
  int fd() const { return fd_; }

private:
  SharedMapping(int fd, char *data, std::size_t size) : fd_(fd), data_(data), size_(size) {}
  void release();

  int fd_ = -1;
  char *data_ = nullptr;
  std::size_t size_ = 0;
};

} // namespace fencelab::platform
