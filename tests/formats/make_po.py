#!/usr/bin/env python3
"""Writes tests/formats/story.pt.po (and tests/formats/bad/*.po), the PO
test files of tests/formats/po.case.

story.pt.po is a Brazilian Portuguese catalogue of a made-up news app that
shows the bundled story (examples/meta-scale-ai): hand-made UI strings with
placeholders of every syntax the reader knows (printf, Python, braces), a
msgctxt, plurals, a fuzzy entry, an untranslated and an obsolete one, and on
purpose one dropped and one extra placeholder; then six NTREX-128 lines
(en -> pt-BR, lines 11, 12, 32, 33, 36, 39 of the dev set; Federmann,
Kocmi, Xin, "NTREX-128 -- News Test References for MT Evaluation of 128
Languages", SUMEval 2022, CC BY-SA 4.0 -- see tests/formats/README.md).
The NTREX lines are copied in below, so the script needs nothing outside
the repository. Run from anywhere: python3 tests/formats/make_po.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = r'''# Brazilian Portuguese catalogue of a made-up news app, for fidelint's tests.
# Made by tests/formats/make_po.py: edit that script, not this file.
# The last six entries are NTREX-128 lines (Federmann, Kocmi, Xin, SUMEval
# 2022), CC BY-SA 4.0: see tests/formats/README.md.
msgid ""
msgstr ""
"Project-Id-Version: newsapp 1.0\n"
"Language: pt_BR\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
'''

# (comments and flags, msgctxt, msgid, msgid_plural, msgstr or [msgstr[n]])
UI = [
    ("#: app.c:10\n#, c-format", None,
     "Meta invested %s in Scale AI", None,
     "A Meta investiu %s na Scale AI"),
    # arguments reordered: the same keys
    ("#, c-format", None,
     "%s hired %s as chief executive", None,
     "%2$s foi contratado pela %1$s como executivo-chefe"),
    # %% is text; %-5.2f, %lu, %zu are codes
    ("#, c-format", None,
     "Score %-5.2f: %lu of %zu sources agree, %d%% of them", None,
     "Nota %-5.2f: %lu de %zu fontes concordam, %d%% delas"),
    # dropped on purpose: the second %s
    ("#, c-format", None,
     "Surge and %s compete with %s", None,
     "A Surge e a %s competem"),
    # extra on purpose, on the msgstr's second line
    ("#, c-format", None,
     "Mercor declined to comment on %s", None,
     ["", "A Mercor não quis comentar ", "%s em %d"]),
    # Python named, and a brace syntax flag
    ("#, python-format", None,
     "%(company)s paid %(amount)s", None,
     "%(company)s pagou %(amount)s"),
    ("#, python-brace-format", None,
     "{company} hired {count} people in {0}", None,
     "{company} contratou {count} pessoas em {0}"),
    # no flag: braces told by the msgid; {} is {0}
    ("", None, "{} left {name} after two months", None,
     "{} deixou {name} depois de dois meses"),
    # no flag and "100% sure": not a format
    ("", None, "Wang is 100% sure", None, "Wang tem 100% de certeza"),
    # msgctxt
    ("", "headline", "Scale", None, "Scale AI"),
    ("", "verb", "Scale", None, "Escalar"),
    # plurals: the count dropped in form 0 (one value) is no finding, nor
    # a count added to form 0 against a msgid without one
    ("#, c-format", None, "%d person was laid off", "%d people were laid off",
     ["uma pessoa foi demitida", "%d pessoas foram demitidas"]),
    ("#, c-format", None, "One month", "%d months",
     ["%d mês", "%d meses"]),
    # ... but a missing count in form 1 is
    ("#, c-format", None, "%d source", "%d sources",
     ["%d fonte", "fontes"]),
    # escapes before a code: the code's column is in the file
    ("#, c-format", None, "\\\"%s\\\" said Wang.\\n\\tMeta: %s", None,
     "\\\"%s\\\" disse Wang.\\n\\tMeta: %s %s"),
    # fuzzy: a draft, skipped unless drafts are checked
    ("#, fuzzy, c-format", None, "Wang runs %s", None,
     "Wang dirige %s %s"),
    # untranslated: no segment
    ("#, c-format", None, "TBD Labs uses %s", None, ""),
]

NTREX = [
    ("The Government of Wales Act 2017 gave the Welsh assembly the power to change its name.",
     "A lei de 2017 do governo do País de Gales garantiu autonomia à assembleia do país para mudar o seu nome."),
    ("In June, the Commission published the results of a public consultation on the proposals which found broad support for calling the assembly a Welsh Parliament.",
     "Em junho, a Comissão publicou os resultados de um referendo sobre as propostas, que identificou um apoio significativo para passar a chamar a assembleia de Parlamento do País de Gales."),
    ("Both churches were built by white congregations before Harlem became a black metropolis - Metropolitan Community in 1870, St. Martin's a decade later.",
     "As duas igrejas foram construídas por congregações de brancos antes do Harlem se tornar uma metrópole de negros - a comunidade metropolitana em 1870 e, uma década depois, a St. Martin."),
    ("The original white Methodist congregation moved out in the 1930s.",
     "A congregação metodista de brancos original saiu de lá nos anos de 1930."),
    ("A fire in 1939 left the building badly damaged, but as Father Johnson's parishioners made plans to rebuild, they commissioned the carillon.",
     "Um incêndio em 1939 deixou o prédio bem danificado. E ao mesmo tempo em que os paroquianos do pastor Johnson faziam planos para reconstrução, eles encomendaram o carrilhão."),
    ("The expert, Tiffany Ng of the University of Michigan, also noted that it was the first carillon in the world to be played by a black musician, Dionisio A. Lind, who moved to the larger carillon at the Riverside Church 18 years ago.",
     "A especialista Tiffany Ng, da Universidade de Michigan, também lembrou que foi o primeiro carrilhão tocado por um músico negro, Dionisio A. Lind, que passou a tocar em um carrilhão maior, na igreja de Riverside, há 18 anos."),
]


def q(s):
    """A PO string line; s is already escaped where it needs to be."""
    return '"' + s + '"'


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def field(kw, v):
    if isinstance(v, list):
        return kw + " " + "\n".join(q(x) for x in v) + "\n"
    return kw + " " + q(v) + "\n"


def entry(comments, ctxt, msgid, plural, msgstr):
    out = comments + "\n" if comments else ""
    if ctxt is not None:
        out += field("msgctxt", ctxt)
    out += field("msgid", msgid)
    if plural is not None:
        out += field("msgid_plural", plural)
        for i, s in enumerate(msgstr):
            out += field("msgstr[%d]" % i, s)
    else:
        out += field("msgstr", msgstr)
    return out


def main():
    parts = [HEADER]
    for e in UI:
        parts.append(entry(*e))
    parts.append('#~ msgid "Meta paid %s"\n#~ msgstr "A Meta pagou %s %s"\n')
    for i, (en, pt) in enumerate(NTREX):
        parts.append(entry("#. NTREX-128", None, esc(en), None, esc(pt)))
    with open(os.path.join(HERE, "story.pt.po"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))

    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    files = {
        "unterminated.po": 'msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n\n'
                           'msgid "Meta\nmsgstr "A Meta"\n',
        "msgstr-first.po": 'msgstr "A Meta"\nmsgid "Meta"\n',
        "not-po.po": "<xliff version=\"1.2\"></xliff>\n",
        "latin1.po": b'msgid ""\nmsgstr "Content-Type: text/plain; '
                     b'charset=ISO-8859-1\\n"\n\nmsgid "Sao Paulo"\n'
                     b'msgstr "S\xe3o Paulo"\n',
    }
    for name, data in files.items():
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())


if __name__ == "__main__":
    main()
