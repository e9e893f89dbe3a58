#!/bin/sh
# The bundled story's Portuguese machine translation (examples/meta-scale-ai/pt.mt.txt)
# and its Markdown rendering (tests/formats/story.pt.md, made by make_docs.py) give
# the same name, number and term findings: the markup, the front matter and the
# blocks that are not prose add none and hide none. Positions differ (the
# Markdown file has its own lines), so findings are compared without them.
#   same_findings.sh FIDELINT REPO
set -u
bin=$1
repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "path:LINE:COL: severity: message [rule]" -> "severity: message [rule]"
findings() {
	"$bin" check --color never --fail-on never "$@" |
		grep -E '^[^ ]+: ' | sed -E 's/^[^:]+(:[0-9]+:[0-9]+)?: //' |
		grep -E '\[(name|number|term)\.' | sort
}

findings --facts "$repo/examples/meta-scale-ai/facts.yaml" --lang pt-BR \
	"$repo/examples/meta-scale-ai/pt.mt.txt" >"$tmp/text" || exit 1
findings --input markdown "$repo/tests/formats/story.pt.md" >"$tmp/md" || exit 1
n=$(wc -l <"$tmp/text")
if [ "$n" -lt 20 ]; then
	echo "only $n findings from the plain text: the story or the checker changed"
	exit 1
fi
if ! diff -u "$tmp/text" "$tmp/md"; then
	echo "story.pt.md does not give the findings of pt.mt.txt (- text, + markdown)"
	exit 1
fi
echo "$n name, number and term findings, the same in both"
