#!/usr/bin/env bash
# Share of lines with any error or warning on the NTREX dev set in aligned mode
# (`fidelint check --source en.txt --aligned`), per language, errors per 10,000 target words,
# and a breakdown of errors and warnings by rule (lines touched, findings).
# Target of issue 9: at most 5 % of lines and 0.5 errors per 10,000 words in every language.
# Usage: scripts/ntrex-lines.sh [BUILD_DIR] [LANG...]   (needs ../shared/corpora/ntrex-dev)
# With FL_KEEP=DIR the JSON reports are kept in DIR (DIR/LANG.json) for reading.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build}
[ $# -gt 0 ] && shift
langs=${*:-ar pt pt-BR he fr de}
corpus=../shared/corpora/ntrex-dev
[ -d "$corpus" ] || { echo "ntrex-lines: $corpus not found" >&2; exit 2; }
dir=${FL_KEEP:-$(mktemp -d)}
mkdir -p "$dir"
[ -n "${FL_KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
for l in $langs; do
	"$B/fidelint" check --source "$corpus/en.txt" --aligned --lang "$l" --format json \
		--fail-on never -o "$dir/$l.json" "$corpus/$l.txt"
done
python3 - "$corpus" "$dir" $langs <<'PY'
import json, sys, collections
corpus, d, langs = sys.argv[1], sys.argv[2], sys.argv[3:]
nlines = sum(1 for _ in open(f"{corpus}/en.txt", encoding="utf-8"))
print(f"{'lang':6} {'lines':>5} {'flagged':>7} {'share':>6} {'err':>4} {'err/10k':>7}  by rule (lines/findings, errors and warnings)")
for l in langs:
    words = len(open(f"{corpus}/{l}.txt", encoding="utf-8").read().split())
    fs = [f for fi in json.load(open(f"{d}/{l}.json"))["files"] for f in fi["findings"]]
    fs = [f for f in fs if f["severity"] in ("error", "warning")]
    lines = {f["line"] for f in fs}
    errs = sum(f["severity"] == "error" for f in fs)
    per = collections.defaultdict(lambda: [set(), 0])
    for f in fs:
        k = f"{f['rule']}/{f['severity'][0]}"
        per[k][0].add(f["line"]); per[k][1] += 1
    rules = "  ".join(f"{k} {len(v[0])}/{v[1]}" for k, v in sorted(per.items(), key=lambda x: -len(x[1][0])))
    print(f"{l:6} {nlines:5} {len(lines):7} {100*len(lines)/nlines:5.1f}% {errs:4} {errs*10000/words:7.2f}  {rules}")
PY
