/*
 * The Markdown and HTML readers (src/lib/input/markdown.c, html.c): what
 * is prose, where each word of the segment's text is in the file, and the
 * messages of files that are not in the format.
 */
#include "input/input.h"
#include "test.h"

#include <string.h>

/* Reads doc with read into b; returns the reader's code, err its message. */
static int read_doc(fl__segbuf *b, fl__reader_fn read, const char *doc,
                    char *err, size_t errlen)
{
	err[0] = '\0';
	return read(b, "doc", doc, strlen(doc), err, errlen);
}

/* Checks that the nth (0-based) `word` of the text read from doc stands
 * at line:col of doc. */
static void check_place(fl__reader_fn read, const char *doc, const char *word,
                        int nth, size_t line, size_t col)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[256];
	size_t l = 0, c = 0;
	const char *at = NULL;

	CHECK_EQ_INT(read_doc(&b, read, doc, err, sizeof(err)), 0);
	if (b.count == 1) {
		const fl_segment_text *t = &b.seg[0].target;
		at = t->text;
		for (int i = 0; at && i <= nth; i++)
			if ((at = strstr(i ? at + 1 : at, word)) == NULL)
				break;
		CHECK(at != NULL);
		if (at)
			fl__segment_place(t, (size_t)(at - t->text), &l, &c);
	}
	if (l != line || c != col)
		fprintf(stderr, "'%s' #%d of <<%s>>: at %zu:%zu, not %zu:%zu\n",
		        word, nth, doc, l, c, line, col);
	CHECK(l == line && c == col);
	fl__segbuf_dispose(&b);
}

/* Checks that reading doc fails with code and message msg. */
static void check_error(fl__reader_fn read, const char *doc, size_t len,
                        int code, const char *msg)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[256] = "";

	CHECK_EQ_INT(read(&b, "doc", doc, len, err, sizeof(err)), code);
	CHECK_EQ_STR(err, msg);
	fl__segbuf_dispose(&b);
}

/* Whether the text read from doc has s. */
static bool text_has(fl__reader_fn read, const char *doc, const char *s)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[256];
	bool has = read_doc(&b, read, doc, err, sizeof(err)) == 0 &&
	           b.count == 1 && strstr(b.seg[0].target.text, s);
	fl__segbuf_dispose(&b);
	return has;
}

static void test_markdown_places(void)
{
	/* a byte order mark and CR LF line ends */
	check_place(fl__read_markdown, "\xEF\xBB\xBF# Meta\r\n\r\nA Surge\r\n",
	            "Surge", 0, 3, 3);
	/* after a tab, a code span of two-byte letters, a reference and an
	 * escape */
	check_place(fl__read_markdown, "a\tb `çã` &eacute; \\* Surge\n",
	            "Surge", 0, 1, 22);
	/* after an autolink, where cmark 0.30's own position is wrong */
	check_place(fl__read_markdown, "<https://x.y/é> e <a@b.c> Surge\n",
	            "Surge", 0, 1, 27);
	/* a paragraph's later lines in a block quote and a list */
	check_place(fl__read_markdown, "> - a\n>   b Surge\n>   c\n", "Surge",
	            0, 2, 7);
	/* a link whose text and title run over lines */
	check_place(fl__read_markdown, "[a\nb](u \"t\nSurge\") Surge\n",
	            "Surge", 0, 3, 9);
	/* a setext heading, a hard break */
	check_place(fl__read_markdown, "Meta\n===\nA  \nSurge\\\nSurge\n",
	            "Surge", 1, 5, 1);
	/* after a link reference definition, where cmark 0.30 places the
	 * paragraph's texts a line too early: found from the cursor */
	check_place(fl__read_markdown, "[x]: /u\nA Surge e\n  Meta\n", "Meta",
	            0, 3, 3);
	check_place(fl__read_markdown, "[x]: /u\nA Surge e\n  Meta\n", "Surge",
	            0, 2, 3);
	/* the same text twice: the second where it is */
	check_place(fl__read_markdown, "*Meta* e **Meta** e Meta\n", "Meta", 2,
	            1, 21);
}

static void test_markdown_not_prose(void)
{
	const char *doc =
	    "---\ntags: [ia, meta]\n---\n"
	    "A `Trupge` e [b](http://Trupge \"Trupge\").\n"
	    "<span title=\"Trupge\">c</span> <!-- Trupge -->\n\n"
	    "```\nTrupge\n```\n\n    Trupge\n\n<div>Trupge</div>\n";
	CHECK(!text_has(fl__read_markdown, doc, "Trupge"));
	CHECK(!text_has(fl__read_markdown, doc, "meta"));
	CHECK(text_has(fl__read_markdown, doc, " b"));
	/* a code span reads as an object before punctuation, not a space */
	CHECK(text_has(fl__read_markdown, "Veja `x`, ok\n", "\xEF\xBF\xBC,"));
	/* emphasis and inline elements inside a word */
	CHECK(text_has(fl__read_markdown, "Su**rge** e Su<b>rge</b>\n",
	               "Surge e Surge"));
	/* <br> parts words */
	CHECK(!text_has(fl__read_markdown, "Su<br>rge\n", "Surge"));
}

