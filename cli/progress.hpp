#pragma once
// One progress line on a terminal: done/total, the current item, elapsed
// time and an estimate of what is left, rewritten in place on stderr.
// Nothing is written when stderr is not a terminal (CI logs, pipes) or when
// the user asked for quiet, so output that is parsed never sees it.
#include <chrono>
#include <string>
#include <string_view>

namespace fencelab::cli {

class Progress {
public:
  Progress(std::size_t total, bool quiet);
  ~Progress(); // clears the line

  // Before item `done` (0-based) starts.
  void start(std::string_view item);
  // After it ends; remembers the slowest item so far.
  void finish(std::string_view item);
  // Erases the line, before the command prints to stdout on the same terminal;
  // the next start() draws it again.
  void clear();
  bool shown() const { return enabled_; }

private:
  void draw(std::string_view item);

  std::size_t total_, done_ = 0;
  bool enabled_;
  bool visible_ = false; // the line is on the screen
  std::chrono::steady_clock::time_point begun_, item_begun_, last_draw_;
  double slowest_seconds_ = 0;
  std::string slowest_;
};

} // namespace fencelab::cli
