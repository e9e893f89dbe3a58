#include "checks.h"

#include <stdio.h>
#include <stdlib.h>

static int vadd(fl__check_ctx *c, const char *rule, fl_severity sev,
                bool placed, size_t start, size_t end, const char *text,
                const char *expected, const char *suggestion, const char *fmt,
                va_list ap)
{
	fl_buf msg = FL_BUF_INIT, span = FL_BUF_INIT, line = FL_BUF_INIT;
	fl__finding_in f = {0};
	va_list ap2;
	int n, error = FL_ENOMEM;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || fl_buf_reserve(&msg, (size_t)n) < 0)
		goto cleanup;
	vsnprintf(msg.ptr, (size_t)n + 1, fmt, ap);
	msg.len = (size_t)n;

	f.rule = rule;
	f.severity = sev;
	f.message = msg.ptr;
	f.expected = expected;
	f.suggestion = suggestion;
	if (placed) {
		const fl__doc *d = c->doc;
		size_t l0, c0, l1, c1;
		fl__doc_position(d, start, &l0, &c0);
		fl__doc_position(d, end, &l1, &c1);
		f.line = l0, f.column = c0, f.end_line = l1, f.end_column = c1;
		size_t ls = d->lines[l0 - 1];
		size_t le = l0 < d->line_count ? d->lines[l0] - 1 : d->len;
		/* Of a long line convert only a window around the finding: a
		 * whole article on one line must not be copied per finding. */
		if (le - ls > FL_CONTEXT_MAX) {
			size_t a = start > ls + FL_CONTEXT_BEFORE
			               ? start - FL_CONTEXT_BEFORE
			               : ls;
			size_t b =
			    a + FL_CONTEXT_SPAN < le ? a + FL_CONTEXT_SPAN : le;
			/* Do not split a surrogate pair. */
			if (a > ls && (d->text[a] & 0xFC00) == 0xDC00)
				a--;
			if (b < le && (d->text[b] & 0xFC00) == 0xDC00)
				b++;
			/* Counted inside the window only: a per-finding count
			 * from the line start would make many findings on one
			 * long line quadratic. */
			f.context_column =
			    fl__cp_count(d->text + a, start - a) + 1;
			ls = a;
			le = b;
		}
		if (fl__doc_span_utf8(&span, d, start, end) < 0 ||
		    fl__doc_span_utf8(&line, d, ls, le) < 0)
			goto cleanup;
		f.text = span.ptr;
		f.context = line.ptr;
		f.context_len = line.len;
	} else {
		f.text = text;
	}
	error = fl__result_add(c->res, &f);
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(c->err, c->errlen, error, "out of memory");
	fl_buf_dispose(&msg);
	fl_buf_dispose(&span);
	fl_buf_dispose(&line);
	return error;
}

int fl__check_add(fl__check_ctx *c, const char *rule, fl_severity sev,
                  size_t start, size_t end, const char *expected,
                  const char *suggestion, const char *fmt, ...)
{
	va_list ap;
	int error;
	va_start(ap, fmt);
	error = vadd(c, rule, sev, true, start, end, NULL, expected, suggestion,
	             fmt, ap);
	va_end(ap);
	return error;
}

int fl__check_add_placeless(fl__check_ctx *c, const char *rule, fl_severity sev,
                            const char *text, const char *expected,
                            const char *fmt, ...)
{
	va_list ap;
	int error;
	va_start(ap, fmt);
	error = vadd(c, rule, sev, false, 0, 0, text, expected, NULL, fmt, ap);
	va_end(ap);
	return error;
}
