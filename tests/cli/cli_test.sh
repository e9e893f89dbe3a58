#!/usr/bin/env bash
# Mechanics of the fidelint program: options, exit statuses, messages,
# atomic output, colour. Findings themselves are tested elsewhere.
#
# usage: cli_test.sh FIDELINT_BINARY REPO_ROOT
# Prints "N passed, N failed" last; exits non-zero when a check failed.
set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 FIDELINT_BINARY REPO_ROOT" >&2
	exit 2
fi
bin=$1
root=$(cd "$2" && pwd) || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
: "${FIDELINT_DATA_DIR:=$root}"
export FIDELINT_DATA_DIR

passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fidelint-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
work=$tmp/work
mkdir "$work" || exit 2
cd "$work" || exit 2

# run ARGS...: runs the binary in $work; sets rc, out, err.
run() {
	"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

# run_from FILE ARGS...: as run, standard input read from FILE.
run_from() {
	local in=$1
	shift
	"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr" <"$in"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

ok() {
	passed=$((passed + 1))
}

bad() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	echo "  exit status: $rc"
	echo "  stdout: $(head -c 600 "$tmp/stdout")"
	echo "  stderr: $(head -c 600 "$tmp/stderr")"
}

# expect_rc NAME STATUS...: the last run exited with one of STATUS.
expect_rc() {
	local name=$1 s
	shift
	for s in "$@"; do
		if [ "$rc" -eq "$s" ]; then
			ok
			return
		fi
	done
	bad "$name: exit status $rc, want $*"
}

# expect_has NAME TEXT NEEDLE / expect_lacks NAME TEXT NEEDLE
expect_has() {
	case $2 in
	*"$3"*) ok ;;
	*) bad "$1: no '$3'" ;;
	esac
}

expect_lacks() {
	case $2 in
	*"$3"*) bad "$1: unexpected '$3'" ;;
	*) ok ;;
	esac
}

esc=$'\033'
printf 'The company announced a new product on Monday.\nIt will ship in June.\n' >good.en.txt
printf '\xff' >bad.en.txt

# --- help and version
run --help
expect_rc "--help" 0
expect_has "--help" "$out" "usage:"
run -h
expect_rc "-h" 0
run --version
expect_rc "--version" 0
expect_has "--version" "$out" "fidelint 0.1.0"
run help check
expect_rc "help check" 0
expect_has "help check" "$out" "--fail-on"
run check --help
expect_rc "check --help" 0
expect_has "check --help" "$out" "--format"
run help nope
expect_rc "help nope" 2
expect_has "help nope" "$err" "unknown command 'nope'"

# --- usage errors
run
expect_rc "no arguments" 2
expect_has "no arguments" "$err" "usage:"
run frobnicate
expect_rc "unknown command" 2
expect_has "unknown command" "$err" "fidelint: unknown command 'frobnicate'"
run check --bogus good.en.txt
expect_rc "unknown option" 2
expect_has "unknown option" "$err" "fidelint: unknown option '--bogus'"
expect_has "unknown option" "$err" "usage:"
expect_has "unknown option: nothing on stdout" "[$out]" "[]"
run check --format xml good.en.txt
expect_rc "bad --format" 2
expect_has "bad --format" "$err" "xml"
expect_has "bad --format" "$err" "usage:"
run check --format=yaml good.en.txt
expect_rc "bad --format=" 2
run check --fail-on sometimes good.en.txt
expect_rc "bad --fail-on" 2
expect_has "bad --fail-on" "$err" "sometimes"
run check --color sometimes good.en.txt
expect_rc "bad --color" 2
run check --format
expect_rc "missing option value" 2
expect_has "missing option value" "$err" "--format"
run check good.en.txt -o
expect_rc "-o without value" 2
run check --partial=yes good.en.txt
expect_rc "--partial=value" 2
run check
expect_rc "no FILE" 2
expect_has "no FILE" "$err" "usage:"
run check --format json
expect_rc "options but no FILE" 2

