#pragma once
// The one exception the litmus parser throws. Two kinds share it: malformed
// input (a syntax error) and valid herd input that uses a construct fencelab
// cannot run (construct() names it, so a corpus run can be summarised by
// construct). what() is always one line, `file:line:col: message`, the shape
// editors and CI logs already know how to jump to.
#include <stdexcept>
#include <string>

namespace fencelab {

class ParseError : public std::runtime_error {
public:
  // line and column are 1-based; column counts bytes (a tab is one column).
  // Line 0 means the error concerns the whole file (e.g. it cannot be read).
  ParseError(const std::string &file, int line, int column, const std::string &message, std::string construct = {})
      : std::runtime_error(located(file, line, column, one_line(message))), file_(file), line_(line), column_(column),
        message_(one_line(message)), construct_(std::move(construct)) {}

  static ParseError unsupported(const std::string &file, int line, int column, const std::string &construct) {
    return {file, line, column, "unsupported construct '" + construct + "'", construct};
  }

  const std::string &file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string &message() const noexcept { return message_; }     // what() without the position
  const std::string &construct() const noexcept { return construct_; } // empty for syntax errors
  bool is_unsupported() const noexcept { return !construct_.empty(); }

private:
  static std::string one_line(std::string text) {
    for (char &c : text)
      if (c == '\n' || c == '\r')
        c = ' ';
    return text;
  }
  static std::string located(const std::string &file, int line, int column, const std::string &message) {
    if (line <= 0)
      return file + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
  }

  std::string file_;
  int line_;
  int column_;
  std::string message_;
  std::string construct_;
};

} // namespace fencelab
