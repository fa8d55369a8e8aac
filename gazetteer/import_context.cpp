#include "gazetteer/import_context.hpp"

namespace gazetteer {

void BadRows::report(const std::string& file, std::uint64_t line, const std::string& message) {
    InputError error(file, line, message);
    if (!skip_) throw error;
    ++count_;
    if (examples_.size() < 5) examples_.emplace_back(error.what());
}

std::string admin_key(std::string_view country, std::string_view code) {
    if (country.empty() || code.empty()) return {};
    std::string key;
    key.reserve(country.size() + 1 + code.size());
    key.append(country).push_back('.');
    key.append(code);
    return key;
}

}  // namespace gazetteer
