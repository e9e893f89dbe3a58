/*
 * fl_check_segments: checks the segments of one file, whatever reader
 * made them, and places every finding in the file through the segments'
 * anchors. Line-aligned pairs (fl_check_aligned) are segments too.
 *
 * Two ways, by what is known of the original:
 *  - facts on the checker: the targets, joined as paragraphs, are one
 *    document checked against the facts (counts are over the whole file);
 *  - else the originals in the segments: their facts are extracted once,
 *    all together, and each target is checked against its own original's.
 * Then each segment's codes are compared (checks/placeholders.c).
 */
#include "input.h"

#include "../checker.h"
#include "../checks/registry.h"
#include "../config/config.h"
#include "../result.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The lines of s[0,n) as fl__line_next counts them: line ends + 1. */
static size_t count_lines(const char *s, size_t n)
{
	size_t lines = 1;
	for (size_t p = 0; p < n;) {
		size_t next;
		fl__line_next(s + p, n - p, &next);
		p += next;
		if (p <= n && p > 0 && (s[p - 1] == '\n' || s[p - 1] == '\r'))
			lines++;
	}
	return lines;
}

/* Byte offset in s[0,n) of 1-based line:column (code points), clamped to
 * the end of that line. */
static size_t text_offset(const char *s, size_t n, size_t line, size_t col)
{
	size_t p = 0;

	for (size_t l = 1; l < line && p < n; l++) {
		size_t next;
		fl__line_next(s + p, n - p, &next);
		p += next;
	}
	for (size_t c = 1; c < col && p < n && s[p] != '\n' && s[p] != '\r';
	     c++) {
		p++;
		while (p < n && ((unsigned char)s[p] & 0xC0) == 0x80)
			p++;
	}
	return p;
}

