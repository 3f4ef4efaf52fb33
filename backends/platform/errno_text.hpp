#pragma once
// An errno as reports show it: its name and its text, "EPERM (Operation not
// permitted)", so that a reason names the errno the kernel gave.
#include <cstring>
#include <string>

namespace fencelab::platform {

inline std::string errno_text(int err) {
  const char *name = strerrorname_np(err);
  const char *text = strerrordesc_np(err);
  return std::string(name ? name : "errno " + std::to_string(err)) + " (" + (text ? text : "?") + ")";
}

} // namespace fencelab::platform
