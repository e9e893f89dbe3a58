#!/usr/bin/env python3
"""Writes the XML test files of tests/formats/ (XLIFF 1.2, XLIFF 2.0, TMX):

  story.pt.xlf  the bundled story's Portuguese machine translation
                (examples/meta-scale-ai/pt.mt.txt), one trans-unit per line,
                with inline codes, a translate="no" unit and a
                needs-translation unit added;
  ntrex.xlf     16 NTREX-128 dev lines (60-75, en -> pt-BR) as XLIFF 2.0;
  ntrex.tmx     the same lines as TMX 1.4, with pt (Portugal) as a second
                target language in some units.

The NTREX lines are read from ntrex-60-75.tsv here (copied from
/work/shared/corpora/ntrex-dev/ when it is missing and ../shared is there).
Run from anywhere: python3 tests/formats/make_xml.py. The outputs are
committed; the tests read those, not this script.
"""
import os
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NTREX_TSV = os.path.join(HERE, "ntrex-60-75.tsv")
NTREX_DIR = os.path.join(ROOT, "..", "shared", "corpora", "ntrex-dev")
FIRST, LAST = 60, 75

ATTRIBUTION = (
    "NTREX-128 dev lines %d-%d (Microsoft, https://github.com/MicrosoftTranslator/NTREX):\n"
    "     Federmann, Kocmi, Xin. \"NTREX-128 - News Test References for MT Evaluation\n"
    "     of 128 Languages\". SUMEval 2022. CC BY-SA 4.0; this file is CC BY-SA 4.0 too." % (FIRST, LAST))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def ntrex_rows():
    """[(line, en, pt-BR, pt)] of the NTREX lines FIRST..LAST."""
    if not os.path.exists(NTREX_TSV):
        if not os.path.isdir(NTREX_DIR):
            sys.exit("make_xml.py: %s is missing and %s is not there" % (NTREX_TSV, NTREX_DIR))
        cols = [read(os.path.join(NTREX_DIR, f)).split("\n") for f in ("en.txt", "pt-BR.txt", "pt.txt")]
        with open(NTREX_TSV, "w", encoding="utf-8", newline="\n") as f:
            f.write("line\ten\tpt-BR\tpt\n")
            for i in range(FIRST, LAST + 1):
                f.write("%d\t%s\n" % (i, "\t".join(c[i - 1] for c in cols)))
    rows = []
    for line in read(NTREX_TSV).split("\n")[1:]:
        if line:
            c = line.split("\t")
            rows.append((int(c[0]), c[1], c[2], c[3]))
    return rows


def once(text, old, new):
    """text with the first occurrence of old (which must be there) as new."""
    i = text.index(old)
    return text[:i] + new + text[i + len(old):]


# ------------------------------------------------------------- story.pt.xlf

