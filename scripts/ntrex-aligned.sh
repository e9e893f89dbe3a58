#!/usr/bin/env bash
# Aligned checking on professional translations: `fidelint check --source en.txt --aligned`
# on each translation of ../shared/corpora/ntrex-dev (NTREX-128, CC BY-SA 4.0), with findings
# per rule and severity and rates per 10,000 target words. Also greps the one real human slip
# the corpus is known for, 281 -> 218 stores in pt-BR (line 71).
# Usage: scripts/ntrex-aligned.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build}
corpus=../shared/corpora/ntrex-dev
[ -d "$corpus" ] || { echo "ntrex-aligned: $corpus not found" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%-6s %7s %7s  %s\n' lang words err/10k "findings (rule/severity: count)"
for l in ar he pt pt-BR fr de; do
	"$B/fidelint" check --source "$corpus/en.txt" --aligned --lang "$l" --format json \
		--fail-on never -o "$out" "$corpus/$l.txt"
	words=$(wc -w <"$corpus/$l.txt")
	errors=$(grep -c '"severity": "error"' "$out" || true)
	counts=$(grep -E '^ *"(rule|severity)": ' "$out" | paste - - |
		sed -E 's/.*"rule": "([a-z.A-Z-]+)".*"severity": "([a-z]+)".*/\1\/\2/' | sort | uniq -c |
		awk '{printf "%s: %d  ", $2, $1}')
	printf '%-6s %7d %7.2f  %s\n' "$l" "$words" "$(echo "$errors * 10000 / $words" | bc -l)" \
		"${counts:-none}"
	if [ "$l" = pt-BR ]; then
		n=$(grep -A8 '"rule": "number.mismatch"' "$out" | grep -c '"text": "218"' || true)
		echo "        281 -> 218 stores (line 71) reported as number.mismatch: $n"
	fi
done
