/*
 * The PO reader (src/lib/input/po.c): the segments it makes of
 * tests/formats/story.pt.po (ids, drafts, codes and their keys, the
 * header's language), fuzzy entries checked when asked, and bad input
 * refused with its place.
 */
#define _POSIX_C_SOURCE 200809L

#include "checker.h"
#include "input/input.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define STORY "formats/story.pt.po"

/* Reads path (relative to tests/) whole; caller frees. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1))) {
		*len = fread(data, 1, (size_t)n, f);
		data[*len] = '\0';
	}
	fclose(f);
	return data;
}

/* The segment of b with id, or NULL. */
static const fl_segment *by_id(const fl__segbuf *b, const char *id)
{
	for (size_t i = 0; i < b->count; i++)
		if (b->seg[i].id && strcmp(b->seg[i].id, id) == 0)
			return &b->seg[i];
	return NULL;
}

/* Reads a PO text (NUL-terminated) into b; returns the reader's code. */
static int read_text(fl__segbuf *b, const char *text, char *err, size_t n)
{
	return fl__read_po(b, "t.po", text, strlen(text), err, n);
}

static void test_story_segments(void)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	const fl_segment *s;
	size_t len = 0;
	char *data = slurp(STORY, &len);

	CHECK(data != NULL);
	if (!data)
		return;
	CHECK_EQ_INT(fl__read_po(&b, STORY, data, len, err, sizeof(err)), 0);
	CHECK_EQ_STR(b.target_lang, "pt_BR");
	/* 16 translated entries, 3 of them with two plural forms; the
	 * untranslated and the obsolete ones are none, the header none */
	CHECK_EQ_INT(b.count, 16 + 3 + 6);
	CHECK((s = by_id(&b, "headline|Scale")) != NULL);
	CHECK((s = by_id(&b, "verb|Scale")) != NULL);
	if (s)
		CHECK_EQ_STR(s->target.text, "Escalar");
	CHECK(by_id(&b, "TBD Labs uses %s") == NULL);
	CHECK(by_id(&b, "Meta paid %s") == NULL);
	CHECK((s = by_id(&b, "Wang runs %s")) != NULL);
	if (s)
		CHECK_EQ_INT(s->flags, FL_SEGMENT_DRAFT);
	CHECK((s = by_id(&b, "Meta invested %s in Scale AI")) != NULL);
	if (s)
		CHECK_EQ_INT(s->flags, 0);

	/* reordered arguments: the keys say which */
	CHECK((s = by_id(&b, "%s hired %s as chief executive")) != NULL);
	if (s && s->target.code_count == 2 && s->source.code_count == 2) {
		CHECK_EQ_STR(s->source.codes[0].key, "%1$s");
		CHECK_EQ_STR(s->source.codes[1].key, "%2$s");
		CHECK_EQ_STR(s->target.codes[0].key, "%2$s");
		CHECK_EQ_STR(s->target.codes[0].display, "%2$s");
		CHECK_EQ_STR(s->target.codes[1].key, "%1$s");
		/* masked: as many spaces as the placeholder has bytes */
		CHECK(memcmp(s->target.text, "    ", 4) == 0);
	} else {
		CHECK(!"two codes a side");
	}
	/* %% is text; the others are codes of their type */
	CHECK((s = by_id(&b, "Score %-5.2f: %lu of %zu sources agree, %d%% "
	                     "of them")) != NULL);
	if (s && s->target.code_count == 4) {
		CHECK_EQ_STR(s->target.codes[0].key, "%1$f");
		CHECK_EQ_STR(s->target.codes[0].display, "%-5.2f");
		CHECK_EQ_STR(s->target.codes[1].key, "%2$lu");
		CHECK_EQ_STR(s->target.codes[2].key, "%3$zu");
		CHECK_EQ_STR(s->target.codes[3].key, "%4$d");
		CHECK(strstr(s->target.text, "%%") != NULL);
	} else {
		CHECK(!"four codes");
	}
	/* braces: {} is {0} */
	CHECK((s = by_id(&b, "{} left {name} after two months")) != NULL);
	if (s && s->target.code_count == 2) {
		CHECK_EQ_STR(s->target.codes[0].key, "{0}");
		CHECK_EQ_STR(s->target.codes[1].key, "{name}");
	}
	/* "100% sure" is no format: no codes */
	CHECK((s = by_id(&b, "Wang is 100% sure")) != NULL);
	if (s)
		CHECK_EQ_INT(s->target.code_count, 0);

	/* plurals: [0] against msgid, [1] against msgid_plural; the count
	 * a one-value form leaves out is no code on either side */
	CHECK((s = by_id(&b, "%d person was laid off[0]")) != NULL);
	if (s) {
		CHECK_EQ_STR(s->source.text, "   person was laid off");
		CHECK_EQ_INT(s->source.code_count, 0);
	}
	CHECK((s = by_id(&b, "%d person was laid off[1]")) != NULL);
	if (s) {
		CHECK_EQ_STR(s->source.text, "   people were laid off");
		CHECK_EQ_INT(s->source.code_count, 1);
	}
	CHECK((s = by_id(&b, "One month[0]")) != NULL);
	if (s)
		CHECK_EQ_INT(s->target.code_count, 0);
	/* escapes decoded; a finding after them is placed in the file */
	CHECK((s = by_id(&b, "\"%s\" said Wang.\n\tMeta: %s")) != NULL);
	if (s) {
		size_t line, col;
		CHECK_EQ_STR(s->target.text,
		             "\"  \" disse Wang.\n\tMeta:      ");
		fl__segment_place(&s->target, 5, &line, &col);
		CHECK_EQ_INT(line, 79);
		CHECK_EQ_INT(col, 16); /* the d after \"%s\" */
	}
	fl__segbuf_dispose(&b);
	free(data);
}

