#!/usr/bin/env bash
# The manual pages: groff formats them without a warning, and every long
# option the program's help lists is in fidelint(1).
# usage: man_test.sh SOURCE_DIR FIDELINT
set -euo pipefail
src=$1
bin=$2
fail=0
for page in "$src/docs/fidelint.1" "$src/docs/fidelint-facts.5"; do
	warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1 >/dev/null || true)
	if [ -n "$warnings" ]; then
		echo "FAIL: $page: $warnings" >&2
		fail=1
	fi
done
page=$(sed 's/\\-/-/g' "$src/docs/fidelint.1")
for cmd in check extract rules; do
	for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		if ! grep -q -- "$opt" <<<"$page"; then
			echo "FAIL: fidelint help $cmd lists $opt; docs/fidelint.1 does not" >&2
			fail=1
		fi
	done
done
[ "$fail" -eq 0 ] && echo "man: ok"
exit "$fail"
