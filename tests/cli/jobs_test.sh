#!/usr/bin/env bash
# check -j N: the files are checked on N threads and the output is
# byte-identical to -j 1 in every --format, in aligned mode and for
# --input jsonl; a file that cannot be read in the middle is reported in
# its place, with the exit status of -j 1; a bad -j is refused.
# usage: jobs_test.sh FIDELINT SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

facts=$src/examples/meta-scale-ai/facts.yaml
story=$src/examples/meta-scale-ai/ar.mt.txt
ntrex=$src/tests/formats/ntrex-60-75.tsv
mkdir "$tmp/d" "$tmp/src"
# the story cut into files of six lines each
split -l 6 -d -a 3 --additional-suffix=.txt "$story" "$tmp/d/ar"
# a file in the middle that cannot be read: a folder
mkdir "$tmp/d/ar005.txt.bad"
files=()
i=0
for f in "$tmp"/d/ar*.txt; do
	files+=("$f")
	i=$((i + 1))
	[ "$i" = 5 ] && files+=("$tmp/d/ar005.txt.bad")
done
[ "${#files[@]}" -ge 8 ] || fail "only ${#files[@]} files"

# runs check with -j J and the rest of the arguments, into out.J, err.J,
# status.J
run() {
	local j=$1
	shift
	local st=0
	"$bin" check --no-config -j "$j" "$@" >"$tmp/out.$j" 2>"$tmp/err.$j" || st=$?
	echo "$st" >"$tmp/status.$j"
}
same() {
	local what=$1
	for j in 2 4; do
		cmp -s "$tmp/out.1" "$tmp/out.$j" ||
			fail "$what: -j $j's output differs from -j 1's"
		cmp -s "$tmp/err.1" "$tmp/err.$j" ||
			fail "$what: -j $j's messages differ: $(diff "$tmp/err.1" "$tmp/err.$j")"
		cmp -s "$tmp/status.1" "$tmp/status.$j" ||
			fail "$what: -j $j exits $(cat "$tmp/status.$j"), -j 1 $(cat "$tmp/status.1")"
	done
}

for format in text json sarif markdown html; do
	for j in 1 2 4; do
		run "$j" --lang ar --format "$format" --fail-on warning --facts "$facts" "${files[@]}"
	done
	same "--format $format"
	[ -s "$tmp/out.1" ] || fail "--format $format: no output"
done
[ "$(cat "$tmp/status.1")" = 2 ] || fail "a file that cannot be read: status $(cat "$tmp/status.1")"
grep -q "ar005.txt.bad" "$tmp/err.1" || fail "the bad file is not named: $(cat "$tmp/err.1")"
grep -q "ar005.txt.bad" "$tmp/out.1" || fail "the bad file is not in the report"

# --lang only (no facts), JSON
for j in 1 2 4; do
	run "$j" --lang ar --format json --fail-on never "${files[@]}"
done
same "--lang only"

# aligned: line i of each file translates line i of the original (NTREX
# lines 60-75, their Portuguese translation in growing parts)
cut -f2 "$ntrex" | tail -n +2 >"$tmp/src/en.txt"
python3 - "$ntrex" "$tmp/src" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
for k in range(8):
    with open(f"{sys.argv[2]}/pt{k}.txt", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(r["pt" if (i + k) % 3 else "pt-BR"] + "\n")
PY
for j in 1 2 4; do
	run "$j" --format json --fail-on never --aligned --source "$tmp/src/en.txt" \
		--lang pt "$tmp"/src/pt*.txt
done
same "--aligned"
grep -q '"findings": \[$' "$tmp/out.1" && ! grep -q "not line-aligned" "$tmp/err.1" ||
	fail "--aligned: no findings or not aligned: $(head -c 300 "$tmp/err.1")"

# --input jsonl: one answer line per record, in order
python3 - "$ntrex" "$tmp" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
for k in range(6):
    with open(f"{sys.argv[2]}/r{k}.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            lang = "pt" if (i + k) % 2 else "pt-BR"
            f.write(json.dumps({"id": f"{k}-{i}", "source": r["en"],
                                "target": r[lang], "lang": lang},
                               ensure_ascii=False) + "\n")
PY
for j in 1 2 4; do
	run "$j" --input jsonl --fail-on never "$tmp"/r0.jsonl "$tmp"/r1.jsonl \
		"$tmp/missing.jsonl" "$tmp"/r2.jsonl "$tmp"/r3.jsonl "$tmp"/r4.jsonl "$tmp"/r5.jsonl
done
same "--input jsonl"
[ "$(wc -l <"$tmp/out.1")" -ge 30 ] || fail "--input jsonl: $(wc -l <"$tmp/out.1") answers"
[ "$(cat "$tmp/status.1")" = 2 ] || fail "--input jsonl, a missing file: status $(cat "$tmp/status.1")"

# a bad -j
for bad in 0 -1 x 2x 5000; do
	st=0
	"$bin" check --no-config -j "$bad" --lang ar "$story" >/dev/null 2>"$tmp/err" || st=$?
	[ "$st" = 2 ] && grep -q "bad -j value" "$tmp/err" || fail "-j $bad: status $st: $(cat "$tmp/err")"
done
echo "jobs: ok"
