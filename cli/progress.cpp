#include "progress.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace fencelab::cli {

namespace {
double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
} // namespace

Progress::Progress(std::size_t total, bool quiet)
    : total_(total), enabled_(!quiet && isatty(STDERR_FILENO) == 1), begun_(std::chrono::steady_clock::now()),
      item_begun_(begun_) {}

Progress::~Progress() { clear(); }

void Progress::clear() {
  if (!visible_)
    return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  visible_ = false;
}

void Progress::start(std::string_view item) {
  item_begun_ = std::chrono::steady_clock::now();
  draw(item);
}

void Progress::finish(std::string_view item) {
  double took = since(item_begun_);
  if (took > slowest_seconds_) {
    slowest_seconds_ = took;
    slowest_ = item;
  }
  ++done_;
}

void Progress::draw(std::string_view item) {
  if (!enabled_)
    return;
  // A redraw per item is cheap, but thousands of fast items would flood a
  // slow terminal: at most ten lines a second, unless the line was cleared.
  auto now = std::chrono::steady_clock::now();
  if (visible_ && now - last_draw_ < std::chrono::milliseconds(100))
    return;
  last_draw_ = now;
  double elapsed = since(begun_);
  std::string eta = done_ == 0 ? "?" : fmt::format("{:.0f} s", elapsed / static_cast<double>(done_) *
                                                                  static_cast<double>(total_ - done_));
  std::string slowest = slowest_.empty() ? "" : fmt::format(", slowest {} {:.1f} s", slowest_, slowest_seconds_);
  std::string line = fmt::format("[{}/{}] {} | {:.0f} s elapsed, ETA {}{}", done_, total_, item, elapsed, eta, slowest);
  if (line.size() > 150)
    line.resize(150);
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  visible_ = true;
}

} // namespace fencelab::cli