# --- a missing file is reported, the next one still checked
run check --format json missing.en.txt good.en.txt
expect_rc "missing file" 2
expect_has "missing file: stderr names it" "$err" "missing.en.txt"
expect_has "missing file: json names it" "$out" '"path": "missing.en.txt"'
expect_has "missing file: json has the error" "$out" '"error": '
expect_has "missing file: good file reported" "$out" '"path": "good.en.txt"'
expect_has "missing file: summary counts the failure" "$out" '"failed": 1'
expect_lacks "missing file: good file checked" "$err" "good.en.txt"
run check --format text missing.en.txt good.en.txt
expect_rc "missing file, text" 2
expect_has "missing file, text" "$out" "fidelint: missing.en.txt"
expect_has "missing file, text" "$out" "1 file could not be checked"
run check --fail-on never missing.en.txt
expect_rc "missing file with --fail-on never" 2

# --- invalid UTF-8
run check bad.en.txt
expect_rc "invalid UTF-8" 2
expect_has "invalid UTF-8" "$err" "byte offset"
expect_has "invalid UTF-8" "$err" "bad.en.txt"

# --- a good file alone; option spellings
run check --format=json --fail-on=never good.en.txt
expect_rc "--opt=value" 0
expect_has "--opt=value" "$out" '"tool": {'
run check --format json --fail-on never good.en.txt
expect_rc "--opt value" 0
expect_has "--opt value" "$out" '"path": "good.en.txt"'
run check --fail-on=never -- good.en.txt
expect_rc "-- then a file" 0
run check -- --dashed.en.txt
expect_rc "-- ends options" 2
expect_lacks "-- ends options" "$err" "unknown option"
expect_has "-- ends options" "$err" "--dashed.en.txt"

# --- facts file that does not exist
run check --facts nofacts.yaml good.en.txt
expect_rc "missing facts" 2
expect_has "missing facts" "$err" "nofacts.yaml"
expect_has "missing facts: no report" "[$out]" "[]"

# --- -o: atomic output
printf 'old\n' >out.json
run check --format json --fail-on never -o out.json good.en.txt
expect_rc "-o" 0
expect_has "-o: nothing on stdout" "[$out]" "[]"
expect_has "-o: file written" "$(cat out.json)" '"path": "good.en.txt"'
expect_lacks "-o: old content replaced" "$(cat out.json)" "old"
leftovers=$(ls -A | grep -c '^out\.json\.' || true)
expect_has "-o: no temporary file left" "[$leftovers]" "[0]"
run check --format json -ojoined.json --fail-on never good.en.txt
expect_rc "-oFILE" 0
expect_has "-oFILE" "$(cat joined.json 2>/dev/null)" '"tool"'
run check --output=long.json --fail-on never good.en.txt
expect_rc "--output=FILE" 0
expect_has "--output=FILE: text report" "$(cat long.json 2>/dev/null)" "in 1 file"

before=$(ls -A "$tmp" "$work")
run check --format json -o nodir/out.json good.en.txt
expect_rc "-o into a missing folder" 2
expect_has "-o into a missing folder" "$err" "nodir/out.json"
after=$(ls -A "$tmp" "$work")
if [ ! -e nodir ] && [ "$before" = "$after" ]; then ok; else bad "-o into a missing folder: something was written"; fi

# -o never colours, even with --color always.
run check --color always -o colored.txt missing.en.txt good.en.txt
expect_rc "-o with --color always" 2
expect_lacks "-o with --color always" "$(cat colored.txt 2>/dev/null)" "$esc"
expect_has "-o with --color always: report written" "$(cat colored.txt 2>/dev/null)" "missing.en.txt"

