#pragma once
// Facts about the machine a result came from, for reports and result files.
#include <string>

namespace fencelab::platform {

struct MachineInfo {
  std::string cpu_model;
  int online_cpus = 0;
  std::string kernel;   // uname -srv
  std::string arch;     // uname -m
  std::string hostname;
  std::string compiler; // the compiler that built fencelab
};

MachineInfo machine_info();

} // namespace fencelab::platform