def story_xliff():
    pt = read(os.path.join(ROOT, "examples/meta-scale-ai/pt.mt.txt")).split("\n")
    en = read(os.path.join(ROOT, "tests/extract/story.en.txt")).rstrip("\n").split("\n")
    assert len(pt) == 3 and pt[2] == "Fonte", "pt.mt.txt changed: update make_xml.py"
    # escaped text, then the inline codes put in (the same in both sides)
    src = [escape(en[0]), escape(" ".join(en[1:])), "Source"]
    tgt = [escape(t) for t in pt]
    # <g> around a name: zero width, its content is text
    src[0] = once(src[0], "Meta", '<g id="1">Meta</g>')
    tgt[0] = once(tgt[0], "Meta", '<g id="1">Meta</g>')
    src[1] = once(src[1], "Alexandr Wang", '<g id="2">Alexandr Wang</g>')
    tgt[1] = once(tgt[1], "Alexandr Wang", '<g id="2">Alexandr Wang</g>')
    # a <bpt>/<ept> pair: zero width, their content is native code
    for s in (src, tgt):
        s[1] = once(s[1], "Meta Superintelligence Labs",
                    '<bpt id="3">&lt;b&gt;</bpt>Meta Superintelligence Labs<ept id="3">&lt;/b&gt;</ept>')
    # <x/> after the first sentence: a code, one space of the text
    src[1] = once(src[1], "strain, according to people familiar with the matter.",
                  'strain, according to people familiar with the matter.<x id="4"/>')
    tgt[1] = once(tgt[1], "sinais de desgaste.", 'sinais de desgaste.<x id="4"/>')
    # <ph> with a number inside, at the end: a code; 999 must not be read
    ph = '<ph id="5">&lt;img alt="999 pessoas" width="999"/&gt;</ph>'
    src[1] += ph
    tgt[1] += ph
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!--",
           "  The bundled story (examples/meta-scale-ai/pt.mt.txt: a raw machine",
           "  translation, byte for byte) as XLIFF 1.2, one trans-unit per line,",
           "  written by tests/formats/make_xml.py.",
           "  The English original is not in the repository. Each <source> is",
           "  tests/extract/story.en.txt (English written for the project from the",
           "  facts of examples/meta-scale-ai/facts.yaml: line 1 for the title, the",
           "  other lines joined for the paragraph), not the text this was",
           "  translated from: it says what is true, it is not aligned sentence by",
           "  sentence. Added by hand: inline codes (<g>, <bpt>/<ept>, <x/>, a <ph>",
           "  holding the number 999), a translate=\"no\" unit and a",
           "  needs-translation unit, whose made-up texts hold errors that must not",
           "  be reported.",
           "-->",
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
           '  <file original="pt.mt.txt" source-language="en" target-language="pt-BR" datatype="plaintext">',
           "    <body>"]

    def unit(uid, s, t, attrs="", tattrs=""):
        out.append('      <trans-unit id="%s"%s>' % (uid, attrs))
        out.append("        <source>%s</source>" % s)
        out.append("        <target%s>%s</target>" % (tattrs, t))
        out.append("      </trans-unit>")

    unit("title", src[0], tgt[0])
    unit("credit", "Photo: TechCrunch", "Foto: Techcrunch, Openai e META, 2024", ' translate="no"')
    unit("body", src[1], tgt[1])
    unit("draft", "Scale AI laid off 200 people.", "A escala de IA demitiu 300 pessoas.",
         tattrs=' state="needs-translation"')
    unit("source", src[2], tgt[2])
    out += ["    </body>", "  </file>", "</xliff>", ""]
    write("story.pt.xlf", "\n".join(out))


# ---------------------------------------------------------------- ntrex.xlf

def ntrex_xliff(rows):
    by = {r[0]: r for r in rows}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!--",
           "  " + ATTRIBUTION,
           "  As XLIFF 2.0 by tests/formats/make_xml.py. Line 71 holds a real",
           "  translator slip (281-store -> 218 lojas, tests/numbers/pairs.tsv",
           "  pt-BR-040). Added on purpose: inline codes (<pc>, <sc/>/<ec/>, <mrk>,",
           "  <ph/>); the original of line 62 has a <ph/> its translation lacks and",
           "  the translation of line 65 one the original lacks (placeholder",
           "  findings); line 61 is translate=\"no\", line 64 state=\"initial\"; lines",
           "  73 and 74 are two segments of one unit, with an <ignorable>.",
           "-->",
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="pt-BR">',
           '  <file id="f1" original="ntrex-dev">']

    def seg(s, t, attrs=""):
        return ["      <segment%s>" % attrs,
                "        <source>%s</source>" % s,
                "        <target>%s</target>" % t,
                "      </segment>"]

    for n in range(FIRST, LAST + 1):
        if n == 74:
            continue
        _, en, br, _ = by[n]
        s, t = escape(en), escape(br)
        uattrs = ""
        sattrs = ' state="translated"'
        if n == 60:
            s = once(s, "the UK", 'the <pc id="1">UK</pc>')
            t = once(t, "Reino Unido", '<pc id="1">Reino Unido</pc>')
        elif n == 61:
            uattrs = ' translate="no"'
        elif n == 62:
            s = once(s, "3,000 products", '3,000 products<ph id="1"/>')
        elif n == 64:
            sattrs = ' state="initial"'
        elif n == 65:
            t = once(t, "The Fragrance Shop", 'The Fragrance Shop<ph id="2"/>')
        elif n == 71:
            s = once(s, "Celesio", '<sc id="1"/>Celesio<ec startRef="1"/>')
            t = once(t, "Celesio", '<sc id="1"/>Celesio<ec startRef="1"/>')
            s = once(s, "Lloyds Pharmacy", '<mrk id="m1" translate="no">Lloyds Pharmacy</mrk>')
            t = once(t, "Lloyds Pharmacy", '<mrk id="m1" translate="no">Lloyds Pharmacy</mrk>')
        if n == 73:
            out.append('    <unit id="ntrex-73-74">')
            out += seg(s, t, ' id="s73"' + sattrs)
            out += ["      <ignorable>", "        <source> </source>", "      </ignorable>"]
            _, en2, br2, _ = by[74]
            out += seg(escape(en2), escape(br2), ' id="s74"' + sattrs)
        else:
            out.append('    <unit id="ntrex-%d"%s>' % (n, uattrs))
            out += seg(s, t, sattrs)
        out.append("    </unit>")
    out += ["  </file>", "</xliff>", ""]
    write("ntrex.xlf", "\n".join(out))


