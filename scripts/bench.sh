#!/usr/bin/env bash
# make bench: throughput and peak memory of `fidelint check` on news text.
# Builds an optimised binary in build-bench/, makes a corpus of about
# $BENCH_MB megabytes by repeating the bundled story's texts (and, when
# ../shared/corpora/ntrex-dev is present, professional news translations),
# and reports MB/s per core and the peak resident set size.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-20}
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_corpus() { # lang out sources...
	local out=$1; shift
	: >"$out"
	while [ "$(stat -c %s "$out")" -lt $((MB * 1024 * 1024)) ]; do
		cat "$@" >>"$out"
	done
}

ntrex=../shared/corpora/ntrex-dev
run() { # label lang file [args]
	local label=$1 file=$2; shift 2
	local bytes t0 t1 rss secs
	bytes=$(stat -c %s "$file")
	t0=$(date +%s.%N)
	/usr/bin/time -f %M -o "$work/rss" "$B/fidelint" check --fail-on never \
		--format json -o "$work/out.json" "$@" "$file"
	t1=$(date +%s.%N)
	rss=$(cat "$work/rss")
	secs=$(echo "$t1 - $t0" | bc -l)
	printf '%-34s %7.1f MB  %6.2f s  %7.1f MB/s  peak RSS %6.1f MB\n' "$label" \
		"$(echo "$bytes / 1048576" | bc -l)" "$secs" \
		"$(echo "$bytes / 1048576 / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "fidelint $(git describe --always --dirty 2>/dev/null || echo '?') on $(nproc) cores, $(date -u +%F)"
make_corpus "$work/story.ar.txt" examples/meta-scale-ai/ar.mt.txt examples/meta-scale-ai/ar.summary.txt
make_corpus "$work/story.pt.txt" examples/meta-scale-ai/pt.mt.txt
run "ar, story facts" "$work/story.ar.txt" --facts examples/meta-scale-ai/facts.yaml
run "pt, story facts" "$work/story.pt.txt" --facts examples/meta-scale-ai/facts.yaml
if [ -d "$ntrex" ]; then
	for l in ar he pt fr de; do
		make_corpus "$work/ntrex.$l.txt" "$ntrex/$l.txt"
		run "$l, news (ntrex-dev), no facts" "$work/ntrex.$l.txt" --lang "$l"
	done
fi
