/*
 * The input layer's core (src/lib/input/): byte offsets to line:column,
 * segment sides built with anchors and codes, fl_check_segments placing
 * findings in the file and carrying segment ids, drafts skipped, codes
 * compared (placeholder.missing / placeholder.extra), the format table.
 */
#define _POSIX_C_SOURCE 200809L

#include "input/input.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static fl_checker *make_checker(void)
{
	fl_checker *chk = NULL;
	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	return chk;
}

/* The finding of rule in res, or NULL. */
static const fl_finding *find(const fl_result *res, const char *rule)
{
	for (size_t i = 0; i < fl_result_count(res); i++)
		if (strcmp(fl_result_finding(res, i)->rule, rule) == 0)
			return fl_result_finding(res, i);
	return NULL;
}

static void test_linemap(void)
{
	/* LF, CR LF and a lone CR end lines; columns count code points */
	const char *s = "ab\r\nçé x\rz\n";
	fl__linemap m;
	size_t l, c;

	CHECK_EQ_INT(fl__linemap_init(&m, s, strlen(s)), 0);
	fl__linemap_pos(&m, 0, &l, &c);
	CHECK(l == 1 && c == 1);
	fl__linemap_pos(&m, 4, &l, &c); /* ç */
	CHECK(l == 2 && c == 1);
	fl__linemap_pos(&m, 9, &l, &c); /* x, after two 2-byte letters */
	CHECK(l == 2 && c == 4);
	fl__linemap_pos(&m, 11, &l, &c); /* z after a lone CR */
	CHECK(l == 3 && c == 1);
	fl__linemap_pos(&m, 999, &l, &c); /* clamped: the end */
	CHECK(l == 4 && c == 1);
	fl__linemap_dispose(&m);
}

static void test_segtext(void)
{
	/* <t>A &amp; <x id="1"/>B</t>: "A " verbatim, "&" decoded, a code,
	 * "B" verbatim again */
	const char *file = "<t>A &amp; <x id=\"1\"/>B</t>";
	fl__linemap m;
	fl__segtext t;
	fl__segbuf b = FL__SEGBUF_INIT;
	fl_segment_text out;
	size_t l, c;

	CHECK_EQ_INT(fl__linemap_init(&m, file, strlen(file)), 0);
	fl__segtext_init(&t, &m);
	CHECK_EQ_INT(fl__segtext_put(&t, "A ", 2, 3), 0);
	CHECK_EQ_INT(fl__segtext_put(&t, "&", 1, 5), 0);
	CHECK_EQ_INT(fl__segtext_put(&t, " ", 1, 10), 0);
	CHECK_EQ_INT(fl__segtext_code(&t, 1, "x:1", "<x id=\"1\"/>", 11), 0);
	CHECK_EQ_INT(fl__segtext_put(&t, "B", 1, 22), 0);
	CHECK_EQ_INT(fl__segtext_finish(&t, &b, &out), 0);
	fl__segtext_dispose(&t);
	CHECK_EQ_STR(out.text, "A &  B");
	CHECK_EQ_INT(out.code_count, 1);
	CHECK_EQ_STR(out.codes[0].key, "x:1");
	CHECK_EQ_INT(out.codes[0].offset, 4);
	/* B is text offset 5, file column 23 */
	fl__segment_place(&out, 5, &l, &c);
	CHECK(l == 1 && c == 23);
	/* the space after the entity: file column 11 */
	fl__segment_place(&out, 3, &l, &c);
	CHECK(l == 1 && c == 11);
	fl__segbuf_dispose(&b);
	fl__linemap_dispose(&m);
}

static void test_segments_placed(void)
{
	/* Two segments standing at lines 10 and 20 of some file; the facts
	 * say OpenAI: the miscased name lands at line 20, column 7 + 2. */
	const char *facts_yaml =
	    "version: 1\nentities:\n  - {name: OpenAI, kind: org}\n";
	fl_anchor a1 = {0, 10, 5}, a2 = {0, 20, 7};
	fl_segment seg[2];
	fl_checker *chk = make_checker();
	fl_facts *facts = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const fl_finding *f;

	memset(seg, 0, sizeof(seg));
	seg[0].id = "u1";
	seg[0].target.text = "A Meta reuniu-se.";
	seg[0].target.len = strlen(seg[0].target.text);
	seg[0].target.anchors = &a1;
	seg[0].target.anchor_count = 1;
	seg[1].id = "u2";
	seg[1].target.text = "A Openai falou.";
	seg[1].target.len = strlen(seg[1].target.text);
	seg[1].target.anchors = &a2;
	seg[1].target.anchor_count = 1;
	CHECK_EQ_INT(fl_facts_new(&facts), 0);
	CHECK_EQ_INT(fl_facts_load_buffer(facts, "f.yaml", facts_yaml,
	                                  strlen(facts_yaml)),
	             0);
	fl_checker_set_facts(chk, facts);
	o.lang = "pt";
	CHECK_EQ_INT(fl_check_segments(&res, chk, "x.xlf", seg, 2, NULL, &o),
	             0);
	f = find(res, "name.case");
	CHECK(f != NULL);
	if (f) {
		CHECK_EQ_INT(f->line, 20);
		CHECK_EQ_INT(f->column, 9);
		CHECK_EQ_INT(f->end_column, 15);
		CHECK_EQ_STR(f->segment, "u2");
	}
	fl_result_free(res);

	/* a draft is skipped unless asked for */
	seg[1].flags = FL_SEGMENT_DRAFT;
	CHECK_EQ_INT(fl_check_segments(&res, chk, "x.xlf", seg, 2, NULL, &o),
	             0);
	CHECK(find(res, "name.case") == NULL);
	fl_result_free(res);
	o.flags = FL_CHECK_DRAFTS;
	CHECK_EQ_INT(fl_check_segments(&res, chk, "x.xlf", seg, 2, NULL, &o),
	             0);
	CHECK(find(res, "name.case") != NULL);
	fl_result_free(res);

	/* a side with a length and no text is refused */
	seg[0].source.len = 3;
	CHECK_EQ_INT(fl_check_segments(&res, chk, "x.xlf", seg, 2, NULL, &o),
	             FL_EINVAL);
	CHECK(res == NULL);
	fl_checker_free(chk);
	fl_facts_free(facts);
}

