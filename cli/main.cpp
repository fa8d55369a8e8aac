// The one place where errors become messages and exit codes: 0 ok, 1 error, 2 usage.
#include <exception>
#include <iostream>

#include "cli/command.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        return cli::run_cli(argc, argv);
    } catch (const cli::UsageError& e) {
        std::cerr << "geoevents: " << e.what() << "\n(see geoevents --help)\n";
        return 2;
    } catch (const std::bad_alloc&) {
        std::cerr << "geoevents: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "geoevents: " << e.what() << "\n";
        return 1;
    }
}
