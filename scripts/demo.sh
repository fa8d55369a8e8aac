#!/usr/bin/env bash
# The demo the first README command ends with: the default gazetteer and the geoparser at work on
# the project's own example articles (scripts/examples/).
set -euo pipefail
top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
bin=${GEOEVENTS_BIN:-$top/build/geoevents}
out=${GEOEVENTS_DEMO_DIR:-$top/build/demo}
mkdir -p "$out"

for name in Daraya Geneva Idlib Syrian; do
  echo "\$ geoevents gazetteer lookup $name --limit 3"
  "$bin" gazetteer lookup "$name" --limit 3
  echo
done

echo "\$ geoevents places scripts/examples/ -o $out/mentions.jsonl"
"$bin" places "$top/scripts/examples/" -o "$out/mentions.jsonl"
echo
echo "place mentions (doc, text, kind, qualifier -> place, feature, country, confidence):"
# One line per mention, from the JSON the program wrote.
sed -E 's/.*"doc_id":"([^"]*)","start":[0-9]+,"end":[0-9]+,"text":"([^"]*)","kind":"([^"]*)","qualifier":("[^"]*"|null),"place_id":("[^"]*"|null),"name":("[^"]*"|null),"feature_code":("[^"]*"|null),"country_code":("[^"]*"|null).*"confidence":([0-9.]+).*/  \1  \2  \3 \4 -> \6 \7 \8 \9/' "$out/mentions.jsonl"

echo
echo "\$ geoevents map scripts/examples/ -o $out/layers --published 2016-11-20 --overwrite"
"$bin" map "$top/scripts/examples/" -o "$out/layers" --published 2016-11-20 --overwrite
echo
ogrinfo -ro -q -geom=NO "$out/layers/events.geojson" \
  -sql "SELECT event_date, sub_event_type, location_mention, fatalities, actor1 FROM events" |
  grep -E "event_date|sub_event_type|location_mention|fatalities|actor1" | sed 's/^ */  /'
echo
echo
echo "\$ geoevents eval-events scripts/examples/event_snippets.tsv"
"$bin" eval-events "$top/scripts/examples/event_snippets.tsv" | head -3
echo
echo "Layers in $out/layers: open events.geojson, places.geojson and areas.geojson in QGIS."
