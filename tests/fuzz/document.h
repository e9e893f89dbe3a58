/*
 * Shared by the fuzz targets of monolingual documents (fuzz_markdown.c,
 * fuzz_html.c): a reader's promises, then the document checked through
 * the public API.
 */
#ifndef FL_FUZZ_DOCUMENT_H
#define FL_FUZZ_DOCUMENT_H

#include "fuzz.h"

#include "input/input.h"
#include "util/yaml.h"

#include <string.h>

/* The facts of the bundled story, set on chk: a facts file the document
 * names is then not read (no file but the story's is opened). */
static void fl_fuzz_document_init(fl_checker *chk, const char *who)
{
	static fl_facts *facts;
	char path[4096];

	snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/facts.yaml",
	         fl_fuzz_data_dir());
	if (fl_facts_new(&facts) < 0 || fl_facts_load_file(facts, path) < 0) {
		fprintf(stderr, "%s: facts: %s\n", who,
		        facts ? fl_facts_error(facts) : "out of memory");
		exit(1);
	}
	fl_checker_set_facts(chk, facts);
}

/*
 * Input: byte 0 chooses the options, the rest is the file.
 *   bits 0-5, mod 6: the translation's language, ar he pt fr de en
 *   bit 6:           the language the file declares instead
 *   bit 7:           check the document too (the reader alone runs a
 *                    thousand times faster: most inputs explore it)
 * The reader's promises: 0 with one segment (a target, no original)
 * whose text is UTF-8, with anchors in order inside the text and the
 * file; or a documented code with a message. Then (bit 7) the check
 * through the public API, rendered as text and JSON.
 */
static void fl_fuzz_document(fl_checker *chk, fl_input input,
                             fl__reader_fn read, const uint8_t *data,
                             size_t size)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl__segbuf b = FL__SEGBUF_INIT;
	fl_result *res = NULL;
	const char *doc = (const char *)data + 1;
	size_t len = size - 1, lines = 1, bad;
	char err[FL_ERRMSG_SIZE] = "";
	int rc;

	if (size == 0)
		return;
	for (size_t i = 0; i < len; i++)
		lines +=
		    doc[i] == '\n' ||
		    (doc[i] == '\r' && (i + 1 >= len || doc[i + 1] != '\n'));
	rc = read(&b, "fuzz", doc, len, err, sizeof(err));
	if (rc < 0) {
		EXPECT(rc == FL_EPARSE || rc == FL_EENCODING ||
		       rc == FL_ELIMIT || rc == FL_ENOMEM);
		EXPECT(strncmp(err, "fuzz:", 5) == 0);
	} else {
		const fl_segment_text *t = &b.seg[0].target;
		EXPECT(rc == 0 && b.count == 1 && t->text &&
		       !b.seg[0].source.text);
		EXPECT(fl_yaml_check_utf8(t->text, t->len, &bad) == 0);
		for (size_t i = 0; i < t->anchor_count; i++) {
			const fl_anchor *a = &t->anchors[i];
			EXPECT(a->offset < t->len && a->line >= 1 &&
			       a->line <= lines && a->column >= 1);
			EXPECT(i == 0 || a->offset > t->anchors[i - 1].offset);
		}
	}
	fl__segbuf_dispose(&b);
	if (!(data[0] & 0x80))
		return;
	o.lang = (data[0] & 0x40) ? NULL : FL_FUZZ_LANG(data[0]);
	rc =
	    fl_check_input_buffer(&res, chk, "fuzz", input, doc, len, NULL, &o);
	if (rc < 0) {
		static const int codes[] = {FL_EPARSE, FL_EENCODING, FL_ELIMIT,
		                            FL_ELANG,  FL_ENOMEM,    0};
		fl_fuzz_expect_failure(chk, rc, codes);
	}
	fl_fuzz_report(res, rc, chk, 0);
}

#endif