# ---------------------------------------------------------------- ntrex.tmx

def ntrex_tmx(rows):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!--",
           "  " + ATTRIBUTION,
           "  As TMX 1.4 by tests/formats/make_xml.py: en-US originals, pt-BR",
           "  translations, and pt-PT (ntrex-dev pt.txt) in some units, before",
           "  pt-BR in some: the target language is the first unit's, pt-BR.",
           "  Line 71 holds a real translator slip (281-store -> 218 lojas). Added",
           "  on purpose: inline codes (<bpt>/<ept>, <ph>, <it>, <hi>); the",
           "  original of line 66 has a <ph> its translation lacks (placeholder",
           "  finding). Line 63 has no pt-BR translation (no segment).",
           "-->",
           '<tmx version="1.4">',
           '  <header creationtool="make_xml.py" creationtoolversion="1" datatype="plaintext"'
           ' segtype="sentence" adminlang="en-US" srclang="en-US" o-tmf="none"/>',
           "  <body>"]
    for n, en, br, pt in rows:
        s, t, p = escape(en), escape(br), escape(pt)
        if n == 60:
            s = once(s, "beauty market", '<bpt i="1" x="1">&lt;b&gt;</bpt>beauty market<ept i="1">&lt;/b&gt;</ept>')
            t = once(t, "mercado da beleza", '<bpt i="1" x="1">&lt;b&gt;</bpt>mercado da beleza<ept i="1">&lt;/b&gt;</ept>')
        elif n == 66:
            s = once(s, "convenience stores", 'convenience stores<ph x="1">&lt;br/&gt;</ph>')
        elif n == 67:
            s = once(s, "Mike Coupe", '<hi type="bold">Mike Coupe</hi>')
            t = once(t, "Mike Coupe", '<hi type="bold">Mike Coupe</hi>')
        elif n == 72:
            s = s + '<it pos="begin" x="2">&lt;i&gt;</it>'
            t = t + '<it pos="begin" x="2">&lt;i&gt;</it>'
        tuvs = [("EN-US" if n == 62 else "en-US", s)]
        if n == 63:
            tuvs.append(("pt-PT", p))
        elif n in (65, 70):
            tuvs += [("pt-PT", p), ("pt-BR", t)]
        elif n in (60, 68):
            tuvs += [("pt-BR", t), ("pt-PT", p)]
        else:
            tuvs.append(("pt-BR", t))
        out.append('    <tu tuid="ntrex-%d">' % n)
        for lang, text in tuvs:
            out.append('      <tuv xml:lang="%s"><seg>%s</seg></tuv>' % (lang, text))
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    write("ntrex.tmx", "\n".join(out))


def main():
    rows = ntrex_rows()
    story_xliff()
    ntrex_xliff(rows)
    ntrex_tmx(rows)


if __name__ == "__main__":
    main()
