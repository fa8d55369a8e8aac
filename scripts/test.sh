#!/usr/bin/env bash
# The README's second command, and all that CI runs: installs what is missing, builds with
# warnings as errors, and runs the whole test suite (which builds the default gazetteer first
# when it is missing or stale, for the tests that check it).
set -euo pipefail
# Some runners start without HOME: the default gazetteer and npm's cache live under it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME
top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOEVENTS_WERROR=ON >/dev/null
cmake --build build
cd build
ctest --output-on-failure -j"$(nproc)"