# --- colour
NO_COLOR=1 run check --color auto missing.en.txt good.en.txt
expect_lacks "NO_COLOR with --color auto" "$out" "$esc"
run check --color auto missing.en.txt good.en.txt
expect_lacks "--color auto, not a terminal" "$out" "$esc"
run check --color always missing.en.txt good.en.txt
expect_has "--color always" "$out" "$esc"
NO_COLOR=1 run check --color=always missing.en.txt good.en.txt
expect_has "--color always beats NO_COLOR" "$out" "$esc"
run check --color never missing.en.txt good.en.txt
expect_lacks "--color never" "$out" "$esc"
run check --color always --format json missing.en.txt good.en.txt
expect_lacks "json never coloured" "$out" "$esc"
expect_lacks "messages on stderr never coloured" "$err" "$esc"

# --- rules and explain (rule packs)
run rules
expect_rc "rules" 0
expect_has "rules: built-in" "$out" "name.garbled"
expect_has "rules: pack rule" "$out" "term.ar.amnesty-for-ai"
run rules --lang pt-BR
expect_rc "rules --lang" 0
expect_has "rules --lang pt-BR: pt pack" "$out" "text.pt.detached-hyphen"
expect_lacks "rules --lang pt-BR: no ar pack" "$out" "term.ar."
run rules --format=json --lang ar
expect_rc "rules json" 0
expect_has "rules json" "$out" '"id": "term.ar.amnesty-for-ai", "severity": "error"'
run rules --lang xx
expect_rc "rules --lang unknown" 2
run rules --format yaml
expect_rc "rules bad --format" 2
run explain term.ar.amnesty-for-ai
expect_rc "explain pack rule" 0
expect_has "explain: place" "$out" "rules/packs/ar.yaml:"
expect_has "explain: rationale" "$out" "why:"
expect_has "explain: examples" "$out" "لمنظمة العفو الدولية"
expect_has "explain: conditions" "$out" "when: facts lack entity: Amnesty International"
run explain term.missing
expect_rc "explain built-in" 0
expect_has "explain built-in" "$out" "built in"
run explain no.such.rule
expect_rc "explain unknown" 2
expect_has "explain unknown" "$err" "unknown rule 'no.such.rule'"
run explain
expect_rc "explain without id" 2

# A pack rule through the program.
printf 'أصبحت وحدة منظمة العفو الدولية في ميتا فوضوية.\n' >amnesty.ar.txt
run check --color never amnesty.ar.txt
expect_rc "pack rule fires" 1
expect_has "pack rule fires" "$out" "[term.ar.amnesty-for-ai]"

# A bad pack: documents in its language fail (exit 2) with the pack's
# file:line:col and PCRE2's message; other languages are still checked.
mkdir -p badpack/rules/packs
ln -s "$root/dicts" badpack/dicts
ln -s "$root/rules/numbers" badpack/rules/numbers
cp "$root/tests/data/packs/bad/rules/packs/ar.yaml" badpack/rules/packs/ar.yaml
run check --data-dir badpack --format json amnesty.ar.txt good.en.txt
expect_rc "bad pack" 2
expect_has "bad pack: message" "$err" "badpack/rules/packs/ar.yaml:13:14: invalid pattern in rule 'text.ar.broken': offset 22: missing closing parenthesis"
expect_has "bad pack: other file checked" "$out" '"lang": "en"'
run rules --data-dir badpack
expect_rc "rules with a bad pack" 2
expect_has "rules with a bad pack" "$err" "ar.yaml:13:14"


# --- extract, --source, aligned, TSV and JSONL (issue 5)
run extract "$root/tests/extract/story.en.txt" -o facts.yaml
expect_rc "extract" 0
expect_has "extract: origin" "$(cat facts.yaml)" "origin: extracted"
expect_has "extract: a person with surname mentions" "$(cat facts.yaml)" '{name: "Ruben Mayer", kind: person, count: 5}'
expect_has "extract: acronym alias" "$(cat facts.yaml)" 'aliases: ["MSL"]'
run check --facts facts.yaml --lang en --fail-on never "$root/tests/extract/story.en.txt"
expect_rc "extracted facts load and check their own original" 0
expect_lacks "the original has nothing missing" "$out" "missing"
run extract
expect_rc "extract without a file" 2
run extract no-such-original.txt
expect_rc "extract: unreadable original" 2
expect_has "extract: unreadable original" "$err" "no-such-original.txt"

