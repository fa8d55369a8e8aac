#pragma once
#include <filesystem>

namespace testing {
/// Builds the small gazetteer of tests/fixtures/geonames with the project's tables at `out`.
void build_mini_gazetteer(const std::filesystem::path& out);
}  // namespace testing
