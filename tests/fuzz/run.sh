#!/bin/sh
# Build the libFuzzer target with clang and fuzz the profile path for a
# bounded time: the CI gate of issue 10, and the way to fuzz longer.
#
# Usage: tests/fuzz/run.sh [SECONDS] [--merge]
#   SECONDS  how long to fuzz (default 60); 0 only replays the corpus
#   --merge  afterwards, add what was found to tests/fuzz/corpus (minimised)
# Exits 1 if the target crashed, leaked or tripped a sanitizer; the input
# is kept in build-fuzz/artifacts/. See tests/fuzz/README.md.
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
merge=${2:-}

builddir=build-fuzz
opts="-Dfuzzing=true -Dtests=disabled -Dman=disabled -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true"
if [ -f "$builddir/build.ninja" ]; then
        # shellcheck disable=SC2086
        meson setup --reconfigure "$builddir" $opts >/dev/null
else
        # shellcheck disable=SC2086
        CC=clang meson setup "$builddir" $opts >/dev/null
fi
# Quiet when it builds; the compiler's errors when it does not (clang
# warns about things gcc does not, and -Werror makes them errors).
if ! out=$(ninja -C "$builddir" tests/fuzz/fuzz-profile tests/fuzz/fuzz-wire 2>&1); then
        printf '%s\n' "$out" | grep -E 'error|FAILED' | head -n 40
        echo "fuzz: FAILED to build the fuzz targets"
        exit 1
fi
fuzzer="$builddir/tests/fuzz/fuzz-profile"

# Seeds: every shipped profile and every fixture, valid, invalid and
# hostile, so that a new fixture is a new seed. New inputs go to a scratch
# directory (the first one named); the committed corpus is only read.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/new" "$tmp/seeds" "$builddir/artifacts" 2>/dev/null || true
find profiles tests/data/profiles -type f \( -name '*.profile' -o -name '*.inc' \) |
        while read -r f; do
                cp "$f" "$tmp/seeds/$(printf '%s' "$f" | tr / _)"
        done

runs=
[ "$seconds" = 0 ] && runs=-runs=0
set +e
"$fuzzer" -max_total_time="$seconds" $runs -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -dict=tests/fuzz/profile.dict \
        -artifact_prefix="$builddir/artifacts/" -print_final_stats=1 \
        "$tmp/new" tests/fuzz/corpus "$tmp/seeds" >"$tmp/log" 2>&1
rc=$?
set -e
grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$tmp/log" || true
if [ "$rc" != 0 ]; then
        tail -n 60 "$tmp/log"
        echo "fuzz: FAILED (exit $rc); the input is in $builddir/artifacts/"
        exit 1
fi
if [ "$merge" = --merge ]; then
        "$fuzzer" -merge=1 -max_len=16384 tests/fuzz/corpus "$tmp/new" \
                >/dev/null 2>&1
        echo "fuzz: corpus now $(ls tests/fuzz/corpus | wc -l) inputs"
fi
cov=$(grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$tmp/log" | tail -n1 |
        sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
echo "fuzz: ok, $(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log") runs in ${seconds}s, $cov"

# The second target, the wire decoder of a setuid launch (config-wire.c):
# a third of the time, seeded with tests/fuzz/corpus-wire (the encoded
# valid fixtures).
wire_seconds=$((seconds / 3))
[ "$seconds" != 0 ] && [ "$wire_seconds" = 0 ] && wire_seconds=1
mkdir "$tmp/wire-new"
set +e
"$builddir/tests/fuzz/fuzz-wire" -max_total_time="$wire_seconds" $runs \
        -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$builddir/artifacts/" -print_final_stats=1 \
        "$tmp/wire-new" tests/fuzz/corpus-wire >"$tmp/wire-log" 2>&1
rc=$?
set -e
if [ "$rc" != 0 ]; then
        tail -n 60 "$tmp/wire-log"
        echo "fuzz-wire: FAILED (exit $rc); the input is in $builddir/artifacts/"
        exit 1
fi
echo "fuzz-wire: ok, $(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/wire-log") runs in ${wire_seconds}s"
