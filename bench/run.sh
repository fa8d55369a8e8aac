#!/usr/bin/env bash
# Builds and runs the gazetteer benchmarks and prints their figures (see bench/README.md).
#
# Usage: bench/run.sh
#
# Environment (all optional):
#   GEOEVENTS_BENCH_BUILD_DIR   build folder (default: <source>/build-bench)
#   GEOEVENTS_BENCH_DATA        default GeoNames-format inputs; fetched with
#                               scripts/fetch-default-data.sh when missing
#                               (default: ${XDG_CACHE_HOME:-~/.cache}/geoevents/bench-data)
#   GEOEVENTS_BENCH_SIZES       rows of the synthetic dumps (default: "200000 2000000")
#   GEOEVENTS_BENCH_GAZETTEER   gazetteer for bench_lookup (default: one built from the default
#                               inputs into the temporary folder, so it matches the code)
#   GEOEVENTS_BENCH_REPETITIONS repetitions of each lookup benchmark (default: 3)
#   GEOEVENTS_BENCH_DROP_CACHES 1 (default): empty the kernel's page cache before each import
#                               when the script may (root); 0: only sync
#   TMPDIR                      where the synthetic dumps and gazetteers are written (default /tmp;
#                               the 2M-row run needs about 2 GB)
set -euo pipefail