printf 'The chain has 281 stores and Meta paid $14.3 billion.\nRuben Mayer left Scale AI.\n' >orig.en.txt
printf 'A rede tem 218 lojas e a Meta pagou US$ 14,3 bilhões.\nRuben Mayer deixou a Scale AI.\n' >tr.pt-BR.txt
run check --source orig.en.txt --aligned --format json tr.pt-BR.txt
# Against facts fidelint extracted itself nothing is an error: exit 0 by
# default, 1 with --fail-on warning.
expect_rc "aligned: a transposed number is a warning" 0
expect_has "aligned: a warning" "$out" '"severity": "warning"'
run check --source orig.en.txt --aligned --fail-on warning --format json tr.pt-BR.txt
expect_rc "aligned: --fail-on warning" 1
expect_has "aligned: mismatch" "$out" '"text": "218"'
expect_has "aligned: both lines" "$out" '"source_line": 1'
run check --source orig.en.txt --aligned --color never tr.pt-BR.txt
expect_has "aligned text report names the original line" "$out" "(original line 1)"
# Against guessed facts (--source) the findings are warnings: --fail-on warning
# makes them fail the run.
run check --fail-on warning --source orig.en.txt --format json tr.pt-BR.txt
expect_rc "--source without --aligned: whole-document facts" 1
expect_lacks "--source without --aligned: no source_line" "$out" "source_line"
printf 'The chain has 281 stores.\n' >one.en.txt
printf 'A rede tem 218 lojas.' >one.pt-BR.txt
run check --fail-on warning --source one.en.txt --aligned --format json one.pt-BR.txt
expect_rc "aligned: a final line end does not count as a line" 1
expect_has "aligned: one line each" "$out" '"source_line": 1'
expect_lacks "aligned: no second line" "$out" '"source_line": 2'
printf 'one line only\n' >short.pt-BR.txt
run check --source orig.en.txt --aligned short.pt-BR.txt
expect_rc "aligned: line counts differ" 2
expect_has "aligned: line counts differ" "$err" "not line-aligned"
run check --aligned tr.pt-BR.txt
expect_rc "--aligned needs --source" 2

printf 'The chain has 281 stores.\tA rede tem 218 lojas.\n\nMeta paid $14.3 billion.\tA Meta pagou US$ 14,3 bilhões.\n' >pairs.tsv
run check --fail-on warning --input tsv --lang pt-BR --format json pairs.tsv
expect_rc "tsv: a mismatch" 1
expect_has "tsv: row 1" "$out" '"line": 1'
expect_lacks "tsv: row 3 is right" "$out" '"line": 3'
printf 'no tab here\n' >bad.tsv
run check --input tsv --lang pt-BR bad.tsv pairs.tsv
expect_rc "tsv: bad row" 2
expect_has "tsv: bad row names file:row" "$err" "bad.tsv:1: a row is 'original<TAB>translation'"
expect_has "tsv: the next file still checked" "$out" "pairs.tsv"

printf '%s\n' '{"id":1,"source":"The chain has 281 stores.","target":"A rede tem 218 lojas.","lang":"pt-BR"}' \
	'{"id":"b","source":"It has 3 stores.","target":"Tem 3 lojas.","lang":"pt-BR"}' \
	'not json' '{"id":7,"source":"x"}' >pairs.jsonl
