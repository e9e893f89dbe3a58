/*
 * term.forbidden — a rendering the facts file forbids for a term ("acordos
 * de greve" for "strike deals", "الملعب" for "pitch"): each match of a
 * term's forbid patterns for the document's language is an error, with
 * the accepted renderings as what was expected.
 */
#include "checks.h"
#include "pattern_scan.h"
#include "registry.h"

#include <stdlib.h>
#include <string.h>

int fl__term_expected(fl_buf *out, const fl__check_ctx *c, const fl__term *term)
{
	const fl__lang_strings *s = fl__lang_strings_find(
	    term->expect, term->expect_count, c->lang->profile->tag);

	for (size_t i = 0; s && i < s->count; i++)
		if (fl_buf_printf(out, "%s%s", i ? ", " : "", s->items[i]) < 0)
			return FL_ENOMEM;
	return 0;
}

int fl__term_forbid_scan(fl__check_ctx *c, const fl__scan_text *t,
                         const fl__term *term, fl__scan_fn fn, void *arg)
{
	const fl__lang_strings *s = fl__lang_strings_find(
	    term->forbid, term->forbid_count, c->lang->profile->tag);
	bool limited = false;
	int error = 0;

	for (size_t i = 0; s && i < s->count && error == 0; i++) {
		fl_regexp *re = NULL;
		char msg[256];
		error =
		    fl_regexp_compile(&re, s->items[i], strlen(s->items[i]),
		                      FL_REGEXP_TRUSTED_UTF8, msg, sizeof(msg));
		if (error == 0)
			error = fl__scan_matches(c, t, re, fn, arg);
		else if (error != FL_ENOMEM)
			error = fl__fail(c->err, c->errlen, error,
			                 "%s:%zu: forbid pattern '%s': %s",
			                 c->facts->path, term->line,
			                 s->items[i], msg);
		/* The first pattern stopped by its limits is named; the
		 * others of the term still run. */
		if (error == FL_ELIMIT) {
			if (!limited)
				fl__fail(c->err, c->errlen, error,
				         "forbid pattern '%s' of term '%s' for "
				         "%s (%s:%zu) %s; the pattern was not "
				         "checked here",
				         s->items[i], term->source, s->lang,
				         c->facts->path, term->line,
				         FL__SCAN_LIMIT_TEXT);
			limited = true;
			error = 0;
		}
		fl_regexp_free(re);
	}
	if (error == FL_ENOMEM)
		fl__fail(c->err, c->errlen, error, "out of memory");
	return error == 0 && limited ? FL_ELIMIT : error;
}

typedef struct {
	const fl__term *term;
	const char *expected; /* NULL when no rendering is given */
	const char *first;    /* first accepted rendering, or NULL */
} forbid_arg;

static int report(fl__check_ctx *c, size_t s, size_t e, void *p)
{
	const forbid_arg *a = p;
	fl_buf text = FL_BUF_INIT;
	int error;

	if (fl__doc_span_utf8(&text, c->doc, s, e) < 0)
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	error = fl__check_add(
	    c, "term.forbidden", FL_SEVERITY_ERROR, s, e, a->expected, a->first,
	    "'%s' is a wrong rendering of '%s'%s%s%s", text.ptr,
	    a->term->source, a->expected ? " (expected: " : "",
	    a->expected ? a->expected : "", a->expected ? ")" : "");
	fl_buf_dispose(&text);
	return error;
}

/* term.forbidden: every match of a term's forbid patterns. Returns 0 or a
 * negative code (message in c->err). */
static int check_term_forbidden(fl__check_ctx *c)
{
	fl__scan_text t;
	int error = 0;

	if (!c->facts || c->facts->term_count == 0)
		return 0;
	if ((error = fl__scan_text_init(&t, c->doc)) < 0) {
		fl__scan_text_dispose(&t);
		return fl__fail(c->err, c->errlen, error, "out of memory");
	}
	for (size_t i = 0; i < c->facts->term_count && error == 0; i++) {
		const fl__term *term = &c->facts->terms[i];
		const fl__lang_strings *ex = fl__lang_strings_find(
		    term->expect, term->expect_count, c->lang->profile->tag);
		fl_buf expected = FL_BUF_INIT;
		forbid_arg a = {term, NULL, NULL};
		if (fl__term_expected(&expected, c, term) < 0) {
			error = fl__fail(c->err, c->errlen, FL_ENOMEM,
			                 "out of memory");
			break;
		}
		a.expected = expected.len ? expected.ptr : NULL;
		a.first = ex && ex->count ? ex->items[0] : NULL;
		error = fl__term_forbid_scan(c, &t, term, report, &a);
		if (error == FL_ELIMIT)
			error = fl__scan_limit_finding(c, "term.forbidden",
			                               FL_SEVERITY_ERROR,
			                               term->source);
		fl_buf_dispose(&expected);
	}
	fl__scan_text_dispose(&t);
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("term.forbidden", FL_SEVERITY_ERROR, FL__E, NULL,
             "A rendering of a term that the facts file forbids.",
             "The facts file lists, per language, PCRE2 patterns of known "
             "wrong renderings of a term of the original (\"acordos de "
             "greve\" for \"strike deals\"). Each match is an error; the "
             "accepted renderings are given as expected. A pattern that "
             "needs more work than the limits allow is an error with no "
             "place."),
};

const fl__check_desc fl__check_term_forbidden =
    FL__CHECK_DESC("term_forbidden", rules, FL__NEEDS_FACTS | FL__NEEDS_PROFILE,
                   check_term_forbidden, NULL);
