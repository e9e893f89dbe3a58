#!/bin/bash
# Peak memory does not grow with the number of findings (issue 13): the
# bundled pt story repeated 40 times (about 2,000 findings) and 400 times
# (about 20,000) is checked in windows with its facts, in text, JSON and
# SARIF, and the peak RSS of the two runs (/usr/bin/time's %M) must be
# within LIMIT_KB of each other. Before FL_CHECK_SPILL and the streamed
# report the larger run held every finding: tens of MB more. Memory, not
# time: nothing here depends on the machine's speed.
# Usage: memory_test.sh FIDELINT REPO
set -u
bin=$1
repo=$2
story=$repo/examples/meta-scale-ai
LIMIT_KB=8192
if [ ! -x /usr/bin/time ]; then
	echo "SKIP: /usr/bin/time not installed"
	exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0

# copies N OUT: the story N times
copies() {
	local i
	: >"$2"
	for ((i = 0; i < $1; i++)); do
		cat "$story/pt.mt.txt" >>"$2"
	done
}
copies 40 "$work/small.pt.txt"
copies 400 "$work/large.pt.txt"

# peak FORMAT FILE: the run's peak RSS in KB
peak() {
	/usr/bin/time -f %M -o "$work/rss" env -u FIDELINT_TEST_WINDOW \
		-u FIDELINT_TEST_SPILL "$bin" check --no-config --fail-on never \
		--facts "$story/facts.yaml" --format "$1" -o "$work/out.$1" "$2"
	tail -1 "$work/rss"
}

# count FORMAT: the findings of the last run's report
count() {
	case $1 in
	json) grep -c '"rule": ' "$work/out.json" ;;
	sarif) grep -c '"ruleId": ' "$work/out.sarif" ;;
	*) tail -1 "$work/out.text" |
		awk '{ print $1 + $3 + $5 }' ;;
	esac
}

for fmt in text json sarif; do
	small=$(peak "$fmt" "$work/small.pt.txt")
	ns=$(count "$fmt")
	large=$(peak "$fmt" "$work/large.pt.txt")
	nl=$(count "$fmt")
	echo "$fmt: $ns findings $small KB, $nl findings $large KB"
	if [ "$nl" -lt $((ns * 5)) ]; then
		echo "FAIL: $fmt: the large run has too few findings ($nl, $ns)"
		fails=$((fails + 1))
	fi
	if [ "$large" -gt $((small + LIMIT_KB)) ]; then
		echo "FAIL: $fmt: peak RSS grew by $((large - small)) KB with the findings"
		fails=$((fails + 1))
	fi
done
[ "$fails" -eq 0 ] && echo "ok" || echo "$fails failures"
[ "$fails" -eq 0 ]
