/*
 * The XML readers (src/lib/input/xml.c, xliff.c, tmx.c): what a document
 * becomes (segments, ids, drafts, languages, codes and their keys, text
 * with zero-width tags, places in the file through CR LF, entities, CDATA
 * and comments), and bad input: not XML, not XLIFF/TMX, truncated, a
 * billion laughs, too deep, a DTD's entities, not UTF-8, <file>s of
 * different languages; each refused with "path:line:col: problem".
 */
#include "checker.h"
#include "input/input.h"
#include "input/xml.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define X12_HEAD                                                               \
	"<xliff version=\"1.2\" "                                              \
	"xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"                     \
	"<file source-language=\"en\" target-language=\"pt-BR\" "              \
	"datatype=\"plaintext\" original=\"a\"><body>\n"
#define X12_TAIL "</body></file></xliff>\n"

/* Reads s with reader into b; returns its code, the message in err. */
static int read_doc(fl__segbuf *b, fl__reader_fn reader, const char *s,
                    char *err)
{
	err[0] = '\0';
	return reader(b, "t.xml", s, strlen(s), err, FL_ERRMSG_SIZE);
}

/* The text of side t as a string (NUL-terminated by the segbuf). */
static const char *text(const fl_segment_text *t)
{
	return t->text ? t->text : "(none)";
}

/* The place in the file of byte off of side t, as "line:col". */
static const char *place(const fl_segment_text *t, size_t off)
{
	static char buf[32];
	size_t line, col;
	fl__segment_place(t, off, &line, &col);
	snprintf(buf, sizeof(buf), "%zu:%zu", line, col);
	return buf;
}

static void test_xliff12_segments(void)
{
	const char *doc = X12_HEAD
	    "<trans-unit id=\"1\"><source>Su<g id=\"1\">rge</g> "
	    "<x id=\"2\"/>x</source><target>Su<g id=\"1\">rge</g> "
	    "<x id=\"2\"/>x <ph id=\"3\">{99}</ph><bpt id=\"4\">&lt;b></bpt>"
	    "y<ept id=\"4\">&lt;/b></ept></target></trans-unit>\n"
	    "<trans-unit id=\"2\" translate=\"no\"><source>a</source>"
	    "<target>a</target></trans-unit>\n"
	    "<trans-unit id=\"3\"><source>a</source><target "
	    "state=\"needs-review-l10n\">b</target></trans-unit>\n"
	    "<trans-unit id=\"4\"><source>a</source><target "
	    "state=\"translated\">c</target></trans-unit>\n"
	    "<trans-unit id=\"5\"><source>a</source><target> \n "
	    "</target></trans-unit>\n"
	    "<trans-unit id=\"6\"><source>a</source>"
	    "<seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk> "
	    "<mrk mtype=\"seg\" mid=\"2\">b</mrk></seg-source><target>"
	    "<mrk mtype=\"seg\" mid=\"1\">A</mrk> <g id=\"9\"><mrk "
	    "mtype=\"seg\" mid=\"2\">B</mrk></g></target></trans-unit>\n"
	    "<trans-unit id=\"7\"><source></source><target>d</target>"
	    "</trans-unit>\n" X12_TAIL;
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE];

	CHECK_EQ_INT(read_doc(&b, fl__read_xliff, doc, err), 0);
	CHECK_EQ_STR(b.source_lang, "en");
	CHECK_EQ_STR(b.target_lang, "pt-BR");
	CHECK_EQ_INT(b.count, 6);
	if (b.count == 6) {
		const fl_segment *s = b.seg;
		CHECK_EQ_STR(s[0].id, "1");
		/* <g> and <bpt>/<ept> are zero width, codes one space */
		CHECK_EQ_STR(text(&s[0].target), "Surge  x  y");
		CHECK_EQ_STR(text(&s[0].source), "Surge  x");
		CHECK_EQ_INT(s[0].target.code_count, 2);
		CHECK_EQ_STR(s[0].target.codes[0].key, "x:2");
		CHECK_EQ_STR(s[0].target.codes[0].display, "<x id=\"2\"/>");
		CHECK_EQ_STR(s[0].target.codes[1].key, "ph:3");
		CHECK_EQ_STR(s[0].target.codes[1].display,
		             "<ph id=\"3\">{99}</ph>");
		CHECK_EQ_INT(s[0].target.codes[1].offset, 9);
		CHECK_EQ_INT(s[0].flags, 0);
		CHECK_EQ_STR(s[1].id, "3");
		CHECK_EQ_INT(s[1].flags, FL_SEGMENT_DRAFT);
		CHECK_EQ_STR(s[2].id, "4");
		CHECK_EQ_INT(s[2].flags, 0);
		/* seg-source: one segment per mrk, matched by mid */
		CHECK_EQ_STR(s[3].id, "6/1");
		CHECK_EQ_STR(text(&s[3].source), "a");
		CHECK_EQ_STR(text(&s[3].target), "A");
		CHECK_EQ_STR(s[4].id, "6/2");
		CHECK_EQ_STR(text(&s[4].source), "b");
		CHECK_EQ_STR(text(&s[4].target), "B");
		/* an empty original is there, and has its place */
		CHECK_EQ_STR(s[5].id, "7");
		CHECK_EQ_STR(text(&s[5].source), "");
		CHECK_EQ_STR(place(&s[5].source, 0), "9:28");
	}
	fl__segbuf_dispose(&b);
}