/* Fuzzy entries are checked with FL_CHECK_DRAFTS only. */
static void test_drafts(void)
{
	fl_checker *chk = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	size_t fuzzy = 0;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	for (int pass = 0; pass < 2; pass++) {
		o.flags = pass ? FL_CHECK_DRAFTS : 0;
		CHECK_EQ_INT(fl_check_input_file(&res, chk, STORY, FL_INPUT_PO,
		                                 NULL, &o),
		             0);
		fuzzy = 0;
		for (size_t i = 0; i < fl_result_count(res); i++) {
			const fl_finding *f = fl_result_finding(res, i);
			if (f->line == 83) {
				fuzzy++;
				CHECK_EQ_STR(f->rule, "placeholder.extra");
				CHECK_EQ_INT(f->column, 24);
				CHECK_EQ_STR(f->segment, "Wang runs %s");
			}
			if (f->line == 29)
				CHECK_EQ_STR(f->segment,
				             "Surge and %s compete with %s");
		}
		CHECK_EQ_INT(fuzzy, pass ? 1 : 0);
		CHECK_EQ_STR(fl_result_lang(res), "pt-BR");
		fl_result_free(res);
		res = NULL;
	}
	fl_checker_free(chk);
}

/* Files that are not PO: FL_EPARSE placed in the file. */
static void test_bad_input(void)
{
	static const struct {
		const char *file;
		int code;
		const char *message;
	} bad[] = {
	    {"formats/bad/unterminated.po", FL_EPARSE,
	     "formats/bad/unterminated.po:5:7: a string that is not closed "
	     "on its line"},
	    {"formats/bad/msgstr-first.po", FL_EPARSE,
	     "formats/bad/msgstr-first.po:1:1: msgstr before any msgid"},
	    {"formats/bad/not-po.po", FL_EPARSE,
	     "formats/bad/not-po.po:1:1: not PO: a keyword, a quoted string "
	     "or a # comment was expected"},
	    {"formats/bad/latin1.po", FL_EENCODING,
	     "formats/bad/latin1.po:2:35: the catalogue is in ISO-8859-1; "
	     "only UTF-8 is read (msgconv --to-code=UTF-8)"},
	};
	fl_checker *chk = NULL;
	fl_result *res = NULL;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_EQ_INT(fl_check_input_file(&res, chk, bad[i].file,
		                                 FL_INPUT_PO, NULL, NULL),
		             bad[i].code);
		CHECK(res == NULL);
		CHECK_EQ_STR(fl_checker_error(chk), bad[i].message);
	}
	fl_checker_free(chk);
}

/* Errors libgettextpo finds come with its line (and column when it has
 * one); it prints nothing. */
static void test_gettext_errors(void)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE] = "";

	CHECK_EQ_INT(
	    read_text(&b, "msgid \"a\\q\"\nmsgstr \"b\"\n", err, sizeof(err)),
	    FL_EPARSE);
	CHECK_EQ_STR(err, "t.po:1:10: invalid control sequence");
	fl__segbuf_dispose(&b);
	CHECK_EQ_INT(read_text(&b,
	                       "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\n"
	                       "msgstr \"c\"\n",
	                       err, sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "t.po:4: duplicate message definition");
	fl__segbuf_dispose(&b);
	CHECK_EQ_INT(read_text(&b, "domain \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n",
	                       err, sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "t.po: 'domain' directives are not read");
	fl__segbuf_dispose(&b);
	CHECK_EQ_INT(read_text(&b, "", err, sizeof(err)), 0);
	CHECK_EQ_INT(b.count, 0);
	fl__segbuf_dispose(&b);
}

/* Shapes of the grammar: keywords on one line, CR LF, strings split
 * over lines, a context without a msgid on its line. */
static void test_shapes(void)
{
	fl__segbuf b = FL__SEGBUF_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	size_t line, col;

	CHECK_EQ_INT(read_text(&b,
	                       "msgid \"Meta %s\" msgstr \"A Meta %s\"\r\n"
	                       "msgctxt \"c\"\r\nmsgid \"\"\r\n\"Scale\"\r\n"
	                       "msgstr \"\"\r\n\"Sca\"\r\n  \"le\"\r\n",
	                       err, sizeof(err)),
	             0);
	CHECK_EQ_INT(b.count, 2);
	if (b.count == 2) {
		CHECK_EQ_STR(b.seg[0].id, "Meta %s");
		CHECK_EQ_INT(b.seg[0].target.code_count, 1);
		fl__segment_place(&b.seg[0].target, 7, &line, &col);
		CHECK_EQ_INT(line, 1);
		CHECK_EQ_INT(col, 32);
		CHECK_EQ_STR(b.seg[1].id, "c|Scale");
		CHECK_EQ_STR(b.seg[1].target.text, "Scale");
		fl__segment_place(&b.seg[1].target, 3, &line, &col);
		CHECK_EQ_INT(line, 7);
		CHECK_EQ_INT(col, 4);
	}
	fl__segbuf_dispose(&b);
}

TESTS({"story_segments", test_story_segments}, {"drafts", test_drafts},
      {"bad_input", test_bad_input}, {"gettext_errors", test_gettext_errors},
      {"shapes", test_shapes})
