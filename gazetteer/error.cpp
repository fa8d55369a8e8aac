#include "gazetteer/error.hpp"

#include <fmt/format.h>

namespace gazetteer {

InputError::InputError(std::string file, std::uint64_t line, std::string message)
    : std::runtime_error(line > 0 ? fmt::format("{}:{}: {}", file, line, message)
                                  : fmt::format("{}: {}", file, message)),
      file_(std::move(file)),
      line_(line) {}

}  // namespace gazetteer