static void test_xliff20_segments(void)
{
	const char *doc =
	    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
	    "version=\"2.1\" srcLang=\"en-US\" trgLang=\"ar\">\n"
	    "<file id=\"f\"><unit id=\"u\"><segment id=\"s1\"><source>a"
	    "</source><target>b<pc id=\"1\">c</pc><cp hex=\"e9\"/>"
	    "</target></segment><ignorable><source> </source>"
	    "<target> </target></ignorable><segment "
	    "state=\"initial\"><source>d<sc id=\"2\"/></source><target>e"
	    "<ec startRef=\"2\"/></target></segment></unit>\n"
	    "<group translate=\"no\"><unit id=\"v\"><segment><source>a"
	    "</source><target>b</target></segment></unit></group>\n"
	    "<unit id=\"w\"><segment><source>a</source></segment>"
	    "<segment><source>a</source><target>z</target></segment>"
	    "</unit></file></xliff>\n";
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE];

	CHECK_EQ_INT(read_doc(&b, fl__read_xliff, doc, err), 0);
	CHECK_EQ_STR(b.source_lang, "en-US");
	CHECK_EQ_STR(b.target_lang, "ar");
	CHECK_EQ_INT(b.count, 3);
	if (b.count == 3) {
		CHECK_EQ_STR(b.seg[0].id, "u/s1");
		CHECK_EQ_STR(text(&b.seg[0].target), "bc\xC3\xA9");
		CHECK_EQ_INT(b.seg[0].flags, 0);
		CHECK_EQ_STR(b.seg[1].id, "u/2");
		CHECK_EQ_INT(b.seg[1].flags, FL_SEGMENT_DRAFT);
		CHECK_EQ_STR(b.seg[1].target.codes[0].key, "ec:2");
		CHECK_EQ_STR(b.seg[1].source.codes[0].key, "sc:2");
		/* the second of two segments, the first without target */
		CHECK_EQ_STR(b.seg[2].id, "w/2");
	}
	fl__segbuf_dispose(&b);
}

/* Places through CR LF, references, CDATA, comments, white space. */
static void test_places(void)
{
	const char *doc =
	    "<?xml version=\"1.0\"?>\r\n<!-- c -->\r\n<!DOCTYPE xliff [\r\n"
	    "<!-- ] > -->\r\n<!ATTLIST xliff a CDATA \"]>\">\r\n]>\r\n"
	    "<xliff version=\"1.2\"><file target-language=\"pt\"><body>\r\n"
	    "<trans-unit id=\"1\"><source>a</source><target>\r\n"
	    "  A &amp; B\r\nC&#233;u <![CDATA[<b>D</b>]]><!-- x -->E"
	    "<?pi x?>F \r\n</target></trans-unit>" X12_TAIL;
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE];

	CHECK_EQ_INT(read_doc(&b, fl__read_xliff, doc, err), 0);
	CHECK_EQ_STR(err, "");
	CHECK_EQ_INT(b.count, 1);
	if (b.count == 1) {
		const fl_segment_text *t = &b.seg[0].target;
		CHECK_EQ_STR(text(t), "A & B\nC\xC3\xA9u <b>D</b>EF");
		CHECK_EQ_STR(place(t, 0), "9:3");    /* A */
		CHECK_EQ_STR(place(t, 2), "9:5");    /* & */
		CHECK_EQ_STR(place(t, 4), "9:11");   /* B */
		CHECK_EQ_STR(place(t, 6), "10:1");   /* C */
		CHECK_EQ_STR(place(t, 7), "10:2");   /* é */
		CHECK_EQ_STR(place(t, 9), "10:8");   /* u */
		CHECK_EQ_STR(place(t, 11), "10:19"); /* <b> of CDATA */
		CHECK_EQ_STR(place(t, 19), "10:40"); /* E */
		CHECK_EQ_STR(place(t, 20), "10:49"); /* F */
		CHECK_EQ_STR(b.target_lang, "pt");
	}
	fl__segbuf_dispose(&b);
}

