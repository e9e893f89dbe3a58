#!/usr/bin/env python3
"""Write a gettext PO catalogue of line-aligned pairs, for timing
`pofilter -t numbers` (translate-toolkit) on the text fidelint checks with
`--source ORIGINAL --aligned`.

    python3 scripts/bench/make-po.py ORIGINAL TRANSLATION LANG [LINES] > OUT.po

Line i of ORIGINAL becomes entry i's msgid, line i of TRANSLATION its msgstr,
with msgctxt "i" so that repeated originals stay distinct entries. With
LINES, only the first LINES pairs are written. Both files are UTF-8; a
pair with an empty side is still written (pofilter skips untranslated
entries as fidelint skips empty lines).
"""
import sys


def quote(s):
    """Return s as one PO string literal (backslash, quote, tab escaped)."""
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + s + '"'


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    src, tgt, lang = argv[1], argv[2], argv[3]
    limit = int(argv[4]) if len(argv) == 5 else None
    with open(src, encoding="utf-8") as f:
        a = f.read().split("\n")
    with open(tgt, encoding="utf-8") as f:
        b = f.read().split("\n")
    if a and a[-1] == "":
        a.pop()
    if b and b[-1] == "":
        b.pop()
    if len(a) != len(b):
        sys.stderr.write(f"make-po: {src} has {len(a)} lines, {tgt} {len(b)}\n")
        return 1
    if limit is not None:
        a, b = a[:limit], b[:limit]
    out = sys.stdout
    out.write('msgid ""\nmsgstr ""\n')
    for h in ("Project-Id-Version: fidelint-bench\\n", "MIME-Version: 1.0\\n",
              "Content-Type: text/plain; charset=UTF-8\\n",
              "Content-Transfer-Encoding: 8bit\\n", f"Language: {lang}\\n"):
        out.write('"' + h + '"\n')
    for i, (s, t) in enumerate(zip(a, b), 1):
        out.write(f"\nmsgctxt {quote(str(i))}\nmsgid {quote(s)}\nmsgstr {quote(t)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
