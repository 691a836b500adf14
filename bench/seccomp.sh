#!/bin/sh
# bench/seccomp.sh [SANDBOX]: the cost of the seccomp filter per launch.
# Runs `sandbox -- true` with the default profile three ways: seccomp off,
# the default filter (compiled at build time), and a filter that differs
# by one key and so is compiled with libseccomp at launch. Needs
# hyperfine. See docs/SECCOMP.md for numbers.
set -eu
sandbox=${1:-build/src/cmd/sandbox}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
inc="include = [ \"$top/profiles/default.profile\" ];"
echo "$inc seccomp = { enabled = false; };" >"$dir/off.profile"
echo "$inc" >"$dir/default.profile"
echo "$inc seccomp = { errno = \"EACCES\"; };" >"$dir/compiled.profile"
SANDBOX_PROFILEDIR="$top/profiles" hyperfine -N --warmup 20 --runs 300 \
        -n off "$sandbox -p $dir/off.profile -- true" \
        -n default "$sandbox -p $dir/default.profile -- true" \
        -n compiled "$sandbox -p $dir/compiled.profile -- true"