static void test_tmx_segments(void)
{
	const char *doc =
	    "<tmx version=\"1.4\"><header srclang=\"en\" "
	    "datatype=\"plaintext\"/><body>\n"
	    "<tu tuid=\"1\"><tuv xml:lang=\"en-GB\"><seg>a<ph x=\"1\">{0}</ph>"
	    "</seg></tuv><tuv xml:lang=\"pt-BR\"><seg>b<ph "
	    "x=\"1\">{0}</ph><bpt i=\"1\">&lt;b></bpt>c<ept "
	    "i=\"1\">&lt;/b></ept><hi>d</hi></seg></tuv><tuv "
	    "xml:lang=\"fr\"><seg>f</seg></tuv></tu>\n"
	    "<tu tuid=\"2\"><tuv xml:lang=\"fr\"><seg>g</seg></tuv><tuv "
	    "xml:lang=\"EN\"><seg>h</seg></tuv><tuv "
	    "xml:lang=\"PT-BR\"><seg>i</seg></tuv></tu>\n"
	    "<tu><tuv xml:lang=\"en\"><seg>j</seg></tuv><tuv "
	    "xml:lang=\"fr\"><seg>k</seg></tuv></tu>\n"
	    "<tu><tuv lang=\"pt-BR\"><seg>l</seg></tuv></tu>\n"
	    "</body></tmx>\n";
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE];

	CHECK_EQ_INT(read_doc(&b, fl__read_tmx, doc, err), 0);
	CHECK_EQ_STR(b.source_lang, "en");
	CHECK_EQ_STR(b.target_lang, "pt-BR");
	CHECK_EQ_INT(b.count, 3);
	if (b.count == 3) {
		CHECK_EQ_STR(b.seg[0].id, "1");
		CHECK_EQ_STR(text(&b.seg[0].source), "a ");
		CHECK_EQ_STR(text(&b.seg[0].target), "b cd");
		CHECK_EQ_STR(b.seg[0].target.codes[0].key, "ph:1");
		CHECK_EQ_STR(b.seg[1].id, "2");
		CHECK_EQ_STR(text(&b.seg[1].source), "h");
		CHECK_EQ_STR(text(&b.seg[1].target), "i");
		/* no original in srclang: the translation alone */
		CHECK(b.seg[2].id == NULL);
		CHECK(b.seg[2].source.text == NULL);
		CHECK_EQ_STR(text(&b.seg[2].target), "l");
	}
	fl__segbuf_dispose(&b);
}

/* fl_check_input_buffer on doc refuses it with code, its message
 * containing want. */
static void refused(fl_input input, const char *doc, size_t len, int code,
                    const char *want)
{
	fl_checker *chk = NULL;
	fl_result *res = NULL;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_check_input_buffer(&res, chk, "bad.xml", input, doc,
	                                   len, NULL, NULL),
	             code);
	CHECK(res == NULL);
	CHECK_CONTAINS(fl_checker_error(chk), want);
	fl_result_free(res);
	fl_checker_free(chk);
}

