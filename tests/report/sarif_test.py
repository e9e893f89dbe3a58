#!/usr/bin/env python3
"""--format sarif against the OASIS SARIF 2.1.0 JSON schema (tests/sarif/).

Runs fidelint on the bundled story as text, as XLIFF, on the test PO and
Markdown files and on a file that does not exist, and validates each log
with python3-jsonschema. The schema's own copy has a misplaced "anyOf"
inside region's "properties" (oasis-tcs/sarif-spec#578), which makes
check_schema() fail; a validator built directly still validates logs.
Also checks what the schema cannot: every result names a rule of the
driver, has a region with a snippet when placed, and a fingerprint.
usage: sarif_test.py FIDELINT SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

bin_, src = sys.argv[1], sys.argv[2]
with open(os.path.join(src, "tests/sarif/sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)
facts = os.path.join(src, "examples/meta-scale-ai/facts.yaml")
fmt = os.path.join(src, "tests/formats")
runs = [
    ("text", ["--facts", facts, os.path.join(src, "examples/meta-scale-ai/pt.mt.txt"),
              os.path.join(src, "examples/meta-scale-ai/ar.mt.txt")]),
    ("xliff", ["--facts", facts, os.path.join(fmt, "story.pt.xlf")]),
    ("xliff pairs", [os.path.join(fmt, "ntrex.xlf")]),
    ("po", [os.path.join(fmt, "story.pt.po")]),
    ("markdown", [os.path.join(fmt, "story.pt.md")]),
    ("failed file", ["--lang", "pt", os.path.join(tempfile.gettempdir(), "fl-no-such-file.txt")]),
]
failed = 0
for name, args in runs:
    p = subprocess.run([bin_, "check", "--no-config", "--format", "sarif", "--fail-on", "never"]
                       + args, capture_output=True, text=True)
    try:
        log = json.loads(p.stdout)
    except ValueError as e:
        print("FAIL %s: not JSON (%s): %s" % (name, e, p.stderr))
        failed += 1
        continue
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:5]:
        print("FAIL %s: %s at %s" % (name, e.message[:200], "/".join(map(str, e.path))))
    failed += bool(errors)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for r in run["results"]:
        problems = []
        if r.get("ruleIndex") is None or rules[r["ruleIndex"]] != r["ruleId"]:
            problems.append("rule %s not at its ruleIndex" % r["ruleId"])
        if not r.get("partialFingerprints", {}).get("fidelint/v1"):
            problems.append("no fingerprint")
        region = r["locations"][0]["physicalLocation"].get("region")
        if region and not region.get("snippet", {}).get("text"):
            problems.append("a region without its snippet")
        if problems:
            print("FAIL %s: %s" % (name, "; ".join(problems)))
            failed += 1
            break
    ok = run["invocations"][0]["executionSuccessful"]
    if ok != (name != "failed file"):
        print("FAIL %s: executionSuccessful is %s" % (name, ok))
        failed += 1
    print("%s %s: %d results, %d rules" % ("ok  " if not failed else "....", name,
                                            len(run["results"]), len(rules)))
sys.exit(1 if failed else 0)