run check --input jsonl pairs.jsonl
expect_rc "jsonl: findings and bad records" 1
expect_has "jsonl: one answer per record" "$(echo "$out" | wc -l | tr -d ' ')" "4"
expect_has "jsonl: mismatch" "$out" '{"id":1,"lang":"pt-BR","findings":[{"rule":"number.mismatch"'
expect_has "jsonl: clean record" "$out" '{"id":"b","lang":"pt-BR","findings":[]}'
expect_has "jsonl: bad JSON answered" "$out" '{"id":null,"error":'
expect_has "jsonl: missing target answered" "$out" '{"id":7,"error":"a record needs'
run_from pairs.jsonl check --input jsonl -
expect_has "jsonl: standard input" "$out" '{"id":"b"'

# --- issue 10: -o never destroys what it does not own
printf 'The chain has 281 stores.\n' >keep.en.txt
printf 'A rede tem 218 lojas.\n' >keep.pt-BR.txt
cp keep.en.txt keep.en.orig
cp keep.pt-BR.txt keep.pt-BR.orig
run extract -o keep.en.txt keep.en.txt
expect_rc "-o naming the input of extract" 2
expect_has "-o naming the input: message names both" "$err" "-o keep.en.txt is the input keep.en.txt"
if cmp -s keep.en.txt keep.en.orig; then ok; else bad "-o naming the input of extract: the original was changed"; fi
run check -o keep.pt-BR.txt --source keep.en.txt keep.pt-BR.txt
expect_rc "-o naming a FILE" 2
if cmp -s keep.pt-BR.txt keep.pt-BR.orig; then ok; else bad "-o naming a FILE: the translation was changed"; fi
run check -o keep.en.txt --source keep.en.txt keep.pt-BR.txt
expect_rc "-o naming --source" 2
expect_has "-o naming --source" "$err" "keep.en.txt"
run extract -o keep.facts.yaml keep.en.txt
cp keep.facts.yaml keep.facts.orig
run check --facts keep.facts.yaml -o keep.facts.yaml keep.pt-BR.txt
expect_rc "-o naming --facts" 2
if cmp -s keep.facts.yaml keep.facts.orig; then ok; else bad "-o naming --facts: the facts were changed"; fi
ln -s keep.pt-BR.txt keep.link
ln keep.pt-BR.txt keep.hard
run check -o keep.link --source keep.en.txt keep.pt-BR.txt
expect_rc "-o through a symbolic link to a FILE" 2
expect_has "-o through a symbolic link" "$err" "-o keep.link is the input keep.pt-BR.txt"
run check -o keep.hard --source keep.en.txt keep.pt-BR.txt
expect_rc "-o naming a hard link of a FILE" 2
if cmp -s keep.pt-BR.txt keep.pt-BR.orig; then ok; else bad "-o links: the translation was changed"; fi
run_from keep.pt-BR.txt check -o keep.pt-BR.txt -
expect_rc "-o naming standard input's file" 2
if cmp -s keep.pt-BR.txt keep.pt-BR.orig; then ok; else bad "-o naming standard input's file: changed"; fi
# A symbolic link to a file that is not read: the file is replaced, the link kept.
printf 'old\n' >linked.txt
ln -s linked.txt report.link
run check --fail-on never -o report.link keep.pt-BR.txt
expect_rc "-o through a symbolic link" 0
if [ -L report.link ]; then ok; else bad "-o through a symbolic link: the link was replaced"; fi
expect_has "-o through a symbolic link: its file written" "$(cat linked.txt)" "in 1 file"
mkdir outdir
run check -o outdir keep.pt-BR.txt
expect_rc "-o naming a folder" 2
expect_has "-o naming a folder" "$err" "outdir"

# A device node (as /dev/null) is written, never replaced by a file.
if mknod nulldev c 1 3 2>/dev/null; then
	run check --fail-on never -o nulldev --source keep.en.txt keep.pt-BR.txt
	expect_rc "-o a device" 0
	if [ -c nulldev ]; then ok; else bad "-o a device: the node was replaced"; fi
	leftovers=$(ls -A | grep -c '^nulldev\.' || true)
	expect_has "-o a device: no temporary file" "[$leftovers]" "[0]"