void fl__segment_place(const fl_segment_text *t, size_t off, size_t *line,
                       size_t *column)
{
	size_t l = 1, c = 1, p = 0, lo = 0, hi = t->anchor_count;

	if (off > t->len)
		off = t->len;
	if (t->anchor_count) {
		/* the last anchor at or before off (else the first) */
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (t->anchors[mid].offset <= off)
				lo = mid;
			else
				hi = mid;
		}
		l = t->anchors[lo].line;
		c = t->anchors[lo].column;
		p = t->anchors[lo].offset < off ? t->anchors[lo].offset : off;
	}
	for (; p < off; p++) {
		unsigned char ch = (unsigned char)t->text[p];
		if (ch == '\n' || (ch == '\r' && !(p + 1 < t->len &&
		                                   t->text[p + 1] == '\n'))) {
			l++;
			c = 1;
		} else if (ch != '\r' && (ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

/*
 * Whether the span [a, b) of side t is made by its masks: it overlaps a
 * code and, but for the codes' spaces, holds no letter or digit (the
 * space a masked "%s" leaves before a comma is no space before
 * punctuation). A name or a number is never made by masks.
 */
static bool made_by_masks(const fl_segment_text *t, size_t a, size_t b)
{
	bool overlap = false;

	if (b <= a)
		b = a + 1;
	for (size_t i = 0; i < t->code_count && !overlap; i++)
		overlap = t->codes[i].offset < b &&
		          t->codes[i].offset + t->codes[i].len > a;
	if (!overlap)
		return false;
	for (size_t p = a; p < b && p < t->len; p++) {
		unsigned char ch = (unsigned char)t->text[p];
		bool masked = false;
		for (size_t i = 0; i < t->code_count && !masked; i++)
			masked = p >= t->codes[i].offset &&
			         p < t->codes[i].offset + t->codes[i].len;
		if (!masked && (ch >= 0x80 || (ch >= '0' && ch <= '9') ||
		                ((ch | 32) >= 'a' && (ch | 32) <= 'z')))
			return false;
	}
	return true;
}

/* Copies f into res as a finding of segment seg, its place (line:col in
 * the segment's target text, line 0: none) moved into the file; a finding
 * the masks of codes made is dropped. seg NULL: a finding of the whole
 * file, with no place. */
static int add_placed(fl_result *res, const fl_finding *f,
                      const fl_segment *seg, size_t line, size_t col,
                      size_t end_line, size_t end_col, size_t source_line)
{
	const fl_segment_text *t = seg ? &seg->target : NULL;
	fl__finding_in g;

	if (!seg)
		line = 0;
	if (line && t->code_count &&
	    made_by_masks(t, text_offset(t->text, t->len, line, col),
	                  text_offset(t->text, t->len, end_line, end_col)))
		return 0;

	memset(&g, 0, sizeof(g));
	g.rule = f->rule;
	g.severity = f->severity;
	g.text = f->text;
	g.message = f->message;
	g.expected = f->expected;
	g.suggestion = f->suggestion;
	g.context = f->context;
	g.context_len = f->context_len;
	g.context_column = f->context_column;
	g.source_line = source_line;
	g.segment = seg ? seg->id : NULL;
	if (line) {
		fl__segment_place(t, text_offset(t->text, t->len, line, col),
		                  &g.line, &g.column);
		fl__segment_place(
		    t, text_offset(t->text, t->len, end_line, end_col),
		    &g.end_line, &g.end_column);
	}
	return fl__result_add(res, &g);
}

/* Whether segment s is checked with these options. */
static bool active(const fl_segment *s, const fl_check_options *o)
{
	return s->target.text &&
	       (!(s->flags & FL_SEGMENT_DRAFT) || (o->flags & FL_CHECK_DRAFTS));
}

/*
 * The targets as one document, paragraphs apart, checked against the
 * checker's facts; each finding goes back to its segment.
 */
static int check_joined(fl_result *res, fl_checker *chk, const char *path,
                        const fl_segment *segs, size_t count,
                        const fl_check_options *opts, char **lang)
{
	fl_buf doc = FL_BUF_INIT;
	size_t *start = NULL, *which = NULL, n = 0, line = 1;
	fl_result *one = NULL;
	int error = 0;

	if (count && (!(start = calloc(count, sizeof(*start))) ||
	              !(which = calloc(count, sizeof(*which))))) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	for (size_t i = 0; i < count; i++) {
		const fl_segment_text *t = &segs[i].target;
		if (!active(&segs[i], opts))
			continue;
		start[n] = line;
		which[n++] = i;
		if ((error = fl_buf_put(&doc, t->text, t->len)) < 0 ||
		    (error = fl_buf_put(&doc, "\n\n", 2)) < 0)
			goto cleanup;
		line += count_lines(t->text, t->len) + 1;
	}
	if ((error = fl__check_doc(&one, chk, path, doc.ptr ? doc.ptr : "",
	                           doc.len, opts, NULL)) < 0)
		goto cleanup;
	if (!(*lang = fl__strdup(fl_result_lang(one))) ||
	    fl__result_copy_mentions(res, one) < 0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	for (size_t k = 0; k < fl_result_count(one) && error == 0; k++) {
		const fl_finding *f = fl_result_finding(one, k);
		size_t lo = 0, hi = n;
		const fl_segment *s;
		if (f->line == 0 || n == 0) {
			error = add_placed(res, f, NULL, 0, 0, 0, 0, 0);
			continue;
		}
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (start[mid] <= f->line)
				lo = mid;
			else
				hi = mid;
		}
		s = &segs[which[lo]];
		error = add_placed(
		    res, f, s, f->line - start[lo] + 1, f->column,
		    f->end_line >= start[lo] ? f->end_line - start[lo] + 1
		                             : f->line - start[lo] + 1,
		    f->end_column, 0);
	}
	if (error < 0)
		fl__checker_fail(chk, error, "%s: out of memory", path);
cleanup:
	if (error == FL_ENOMEM && !fl_checker_error(chk)[0])
		fl__checker_fail(chk, error, "%s: out of memory", path);
	fl_result_free(one);
	fl_buf_dispose(&doc);
	free(start);
	free(which);
	return error;
}

/*
 * *out: the facts of 0-based line `line` of the originals ex, named
 * `name`: made in memory, or when the facts file's loader might read
 * them otherwise (fl__extract_facts refuses), written as that file into
 * yaml and loaded (for the loader's message). Returns 0 or a negative
 * code, with the message on chk.
 */
static int segment_facts(fl_facts **out, fl_checker *chk, const char *path,
                         fl_buf *yaml, const fl__original *ex, size_t line,
                         const char *name)
{
	fl_facts *lf = NULL;
	int error;

	*out = NULL;
	if ((error = fl__extract_facts(out, ex->x, line, name)) <= 0) {
		if (error == FL_ENOMEM)
			fl__checker_fail(chk, error, "%s: out of memory", path);
		return error;
	}
	fl_buf_clear(yaml);
	if ((error = fl__extract_write(yaml, ex->x, line)) < 0 ||
	    (error = fl_facts_new(&lf)) < 0)
		return fl__checker_fail(chk, error, "%s: out of memory", path);
	if ((error = fl_facts_load_buffer(lf, name, yaml->ptr, yaml->len)) <
	    0) {
		/* our own output: a failure here is a bug */
		fl__checker_fail(chk, error, "%s: %s", path,
		                 fl_facts_error(lf));
		fl_facts_free(lf);
		return error;
	}
	*out = lf;
	return 0;
}

/*
 * Each target against the facts of its own original; the originals are
 * read at once, one line each, so that a name is known by all of them.
 */
static int check_pairs(fl_result *res, fl_checker *chk, const char *path,
                       const fl_segment *segs, size_t count,
                       const char *source_lang, const fl_check_options *opts,
                       char **lang)
{
	const fl_facts *saved = fl__checker_facts(chk);
	fl_check_options o = *opts;
	fl_buf src = FL_BUF_INIT, yaml = FL_BUF_INIT;
	fl__original ex;
	char tag[FL_TAG_MAX];
	size_t n = 0;
	int error = 0;

	memset(&ex, 0, sizeof(ex));
	/* The translation's language, once for the file. */
	if (!o.lang) {
		for (size_t i = 0; i < count && error == 0; i++)
			if (active(&segs[i], opts))
				if ((error =
				         fl_buf_put(&src, segs[i].target.text,
				                    segs[i].target.len)) == 0)
					error = fl_buf_putc(&src, '\n');
		if (error < 0 ||
		    (error = fl__checker_lang(tag, sizeof(tag), chk, path,
		                              src.ptr ? src.ptr : "", src.len,
		                              NULL)) < 0)
			goto cleanup;
		o.lang = tag;
		fl_buf_clear(&src);
	}
	/* One line per original: a line end inside one is a space. */
	for (size_t i = 0; i < count && error == 0; i++) {
		const fl_segment_text *s = &segs[i].source;
		if (!active(&segs[i], opts))
			continue;
		if (s->text && (error = fl_buf_put(&src, s->text, s->len)) < 0)
			break;
		for (size_t p = src.len - (s->text ? s->len : 0); p < src.len;
		     p++)
			if (src.ptr[p] == '\n' || src.ptr[p] == '\r')
				src.ptr[p] = ' ';
		error = fl_buf_putc(&src, '\n');
	}
	if (error < 0)
		goto cleanup;
	if ((error = fl__original_read(&ex, chk, path, src.ptr ? src.ptr : "",
	                               src.len, source_lang)) < 0)
		goto cleanup;

	for (size_t i = 0; i < count && error == 0; i++) {
		const fl_segment *s = &segs[i];
		fl__aligned_line al;
		fl_facts *lf = NULL;
		fl_result *one = NULL;
		size_t col;
		char name[64];

		if (!active(s, opts))
			continue;
		snprintf(name, sizeof(name), "segment %zu of the original",
		         n + 1);
		if ((error = segment_facts(&lf, chk, path, &yaml, &ex, n++,
		                           name)) < 0)
			goto cleanup;
		fl_checker_set_facts(chk, lf);
		al.text = s->source.text ? s->source.text : "";
		al.len = s->source.len;
		if (s->source.text)
			fl__segment_place(&s->source, 0, &al.line, &col);
		else
			al.line = n;
		error = fl__check_doc(&one, chk, path, s->target.text,
		                      s->target.len, &o, &al);
		fl_checker_set_facts(chk, saved);
		fl_facts_free(lf);
		if (error < 0)
			goto cleanup;
		if (!*lang && !(*lang = fl__strdup(fl_result_lang(one))))
			error = FL_ENOMEM;
		for (size_t k = 0; k < fl_result_count(one) && error == 0;
		     k++) {
			const fl_finding *f = fl_result_finding(one, k);
			/* A fact absent from the segment is reported at its
			 * start. */
			error = add_placed(
			    res, f, s, f->line ? f->line : 1,
			    f->line ? f->column : 1, f->line ? f->end_line : 1,
			    f->line ? f->end_column : 1, al.line);
		}
		fl_result_free(one);
	}
cleanup:
	if (error == FL_ENOMEM)
		fl__checker_fail(chk, error, "%s: out of memory", path);
	fl_checker_set_facts(chk, saved);
	fl__original_dispose(&ex);
	fl_buf_dispose(&src);
	fl_buf_dispose(&yaml);
	return error;
}

/* keep(): whether a finding is not suppressed by its segment. */
static bool not_suppressed(fl_finding *f, void *ctx)
{
	const fl_segment *const *v = ctx;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const fl_segment *segs = v[0];
	size_t count = (size_t)(uintptr_t)v[1];

	if (!f->segment)
		return true;
	for (size_t i = 0; i < count; i++) {
		if (!segs[i].suppress || !segs[i].id ||
		    strcmp(segs[i].id, f->segment) != 0)
			continue;
		o.ignore = segs[i].suppress[0] ? segs[i].suppress : "all";
		return fl__policy_keep(&o, f->rule, &f->severity);
	}
	return true;
}

/* Drops the findings of segments whose suppress names their rule. */
static void suppress_segments(fl_result *res, const fl_segment *segs,
                              size_t count)
{
	const void *v[2] = {segs, (const void *)(uintptr_t)count};
	bool any = false;

	for (size_t i = 0; i < count && !any; i++)
		any = segs[i].suppress != NULL;
	if (any)
		fl__result_filter(res, not_suppressed, (void *)v);
}

int fl_check_segments(fl_result **out, fl_checker *chk, const char *path,
                      const fl_segment *segs, size_t count,
                      const char *source_lang, const fl_check_options *opts)
{
	fl_check_options defaults = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	char *lang = NULL;
	bool sources = false;
	int error;

	*out = NULL;
	if (!chk)
		return FL_EINVAL;
	if (!opts)
		opts = &defaults;
	if (!path)
		path = "<input>";
	if (opts->version != FL_CHECK_OPTIONS_VERSION || (!segs && count))
		return fl__checker_fail(chk, FL_EINVAL, "%s: bad arguments",
		                        path);
	for (size_t i = 0; i < count; i++) {
		if ((!segs[i].target.text && segs[i].target.len) ||
		    (!segs[i].source.text && segs[i].source.len))
			return fl__checker_fail(chk, FL_EINVAL,
			                        "%s: bad arguments", path);
		if (segs[i].source.text && active(&segs[i], opts))
			sources = true;
	}
	if ((error = fl__result_new(&res, path, NULL)) < 0)
		return fl__checker_fail(chk, error, "%s: out of memory", path);
	if (fl__checker_facts(chk) || !sources)
		error = check_joined(res, chk, path, segs, count, opts, &lang);
	else
		error = check_pairs(res, chk, path, segs, count, source_lang,
		                    opts, &lang);
	for (size_t i = 0; i < count && error == 0; i++)
		if (active(&segs[i], opts) && segs[i].source.text)
			error = fl__segment_checks_run(res, &segs[i]);
	if (error == FL_ENOMEM)
		fl__checker_fail(chk, error, "%s: out of memory", path);
	if (error == 0 &&
	    (error = fl__result_set_lang(res, lang ? lang : opts->lang)) < 0)
		fl__checker_fail(chk, error, "%s: out of memory", path);
	free(lang);
	if (error < 0) {
		fl_result_free(res);
		return error;
	}
	suppress_segments(res, segs, count);
	fl__policy_apply(res, opts);
	fl__result_sort(res);
	*out = res;
	return 0;
}
