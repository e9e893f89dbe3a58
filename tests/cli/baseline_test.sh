#!/usr/bin/env bash
# Baselines and the program's manners:
#  - `baseline write B` records a run's findings; `check --baseline B` then
#    reports none of them, and after an edit only the new finding, even on
#    the same long line; a bad baseline file is refused with its line;
#  - an unknown command names the nearest one and lists them all;
#    `help CMD` and `CMD --help` work for every command, `help help` too.
# usage: baseline_test.sh FIDELINT SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
count() { python3 -c 'import json,sys; print(sum(len(f["findings"]) for f in json.load(sys.stdin)["files"]))'; }

cp "$src/examples/meta-scale-ai/pt.mt.txt" "$tmp/story.pt.txt"
facts=$src/examples/meta-scale-ai/facts.yaml
cd "$tmp"
"$bin" baseline write base.txt --facts "$facts" story.pt.txt 2>"$tmp/err" ||
	fail "baseline write failed: $(cat "$tmp/err")"
grep -q "findings of 1 files recorded" "$tmp/err" || fail "no summary: $(cat "$tmp/err")"
head -1 base.txt | grep -qx "# fidelint baseline 1" || fail "no header"
all=$("$bin" check --no-config --format json --fail-on never --facts "$facts" story.pt.txt | count)
[ "$all" -gt 10 ] || fail "the story has only $all findings"
n=$("$bin" check --no-config --format json --facts "$facts" --baseline base.txt story.pt.txt | count)
[ "$n" = 0 ] || fail "the baseline hides $((all - n)) of $all findings, not all"
sed -i '2s/Zuckerberg/Zuckerburg/' story.pt.txt
out=$("$bin" check --no-config --format json --fail-on never --facts "$facts" --baseline base.txt story.pt.txt)
n=$(count <<<"$out")
[ "$n" = 1 ] && grep -q '"text": "Zuckerburg"' <<<"$out" ||
	fail "after one edit: $n findings, not the new one only: $out"
printf '# fidelint baseline 1\nnot a line\n' >bad.txt
status=0
err=$("$bin" check --no-config --facts "$facts" --baseline bad.txt story.pt.txt 2>&1) || status=$?
[ "$status" = 2 ] && grep -q "bad.txt:2:" <<<"$err" || fail "a bad baseline: $status $err"
status=0
"$bin" baseline write base2.txt -o out.txt story.pt.txt 2>/dev/null || status=$?
[ "$status" = 2 ] || fail "baseline write with -o gave $status"

# manners
status=0
err=$("$bin" chek 2>&1) || status=$?
[ "$status" = 2 ] && grep -q "did you mean 'check'" <<<"$err" && grep -q "explain" <<<"$err" ||
	fail "unknown command: $status $err"
for cmd in check extract baseline rules explain help; do
	"$bin" help "$cmd" >/dev/null || fail "help $cmd"
	"$bin" "$cmd" --help >/dev/null || fail "$cmd --help"
done
"$bin" help --help | grep -q "usage: fidelint help" || fail "help --help"
echo "baseline: ok"
