#!/usr/bin/env python3
"""The seed story as XLIFF gives the plain text's findings (issue 11).

usage: compare_story.py FIDELINT REPO_ROOT

Runs `fidelint check --facts examples/meta-scale-ai/facts.yaml --format json`
on examples/meta-scale-ai/pt.mt.txt and on tests/formats/story.pt.xlf (made
from it by make_xml.py: line N of the text is the target of the N-th
checked trans-unit) and compares rule, severity, text and place of every
finding. The place of a plain finding (line:column) is moved into the
XLIFF file by this script's own reading of the <target> (markup skipped,
entities decoded, <ph>, <bpt>, <ept> content skipped), so fidelint's
placing is checked too. A difference in a name.*, number.* or term.*
finding fails; others are printed.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

UNITS = ["title", "body", "source"]  # the trans-units of lines 1, 2, 3
SKIPPED = ("ph", "bpt", "ept", "it")  # content is native code
ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def findings(fidelint, root, path):
    p = subprocess.run([fidelint, "check", "--fail-on", "never", "--format", "json",
                        "--facts", os.path.join(root, "examples/meta-scale-ai/facts.yaml"),
                        os.path.join(root, path)], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("compare_story: fidelint exited %d on %s: %s" % (p.returncode, path, p.stderr))
    return json.loads(p.stdout)["files"][0]["findings"]


def target_places(xml, uid):
    """[(line, column)] in the file of each character of the text of the
    <target> of trans-unit uid, in order (codes excluded)."""
    m = re.search(r'<trans-unit id="%s"[^>]*>.*?<target[^>]*>' % re.escape(uid), xml, re.S)
    pos = m.end()
    end = xml.index("</target>", pos)
    places = []
    skip = 0  # inside an element whose content is code
    while pos < end:
        c = xml[pos]
        if c == "<":
            close = xml.index(">", pos)
            tag = xml[pos + 1:close]
            name = tag.strip("/").split()[0]
            if tag.startswith("/"):
                skip -= name in SKIPPED
            elif name in SKIPPED and not tag.endswith("/"):
                skip += 1
            pos = close + 1
            continue
        n = 1
        if c == "&":
            n = xml.index(";", pos) - pos + 1
        if not skip:
            line = xml.count("\n", 0, pos) + 1
            places.append((line, pos - (xml.rfind("\n", 0, pos) + 1) + 1))
        pos += n
    return places


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    fidelint, root = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "tests/formats/story.pt.xlf"), encoding="utf-8") as f:
        xml = f.read()
    with open(os.path.join(root, "examples/meta-scale-ai/pt.mt.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    places = [target_places(xml, u) for u in UNITS]
    for i, p in enumerate(places):
        assert len(p) == len(lines[i]), "unit %s is not line %d" % (UNITS[i], i + 1)

    def key(f, moved):
        line, col = f["line"], f["column"]
        if moved and line:
            line, col = places[line - 1][col - 1]
        return (f["rule"], f["severity"], f["text"], line, col)

    plain = Counter(key(f, True) for f in findings(fidelint, root, "examples/meta-scale-ai/pt.mt.txt"))
    xliff = Counter(key(f, False) for f in findings(fidelint, root, "tests/formats/story.pt.xlf"))
    failed = 0
    for name, diff in (("only in the text", plain - xliff), ("only in the XLIFF", xliff - plain)):
        for k in sorted(diff, key=str):
            strict = k[0].split(".")[0] in ("name", "number", "term")
            failed += strict
            print("%s %s: %s" % ("FAIL" if strict else "note", name, k))
    checked = sum(v for k, v in plain.items() if k[0].split(".")[0] in ("name", "number", "term"))
    print("%d findings in the text, %d in the XLIFF; %d name/number/term findings of the text "
          "compared (rule, severity, text, place): %d differ"
          % (sum(plain.values()), sum(xliff.values()), checked, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
