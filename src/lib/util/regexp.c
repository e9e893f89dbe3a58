/*
 * PCRE2 (8-bit code units) behind the fl_regexp API. Each regexp holds its
 * compiled code and a match context with the limits; match data (and, for
 * a search with a budget, a copy of the match context carrying the
 * counter) is made per search so that one regexp can be shared between
 * threads.
 *
 * Patterns are compiled with automatic callouts (a callout before every
 * item), which cost nothing while no callout function is set: a search
 * with a budget sets one that counts the work.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "regexp.h"

#include <pcre2.h>
#include <stdlib.h>

/* Enough for any sane pattern on a 64 MiB document, small enough that a
 * catastrophic backtracking pattern stops within a second or so. */
#define FL_REGEXP_MATCH_LIMIT    10000000u
#define FL_REGEXP_DEPTH_LIMIT    250000u
#define FL_REGEXP_HEAP_LIMIT_KIB (64u * 1024u)

struct fl_regexp {
	pcre2_code *code;
	pcre2_match_context *mctx;
	uint32_t match_options;
};

void fl_regexp_free(fl_regexp *re)
{
	if (!re)
		return;
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re);
}

int fl_regexp_compile(fl_regexp **out, const char *pattern, size_t len,
                      unsigned flags, char *err, size_t errlen)
{
	fl_regexp *re = NULL;
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C |
	                   PCRE2_AUTO_CALLOUT;
	int errcode = 0;
	PCRE2_SIZE erroffset = 0;
	int error = 0;

	*out = NULL;
	if (!pattern && len)
		return fl__fail(err, errlen, FL_EINVAL, "no pattern");
	if (!pattern)
		pattern = "";
	if (flags & FL_REGEXP_ICASE)
		options |= PCRE2_CASELESS;

	if (!(re = calloc(1, sizeof(*re))))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	if (flags & FL_REGEXP_TRUSTED_UTF8)
		re->match_options = PCRE2_NO_UTF_CHECK;

	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, options, &errcode,
	                         &erroffset, NULL);
	if (!re->code) {
		PCRE2_UCHAR msg[256];
		if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
			msg[0] = '\0';
		error = fl__fail(
		    err, errlen,
		    errcode == PCRE2_ERROR_NOMEMORY ? FL_ENOMEM : FL_EPARSE,
		    "offset %zu: %s", (size_t)erroffset, (const char *)msg);
		goto cleanup;
	}
	/* JIT is an optimisation only: where the platform has none the
	 * interpreter gives the same answers. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);

	if (!(re->mctx = pcre2_match_context_create(NULL))) {
		error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	pcre2_set_match_limit(re->mctx, FL_REGEXP_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, FL_REGEXP_DEPTH_LIMIT);
	pcre2_set_heap_limit(re->mctx, FL_REGEXP_HEAP_LIMIT_KIB);

	*out = re;
	re = NULL;

cleanup:
	fl_regexp_free(re);
	return error;
}

static int convert_error(int rc)
{
	if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
		return FL_EENCODING;
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
	case PCRE2_ERROR_DEPTHLIMIT:
	case PCRE2_ERROR_HEAPLIMIT:
	case PCRE2_ERROR_JIT_STACKLIMIT:
	case PCRE2_ERROR_CALLOUT: /* the budget ran out (count_work) */
		return FL_ELIMIT;
	case PCRE2_ERROR_NOMEMORY:
		return FL_ENOMEM;
	case PCRE2_ERROR_BADOFFSET:
	case PCRE2_ERROR_BADUTFOFFSET:
		return FL_EINVAL;
	default:
		return FL_ERROR;
	}
}

uint64_t fl_regexp_budget(size_t len)
{
	uint64_t n = (uint64_t)len;
	if (n >
	    (UINT64_MAX - FL_REGEXP_BUDGET_BASE) / FL_REGEXP_BUDGET_PER_BYTE)
		return UINT64_MAX;
	return n * FL_REGEXP_BUDGET_PER_BYTE + FL_REGEXP_BUDGET_BASE;
}

/* The work counter of one search with a budget. */
typedef struct {
	uint64_t left;
	PCRE2_SIZE start; /* start of the current match attempt */
	PCRE2_SIZE pos;   /* subject offset at the previous callout */
	bool started;
} work;

/* Called before every item of the pattern: one unit for the item, one
 * for every character between here and the previous callout of the same
 * attempt (what the item before read, in either direction). A negative
 * return ends pcre2_match with that code. */
static int count_work(pcre2_callout_block *cb, void *data)
{
	work *w = data;
	PCRE2_SIZE pos = cb->current_position;
	uint64_t cost = 1;

	if (!w->started || cb->start_match != w->start) {
		w->started = true;
		w->start = cb->start_match;
		w->pos = cb->start_match;
	}
	cost += pos > w->pos ? pos - w->pos : w->pos - pos;
	w->pos = pos;
	if (cost > w->left) {
		w->left = 0;
		return PCRE2_ERROR_CALLOUT;
	}
	w->left -= cost;
	return 0;
}

int fl_regexp_search(const fl_regexp *re, const char *subject, size_t len,
                     size_t start, size_t *match_start, size_t *match_end)
{
	return fl_regexp_search_budget(re, subject, len, start, match_start,
	                               match_end, NULL);
}

int fl_regexp_search_budget(const fl_regexp *re, const char *subject,
                            size_t len, size_t start, size_t *match_start,
                            size_t *match_end, uint64_t *budget)
{
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	PCRE2_SIZE *ov;
	work w = {0};
	int rc;

	if (!re || (!subject && len) || start > len)
		return FL_EINVAL;
	if (budget && *budget == 0)
		return FL_ELIMIT;
	if (!subject)
		subject = "";
	mctx = re->mctx;
	if (budget) {
		if (!(mctx = pcre2_match_context_copy(re->mctx)))
			return FL_ENOMEM;
		w.left = *budget;
		pcre2_set_callout(mctx, count_work, &w);
	}
	/* One pair is enough: only the whole match is reported. */
	if (!(md = pcre2_match_data_create(1, NULL))) {
		rc = FL_ENOMEM;
		goto cleanup;
	}
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
	                 re->match_options, md, mctx);
	/* JIT runs on a small machine stack; the interpreter uses the heap
	 * (bounded by the heap limit), so a deep pattern may still succeed.
	 * The work counted so far stays spent. */
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
		w.started = false;
		rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
		                 re->match_options | PCRE2_NO_JIT, md, mctx);
	}
	if (rc >= 0) {
		ov = pcre2_get_ovector_pointer(md);
		if (match_start)
			*match_start = ov[0];
		if (match_end)
			*match_end = ov[1];
		rc = 1;
	} else if (rc == PCRE2_ERROR_NOMATCH) {
		rc = 0;
	} else {
		rc = convert_error(rc);
	}
	pcre2_match_data_free(md);
cleanup:
	if (budget) {
		*budget = w.left;
		pcre2_match_context_free(mctx);
	}
	return rc;
}
