#!/usr/bin/env python3
"""Writes the monolingual document test files of tests/formats/ from the
bundled story (examples/meta-scale-ai/, see its README):

  story.pt.md    pt.mt.txt as Markdown: front matter (lang, facts, source,
                 tags), the headline as a heading, the article as one
                 paragraph with emphasis (one inside a word), a link whose
                 destination and title hold garbled-looking names, inline
                 HTML, a code span, character references; then blocks that
                 are not prose: a fenced and an indented code block, a raw
                 HTML block, a comment, a link reference definition, each
                 with names and numbers that must not be checked.
  story.ar.html  ar.mt.txt as HTML (lang="ar" dir="rtl"): a paragraph per
                 paragraph, with script, style, code, pre, a comment and
                 attribute values holding names and numbers, a quoted
                 English phrase (lang="en"), and character references
                 before findings on their lines.

Every character reference written encodes a character the story already
has there, and the markup added wraps its words without changing them, so
that the prose of story.pt.md reads as pt.mt.txt does and that of
story.ar.html as ar.mt.txt (test formats.same-findings). Run from anywhere;
it rewrites both files.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STORY = os.path.join(ROOT, "examples", "meta-scale-ai")


def read(name):
    with open(os.path.join(STORY, name), encoding="utf-8") as f:
        return f.read()


def once(text, old, new, start=0):
    """text with the first occurrence of old at or after start replaced."""
    i = text.index(old, start)
    return text[:i] + new + text[i + len(old):]


def markdown():
    title, para, last = read("pt.mt.txt").rstrip("\n").split("\n")
    # emphasis, one of them inside a word: "Su**rge**" reads "Surge"
    para = once(para, "Meta Superintelligence Labs",
                "**Meta Superintelligence Labs**")
    para = once(para, "Surge", "Su**rge**")
    # a link: its text is prose, its destination and title are not
    para = once(para, "TechCrunch",
                '[TechCrunch](https://techcrunch.com/2025/08/29/Trupge-Scalle/'
                ' "Scalle Trupge 99")')
    # inline HTML of an inline element adds nothing
    para = once(para, "Mercor", '<span title="Grge 77%">Mercor</span>')
    # character references for characters the text has: "operações"
    # before the miscased "Genai", "–" written as a numeric reference
    para = once(para, "operações da Genai", "opera&ccedil;&otilde;es da Genai")
    para = once(para, " – ", " &#8211; ")
    # a code span, after a sentence
    para = once(para, "(MSL). ", "(MSL). `Scalle AI US$ 99 bilhões` ")
    # an autolink, the same way
    para = once(para, "dois meses com a empresa, ",
                "dois meses com a empresa, <https://example.com/Grge-88> ")
    return "".join([
        "---\n",
        "title: Parceria da Meta com a Scale AI\n",
        "lang: pt-BR\n",
        "facts: ../../examples/meta-scale-ai/facts.yaml\n",
        "source: ../extract/story.en.txt\n",
        "tags: [ia, meta]\n",
        "---\n",
        "\n",
        "# " + title + "\n",
        para + "\n",
        last + "\n",
        "\n",
        "```text\n",
        "A Scalle AI pagou US$ 99 bilhões à Trupge em 1999.\n",
        "```\n",
        "\n",
        "    Mercorr comprou 12,5% da OpenAi por US$ 7 bilhões.\n",
        "\n",
        '<div class="nota" title="Grge">\n',
        "<p>A Trashlge comprou 77% da Scalle em 2031.</p>\n",
        "</div>\n",
        "\n",
        "<!-- Trupge: 3 bilhões -->\n",
        "\n",
        '[ref]: https://example.com/Scalle-42 "Trupge 42"\n',
    ])


def html():
    lines = read("ar.mt.txt").rstrip("\n").split("\n")
    paras = [l for l in lines if l.strip()]
    header, title, body = paras[0], paras[1], paras[2:]
    out = [
        "<!DOCTYPE html>\n",
        '<html lang="ar" dir="rtl">\n',
        "<head>\n",
        '<meta charset="utf-8">\n',
        '<meta name="description" content="Scalle AI 99">\n',
        "<title>" + header + "</title>\n",
        '<style>body { font-family: "Trupge"; } /* Scalle 14.3 */</style>\n',
        '<script>var company = "Trashlge"; if (n < 99) { n = 1999; }</script>\n',
        "</head>\n",
        "<body>\n",
        "<h1>" + title + "</h1>\n",
    ]
    for i, p in enumerate(body):
        if i == 0:
            # "14.3" stays; the comma before it written as a reference
            p = once(p, "Meta", '<a href="https://example.com/Scalle/77">Meta</a>')
        if i == 1:
            # a reference before the findings of the line
            p = once(p, "–", "&ndash;")
        if i == 2:
            p = once(p, "Openai", "<b>Open</b><b>ai</b>")
        out.append("<p>" + p + "</p>\n")
        if i == 3:
            out.append("<pre>\nScalle AI   99\nTrupge      1999\n</pre>\n")
            out.append("<p><code>Grge 12</code></p>\n")
            out.append('<p><q lang="en">Cracks are forming in Meta\'s '
                       "partnership with Scale AI</q></p>\n")
            out.append("<!-- Trupge 3 -->\n")
    out += ["</body>\n", "</html>\n"]
    return "".join(out)


def main():
    with open(os.path.join(HERE, "story.pt.md"), "w", encoding="utf-8") as f:
        f.write(markdown())
    with open(os.path.join(HERE, "story.ar.html"), "w", encoding="utf-8") as f:
        f.write(html())


if __name__ == "__main__":
    main()
