#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) in a content repository,
# with Debian's pre-commit: a temporary repository names its translations
# and their facts in .fidelint.yaml and uses the hook from a local git
# repository; a commit of a correct translation (and of a README the
# configuration does not name) passes, a commit of a translation that
# miscases a name is blocked, with fidelint's diagnostics shown.
# usage: precommit_test.sh SOURCE_DIR FIDELINT
set -euo pipefail
src=$1
bin=$2
if ! command -v pre-commit >/dev/null 2>&1; then
	echo "SKIP: pre-commit is not installed (scripts/install-deps.sh installs it)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export PATH="$(cd "$(dirname "$bin")" && pwd):$PATH"
export PRE_COMMIT_HOME=$tmp/pre-commit-home HOME=$tmp
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
git config --global init.defaultBranch main

# The hook's repository: this project's hook definition, committed.
mkdir "$tmp/hook"
cp "$src/.pre-commit-hooks.yaml" "$tmp/hook/"
git -C "$tmp/hook" init -q
git -C "$tmp/hook" add .pre-commit-hooks.yaml
git -C "$tmp/hook" commit -qm hook
rev=$(git -C "$tmp/hook" rev-parse HEAD)

# A content repository.
repo=$tmp/content
mkdir -p "$repo/pt"
cd "$repo"
git init -q
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hook
    rev: $rev
    hooks:
      - id: fidelint
YAML
cat >.fidelint.yaml <<'YAML'
version: 1
files:
  - glob: "pt/*.pt.txt"
    lang: pt
    facts: "facts/{stem}.yaml"
YAML
mkdir facts
cat >facts/story.yaml <<'YAML'
version: 1
entities:
  - {name: OpenAI, kind: org, count: 1}
  - {name: Sam Altman, kind: person, count: 1}
YAML
echo "A OpenAI anunciou hoje um novo modelo, disse Sam Altman." >pt/story.pt.txt
printf 'Notes: qwxzt frobnicate Openai\n' >README.md
git add -A
pre-commit install >/dev/null
out=$(git commit -qm good 2>&1) || fail "a correct translation was blocked: $out"

echo "A Openai anunciou hoje um novo modelo, disse Sam Altman." >pt/story.pt.txt
git add pt/story.pt.txt
status=0
out=$(git commit -qm bad 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "a miscased name was committed: $out"
grep -q "name.case" <<<"$out" || fail "no diagnostics in the hook's output: $out"
grep -q "pt/story.pt.txt:1:3" <<<"$out" || fail "the diagnostics do not place the finding: $out"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "the bad commit landed"
echo "pre-commit: ok"
