#!/usr/bin/env bash
# Runs every libFuzzer target built in build-fuzz for FUZZ_SECONDS each
# (make fuzz FUZZ_SECONDS=N). Usage: tests/fuzz/run.sh [TARGET...]
# (default: every tests/fuzz/fuzz_*.c).
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_PARALLEL  targets run at once (default 1; the machine's other
#                  users come first: keep it at most 2)
#   FUZZ_BUILD     build folder (default build-fuzz)
#   FUZZ_MAX_LEN   largest input tried, bytes (default 4096)
# Each target grows build-fuzz/corpus/NAME/ (kept between runs) from the
# seeds of tests/fuzz/corpus/NAME/, with tests/fuzz/NAME.dict when there
# is one (and the libFuzzer flags of tests/fuzz/NAME.options), under
# nice -n 10. A crash, leak, timeout (over 30 s for one
# input) or out-of-memory is saved as build-fuzz/artifacts/NAME-crash-*
# (or leak-, timeout-, oom-) and the run fails (slow-unit-* files there are
# inputs over 10 s, not failures). At the end, one line per target:
# executions, seconds it ran, executions per second, and the result.
# Logs: build-fuzz/logs/.
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
par=${FUZZ_PARALLEL:-1}
build=${FUZZ_BUILD:-build-fuzz}
maxlen=${FUZZ_MAX_LEN:-4096}
if [ $# -gt 0 ]; then
	targets=("$@")
else
	targets=()
	for src in tests/fuzz/fuzz_*.c; do
		n=${src##*/fuzz_}
		targets+=("${n%.c}")
	done
fi
mkdir -p "$build/logs" "$build/artifacts"
# Leaks inside uninstrumented system libraries: tests/lsan.supp says which.
if [ -f tests/lsan.supp ]; then
	export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fi

run_one() {
	local t=$1 bin="$build/tests/fuzz/fuzz_$1" dict=() opts=()
	if [ ! -x "$bin" ]; then
		echo "$t: $bin not built" >"$build/logs/$t.log"
		echo 2 >"$build/logs/$t.rc"
		return
	fi
	[ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
	# NAME.options: libFuzzer flags of that target, on one line
	[ -f "tests/fuzz/$t.options" ] && read -r -a opts <"tests/fuzz/$t.options"
	mkdir -p "$build/corpus/$t"
	local t0=$SECONDS rc=0
	nice -n 10 "$bin" -max_total_time="$secs" -max_len="$maxlen" \
		-timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/artifacts/$t-" "${dict[@]}" "${opts[@]}" \
		"$build/corpus/$t" "tests/fuzz/corpus/$t" \
		>"$build/logs/$t.log" 2>&1 || rc=$?
	echo $((SECONDS - t0)) >"$build/logs/$t.seconds"
	# The status goes to a file: `wait PID` cannot give it once `jobs`
	# has reported the job done.
	echo $rc >"$build/logs/$t.rc"
}

names=()
status=0
for t in "${targets[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$par" ]; do
		sleep 1
	done
	echo "fuzz: $t for ${secs}s"
	rm -f "$build/logs/$t.rc"
	run_one "$t" &
	names+=("$t")
done
wait
printf '%-10s %12s %8s %8s  %s\n' target execs seconds exec/s result
for i in "${!names[@]}"; do
	t=${names[$i]} log="$build/logs/${names[$i]}.log"
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	rc=$(cat "$build/logs/$t.rc" 2>/dev/null || echo 2)
	res=ok
	if [ "$rc" -ne 0 ]; then
		res="FAILED (rc $rc): $(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*broken promise|.*Test unit written)' "$log" || echo "see $log")"
		status=1
	fi
	took=$(cat "$build/logs/$t.seconds" 2>/dev/null || echo '?')
	printf '%-10s %12s %8s %8s  %s\n' "$t" "${runs:-?}" "$took" "${rate:-?}" "$res"
done
if [ $status -ne 0 ]; then
	echo "fuzz: failures; inputs in $build/artifacts/, logs in $build/logs/"
	ls "$build/artifacts/" 2>/dev/null | grep -Ev -- '-slow-unit-' || true
fi
exit $status
