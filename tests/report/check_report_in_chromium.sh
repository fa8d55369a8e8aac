#!/usr/bin/env bash
# check_report_in_chromium.sh GEOEVENTS: writes a report on a small events layer and two square
# regions (one place name is an HTML injection attempt that would log to the console if it were
# not escaped), loads it in headless Chromium and checks that the DOM holds the maps and charts
# and that nothing was logged to the console. Exit 77 (skipped) without chromium.
set -euo pipefail

geoevents=${1:?usage: check_report_in_chromium.sh GEOEVENTS}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium not found (scripts/install-deps.sh installs it): skipped" >&2
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/regions.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"NAME": "North", "PCODE": "XN"}, "geometry": {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36], [36, 36], [36, 35]]]}},
{"type": "Feature", "properties": {"NAME": "South", "PCODE": "XS"}, "geometry": {"type": "Polygon", "coordinates": [[[36, 34], [37, 34], [37, 35], [36, 35], [36, 34]]]}}
]}
JSON
cat >"$work/events.geojson" <<'JSON'
{"type": "FeatureCollection", "name": "events", "features": [
{"type": "Feature", "properties": {"event_id": "e1", "event_date": "2016-11-01", "event_type": "Battles", "sub_event_type": "Armed clash", "location": "Alpha", "place_id": "x:alpha", "fatalities": 3, "sources": "a1"}, "geometry": {"type": "Point", "coordinates": [36.5, 35.5]}},
{"type": "Feature", "properties": {"event_id": "e2", "event_date": "2016-11-03", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "location": "<img src=x onerror=\"console.error('injected')\">", "place_id": "x:beta", "fatalities": 5, "sources": "a2"}, "geometry": {"type": "Point", "coordinates": [36.5, 34.5]}},
{"type": "Feature", "properties": {"event_id": "e3", "event_date": "2016-11-04", "event_type": "Protests", "sub_event_type": "Peaceful protest", "location": "Gamma", "place_id": "x:gamma", "fatalities": 0, "sources": "a3"}, "geometry": {"type": "Point", "coordinates": [40, 30]}}
]}
JSON

"$geoevents" --quiet report "$work/events.geojson" --regions "$work/regions.geojson" --region-name NAME \
  --region-code PCODE -o "$work/out/report.html"

fail() { echo "FAIL: $*" >&2; exit 1; }

# self-contained: no scripts, nothing fetched
if grep -qiE '<script|<link|<img|<iframe|(src|href)="(https?:)?//' "$work/out/report.html"; then
  fail "the report loads something or runs a script"
fi

timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
  --enable-logging=stderr --v=0 --dump-dom "file://$work/out/report.html" >"$work/dom.html" 2>"$work/chromium.log" ||
  { cat "$work/chromium.log" >&2; fail "chromium could not load the report"; }

grep -q '<svg class="map"' "$work/dom.html" || fail "no map <svg> in the DOM"
grep -q '<svg class="chart"' "$work/dom.html" || fail "no chart <svg> in the DOM"
grep -q '<path fill-rule="evenodd"' "$work/dom.html" || fail "no region outline in the map"
grep -q '<circle' "$work/dom.html" || fail "no event point in the map"
grep -q '<rect[^>]*fill="#c0392b"' "$work/dom.html" || fail "no bar in the chart"
grep -q 'Outside the regions' "$work/dom.html" || fail "no outside-the-regions group"
# Chromium logs every console message (errors included) as CONSOLE lines.
if grep -E 'CONSOLE|Uncaught' "$work/chromium.log" >&2; then
  fail "console messages while loading the report"
fi
echo "report loads in $("$chromium" --version 2>/dev/null | head -1): maps, charts, no console messages"
