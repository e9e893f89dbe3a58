/*
 * The TSV reader: each row is "original TAB translation" and one segment,
 * placed on its row; an empty row is no segment. Rows end as lines do
 * (LF, CR LF, a lone CR).
 */
#include "input.h"

#include "../checker.h"

#include <string.h>

/* Adds the segment of one row: source row[0,tab), target after it. */
static int add_row(fl__segbuf *b, const fl__linemap *m, const char *data,
                   size_t row, size_t tab, size_t end)
{
	fl__segtext s, t;
	fl_segment *seg;
	int error;

	fl__segtext_init(&s, m);
	fl__segtext_init(&t, m);
	if ((error = fl__segtext_put(&s, data + row, tab - row, row)) < 0 ||
	    (error = fl__segtext_put(&t, data + tab + 1, end - tab - 1,
	                             tab + 1)) < 0 ||
	    (error = fl__segbuf_add(b, &seg)) < 0 ||
	    (error = fl__segtext_finish(&s, b, &seg->source)) < 0 ||
	    (error = fl__segtext_finish(&t, b, &seg->target)) < 0)
		goto cleanup;
	/* an empty side still has its place */
	if (!seg->source.anchor_count || !seg->target.anchor_count) {
		fl_anchor *a = fl__segbuf_alloc(b, 2 * sizeof(*a));
		if (!a) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		a[0].offset = a[1].offset = 0;
		fl__linemap_pos(m, row, &a[0].line, &a[0].column);
		fl__linemap_pos(m, tab + 1, &a[1].line, &a[1].column);
		if (!seg->source.anchor_count) {
			seg->source.anchors = &a[0];
			seg->source.anchor_count = 1;
		}
		if (!seg->target.anchor_count) {
			seg->target.anchors = &a[1];
			seg->target.anchor_count = 1;
		}
	}
cleanup:
	fl__segtext_dispose(&s);
	fl__segtext_dispose(&t);
	return error;
}

int fl__read_tsv(fl__segbuf *b, const char *path, const char *data, size_t len,
                 char *err, size_t errlen)
{
	fl__linemap m;
	size_t line = 0;
	int error;

	if ((error = fl__linemap_init(&m, data, len)) < 0)
		return fl__fail(err, errlen, error, "%s: out of memory", path);
	for (size_t p = 0; p < len && error == 0;) {
		const char *row = data + p, *tab;
		size_t next, n = fl__line_next(row, len - p, &next);
		line++;
		tab = memchr(row, '\t', n);
		if (!tab && n == 0) {
			p += next;
			continue;
		}
		if (!tab)
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:%zu: a row is "
			                 "'original<TAB>translation' (no tab "
			                 "here)",
			                 path, line);
		else if (memchr(tab + 1, '\t', n - (size_t)(tab + 1 - row)))
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:%zu: a row has two columns, not "
			                 "more",
			                 path, line);
		else if ((error = add_row(b, &m, data, p,
		                          p + (size_t)(tab - row), p + n)) < 0)
			fl__fail(err, errlen, error, "%s: out of memory", path);
		p += next;
	}
	fl__linemap_dispose(&m);
	return error;
}
