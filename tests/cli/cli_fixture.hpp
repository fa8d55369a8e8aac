#pragma once
// Shared by the CLI tests: quoting for the shell, and the fixture gazetteer built once with the
// program itself.
#include <filesystem>
#include <string>

namespace testing {

/// `p` in single quotes, for a shell command line.
std::string shell_quote(const std::filesystem::path& p);

/// The gazetteer of tests/fixtures/geonames, built once per test program with
/// `geoevents gazetteer build`; REQUIREs that the build succeeds.
const std::filesystem::path& cli_fixture_gazetteer();

/// "geoevents --gazetteer <the fixture gazetteer>", ready for arguments.
std::string geoevents_with_fixture_gazetteer();

}  // namespace testing
