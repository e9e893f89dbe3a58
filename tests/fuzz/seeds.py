#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets added for issue 10
(corpus/{extract,aligned,tsv,jsonl,pack,number}/) from the repository's
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
    for t in ("extract", "aligned", "tsv", "jsonl", "pack", "number"):
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
