#!/bin/sh
# The bundled story's machine translations (examples/meta-scale-ai/pt.mt.txt,
# ar.mt.txt) and their Markdown and HTML renderings (tests/formats/story.pt.md,
# story.ar.html, made by make_docs.py) give the same name, number and term
# findings: the markup, the front matter and what is not prose add none and
# hide none. Positions differ (the documents have their own lines), so
# findings are compared without them.
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

# same PLAIN LANG DOCUMENT FORMAT [OPTIONS]: the findings of the plain text
# (with the story's facts) and of the document (facts as its front matter
# says, or OPTIONS).
same() {
	plain=$1 lang=$2 doc=$3 format=$4
	shift 4
	findings --facts "$repo/examples/meta-scale-ai/facts.yaml" --lang "$lang" \
		"$repo/examples/meta-scale-ai/$plain" >"$tmp/text" || exit 1
	findings --input "$format" "$@" "$repo/tests/formats/$doc" >"$tmp/doc" ||
		exit 1
	n=$(wc -l <"$tmp/text")
	if [ "$n" -lt 20 ]; then
		echo "only $n findings from $plain: the story or the checker changed"
		exit 1
	fi
	if ! diff -u "$tmp/text" "$tmp/doc"; then
		echo "$doc does not give the findings of $plain (- text, + $format)"
		exit 1
	fi
	echo "$doc: $n name, number and term findings, as $plain"
}

same pt.mt.txt pt-BR story.pt.md markdown
same ar.mt.txt ar story.ar.html html --facts "$repo/examples/meta-scale-ai/facts.yaml"
