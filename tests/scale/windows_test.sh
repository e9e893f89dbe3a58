#!/bin/bash
# Plain text checked in windows (issue 13) gives the findings of the
# document checked at once, byte for byte, in JSON, text and SARIF: the
# bundled story with its facts (full, --partial, without facts), crafted
# documents whose document-level findings cross window boundaries (a
# result the other way round over two lines, a term's likely wrong
# rendering, entities named only in later windows), a document over the
# default window size, and standard input (read whole).
# FIDELINT_TEST_WINDOW (bytes) sets the window size for tests only; with
# FIDELINT_TEST_SPILL=0 the findings go to the temporary file of
# FL_CHECK_SPILL after every window, and the report must not change.
# FL_TEST_QUICK=1 (set by ctest under make sanitize) compares the spilled
# one-byte windows only and the story in JSON and SARIF only: the same
# paths at a quarter of the runs.
# Usage: windows_test.sh FIDELINT REPO
set -u
quick=${FL_TEST_QUICK:-0}
bin=$1
repo=$2
story=$repo/examples/meta-scale-ai
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0

# run OUT WINDOW ARGS...: the program's JSON (or -f format) into OUT;
# WINDOW "N:spill" is window N with every window's findings spilled
run() {
	local out=$1 w=$2
	shift 2
	if [ "${w%:spill}" != "$w" ]; then
		FIDELINT_TEST_WINDOW=${w%:spill} FIDELINT_TEST_SPILL=0 \
			"$bin" check --fail-on never -o "$out" "$@"
	elif [ -n "$w" ]; then
		env -u FIDELINT_TEST_SPILL FIDELINT_TEST_WINDOW=$w \
			"$bin" check --fail-on never -o "$out" "$@"
	else
		env -u FIDELINT_TEST_WINDOW -u FIDELINT_TEST_SPILL \
			"$bin" check --fail-on never -o "$out" "$@"
	fi
	local rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: exit $rc: $*"
		fails=$((fails + 1))
	fi
}

# same NAME ARGS...: whole document vs windows of 1 and 1500 bytes, and
# of 1 byte with the findings spilled after every window
same() {
	local name=$1
	shift
	run "$work/whole" "" "$@"
	if ! grep -q '"rule"\|: \(error\|warning\|info\)\|"ruleId"' "$work/whole"; then
		echo "FAIL: $name: no findings to compare"
		fails=$((fails + 1))
	fi
	local wins="1 1500 1:spill"
	[ "$quick" = 1 ] && wins="1:spill"
	for w in $wins; do
		run "$work/win" "$w" "$@"
		if ! cmp -s "$work/whole" "$work/win"; then
			echo "FAIL: $name: window $w differs"
			diff "$work/whole" "$work/win" | head -20
			fails=$((fails + 1))
		fi
	done
}

for f in "$story"/*.txt; do
	b=$(basename "$f")
	same "$b json" --format json --facts "$story/facts.yaml" "$f"
	[ "$quick" = 1 ] && { same "$b sarif" --format sarif --facts "$story/facts.yaml" "$f"; continue; }
	same "$b text" --format text --facts "$story/facts.yaml" "$f"
	same "$b sarif" --format sarif --facts "$story/facts.yaml" "$f"
	same "$b partial" --format json --partial --facts "$story/facts.yaml" "$f"
	same "$b no facts" --format json --lang "${b%%.*}" "$f"
done

# Document-level findings whose evidence is spread over the windows.
cat >"$work/facts.yaml" <<'YAML'
version: 1
entities:
  - {name: Scale AI, kind: org, count: 4}
  - {name: Mark Zuckerberg, kind: person, count: 2, renderings: {ar: [مارك زوكربيرغ]}}
  - {name: Alexandr Wang, kind: person, count: 3}
  - {name: Ruben Mayer, kind: person, count: 1}
numbers:
  - {value: 2-1, unit: score}
  - {value: 14300000000, unit: USD}
  - {value: 49, unit: percent}
terms:
  - source: unconventional
    expect: {pt: [não convencional, pouco convencional], ar: [غير تقليدي]}
YAML
cat >"$work/doc.pt.txt" <<'TXT'
A Escala anunciou ontem uma parceria.

Wang foi visto como uma escolha bastante convencional.
O jogo terminou 1 a

2 no domingo, e a Escala comemorou.
A meta comprou 49 por cento; a Escala cresceu.
Alexandr Wang e Alexandr Wang falaram.
TXT
cat >"$work/doc.ar.txt" <<'TXT'
فاز الفريق 1 في
المباراة 2 أمس.
قال مارك زوكربيرغ إن الصفقة غير تقليدية.
وقال زوكربيرج لاحقا إن روبن ماير غادر.
استثمرت ميتا 14.3 مليار دولار، وقال زوكربيرغ ذلك.
TXT
same "crafted pt" --format json --facts "$work/facts.yaml" "$work/doc.pt.txt"
same "crafted ar" --format json --facts "$work/facts.yaml" "$work/doc.ar.txt"
for fmt in text sarif; do
	same "crafted pt $fmt" --format $fmt --facts "$work/facts.yaml" "$work/doc.pt.txt"
	same "crafted ar $fmt" --format $fmt --facts "$work/facts.yaml" "$work/doc.ar.txt"
done
# What the options leave out, and a baseline's known findings, are left
# out of spilled findings too (the policy per window, fl_result_retain).
same "pt policy" --format text --facts "$story/facts.yaml" \
	--ignore spell --severity name.case=info "$story/pt.mt.txt"
env -u FIDELINT_TEST_WINDOW -u FIDELINT_TEST_SPILL "$bin" baseline write \
	"$work/known.baseline" --facts "$story/facts.yaml" \
	"$story/pt.mt.txt" >/dev/null 2>&1
if [ -s "$work/known.baseline" ]; then
	head -n 20 "$work/known.baseline" >"$work/part.baseline"
	same "pt baseline" --format json --facts "$story/facts.yaml" \
		--baseline "$work/part.baseline" "$story/pt.mt.txt"
else
	echo "FAIL: baseline write gave nothing"
	fails=$((fails + 1))
fi

# Over the default window (256 KiB): the story 40 times, against a
# window larger than the file.
for i in $(seq 40); do cat "$story/ar.mt.txt"; echo; done >"$work/big.ar.txt"
run "$work/whole" 100000000 --format json --facts "$story/facts.yaml" "$work/big.ar.txt"
run "$work/win" "" --format json --facts "$story/facts.yaml" "$work/big.ar.txt"
if ! cmp -s "$work/whole" "$work/win"; then
	echo "FAIL: a document over the default window differs"
	fails=$((fails + 1))
fi
# Standard input is read whole: the same findings.
FIDELINT_TEST_WINDOW=1 "$bin" check --fail-on never --format json -o "$work/stdin" \
	--facts "$story/facts.yaml" --lang ar - <"$story/ar.mt.txt"
FIDELINT_TEST_WINDOW=1 "$bin" check --fail-on never --format json -o "$work/file" \
	--facts "$story/facts.yaml" --lang ar "$story/ar.mt.txt"
sed 's#"-"#"X"#; s#"[^"]*ar.mt.txt"#"X"#' "$work/stdin" >"$work/a"
sed 's#"-"#"X"#; s#"[^"]*ar.mt.txt"#"X"#' "$work/file" >"$work/b"
if ! cmp -s "$work/a" "$work/b"; then
	echo "FAIL: standard input and the file differ"
	diff "$work/a" "$work/b" | head
	fails=$((fails + 1))
fi

if [ $fails -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "windows: all the same"
