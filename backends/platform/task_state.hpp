#pragma once
// What the kernel says about another thread or process: whether it runs,
// sleeps or is stopped, and which CPUs it may run on. For stall reports.
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace fencelab::platform {

// The calling thread's id (the tid tgkill and /proc/PID/task take).
pid_t current_tid();

// The state letter of /proc/PID/task/TID/stat (R, S, D, T stopped, t traced,
// Z zombie), or nullopt when the task is gone.
std::optional<char> task_state(pid_t pid, pid_t tid);

// "running", "sleeping", "stopped", ... for a state letter; "gone" for nullopt.
std::string describe_state(std::optional<char> state);

// The CPUs thread `tid` may run on, or nullopt when it is gone.
std::optional<std::vector<int>> thread_cpus(pid_t tid);

// The threads of process `pid`, from /proc/PID/task (empty when it is gone).
std::vector<pid_t> process_tasks(pid_t pid);

} // namespace fencelab::platform
