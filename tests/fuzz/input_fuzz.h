/*
 * The body of the fuzz targets of the segment readers (fuzz_xliff.c,
 * fuzz_tmx.c): one reader on the input, its segments held to their
 * promises, then the whole check of the input through
 * fl_check_input_buffer, its result or failure rendered (fuzz.h).
 *
 * Input: byte 0 chooses the options, the rest is the file.
 *   bits 0-5, mod 7: the translation's language, ar he pt fr de en, or
 *                    (6) the one the file declares
 *   bit 6:           FL_CHECK_DRAFTS
 *   bit 7:           with the story's facts (the translations are one
 *                    document), else each segment against its original
 */
#ifndef FL_FUZZ_INPUT_FUZZ_H
#define FL_FUZZ_INPUT_FUZZ_H

#include "fuzz.h"
#include "input/input.h"

#include <string.h>

static fl_facts *fl_fuzz_story_facts;

/* Loads the story's facts once (exits when they do not load). */
static void fl_fuzz_input_init(const char *who)
{
	char path[4096];

	fl_fuzz_checker(who);
	snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/facts.yaml",
	         fl_fuzz_data_dir());
	if (fl_facts_new(&fl_fuzz_story_facts) < 0 ||
	    fl_facts_load_file(fl_fuzz_story_facts, path) < 0) {
		fprintf(stderr, "%s: %s does not load\n", who, path);
		exit(1);
	}
}

/* The promises of one side of a segment read from a file of lines
 * lines. */
static void fl_fuzz_side(const fl_segment_text *t, size_t lines)
{
	if (!t->text) {
		EXPECT(t->len == 0 && t->anchor_count == 0 &&
		       t->code_count == 0);
		return;
	}
	EXPECT(strlen(t->text) == t->len);
	for (size_t i = 0; i < t->anchor_count; i++) {
		const fl_anchor *a = &t->anchors[i];
		EXPECT(a->offset <= t->len);
		EXPECT(i == 0 || a->offset >= t->anchors[i - 1].offset);
		EXPECT(a->line >= 1 && a->line <= lines && a->column >= 1);
	}
	for (size_t i = 0; i < t->code_count; i++) {
		const fl_code *c = &t->codes[i];
		EXPECT(c->len >= 1 && c->offset <= t->len &&
		       c->len <= t->len - c->offset);
		EXPECT(i == 0 || c->offset >= t->codes[i - 1].offset +
		                                  t->codes[i - 1].len);
		EXPECT(c->key && c->display);
		fl_fuzz_touch(c->key);
		fl_fuzz_touch(c->display);
		for (size_t k = 0; k < c->len; k++)
			EXPECT(t->text[c->offset + k] == ' ');
	}
}

static int fl_fuzz_input(const uint8_t *data, size_t size, fl_input input,
                         fl__reader_fn reader, const char *path)
{
	static const int read_codes[] = {FL_EPARSE, FL_EENCODING, FL_ELIMIT,
	                                 FL_ENOMEM, 0};
	fl_checker *chk = fl_fuzz_checker(path);
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl__segbuf b = FL__SEGBUF_INIT;
	fl_result *res = NULL;
	char err[1024] = "";
	const char *doc;
	size_t n, lines = 1, lang;
	int rc;

	if (size == 0)
		return 0;
	doc = (const char *)data + 1;
	n = size - 1;
	for (size_t i = 0; i < n; i++)
		lines += doc[i] == '\n' ||
		         (doc[i] == '\r' && (i + 1 == n || doc[i + 1] != '\n'));
	rc = reader(&b, path, doc, n, err, sizeof(err));
	if (rc < 0) {
		bool known = false;
		for (size_t i = 0; read_codes[i]; i++)
			known |= rc == read_codes[i];
		EXPECT(known);
		EXPECT(strncmp(err, path, strlen(path)) == 0);
		/* the tree and the bytes never disagree (xml.c) */
		EXPECT(!strstr(err, "a fidelint bug"));
	} else {
		EXPECT(rc == 0);
		for (size_t i = 0; i < b.count; i++) {
			EXPECT(b.seg[i].target.text != NULL);
			fl_fuzz_side(&b.seg[i].target, lines);
			fl_fuzz_side(&b.seg[i].source, lines);
			if (b.seg[i].id)
				fl_fuzz_touch(b.seg[i].id);
		}
		EXPECT(strlen(b.source_lang) < sizeof(b.source_lang));
	}
	fl__segbuf_dispose(&b);

	lang = (data[0] & 0x3f) % 7;
	o.lang = lang < 6 ? fl_fuzz_langs[lang] : NULL;
	o.flags = (data[0] & 0x40) ? FL_CHECK_DRAFTS : 0;
	fl_checker_set_facts(chk,
	                     (data[0] & 0x80) ? fl_fuzz_story_facts : NULL);
	rc = fl_check_input_buffer(&res, chk, path, input, doc, n, NULL, &o);
	if (rc < 0)
		fl_fuzz_expect_failure(chk, rc, fl_fuzz_pair_codes);
	fl_fuzz_report(res, rc, chk, 0);
	fl_checker_set_facts(chk, NULL);
	return 0;
}

#endif
