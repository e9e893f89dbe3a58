/*
 * placeholder.missing and placeholder.extra, per segment: the codes of an
 * original against those of its translation. A code's key says what must match:
 * the reader makes "%s" and "%1$s" the same key when they stand for the same
 * argument, and an XLIFF <x id="1"/> has the key "x:1". Order may change
 * (languages reorder arguments); the number of times each key occurs may not.
 */
#include "registry.h"

#include "../input/input.h"
#include "../result.h"
#include "../util/buf.h"

#include <stdlib.h>
#include <string.h>

/* Times key occurs among the codes of t. */
static size_t occurrences(const fl_segment_text *t, const char *key)
{
	size_t n = 0;
	for (size_t i = 0; i < t->code_count; i++)
		n += strcmp(t->codes[i].key, key) == 0;
	return n;
}

/* Whether codes[i] is the first of its key in t (each key is reported
 * once). */
static bool first_of_key(const fl_segment_text *t, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(t->codes[j].key, t->codes[i].key) == 0)
			return false;
	return true;
}

/* Adds one finding of rule with message msg about code c, at byte at of
 * seg's target (end: at + len). */
static int report(fl_result *res, const fl_segment *seg, const char *rule,
                  fl_severity sev, const fl_code *c, size_t at, size_t len,
                  const char *msg)
{
	const fl_segment_text *t = &seg->target;
	size_t sline = 0, scol;
	fl__finding_in g;

	memset(&g, 0, sizeof(g));
	g.rule = rule;
	g.severity = sev;
	g.text = c->display;
	g.message = msg;
	g.expected =
	    strcmp(rule, "placeholder.missing") == 0 ? c->display : NULL;
	g.segment = seg->id;
	fl__segment_place(t, at, &g.line, &g.column);
	fl__segment_place(t, at + len, &g.end_line, &g.end_column);
	if (seg->source.text)
		fl__segment_place(&seg->source, 0, &sline, &scol);
	g.source_line = seg->source.anchor_count ? sline : 0;
	if (!t->anchor_count && t->len <= FL_CONTEXT_MAX) {
		g.context = t->text;
		g.context_len = t->len;
	}
	return fl__result_add(res, &g);
}

/*
 * Adds to res a finding for every code key of seg's source that its
 * target has fewer times (placeholder.missing, at the target's start) and
 * every one the target has more times (placeholder.extra, on the code).
 * Returns 0 or FL_ENOMEM.
 */
static int check_placeholders(fl_result *res, const fl_segment *seg)
{
	const fl_segment_text *s = &seg->source, *t = &seg->target;
	fl_buf msg = FL_BUF_INIT;
	int error = 0;

	if (!s->text || !t->text)
		return 0;
	for (size_t i = 0; i < s->code_count && error == 0; i++) {
		const fl_code *c = &s->codes[i];
		size_t want, have;
		if (!first_of_key(s, i))
			continue;
		want = occurrences(s, c->key);
		have = occurrences(t, c->key);
		if (have >= want)
			continue;
		fl_buf_clear(&msg);
		if ((error = fl_buf_printf(
		         &msg,
		         have ? "the original has '%s' %zu times, this "
		                "translation %zu"
		              : "the original's '%s' is not in this "
		                "translation",
		         c->display, want, have)) < 0)
			break;
		error = report(res, seg, "placeholder.missing",
		               FL_SEVERITY_WARNING, c, 0, 0, msg.ptr);
	}
	for (size_t i = 0; i < t->code_count && error == 0; i++) {
		const fl_code *c = &t->codes[i];
		size_t want, have;
		if (!first_of_key(t, i))
			continue;
		want = occurrences(s, c->key);
		have = occurrences(t, c->key);
		if (have <= want)
			continue;
		fl_buf_clear(&msg);
		if ((error = fl_buf_printf(
		         &msg,
		         want ? "'%s' is here %zu times, in the original %zu"
		              : "'%s' is not in the original",
		         c->display, have, want)) < 0)
			break;
		error = report(res, seg, "placeholder.extra", FL_SEVERITY_ERROR,
		               c, c->offset, c->len, msg.ptr);
	}
	fl_buf_dispose(&msg);
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("placeholder.missing", FL_SEVERITY_WARNING, FL__W, NULL,
             "A placeholder or inline code of the original that the "
             "translation lacks (or has fewer times).",
             "Codes are printf and brace placeholders (%s, %1$d, {count}, "
             "%(name)s) and inline codes of XLIFF and TMX, compared by key "
             "per segment: their order may change, the number of times "
             "each occurs may not. A warning, placed at the start of the "
             "translation, where what is absent would begin."),
    FL__RULE("placeholder.extra", FL_SEVERITY_ERROR, FL__E, NULL,
             "A placeholder or inline code in the translation that the "
             "original does not have (or has fewer times).",
             "A placeholder the original does not have reads an argument "
             "the program never passes (a crash or garbage in printf), an "
             "inline code it does not have breaks the document: an error, "
             "placed on the code."),
};

const fl__check_desc fl__check_placeholders =
    FL__CHECK_DESC("placeholders", rules, FL__NEEDS_SOURCE | FL__PER_SEGMENT,
                   NULL, check_placeholders);
