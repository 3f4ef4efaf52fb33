#pragma once
// The names a thread function's code may use: its parameters (shared
// locations, whose names also stand for their addresses) and its registers
// (declared, or written by an earlier statement).
#include "thread_builder.hpp"

#include <set>
#include <string>
#include <string_view>

namespace fencelab {

class ThreadScope {
public:
  enum class Kind { location, register_name, unknown };

  ThreadScope(int index, ThreadBuilder &code) : index_(index), code_(code) {}

  std::string name() const { return "P" + std::to_string(index_); } // P3
  bool add_parameter(std::string_view id) { return parameters_.emplace(id).second; }
  bool is_parameter(std::string_view id) const { return parameters_.count(id) != 0; }
  void declare(std::string_view id) { declared_.emplace(id); }

  Kind kind_of(std::string_view id) const {
    if (is_parameter(id))
      return Kind::location;
    if (declared_.count(id) != 0 || code_.find_register(id))
      return Kind::register_name;
    return Kind::unknown;
  }

private:
  int index_;
  ThreadBuilder &code_;
  std::set<std::string, std::less<>> parameters_;
  std::set<std::string, std::less<>> declared_; // registers declared but maybe not used yet
};

} // namespace fencelab
