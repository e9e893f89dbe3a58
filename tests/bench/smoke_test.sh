#!/usr/bin/env bash
# ctest bench.smoke: scripts/bench.sh in its tiny mode (BENCH_SMOKE=1: a few
# lines, one run each, the given binary, no Release build), so that `make
# bench` cannot rot. Asserts no time: only that every section ran and the
# Markdown table was written. Skipped (77) without hunspell or pofilter,
# which scripts/install-deps.sh installs.
# usage: smoke_test.sh FIDELINT REPO_DIR
set -euo pipefail
fl=$1 repo=$2
for t in hunspell pofilter /usr/bin/time; do
	command -v "$t" >/dev/null || { echo "bench.smoke: $t not found, skipped"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
BENCH_SMOKE=1 BENCH_BIN=$fl BENCH_OUT=$dir/bench.md bash "$repo/scripts/bench.sh" >"$dir/log" 2>&1 ||
	{ cat "$dir/log"; echo "bench.smoke: scripts/bench.sh failed"; exit 1; }
fail=0
for row in '| document, distinct | ar' '| document, repeated | ar' '| memory | ' \
	'| threads | -j 2 vs -j 1'; do
	grep -qF -- "$row" "$dir/bench.md" || { echo "bench.smoke: no row '$row'"; fail=1; }
done
if [ -f "$repo/../shared/corpora/ntrex-dev/en.txt" ]; then
	grep -qF '| aligned | de' "$dir/bench.md" || { echo "bench.smoke: no aligned row"; fail=1; }
fi
grep -qF '| facts curve | ar' "$dir/bench.md" || { echo "bench.smoke: no facts row"; fail=1; }
[ $fail = 0 ] || { cat "$dir/log"; exit 1; }
echo "bench.smoke: ok"