static void test_bad_input(void)
{
	static const char laughs[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n"
	    "<!ENTITY a \"lol\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	    "]>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\">"
	    "<source>x</source><target>&i;</target></trans-unit></body>"
	    "</file></xliff>\n";
	static const char entity[] =
	    "<!DOCTYPE xliff [<!ENTITY e \"Meta\">]>\n<xliff version=\"1.2\">"
	    "<file><body><trans-unit id=\"1\"><source>x</source>"
	    "<target>a &e;</target></trans-unit></body></file></xliff>\n";
	static const char entity_attr[] =
	    "<!DOCTYPE xliff [<!ENTITY e \"1\">]>\n<xliff version=\"1.2\">"
	    "<file><body><trans-unit id=\"&e;\"><source>x</source>"
	    "<target>a</target></trans-unit></body></file></xliff>\n";
	static const char two_langs[] =
	    "<xliff version=\"1.2\">\n<file target-language=\"pt-BR\"/>\n"
	    "  <file target-language=\"ar\"/>\n</xliff>\n";
	static const char latin1[] =
	    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<xliff/>\n";
	static const char utf16[] = "\xFF\xFE<\0x\0";
	char deep[4096], truncated[sizeof(two_langs)];
	size_t n = 0;

	refused(FL_INPUT_XLIFF, "Meta and Scale AI\n", 18, FL_EPARSE,
	        "bad.xml:1:1: not well-formed XML: Start tag expected");
	refused(FL_INPUT_XLIFF, "", 0, FL_EPARSE, "bad.xml:1:1: an empty file");
	refused(FL_INPUT_XLIFF, "<html>\n<p>x</p></html>", 22, FL_EPARSE,
	        "bad.xml:1:1: not XLIFF: the root element is <html>");
	refused(FL_INPUT_TMX, "<!-- x -->\n <xliff/>", 20, FL_EPARSE,
	        "bad.xml:2:2: not TMX: the root element is <xliff>");
	memcpy(truncated, two_langs, 40);
	refused(FL_INPUT_XLIFF, truncated, 40, FL_EPARSE,
	        "bad.xml:2:19: not well-formed XML:");
	refused(FL_INPUT_XLIFF, laughs, sizeof(laughs) - 1, FL_ELIMIT,
	        "bad.xml:13:82: over a limit of the XML parser: Detected an "
	        "entity reference loop");
	refused(FL_INPUT_XLIFF, entity, sizeof(entity) - 1, FL_EPARSE,
	        "bad.xml:2:81: the entity &e; of a DTD is used here");
	refused(FL_INPUT_XLIFF, entity_attr, sizeof(entity_attr) - 1, FL_EPARSE,
	        "bad.xml:2:34: the attribute id uses the entity &e;");
	refused(FL_INPUT_XLIFF, two_langs, sizeof(two_langs) - 1, FL_EPARSE,
	        "bad.xml:3:3: this <file> has target-language=\"ar\", an "
	        "earlier one \"pt-BR\"");
	refused(FL_INPUT_XLIFF, latin1, sizeof(latin1) - 1, FL_EENCODING,
	        "bad.xml:1:1: XML in ISO-8859-1");
	refused(FL_INPUT_TMX, utf16, sizeof(utf16) - 1, FL_EENCODING,
	        "bad.xml:1:1: XML in UTF-16 or UTF-32");
	refused(FL_INPUT_XLIFF, "<xliff>\xE9</xliff>", 16, FL_EENCODING,
	        "bad.xml:1:8: not XML in UTF-8");
	n += (size_t)snprintf(deep, sizeof(deep), "<xliff>");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "<g>");
	refused(FL_INPUT_XLIFF, deep, n, FL_ELIMIT,
	        "over a limit of the XML parser: Excessive depth");
}

/* Drafts are checked when asked: the seed story's needs-translation unit
 * has findings of its own. */
static void test_drafts(void)
{
	fl_checker *chk = NULL;
	fl_facts *facts = NULL;
	fl_result *a = NULL, *b = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_facts_new(&facts), 0);
	CHECK_EQ_INT(
	    fl_facts_load_file(facts, "../examples/meta-scale-ai/facts.yaml"),
	    0);
	fl_checker_set_facts(chk, facts);
	CHECK_EQ_INT(fl_check_input_file(&a, chk, "formats/story.pt.xlf",
	                                 FL_INPUT_XLIFF, NULL, &o),
	             0);
	o.flags = FL_CHECK_DRAFTS;
	CHECK_EQ_INT(fl_check_input_file(&b, chk, "formats/story.pt.xlf",
	                                 FL_INPUT_XLIFF, NULL, &o),
	             0);
	CHECK(a && b && fl_result_count(b) > fl_result_count(a));
	if (a)
		CHECK_EQ_STR(fl_result_lang(a), "pt-BR");
	fl_result_free(a);
	fl_result_free(b);
	fl_checker_free(chk);
	fl_facts_free(facts);
}

TESTS(T(test_xliff12_segments), T(test_xliff20_segments), T(test_places),
      T(test_tmx_segments), T(test_bad_input), T(test_drafts))
