#!/usr/bin/env bash
# The README's first command: installs the dependencies, builds geoevents into build/, builds the
# default gazetteer and runs the demo on the project's own example articles.
set -euo pipefail
# Some runners start without HOME: the default gazetteer and npm's cache live under it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME
top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target geoevents
scripts/build-default-gazetteer.sh build/geoevents
scripts/demo.sh
