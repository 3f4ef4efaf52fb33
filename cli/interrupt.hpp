#pragma once
// Ctrl-C and SIGTERM (ARCHITECTURE.md, Stopping). The first signal asks the
// run to stop: the hardware ends at its next batch or chunk, commands start
// no further test, write what they have with "interrupted": true and exit
// 128 + the signal. A second signal exits at once, removing the result file
// being written, if any.
namespace fencelab::cli {

// Installs the handlers; once, before any thread or child process starts.
void install_stop_handlers();

// For a re-executed partner: it follows its run's worker 0, which stops on
// the parent's request; a Ctrl-C reaching it too must not kill it.
void ignore_stop_signals();

// Whether a stop was asked for: commands check it between tests.
bool stopping();

// `code`, or 128 + the signal after a stop (130 for SIGINT, 143 for SIGTERM).
int exit_code_after_stop(int code);

} // namespace fencelab::cli
