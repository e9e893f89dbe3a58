#!/usr/bin/env bash
# False-alarm baseline: runs `fidelint check` without facts on the professional
# translations of ../shared/corpora/ntrex-dev (NTREX-128, CC BY-SA 4.0) and
# prints findings per rule and severity, with rates per 10,000 words.
# Usage: scripts/ntrex-baseline.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build}
corpus=../shared/corpora/ntrex-dev
[ -d "$corpus" ] || { echo "ntrex-baseline: $corpus not found" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%-6s %7s  %s\n' lang words "findings (rule/severity: count, per 10k words)"
for l in ar he pt pt-BR fr de; do
	"$B/fidelint" check --lang "$l" --format json --fail-on never -o "$out" "$corpus/$l.txt"
	words=$(wc -w <"$corpus/$l.txt")
	counts=$(grep -E '^ *"(rule|severity)": ' "$out" | paste - - |
		sed -E 's/.*"rule": "([a-z.]+)".*"severity": "([a-z]+)".*/\1\/\2/' | sort | uniq -c |
		awk -v w="$words" '{printf "%s: %d (%.1f)  ", $2, $1, $1 * 10000 / w}')
	printf '%-6s %7d  %s\n' "$l" "$words" "${counts:-none}"
done
