#pragma once
// Exceptions thrown by the gazetteer library. main() turns them into a message and an exit code.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace gazetteer {

/// Bad input data: names the file, and the line and field when known.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::uint64_t line, std::string message);
    const std::string& file() const noexcept { return file_; }
    std::uint64_t line() const noexcept { return line_; }  ///< 0 when the error is not tied to a line

private:
    std::string file_;
    std::uint64_t line_;
};

/// A gazetteer database that is missing, unreadable or of another format version.
class GazetteerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace gazetteer
