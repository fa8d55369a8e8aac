#!/usr/bin/env bash
# Load test of `geoevents serve`: POST /v1/events with a ~4 KB article, by wrk, for a sustained
# run; meanwhile malformed, oversized and truncated requests whose answers are checked. Prints
# requests/s, p50, p99 and the failed requests (see bench/README.md).
#
# Usage: bench/bench_serve.sh
#
# Needs wrk and curl (Debian: apt-get install wrk curl; not in scripts/install-deps.sh, as no
# test needs them) and a gazetteer: $GEOEVENTS_GAZETTEER, else the default one
# (${XDG_DATA_HOME:-~/.local/share}/geoevents/gazetteer.sqlite, from scripts/setup.sh).
#
# Environment (all optional):
#   GEOEVENTS_BENCH_BUILD_DIR  build folder (default: <source>/build-bench, configured Release
#                              when it has no build.ninja); only `geoevents` is built
#   GEOEVENTS_BENCH_DURATION   wrk's -d (default: 60s)
#   GEOEVENTS_BENCH_THREADS    wrk's -t (default: 2)
#   GEOEVENTS_BENCH_CONNECTIONS wrk's -c (default: 16)
#   GEOEVENTS_SERVE_THREADS    serve --threads (default: the number of cores)
set -euo pipefail

readonly PROG=bench/bench_serve.sh
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$PROG" "$*" >&2
    exit 1
}
[[ $# -eq 0 ]] || { printf 'usage: %s (no arguments; see the environment variables in the script)\n' "$0" >&2; exit 2; }

SRC=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${GEOEVENTS_BENCH_BUILD_DIR:-$SRC/build-bench}
DURATION=${GEOEVENTS_BENCH_DURATION:-60s}
WRK_THREADS=${GEOEVENTS_BENCH_THREADS:-2}
CONNECTIONS=${GEOEVENTS_BENCH_CONNECTIONS:-16}
SERVE_THREADS=${GEOEVENTS_SERVE_THREADS:-$(nproc)}
GAZETTEER=${GEOEVENTS_GAZETTEER:-${XDG_DATA_HOME:-${HOME:?HOME is not set (set GEOEVENTS_GAZETTEER)}/.local/share}/geoevents/gazetteer.sqlite}

for tool in cmake ninja wrk curl; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found in PATH (apt-get install $tool)"
done
[[ -f $GAZETTEER ]] || die "no gazetteer at $GAZETTEER (run scripts/setup.sh, or set GEOEVENTS_GAZETTEER)"

# 1. Build the program.
if [[ ! -f $BUILD/build.ninja ]]; then
    log "configuring $BUILD"
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGEOEVENTS_BUILD_TESTS=OFF >&2
fi
ninja -C "$BUILD" -j2 geoevents >&2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/geoevents-bench-serve.XXXXXX")
SERVER_PID=
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf -- "$WORK"
}
trap cleanup EXIT

# 2. A ~4 KB article: the example articles, in order, repeated, cut at the last line before 4096 bytes.
ARTICLE=$WORK/article.txt
for _ in 1 2 3; do cat "$SRC"/scripts/examples/*.txt; echo; done | awk '
    { if (size + length($0) + 1 > 4096) exit; print; size += length($0) + 1 }' >"$ARTICLE"
log "article: $(wc -c <"$ARTICLE") bytes"

# 3. The server, on any free port (it prints its address on stdout).
"$BUILD/geoevents" --gazetteer "$GAZETTEER" -q serve --port 0 --threads "$SERVE_THREADS" >"$WORK/address" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 300); do
    [[ -s $WORK/address ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server did not start: $(cat "$WORK/serve.err")"
    sleep 0.1
done
URL=$(head -n1 "$WORK/address")
[[ $URL == http://* ]] || die "the server printed no address: $(cat "$WORK/serve.err")"
PORT=${URL##*:}
EVENTS_URL="$URL/v1/events?published=2016-11-20"
features=$(curl -sf -H 'Content-Type: text/plain' --data-binary @"$ARTICLE" "$EVENTS_URL" | grep -o '"type":"Feature"' | wc -l) ||
    die "POST /v1/events failed before the run"
log "server at $URL ($SERVE_THREADS threads); the article gives $features events"

# 4. Bad requests during the run, each answer checked; every failure is one line in bad.log.
BAD_LOG=$WORK/bad.log
: >"$BAD_LOG"
head -c $((11 << 20)) /dev/zero | tr '\0' 'a' >"$WORK/oversized.txt"
expect_status() {  # expect_status WHAT STATUS CURL_ARGS...
    local what=$1 want=$2 got
    shift 2
    got=$(curl -s -o /dev/null -w '%{http_code}' "$@") || true
    [[ $got == "$want" ]] || echo "$what: got $got, expected $want" >>"$BAD_LOG"
}
truncated_request() {  # headers claiming 1000 bytes, 10 sent, then the connection closed
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || { echo "truncated: cannot connect" >>"$BAD_LOG"; return; }
    printf 'POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789' >&3
    exec 3>&-
}
bad_requests() {
    local rounds=0
    while [[ ! -e $WORK/stop ]]; do
        expect_status malformed 400 -H 'Content-Type: application/json' --data-binary '{"text": "Aleppo' "$EVENTS_URL"
        expect_status oversized 413 -H 'Content-Type: text/plain' -H 'Expect:' --data-binary @"$WORK/oversized.txt" "$EVENTS_URL"
        truncated_request
        expect_status health 200 "$URL/health"
        rounds=$((rounds + 1))
        sleep 1
    done
    echo "$rounds" >"$WORK/bad.rounds"
}
bad_requests &
BAD_PID=$!

# 5. The run.
cat >"$WORK/post.lua" <<'EOF'
local f = assert(io.open(os.getenv("GEOEVENTS_BENCH_ARTICLE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain"

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
        .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
EOF
WRK_CMD=(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/post.lua" --latency "$EVENTS_URL")
log "running: ${WRK_CMD[*]}"
GEOEVENTS_BENCH_ARTICLE=$ARTICLE "${WRK_CMD[@]}" | tee "$WORK/wrk.txt"
touch "$WORK/stop"
wait "$BAD_PID"

# 6. Shutdown: SIGTERM, exit status 0.
kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=

# 7. Figures.
result=$(grep '^RESULT' "$WORK/wrk.txt")
echo
echo "== geoevents serve: POST /v1/events, $(wc -c <"$ARTICLE")-byte article, $features events each"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: ${WRK_CMD[*]} (server: serve --threads $SERVE_THREADS)"
echo "$result"
echo "bad requests during the run: $(cat "$WORK/bad.rounds") rounds of malformed (400), oversized 11 MiB (413), truncated, /health (200); failures: $(wc -l <"$BAD_LOG")"
cat "$BAD_LOG"
echo "shutdown on SIGTERM: exit status $status"
failed=$(sed -E 's/.*non2xx=([0-9]+) connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/\1 \2 \3 \4 \5/' <<<"$result" |
    awk '{ print $1 + $2 + $3 + $4 + $5 }')
echo "failed requests: $failed"
[[ $failed -eq 0 && ! -s $BAD_LOG && $status -eq 0 ]]
