#include "interrupt.hpp"

#include "pending_file.hpp"
#include "stop_request.hpp"

#include <atomic>
#include <csignal>
#include <cerrno>
#include <unistd.h>

namespace fencelab::cli {
namespace {

void say(const char *text) {
  std::size_t n = 0;
  while (text[n] != '\0')
    ++n;
  [[maybe_unused]] auto ignored = write(STDERR_FILENO, text, n);
}

pid_t main_pid = 0;
std::atomic<int> signals_here{0}; // this process's own count: the shared flag may be set by a child

// Only async-signal-safe calls here: atomics, getpid, write, unlink, _exit.
// A Ctrl-C on a terminal reaches forked test processes too: they inherit
// this handler, pass the request on and leave the decision to their parent.
extern "C" void on_stop_signal(int signal) {
  int saved_errno = errno;
  platform::request_stop(signal);
  if (getpid() != main_pid) {
    errno = saved_errno;
    return;
  }
  if (signals_here.fetch_add(1) != 0) {
    report::remove_pending_file();
    _exit(128 + signal);
  }
  say("\nfencelab: stopping after the current batch and saving the results (again to quit at once)\n");
  errno = saved_errno;
}

} // namespace

void install_stop_handlers() {
  main_pid = getpid();
  platform::share_stop_request();
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void ignore_stop_signals() {
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
}

bool stopping() { return platform::stop_requested(); }

int exit_code_after_stop(int code) {
  int signal = platform::stop_signal();
  return signal != 0 ? 128 + signal : code;
}

} // namespace fencelab::cli
