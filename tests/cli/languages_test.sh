#!/usr/bin/env bash
# check --max-languages N (and .fidelint.yaml "max_languages"): files in
# three languages, in runs and interleaved, checked keeping one language
# loaded at a time give the bytes of an unbounded run, at -j 1 and -j 2,
# with words accepted by the configuration; bad values are refused.
# usage: languages_test.sh FIDELINT SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

ex=$src/examples/meta-scale-ai
facts=$ex/facts.yaml
mkdir "$tmp/p"
# files in three languages (small dictionaries: the test runs under ASan
# too) in runs: ar, fr, de, then ar and de again
split -l 24 -d -a 2 --additional-suffix=.ar.txt "$ex/ar.mt.txt" "$tmp/p/a"
split -l 2 -d -a 2 --additional-suffix=.fr.txt "$ex/fr.summary.txt" "$tmp/p/c"
printf '%s\n' "Meta investiert 14,3 Milliarden Dollar in Scale AI und holt Alexandr Wang." \
	"Das Unternehmen Scale AI hat Datenlabeler in vielen Ländern; Outlier ist seine Plattform." \
	>"$tmp/p/e00.de.txt"
printf '%s\n' "Die Firma Surge AI bleibt unabhängig, sagt Wangg; Datenlabeler arbeiten für sie." \
	>"$tmp/p/e01.de.txt"
cp "$tmp/p/a00.ar.txt" "$tmp/p/g00.ar.txt"
cp "$tmp/p/e01.de.txt" "$tmp/p/g01.de.txt"
files=("$tmp"/p/*.txt)
[ "${#files[@]}" -ge 9 ] || fail "only ${#files[@]} files"
# the same files interleaved: ar de fr ar de ...
inter=()
for k in 00 01 02; do
	for f in "$tmp/p/a$k.ar.txt" "$tmp/p/e$k.de.txt" "$tmp/p/c$k.fr.txt"; do
		[ -f "$f" ] && inter+=("$f")
	done
done

# runs check in the project folder with the rest of the arguments into
# out.NAME (standard output and status)
run() {
	local name=$1
	shift
	local st=0
	(cd "$tmp/p" && "$bin" check --fail-on never "$@") >"$tmp/out.$name" 2>"$tmp/err.$name" || st=$?
	[ "$st" = 0 ] || fail "$name: status $st: $(cat "$tmp/err.$name")"
}

run all --no-config --format json --facts "$facts" --max-languages 0 "${files[@]}"
for j in 1 2; do
	run "one$j" --no-config --format json --facts "$facts" --max-languages 1 -j "$j" "${files[@]}"
	cmp -s "$tmp/out.all" "$tmp/out.one$j" ||
		fail "-j $j: one language at a time differs"
done
# interleaved: every file needs another language than the one before
run interall --no-config --format json --facts "$facts" --max-languages 0 "${inter[@]}"
run inter --no-config --format json --facts "$facts" --max-languages 1 -j 2 "${inter[@]}"
cmp -s "$tmp/out.interall" "$tmp/out.inter" ||
	fail "interleaved, one language at a time differs"
# text, and the default bound
run textall --no-config --format text --facts "$facts" --max-languages 0 "${files[@]}"
run text --no-config --format text --facts "$facts" -j 2 "${files[@]}"
cmp -s "$tmp/out.textall" "$tmp/out.text" || fail "--format text: the default bound differs"

# words the configuration accepts, with its bound, and with the command
# line's instead
printf 'version: 1\naccept: [Datenlabeler, "تكنلوجيا"]\n' >"$tmp/p/.fidelint.yaml"
run acc0 --format json --facts "$facts" --max-languages 0 "${files[@]}"
grep -q '"Datenlabeler"' "$tmp/out.all" || fail "the test needs 'Datenlabeler' unknown without the configuration"
! grep -q '"Datenlabeler"' "$tmp/out.acc0" || fail "the accepted word is still reported"
for j in 2; do
	run "acc1$j" --format json --facts "$facts" --max-languages 1 -j "$j" "${files[@]}"
	cmp -s "$tmp/out.acc0" "$tmp/out.acc1$j" || fail "-j $j: accepted words with one language at a time differ"
done
printf 'version: 1\nmax_languages: 1\naccept: [Datenlabeler, "تكنلوجيا"]\n' >"$tmp/p/.fidelint.yaml"
for j in 1; do
	run "cfg$j" --format json --facts "$facts" -j "$j" "${files[@]}"
	cmp -s "$tmp/out.acc0" "$tmp/out.cfg$j" || fail "-j $j: max_languages: 1 in the configuration differs"
done

# bad values
printf 'version: 1\nmax_languages: many\n' >"$tmp/p/.fidelint.yaml"
st=0
(cd "$tmp/p" && "$bin" check --fail-on never "${files[0]}") >/dev/null 2>"$tmp/err.bad" || st=$?
[ "$st" = 2 ] || fail "a bad max_languages: status $st"
grep -q "max_languages" "$tmp/err.bad" || fail "a bad max_languages is not named: $(cat "$tmp/err.bad")"
for bad in -1 x 1x ""; do
	st=0
	"$bin" check --no-config --max-languages "$bad" "${files[0]}" >/dev/null 2>"$tmp/err.bad" || st=$?
	[ "$st" = 2 ] || fail "--max-languages '$bad': status $st"
	grep -q -- "--max-languages" "$tmp/err.bad" || fail "--max-languages '$bad': $(cat "$tmp/err.bad")"
done
echo "ok"
