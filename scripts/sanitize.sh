#!/usr/bin/env bash
# The whole ctest suite under AddressSanitizer, LeakSanitizer and UBSan.
#
# Configures build-asan (Debug, -DFL_SANITIZE=ON), builds it, runs ctest
# there. Exits non-zero when a test fails or when any sanitizer reported
# anything, even in a child process whose exit status a test tolerates:
# every report is also written under build-asan/sanitizer-logs/ and the
# run fails if that folder is not empty at the end.
#
# Compiler: $CC when set, else clang when installed, else cc. clang is
# preferred because its single sanitizer runtime writes UBSan reports to
# log_path too; with gcc, libubsan ignores log_path next to libasan, so a
# UBSan report only aborts the process (status 134) and shows on stderr.
#
# usage: scripts/sanitize.sh            (make sanitize does the same)
# env:   CC                 compiler (default: clang if installed, else cc)
#        FL_SANITIZE_BUILD  build folder (default build-asan)
#        JOBS               parallel build and test jobs (default: nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${FL_SANITIZE_BUILD:-build-asan}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
start=$(date +%s)

cc=${CC:-}
if [ -z "$cc" ]; then
	if command -v clang >/dev/null 2>&1; then cc=clang; else cc=cc; fi
fi
cc_path=$(command -v "$cc") || { echo "sanitize: no compiler '$cc'" >&2; exit 2; }
# A build folder keeps its compiler: start afresh when it was another one.
if [ -f "$build/CMakeCache.txt" ] &&
	! grep -qx "CMAKE_C_COMPILER:[A-Z]*=$cc_path" "$build/CMakeCache.txt"; then
	echo "sanitize: $build was configured with another compiler; recreating it" >&2
	rm -rf "$build"
fi
if ! "$cc_path" --version 2>/dev/null | grep -qi clang; then
	echo "sanitize: note: with $cc, UBSan reports abort but are not logged" >&2
fi
CC=$cc_path cmake -S . -B "$build" -DFL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$jobs"

logs=$root/$build/sanitizer-logs
rm -rf "$logs"
mkdir -p "$logs"

# LeakSanitizer suppressions, used when the file exists: only for leaks
# inside the uninstrumented system libraries (hunspell, ICU) that fidelint
# cannot free, each entry explained there. None are needed so far.
lsan_supp=$root/tests/lsan.supp

# One log_path for both: clang's single runtime takes it from UBSAN_OPTIONS
# for every report, ASan's and LSan's included.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$logs/report"
# abort_on_error: a UBSan stop is SIGABRT, never an exit status 1 that a
# test could take for "findings".
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$logs/report"
if [ -f "$lsan_supp" ]; then
	export LSAN_OPTIONS="suppressions=$lsan_supp:print_suppressions=0"
fi

status=0
(cd "$build" && ctest --output-on-failure -j"$jobs") || status=$?

if [ -n "$(find "$logs" -type f -print -quit)" ]; then
	echo "sanitize: sanitizer reports:" >&2
	find "$logs" -type f | sort | while IFS= read -r f; do
		echo "==== $f" >&2
		cat "$f" >&2
	done
	[ "$status" -ne 0 ] || status=1
fi

elapsed=$(($(date +%s) - start))
if [ "$status" -eq 0 ]; then
	echo "sanitize: no sanitizer reports, all tests passed (${elapsed}s)"
else
	echo "sanitize: FAILED (${elapsed}s)" >&2
fi
exit "$status"
