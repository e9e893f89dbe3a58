#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets added for issue 10
(corpus/{extract,aligned,tsv,jsonl,pack,number}/) and of the XML readers
(corpus/{xliff,tmx}/: tests/formats/, issue 11) from the repository's
own test data: tests/extract/story.en.txt, tests/numbers/pairs.tsv
(NTREX-128 lines, CC BY-SA 4.0, see tests/numbers/README.md), the shipped
rule packs and tests/data/packs. Run from anywhere; it rewrites those
folders. The seeds of fuzz_check and fuzz_facts are hand-made and kept as
they are."""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LANGS = ["ar", "he", "pt", "fr", "de", "en"]  # byte 0: '0'..'5'


def lang_byte(tag):
    return str(LANGS.index(tag.split("-")[0])).encode()


def out(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def pairs():
    rows = {}
    with open(os.path.join(ROOT, "tests/numbers/pairs.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            rows.setdefault(c[1], []).append((c[0], c[3], c[4], c[2]))
    return rows


# Hand-made sentences about the bundled story (examples/meta-scale-ai).
STORY = [
    ("Meta agreed to put $14.3 billion into Scale AI in June.",
     "A Meta concordou em investir US$ 14,3 bilhões na Scale AI em junho."),
    ("Ruben Mayer left Meta after about two months.",
     "Ruben Mayer deixou a Meta depois de cerca de dois meses."),
    ("Alexandr Wang runs Meta Superintelligence Labs (MSL).",
     "Alexandr Wang dirige o Meta Superintelligence Labs (MSL)."),
    ("", ""),
    ("Scale AI said 12% of its staff, about 200 people, were let go.",
     "A Scale AI disse que 12% da equipe, cerca de 200 pessoas, saiu."),
]


def main():
    for t in ("extract", "aligned", "tsv", "jsonl", "pack", "number", "xliff", "tmx", "po"):
        shutil.rmtree(os.path.join(HERE, "corpus", t), ignore_errors=True)
    rows = pairs()

    # extract: the story in pieces, and odd shapes of text.
    with open(os.path.join(ROOT, "tests/extract/story.en.txt"), encoding="utf-8") as f:
        story = f.read().split("\n")
    for i in range(0, min(len(story), 15), 3):
        out("extract", "story_%02d" % i, "\n".join(story[i:i + 3]) + "\n")
    out("extract", "headline_caps", "CRACKS APPEAR IN META'S PARTNERSHIP WITH SCALE AI\n"
        "The deal with @scale_ai and OpenAI, said Dr. Ruben Mayer of the Bank of England.\n")
    out("extract", "bom_crlf", "\ufeffMeta and Scale AI.\r\nMayer left.\r\n")
    out("extract", "numbers", "".join(r[1] + ". " for r in rows["fr"][:20]))
    out("extract", "empty", "")

    # aligned: byte 0 (translation language) + original 0xFF translation.
    out("aligned", "pt_story", b"2" + "\n".join(s for s, _ in STORY).encode()
        + b"\xff" + "\n".join(t for _, t in STORY).encode())
    out("aligned", "pt_same_text", b"2" + STORY[0][0].encode())
    out("aligned", "pt_line_count_differs", b"2" + b"a\nb\n\xffa\n")
    for tag, rs in sorted(rows.items()):
        src = "\n".join(r[1] for r in rs[:12])
        tgt = "\n".join(r[2] for r in rs[:12])
        out("aligned", tag + "_numbers", lang_byte(tag) + src.encode() + b"\xff" + tgt.encode())

    # tsv: byte 0 + rows "original TAB translation".
    out("tsv", "pt_story", b"2" + "".join("%s\t%s\n" % p for p in STORY).encode())
    out("tsv", "pt_crlf_no_final_end", b"2" + b"Meta\tMeta\r\n\r\nScale AI\tScale AI")
    out("tsv", "pt_err_no_tab", b"2" + b"Meta\tMeta\nno tab here\n")
    out("tsv", "pt_err_three_columns", b"2" + b"a\tb\tc\n")
    for tag, rs in sorted(rows.items()):
        out("tsv", tag + "_numbers", lang_byte(tag) +
            "".join("%s\t%s\n" % (r[1], r[2]) for r in rs[12:24]).encode())

    # jsonl: one record each.
    for i, (tag, rs) in enumerate(sorted(rows.items())):
        r = rs[0]
        out("jsonl", tag, json.dumps({"id": r[0], "source": r[1], "target": r[2], "lang": tag},
                                     ensure_ascii=(i % 2 == 0)))
    out("jsonl", "pt_story", json.dumps({"id": 7, "source": STORY[0][0], "target": STORY[0][1],
                                         "lang": "pt-BR", "source_lang": "en"}))
    out("jsonl", "multiline", json.dumps({"id": "m", "source": STORY[0][0] + "\n" + STORY[1][0],
                                          "target": STORY[0][1] + "\n" + STORY[1][1], "lang": "pt"}))
    out("jsonl", "err_no_target", '{"id": 1, "source": "Meta", "lang": "pt"}')
    out("jsonl", "err_wrong_types", '{"id": [1], "source": 3, "target": null, "lang": true}')
    out("jsonl", "err_not_object", '["Meta", "Meta"]')
    out("jsonl", "err_syntax", '{"id": 1, "source": "Meta\\u00e9\\ud83d\\ude00", "target": ')
    out("jsonl", "no_lang", '{"id": 2, "source": "Meta said so.", "target": "A Meta disse isso."}')
    out("jsonl", "spaces", "   ")

    # pack: byte 0 (the pack's tag) + a pack.
    for tag in ("ar", "he", "pt", "fr", "de"):
        with open(os.path.join(ROOT, "rules/packs", tag + ".yaml"), "rb") as f:
            out("pack", tag, lang_byte(tag) + f.read())
    with open(os.path.join(ROOT, "tests/data/packs/bad/rules/packs/ar.yaml"), "rb") as f:
        out("pack", "err_ar_bad_pattern", b"0" + f.read())
    out("pack", "err_tag_differs", b"2pack: fr\nrules: []\n")
    out("pack", "minimal", b"2pack: pt\nrules:\n  - id: text.pt.x\n    pattern: 'x+'\n"
        b"    severity: info\n    message: m\n    rationale: r\n"
        b"    when: {facts_have_entity_matching: 'A$', lang: [pt-BR]}\n"
        b"    examples: {match: [xx], no_match: [y]}\n")

    # number: byte 0 (language) + translated renderings, one per line.
    for tag, rs in sorted(rows.items()):
        out("number", tag, lang_byte(tag) + "\n".join(r[2] for r in rs[:25]).encode())
    out("number", "en", b"5" + "\n".join(r[1] for r in rows["pt-BR"][:25]).encode())
    out("number", "en_digits_only", b"\x45" + "\n".join(r[1] for r in rows["de"][:25]).encode())

    xml_seeds()
    po_seeds()


def case_texts(path, fmt):
    """The inline texts of the cases of path that are --- input fmt."""
    with open(path, encoding="utf-8") as f:
        cases = f.read().split("\n=== ")[1:]
    texts = []
    for c in cases:
        if "--- input " + fmt in c and "\n--- text\n" in c:
            texts.append(c.split("\n--- text\n")[1].split("\n--- expect")[0] + "\n")
    return texts


def xml_seeds():
    """xliff, tmx: byte 0 (see input_fuzz.h: '6' the file's language,
    +0x80 with the story's facts) + a document."""
    formats = os.path.join(ROOT, "tests/formats")
    for fmt, files, unit, end in (
            ("xliff", ("story.pt.xlf", "ntrex.xlf"), ("<trans-unit", "<unit "),
             "</body>\n  </file>\n</xliff>\n"),
            ("tmx", ("ntrex.tmx",), ("<tu ",), "  </body>\n</tmx>\n")):
        for name in files:
            with open(os.path.join(formats, name), encoding="utf-8") as f:
                doc = f.read()
            stem = name.split(".")[0]
            out(fmt, stem + "_whole", b"\x86" + doc.encode())
            # the head and the first units, within libFuzzer's 4096 bytes
            cut = [i for u in unit for i in range(len(doc)) if doc.startswith(u, i)]
            if stem == "story":  # without its long paragraph
                body = doc.index('<trans-unit id="body"')
                out(fmt, "story_small", b"6" + (doc[:body] + doc[doc.index("</trans-unit>", body)
                                                                  + 20:]).encode())
            elif len(cut) > 3:
                small = doc[:cut[3]] + (end if fmt == "tmx" or "2.0" not in doc[:400]
                                        else "  </file>\n</xliff>\n")
                out(fmt, stem + "_small", b"6" + small.encode())
        for i, text in enumerate(case_texts(os.path.join(formats, fmt + ".case"), fmt)):
            out(fmt, "case_%d" % i, b"6" + text.encode())
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "lol">'
              + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10)
                        for i in range(8))
              + ']>\n<%s><x>&i;</x></%s>\n')
    for fmt in ("xliff", "tmx"):
        out(fmt, "err_not_xml", b"2Meta and Scale AI\n")
        out(fmt, "err_not_" + fmt, b"2<html><body><p>Meta</p></body></html>\n")
        out(fmt, "err_laughs", b"2" + (laughs % (fmt, fmt)).encode())
        out(fmt, "err_entity", b"2" + ('<!DOCTYPE %s [<!ENTITY e "Meta">]><%s a="&e;">&e;</%s>'
                                        % (fmt, fmt, fmt)).encode())
        out(fmt, "err_latin1", b'2<?xml version="1.0" encoding="ISO-8859-1"?><%s>\xe9</%s>'
            % (fmt.encode(), fmt.encode()))
        out(fmt, "crlf_cdata", b"6" + (
            '<?xml version="1.0"?>\r\n<!-- c -->\r\n<%s><?pi x?><![CDATA[a\r\nb]]>&amp;&#233;'
            '</%s>' % (fmt, fmt)).encode())