readonly PROG=bench/run.sh
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$PROG" "$*" >&2
    exit 1
}
[[ $# -eq 0 ]] || { printf 'usage: %s (no arguments; see the environment variables in the script)\n' "$0" >&2; exit 2; }

SRC=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${GEOEVENTS_BENCH_BUILD_DIR:-$SRC/build-bench}
DATA=${GEOEVENTS_BENCH_DATA:-${XDG_CACHE_HOME:-${HOME:?HOME is not set (set GEOEVENTS_BENCH_DATA)}/.cache}/geoevents/bench-data}
SIZES=${GEOEVENTS_BENCH_SIZES:-200000 2000000}
REPETITIONS=${GEOEVENTS_BENCH_REPETITIONS:-3}

for tool in cmake ninja; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found in PATH"
done

# 1. Build the benchmark programs (and only what they need) in Release.
if [[ ! -f $BUILD/build.ninja ]]; then
    log "configuring $BUILD"
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGEOEVENTS_BUILD_TESTS=OFF >&2
fi
ninja -C "$BUILD" bench_generate_geonames bench_import bench_lookup bench_geoparse geoevents >&2
BIN=$BUILD/bench

# 2. The default inputs.
DEFAULT_FILES=(cities500.txt countryInfo.txt countries.txt admin1CodesASCII.txt admin2Codes.txt admin1-points.tsv)
missing=0
for f in "${DEFAULT_FILES[@]}"; do [[ -f $DATA/$f ]] || missing=1; done
if ((missing)); then
    log "fetching the default inputs into $DATA"
    "$SRC/scripts/fetch-default-data.sh" "$DATA"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/geoevents-bench.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT

# Pin every measured program to one core when the machine lets us.
PIN=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    PIN=(taskset -c 0)
fi

# 3. Synthetic dumps.
declare -A LABEL
for n in $SIZES; do
    LABEL[$n]=$(awk -v n="$n" 'BEGIN { if (n % 1000000 == 0) printf "generated-%dM", n / 1000000;
                                        else if (n % 1000 == 0) printf "generated-%dk", n / 1000;
                                        else printf "generated-%d", n }')
    log "generating $n rows"
    "$BIN/bench_generate_geonames" "$n" "$WORK/${LABEL[$n]}.txt"
done

# 4. Imports, one process each (peak RSS is per process).
IMPORTS=$WORK/imports.tsv
: >"$IMPORTS"
# Every import starts from the same state of the kernel's page cache: no dirty pages left by
# the run before (sync) and, when allowed (root), an emptied page cache. On this kind of virtual
# machine, memory that has lain free a while is slow to touch again: a 2M-row import that writes
# 2 GB took 33 s after emptying the cache and 37-38 s after other large jobs had run.
DROP_CACHES=${GEOEVENTS_BENCH_DROP_CACHES:-1}
settle() {
    sync
    if [[ $DROP_CACHES == 1 && -w /proc/sys/vm/drop_caches ]]; then
        echo 3 >/proc/sys/vm/drop_caches
    fi
}
run_import() {
    log "importing: $*"
    settle
    "${PIN[@]}" "$BIN/bench_import" --tsv "$@" >>"$IMPORTS"
}
run_import --label "cities500 + code tables" \
    "$DATA/cities500.txt" "$DATA/countryInfo.txt" "$DATA/admin1CodesASCII.txt" "$DATA/admin2Codes.txt"
for n in $SIZES; do
    run_import --label "${LABEL[$n]}" "$WORK/${LABEL[$n]}.txt"
done
if [[ -n ${GEOEVENTS_BENCH_GAZETTEER:-} ]]; then
    GAZETTEER=$GEOEVENTS_BENCH_GAZETTEER
else
    # The default gazetteer, as `geoevents gazetteer build -o FILE DATA/*.txt --admin1-points ...`
    # builds it (with the project's tables), kept for bench_lookup.
    GAZETTEER=$WORK/gazetteer.sqlite
    txt=()
    for f in "${DEFAULT_FILES[@]}"; do [[ $f == *.txt ]] && txt+=("$DATA/$f"); done
    run_import --label "default gazetteer (all inputs + tables)" --tables "$SRC/gazetteer/data" \
        --admin1-points "$DATA/admin1-points.tsv" --output "$GAZETTEER" "${txt[@]}"
fi

# 5. Lookups.
log "lookups in $GAZETTEER"
LOOKUP_OUT=$WORK/lookup.txt
GEOEVENTS_BENCH_GAZETTEER=$GAZETTEER "${PIN[@]}" "$BIN/bench_lookup" --benchmark_counters_tabular=true \
    --benchmark_repetitions="$REPETITIONS" --benchmark_report_aggregates_only=true >"$LOOKUP_OUT"

# 6. The geoparser: recognition and resolution on articles built from scripts/examples, one core
# (pinned) and two threads; and the accuracy on the public corpora when they are beside the tree.
GEOPARSE_OUT=$WORK/geoparse.txt
{
    GEOEVENTS_GAZETTEER=$GAZETTEER "${PIN[@]}" "$BIN/bench_geoparse" --mb 20 --threads 1
    GEOEVENTS_GAZETTEER=$GAZETTEER "$BIN/bench_geoparse" --mb 20 --threads 2 | tail -2
} >"$GEOPARSE_OUT"
EVAL_OUT=$WORK/eval.txt
: >"$EVAL_OUT"
for corpus in "$SRC/../shared/eval/lgl/lgl.xml" "$SRC/../shared/eval/geovirus/GeoVirus.xml"; do
    [[ -f $corpus ]] && "$BUILD/geoevents" --gazetteer "$GAZETTEER" eval "$corpus" >>"$EVAL_OUT" && echo >>"$EVAL_OUT"
done

# 7. Figures.
echo
echo "== Machine"
echo "cores: $(nproc), CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "pinned: ${PIN[*]:-no}, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== Import (gazetteer::build_gazetteer, one process per row)"
awk -F'\t' '
    BEGIN { printf "%-40s %9s %8s %8s %9s %9s %9s %8s\n", "input", "rows", "wall s", "cpu s", "rows/s", "places/s", "names/s", "RSS MiB" }
    { printf "%-40s %9d %8.2f %8.2f %9d %9d %9d %8.0f\n", $1, $2, $3, $9, $4, $6, $8, $10; rate[NR] = $4; label[NR] = $1 }
    END {
        # Throughput ratio of the largest synthetic dump to the smallest (1.0: flat).
        first = 0; last = 0
        for (i = 1; i <= NR; i++) if (label[i] ~ /^generated-/) { if (!first) first = i; last = i }
        if (first && last != first) printf "\nrows/s ratio %s / %s: %.2f\n", label[last], label[first], rate[last] / rate[first]
    }' "$IMPORTS"
echo
echo "== Lookups (Google Benchmark, single thread; aggregates of $REPETITIONS repetitions)"
cat "$LOOKUP_OUT"
echo
echo "== Geoparser (bench_geoparse: Geoparser::parse on articles built from scripts/examples)"
cat "$GEOPARSE_OUT"
if [[ -s $EVAL_OUT ]]; then
    echo
    echo "== Accuracy (geoevents eval, default gazetteer)"
    cat "$EVAL_OUT"
fi
