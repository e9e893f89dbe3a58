#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fl__check_place(fl__place *p, const fl__check_ctx *c, size_t start,
                    size_t end)
{
	const fl__doc *d = c->doc;
	fl_buf span = FL_BUF_INIT, line = FL_BUF_INIT;
	size_t l0, c0, l1, c1, ls, le;

	memset(p, 0, sizeof(*p));
	fl__doc_position(d, start, &l0, &c0);
	fl__doc_position(d, end, &l1, &c1);
	p->line = l0 + c->line_base, p->column = c0;
	p->end_line = l1 + c->line_base, p->end_column = c1;
	ls = d->lines[l0 - 1];
	le = l0 < d->line_count ? d->lines[l0] - 1 : d->len;
	/* Of a long line convert only a window around the finding: a whole
	 * article on one line must not be copied per finding. */
	if (le - ls > FL_CONTEXT_MAX) {
		size_t a = start > ls + FL_CONTEXT_BEFORE
		               ? start - FL_CONTEXT_BEFORE
		               : ls;
		size_t b = a + FL_CONTEXT_SPAN < le ? a + FL_CONTEXT_SPAN : le;
		/* Do not split a surrogate pair. */
		if (a > ls && (d->text[a] & 0xFC00) == 0xDC00)
			a--;
		if (b < le && (d->text[b] & 0xFC00) == 0xDC00)
			b++;
		/* Counted inside the window only: a per-finding count from
		 * the line start would make many findings on one long line
		 * quadratic. */
		p->context_column = fl__cp_count(d->text + a, start - a) + 1;
		ls = a;
		le = b;
	}
	if (fl__doc_span_utf8(&span, d, start, end) < 0 ||
	    fl__doc_span_utf8(&line, d, ls, le) < 0) {
		fl_buf_dispose(&span);
		fl_buf_dispose(&line);
		return FL_ENOMEM;
	}
	/* An empty span or line stays NULL, as a finding takes it. */
	p->context_len = line.len;
	p->text = span.ptr;
	p->context = line.ptr;
	return 0;
}

void fl__place_dispose(fl__place *p)
{
	free(p->text);
	free(p->context);
	memset(p, 0, sizeof(*p));
}

/* Adds a finding at place p (NULL: placeless, with text). */
static int vadd_at(fl__check_ctx *c, const char *rule, fl_severity sev,
                   const fl__place *p, const char *text, const char *expected,
                   const char *suggestion, const char *fmt, va_list ap)
{
	fl_buf msg = FL_BUF_INIT;
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
	if (p) {
		f.line = p->line, f.column = p->column;
		f.end_line = p->end_line, f.end_column = p->end_column;
		f.context_column = p->context_column;
		f.text = p->text;
		f.context = p->context;
		f.context_len = p->context_len;
	} else {
		f.text = text;
	}
	error = fl__result_add(c->res, &f);
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(c->err, c->errlen, error, "out of memory");
	fl_buf_dispose(&msg);
	return error;
}

static int vadd(fl__check_ctx *c, const char *rule, fl_severity sev,
                bool placed, size_t start, size_t end, const char *text,
                const char *expected, const char *suggestion, const char *fmt,
                va_list ap)
{
	fl__place p;
	int error;

	if (!placed)
		return vadd_at(c, rule, sev, NULL, text, expected, suggestion,
		               fmt, ap);
	if (fl__check_place(&p, c, start, end) < 0)
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	error = vadd_at(c, rule, sev, &p, NULL, expected, suggestion, fmt, ap);
	fl__place_dispose(&p);
	return error;
}

int fl__check_add_at(fl__check_ctx *c, const char *rule, fl_severity sev,
                     const fl__place *p, const char *expected,
                     const char *suggestion, const char *fmt, ...)
{
	va_list ap;
	int error;
	va_start(ap, fmt);
	error = vadd_at(c, rule, sev, p, NULL, expected, suggestion, fmt, ap);
	va_end(ap);
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