static void test_placeholders(void)
{
	/* source "%s has %d files" (codes %s, %d); target drops %d and adds
	 * %x: one missing (at the target's start), one extra (on it) */
	fl_code sc[2] = {{0, 2, "1:s", "%s"}, {7, 2, "2:d", "%d"}};
	fl_code tc[2] = {{0, 2, "1:s", "%s"}, {9, 2, "2:x", "%x"}};
	fl_anchor sa = {0, 3, 8}, ta = {0, 4, 8};
	fl_segment seg;
	fl_checker *chk = make_checker();
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const fl_finding *f;

	memset(&seg, 0, sizeof(seg));
	seg.id = "files";
	seg.source.text = "   has    files";
	seg.source.len = strlen(seg.source.text);
	seg.source.codes = sc;
	seg.source.code_count = 2;
	seg.source.anchors = &sa;
	seg.source.anchor_count = 1;
	seg.target.text = "   tem      ficheiros";
	seg.target.len = strlen(seg.target.text);
	seg.target.codes = tc;
	seg.target.code_count = 2;
	seg.target.anchors = &ta;
	seg.target.anchor_count = 1;
	o.lang = "pt";
	CHECK_EQ_INT(fl_check_segments(&res, chk, "m.po", &seg, 1, "en", &o),
	             0);
	f = find(res, "placeholder.missing");
	CHECK(f != NULL);
	if (f) {
		CHECK_EQ_INT(f->severity, FL_SEVERITY_WARNING);
		CHECK_EQ_STR(f->text, "%d");
		CHECK(f->line == 4 && f->column == 8);
		CHECK_EQ_INT(f->source_line, 3);
		CHECK_EQ_STR(f->segment, "files");
	}
	f = find(res, "placeholder.extra");
	CHECK(f != NULL);
	if (f) {
		CHECK_EQ_INT(f->severity, FL_SEVERITY_ERROR);
		CHECK_EQ_STR(f->text, "%x");
		CHECK(f->line == 4 && f->column == 17 && f->end_column == 19);
	}
	fl_result_free(res);

	/* reordered arguments are no finding */
	tc[1].key = "2:d";
	tc[1].display = "%2$d";
	CHECK_EQ_INT(fl_check_segments(&res, chk, "m.po", &seg, 1, "en", &o),
	             0);
	CHECK(find(res, "placeholder.missing") == NULL);
	CHECK(find(res, "placeholder.extra") == NULL);
	fl_result_free(res);
	fl_checker_free(chk);
}

static void test_format_table(void)
{
	fl_input in;

	CHECK_EQ_INT(fl_input_from_path("a/b/story.pt.xlf"), FL_INPUT_XLIFF);
	CHECK_EQ_INT(fl_input_from_path("doc.MD"), FL_INPUT_MARKDOWN);
	CHECK_EQ_INT(fl_input_from_path("x.po"), FL_INPUT_PO);
	CHECK_EQ_INT(fl_input_from_path("x.tar.gz"), FL_INPUT_TEXT);
	CHECK_EQ_INT(fl_input_from_path("dir.md/file"), FL_INPUT_TEXT);
	CHECK_EQ_INT(fl_input_from_path("-"), FL_INPUT_TEXT);
	CHECK_EQ_INT(fl_input_parse(&in, "tmx"), 0);
	CHECK_EQ_INT(in, FL_INPUT_TMX);
	CHECK_EQ_INT(fl_input_parse(&in, "docx"), FL_EINVAL);
	CHECK_EQ_STR(fl_input_name(FL_INPUT_HTML), "html");
	CHECK(strstr(fl_input_names(), "xliff") != NULL);
}

TESTS(T(test_linemap), T(test_segtext), T(test_segments_placed),
      T(test_placeholders), T(test_format_table))
