#!/usr/bin/env bash
# .fidelint.yaml as a user meets it: found above the checked file, its facts
# pattern per file, "check" with no FILE checks what it names, the command
# line wins (--select replaces, --ignore adds), a bad rule id in either is
# refused naming where it was written, --configured-only skips what the
# configuration does not name, fail_on decides the exit status.
# usage: config_test.sh FIDELINT
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
rules() { python3 -c 'import json,sys
d=json.load(sys.stdin)
print(" ".join(sorted(set(f["rule"]+"/"+f["severity"] for fi in d["files"] for f in fi["findings"]))))'; }

mkdir -p "$tmp/p/content/pt" "$tmp/p/facts"
cd "$tmp/p"
cat >.fidelint.yaml <<'YAML'
version: 1
fail_on: warning
ignore: [spell.]
files:
  - glob: "content/**/*.pt.txt"
    lang: pt
    facts: "facts/{stem}.yaml"
    severity: {name.case: warning}
YAML
cat >facts/story.yaml <<'YAML'
version: 1
entities:
  - {name: OpenAI, kind: org, count: 1}
YAML
echo "A Openai anunciou o Qwzxyt." >content/pt/story.pt.txt
echo "Qwzxyt" >notes.txt

# from a subfolder, the file's own configuration and facts
got=$(cd content && "$bin" check --format json --fail-on never pt/story.pt.txt | rules)
[ "$got" = "name.case/warning" ] || fail "configured run gave '$got'"
# no FILE: what the configuration names (not notes.txt); fail_on warning
status=0
out=$("$bin" check --format json) || status=$?
[ "$status" = 1 ] || fail "fail_on: warning should fail the run (status $status)"
grep -q notes.txt <<<"$out" && fail "notes.txt is not named by the configuration"
grep -q story.pt.txt <<<"$out" || fail "the named file was not checked"
# --select replaces the configuration's, --ignore adds to it
got=$("$bin" check --format json --fail-on never --select spell. content/pt/story.pt.txt | rules)
[ "$got" = "" ] || fail "--select spell. with ignore spell. (tie: ignore wins) gave '$got'"
got=$("$bin" check --format json --fail-on never --ignore name.case content/pt/story.pt.txt | rules)
[ "$got" = "" ] || fail "--ignore name.case gave '$got'"
got=$("$bin" check --format json --fail-on never --no-config --lang pt content/pt/story.pt.txt | rules)
grep -q "spell.unknown" <<<"$got" || fail "--no-config still read the configuration: '$got'"
# bad ids
status=0
err=$("$bin" check --select nmae.case content/pt/story.pt.txt 2>&1) || status=$?
[ "$status" = 2 ] && grep -q "did you mean 'name.case'" <<<"$err" || fail "bad --select: $status $err"
sed -i 's/name.case: warning/name.cas: warning/' .fidelint.yaml
status=0
err=$("$bin" check content/pt/story.pt.txt 2>&1) || status=$?
[ "$status" = 2 ] && grep -q ".fidelint.yaml: severity: no rule 'name.cas'" <<<"$err" ||
	fail "bad id in the configuration: $status $err"
sed -i 's/name.cas: warning/name.case: warning/' .fidelint.yaml
echo "files: [x" >>.fidelint.yaml
status=0
err=$("$bin" check content/pt/story.pt.txt 2>&1) || status=$?
[ "$status" = 2 ] && grep -q ".fidelint.yaml:[0-9]*:[0-9]*:" <<<"$err" ||
	fail "a broken configuration: $status $err"
sed -i '$d' .fidelint.yaml
# --configured-only: notes.txt is skipped, the story is checked
out=$("$bin" check --configured-only --format json --fail-on never notes.txt content/pt/story.pt.txt)
grep -q notes.txt <<<"$out" && fail "--configured-only checked notes.txt"
grep -q story.pt.txt <<<"$out" || fail "--configured-only skipped the story"
# no configuration and no FILE: a usage error
mkdir "$tmp/empty"
status=0
(cd "$tmp/empty" && "$bin" check >/dev/null 2>&1) || status=$?
[ "$status" = 2 ] || fail "no FILE and no configuration gave $status"
echo "config: ok"