else
	echo "SKIP: -o onto a device node: mknod is not permitted here"
fi
# A FIFO: written into, read by the other end.
mkfifo out.fifo
timeout 20 cat out.fifo >fifo.got &
reader=$!
run check --fail-on never -o out.fifo --source keep.en.txt keep.pt-BR.txt
wait "$reader"
expect_rc "-o a FIFO" 0
if [ -p out.fifo ]; then ok; else bad "-o a FIFO: the FIFO was replaced"; fi
expect_has "-o a FIFO: the report came through" "$(cat fifo.got)" "number.mismatch"

# A signal during -o leaves neither the target nor a temporary file. The
# run is held by a JSONL stream that stays open; its answers go to the
# temporary file. Both kinds of temporary file: nameless, then named.
printf '%s\n' '{"id":1,"source":"The chain has 281 stores.","target":"A rede tem 218 lojas.","lang":"pt-BR"}' >one.jsonl
for named in 0 1; do
	for sig in INT TERM HUP; do
		mkdir "sig.$named.$sig"
		mkfifo "sig.$named.$sig/in"
		# Job control: else a background job ignores SIGINT.
		set -m
		FIDELINT_NAMED_TMPFILE=$named "$bin" check --input jsonl \
			-o "sig.$named.$sig/out.jsonl" "sig.$named.$sig/in" \
			>/dev/null 2>&1 &
		pid=$!
		set +m
		exec 3>"sig.$named.$sig/in"
		cat one.jsonl >&3
		# Wait until the temporary file (an open file of the run in
		# that folder other than its input) holds the answer.
		for _ in $(seq 100); do
			size=0
			for fd in /proc/"$pid"/fd/*; do
				case $(readlink "$fd" 2>/dev/null) in
				*"sig.$named.$sig/in") ;;
				*"sig.$named.$sig/"*) size=$(stat -L -c %s "$fd" 2>/dev/null || echo 0) ;;
				esac
			done
			[ "$size" -gt 0 ] && break
			sleep 0.1
		done
		if [ "$size" -gt 0 ]; then ok; else bad "the answer never reached the temporary file ($sig, named=$named)"; fi
		if [ "$named" = 1 ]; then
			n=$(ls -A "sig.$named.$sig" | grep -c '^out\.jsonl\.' || true)
			expect_has "named temporary file exists during the run ($sig)" "[$n]" "[1]"
		fi
		kill -s "$sig" "$pid"
		wait "$pid" 2>/dev/null
		rc=$?
		exec 3>&-
		expect_rc "SIG$sig during -o ends the run (named=$named)" $((128 + $(kill -l "$sig")))
		left=$(ls -A "sig.$named.$sig" | grep -v '^in$' | tr '\n' ' ')
		expect_has "SIG$sig during -o leaves nothing (named=$named)" "[$left]" "[]"
	done
done

# --- issue 10: every option honoured in every input mode, or refused
run check --input jsonl -o answers.jsonl --fail-on never one.jsonl
expect_rc "jsonl -o" 0
expect_has "jsonl -o: nothing on stdout" "[$out]" "[]"
expect_has "jsonl -o: the file has the answers" "$(cat answers.jsonl 2>/dev/null)" '{"id":1,"lang":"pt-BR","findings":[{"rule":"number.mismatch"'
run check --input jsonl --format text one.jsonl
expect_rc "jsonl --format text refused" 2
expect_has "jsonl --format text refused" "$err" "--format text"
run check --input jsonl --format json --fail-on never one.jsonl
expect_rc "jsonl --format json: its own format" 0
expect_has "jsonl --format json" "$out" '{"id":1'
for mode in "--input jsonl one.jsonl" "--input tsv pairs.tsv" "--source orig.en.txt --aligned tr.pt-BR.txt"; do
	# shellcheck disable=SC2086
	run check --partial $mode
	expect_rc "--partial with $mode refused" 2
	expect_has "--partial with $mode refused" "$err" "--partial"
	# shellcheck disable=SC2086
	run check --facts keep.facts.yaml $mode
	expect_rc "--facts with $mode refused" 2
	expect_has "--facts with $mode refused" "$err" "--facts"
done
run check --source-lang en keep.pt-BR.txt
expect_rc "--source-lang without --source refused" 2
expect_has "--source-lang without --source refused" "$err" "--source-lang"
printf '%s\n' '{"id":1,"source":"The chain has 281 stores.","target":"A rede tem 218 lojas.","lang":"pt-BR"}' >nolang.jsonl
run check --input jsonl --source-lang xx nolang.jsonl
expect_rc "jsonl honours --source-lang" 1
expect_has "jsonl honours --source-lang" "$out" "xx"

# --- issue 10: readers are bounded and say why they stop
mkfifo zero.fifo
head -c 100000000 /dev/zero >zero.fifo 2>/dev/null &
run check --input jsonl zero.fifo
expect_rc "jsonl: a line without end stops" 2
expect_has "jsonl: a line without end names file and limit" "$err" "zero.fifo:1: line longer than the limit of 67108864 bytes"
wait
head -c 100000000 /dev/zero >zero.fifo 2>/dev/null &
run check --input tsv zero.fifo
expect_rc "tsv: an endless input stops" 2
expect_has "tsv: an endless input names file and limit" "$err" "zero.fifo: file larger than the limit of 67108864 bytes"
wait
mkdir adir
for mode in "--input jsonl" "--input tsv" "--input text"; do
	# shellcheck disable=SC2086
	run check $mode adir
	expect_rc "$mode on a folder" 2
	expect_has "$mode on a folder" "$err" "adir"
done

# --- issue 10: JSONL positions are the input's; blank lines skipped
printf '%s\n' '{"id":1,"source":"a","target":"a"}' '   ' '' '	 ' '{"id":2,"source":"x",}' >positions.jsonl
run check --input jsonl --fail-on never positions.jsonl
expect_has "jsonl: blank lines skipped" "$(echo "$out" | wc -l | tr -d ' ')" "2"
expect_has "jsonl: a bad record is placed at its input line" "$out" '"error":"positions.jsonl:5:22: '

# --- issue 10: a lone CR ends a line in aligned mode as in a document
printf 'The chain has 281 stores.\rRuben Mayer left.\r' >cr.en.txt
printf 'A rede tem 218 lojas.\nRuben Mayer saiu.\n' >cr.pt-BR.txt
run check --fail-on warning --source cr.en.txt --aligned --format json cr.pt-BR.txt
expect_rc "aligned: lone CR ends a line" 1
expect_has "aligned: lone CR ends a line" "$out" '"source_line": 1'
printf 'The chain has 281 stores.\tA rede tem 218 lojas.\rIt has 3.\tTem 3.\r\n' >cr.tsv
run check --fail-on warning --input tsv --lang pt-BR --format json cr.tsv
expect_rc "tsv: lone CR ends a row" 1

# --- issue 10: check - reads standard input
run_from keep.pt-BR.txt check --fail-on warning --color never --source keep.en.txt --lang pt-BR -
expect_rc "check - reads standard input" 1
expect_has "check - reads standard input" "$out" "-:1:12: warning"
run check - -
expect_rc "'-' twice refused" 2

# --- issue 10: a NUL does not cut a context line; bidi controls escaped
printf 'A rede\000 tem 218 lojas e \342\200\256 abc.\n' >ctl.pt-BR.txt
run check --fail-on warning --color never --source keep.en.txt ctl.pt-BR.txt
expect_rc "context with NUL and U+202E" 1
expect_has "context: NUL escaped, the line kept" "$out" "A rede<U+0000> tem 218 lojas e <U+202E> abc."
expect_has "context: the caret under the number" "$out" "      |                    ^~~"
expect_lacks "context: no raw U+202E" "$out" $'\342\200\256'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
