#!/usr/bin/env bash
# make bench: speed and peak memory of `fidelint check`, side by side with
# `hunspell -l` and `pofilter -t numbers` on the same text, next to issue 13's
# targets; the table is also written as Markdown to build-bench/bench.md.
# Builds an optimised binary in build-bench/ (or takes BENCH_BIN), then runs
# scripts/bench/bench.py, whose header comment says what is measured and how.
# Knobs (environment): BENCH_REPEAT (3, medians), BENCH_MB (20, repeated
# text), BENCH_BIG_MB (50), BENCH_FILES (1000), BENCH_FACTS ("100 1000
# 10000"), BENCH_HUNSPELL_MB (2), BENCH_LONG (20 s: longer runs once),
# BENCH_TIMEOUT (60 s: a run is stopped), BENCH_NTREX (../shared/corpora/
# ntrex-dev), BENCH_OUT (build-bench/bench.md), BENCH_MAKE_FACTS
# (scripts/make-facts.py), BENCH_SMOKE=1 (a few lines,
# once: the ctest bench.smoke). Needs hunspell and pofilter
# (scripts/install-deps.sh --bench, which `make bench` runs); exit 77 without.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_BIN:-}" ]; then
	B=build-bench
	cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	cmake --build "$B" -j"$(nproc)" >/dev/null
	BENCH_BIN=$B/fidelint
fi
exec python3 scripts/bench/bench.py "$BENCH_BIN" "$PWD"
