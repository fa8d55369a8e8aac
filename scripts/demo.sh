#!/usr/bin/env bash
# The demo the first README command ends with: the default gazetteer at work.
set -euo pipefail
top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
bin=${GEOEVENTS_BIN:-$top/build/geoevents}

"$bin" gazetteer info
for name in Daraya Geneva Idlib Syrian "Middle East"; do
  echo
  echo "\$ geoevents gazetteer lookup \"$name\" --limit 3"
  "$bin" gazetteer lookup "$name" --limit 3
done