static void test_markdown_front_matter(void)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[256];
	const char *doc = "---\nlang: pt-BR\nfacts: ../f.yaml\nsource: en.md\n"
	                  "tags: [ia, meta]\n...\nA Meta.\n";

	CHECK_EQ_INT(read_doc(&b, fl__read_markdown, doc, err, sizeof(err)), 0);
	CHECK_EQ_STR(b.target_lang, "pt-BR");
	CHECK_EQ_STR(b.facts_path, "../f.yaml");
	CHECK_EQ_STR(b.source_path, "en.md");
	fl__segbuf_dispose(&b);
	check_place(fl__read_markdown, doc, "Meta", 0, 7, 3);
	/* no closing line: a thematic break, and no front matter */
	CHECK_EQ_INT(read_doc(&b, fl__read_markdown, "---\nlang: pt\n", err,
	                      sizeof(err)),
	             0);
	CHECK_EQ_STR(b.target_lang, "");
	fl__segbuf_dispose(&b);
}

static void test_markdown_errors(void)
{
	check_error(fl__read_markdown, "---\nlang: [pt]\n---\nA.\n", 18,
	            FL_EPARSE,
	            "doc:2:7: front matter: 'lang' must be a non-empty string");
	check_error(fl__read_markdown, "---\n- a\n---\nA.\n", 14, FL_EPARSE,
	            "doc:2:1: front matter: not a mapping of keys");
	check_error(fl__read_markdown, "A\nb\0c\n", 6, FL_EPARSE,
	            "doc:2:2: a NUL byte: not a Markdown file");
	check_error(fl__read_markdown, "A\n\xC3(\n", 5, FL_EENCODING,
	            "doc:2:1: invalid UTF-8");
	{
		fl__segbuf b = FL__SEGBUF_INIT;
		char err[256];
		CHECK_EQ_INT(read_doc(&b, fl__read_markdown,
		                      "---\nlang: [pt\n---\nA.\n", err,
		                      sizeof(err)),
		             FL_EPARSE);
		CHECK(strncmp(err, "doc:3:1: front matter: ", 23) == 0);
		fl__segbuf_dispose(&b);
	}
}

static void test_html_places(void)
{
	check_place(fl__read_html, "<p>A\r\n&eacute;&amp;&#233; Surge</p>",
	            "Surge", 0, 2, 21);
	/* the word in a script, an attribute and a comment first */
	check_place(fl__read_html,
	            "<script>x = '</p>Surge';</script><p title=\"Surge\">"
	            "<!-- Surge -->Surge</p>",
	            "Surge", 0, 1, 65);
	/* inline tags join, within a word */
	check_place(fl__read_html, "<p>Su<b>rge</b> <i>Me</i>ta</p>", "Meta", 0,
	            1, 20);
}

static void test_html_not_prose(void)
{
	const char *doc =
	    "<html lang=\"pt\"><head><style>Trupge</style></head><body>"
	    "<p title=\"Trupge\">A <code>Trupge</code> <pre>Trupge</pre>"
	    "<q lang=\"en\">Trupge <b lang=\"pt-BR\">Meta</b></q></p>"
	    "<textarea>Trupge</textarea><template>Trupge</template>"
	    "<kbd>Trupge</kbd><samp>Trupge</samp></body></html>";
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[256];

	CHECK(!text_has(fl__read_html, doc, "Trupge"));
	CHECK(text_has(fl__read_html, doc, "Meta"));
	CHECK_EQ_INT(read_doc(&b, fl__read_html, doc, err, sizeof(err)), 0);
	CHECK_EQ_STR(b.target_lang, "pt");
	fl__segbuf_dispose(&b);
	/* blocks end a line of the text: no word twice across them */
	CHECK(text_has(fl__read_html, "<p>Surge</p><p>Surge</p>", " \nSurge"));
	CHECK(text_has(fl__read_html, "<p>A <code>x</code>, b</p>",
	               "\xEF\xBF\xBC,"));
}

static void test_html_errors(void)
{
	check_error(fl__read_html, "just text\n", 10, FL_EPARSE,
	            "doc:1:1: not HTML: no tag in the file");
	check_error(fl__read_html, "<p>a\0</p>", 9, FL_EPARSE,
	            "doc:1:5: a NUL byte: not an HTML file");
	check_error(fl__read_html, "<p>\n\xFF</p>", 9, FL_EENCODING,
	            "doc:2:1: invalid UTF-8");
	check_error(fl__read_html, "<!-- only -->", 13, FL_EPARSE,
	            "doc:1:1: not HTML: no element");
}

TESTS(T(test_markdown_places), T(test_markdown_not_prose),
      T(test_markdown_front_matter), T(test_markdown_errors),
      T(test_html_places), T(test_html_not_prose), T(test_html_errors))