def po_seeds():
    """po: byte 0 (bit 7: the language of bits 0-5, else the header's;
    bit 6: fuzzy entries too) + a PO file: tests/formats/story.pt.po (made
    by tests/formats/make_po.py; NTREX-128 lines in it, CC BY-SA 4.0), its
    bad files, and small shapes of the grammar."""
    fmt = os.path.join(ROOT, "tests/formats")
    with open(os.path.join(fmt, "story.pt.po"), "rb") as f:
        story = f.read()
    out("po", "story", b"2" + story)
    out("po", "story_drafts_pt", b"\xc2" + story)
    bad = os.path.join(fmt, "bad")
    for name in sorted(os.listdir(bad)):
        with open(os.path.join(bad, name), "rb") as f:
            out("po", "err_" + name[:-3], b"2" + f.read())
    out("po", "arabic_plurals", b"0" + (
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Plural-Forms: nplurals=6; plural=n==0 ? 0 : '
        'n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"\n\n'
        '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "لا ملفات"\n'
        'msgstr[1] "ملف واحد"\nmsgstr[2] "ملفان"\nmsgstr[3] "%d ملفات"\nmsgstr[4] "%d ملفًا"\n'
        'msgstr[5] "ملف"\n').encode())
    out("po", "one_form", b"2" + b'msgid ""\nmsgstr "Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        b'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "%d arquivos"\n')
    out("po", "crlf_one_line", b"2" + b'msgid "Meta %s" msgstr "A Meta %s"\r\nmsgctxt "c"\r\n'
        b'msgid ""\r\n"Scale"\r\nmsgstr ""\r\n"Sca"\r\n  "le"\r\n')
    out("po", "syntaxes", b"2" + b'#, python-format\nmsgid "%(n)d of %(total)d by %s"\n'
        b'msgstr "%(total)d: %(n)d por %s"\n\n#, python-brace-format\nmsgid "{0} {name!r:>5} {}"\n'
        b'msgstr "{} {name!r:>5} {0}"\n\n#, c-format\nmsgid "%s: %<PRIu64> %*d %2$*1$d %m %%"\n'
        b'msgstr "%s: %<PRIu64> %d"\n\n#~ msgid "old"\n#~ msgstr "velho"\n')
    out("po", "escapes", b"\xc2" + b'#, fuzzy\nmsgid "\\"%s\\"\\t\\101\\x41\\n"\n'
        b'msgstr "\\"%s\\"\\t\\303\\251\\n %s"\n')


def documents():
    """corpus/{markdown,html}/: byte 0 (language; 0x40: the file's own;
    0x80: checked, not only read) + the document; the test files of
    tests/formats/ and odd shapes."""
    for t in ("markdown", "html"):
        shutil.rmtree(os.path.join(HERE, "corpus", t), ignore_errors=True)
    fmt = os.path.join(ROOT, "tests", "formats")
    with open(os.path.join(fmt, "story.pt.md"), "rb") as f:
        md = f.read()
    body = md.index(b"\n# ")
    out("markdown", "story_head", b"\xc2" + md[:3000])
    out("markdown", "story_blocks", b"\xb2" + md[md.index(b"```"):])
    out("markdown", "front_matter_only", b"\x42" + md[:body])
    out("markdown", "inline", b"\xb2" + b"A Su**rge** &amp; `x` [a](<u v> 'T') <b>c</b> "
        b"<http://a.b/\xc3\xa9> \\* &#233;&#0; ![i](j)\n> - item\n>   cont\n")
    out("markdown", "crlf_bom_tabs", b"2\xef\xbb\xbf---\r\nlang: pt\r\n---\r\n"
        b"# T\r\n\r\n\tcode\r\n\r\nA\tMeta\r\nScale AI\r\n")
    out("markdown", "err_yaml", b"2---\nlang: [pt\n---\nA Meta.\n")
    out("markdown", "err_lang_list", b"2---\nlang: [pt]\n---\nA Meta.\n")
    out("markdown", "no_closing_fence", b"2---\nA Meta.\n")
    out("markdown", "err_nul", b"2A\x00Meta\n")
    out("markdown", "err_utf8", b"2A \xc3( Meta\n")
    out("markdown", "setext_refs", b"2Meta\n====\n\n[x]: /u \"t\"\n[Meta][x] e [x] e [Meta][]\n")
    with open(os.path.join(fmt, "story.ar.html"), "rb") as f:
        html = f.read()
    out("html", "story_head", b"\xc0" + html[:3500])
    out("html", "story_tail", b"0" + html[-3000:])
    out("html", "skipped", b"\xb2<html lang=pt><style>p{}</style><script>a<b;</p></script>"
        b"<p title='x>y'>A <code>x</code>, <q lang=en>y <span lang=pt>z</span></q></p>"
        b"<!-- c --><pre>p</pre><template>t</template><noscript>n</noscript>")
    out("html", "references", b"\xb2<p>Su<b>rge</b> &eacute;&amp;&#233;&#xE9;&foo;&amp x&#0;"
        b"</p><p>A</p><div>B<br>C</div>&lt;<![CDATA[d]]>\r\n<p>e\r</p>")
    out("html", "err_no_tag", b"2just text\n")
    out("html", "err_nul", b"2<p>A\x00B</p>")
    out("html", "err_utf8", b"2<p>\xff</p>")
    out("html", "unclosed", b"2<p><b><i>A <script>x")


if __name__ == "__main__":
    main()
    documents()
