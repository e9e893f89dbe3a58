/*
 * PCRE2 (8-bit code units) behind the fl_regexp API. Each regexp holds its
 * compiled code and a match context with the limits; match data is made
 * per search so that one regexp can be shared between threads.
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
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
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

int fl_regexp_search(const fl_regexp *re, const char *subject, size_t len,
                     size_t start, size_t *match_start, size_t *match_end)
{
	pcre2_match_data *md;
	PCRE2_SIZE *ov;
	int rc;

	if (!re || (!subject && len) || start > len)
		return FL_EINVAL;
	if (!subject)
		subject = "";
	/* One pair is enough: only the whole match is reported. */
	if (!(md = pcre2_match_data_create(1, NULL)))
		return FL_ENOMEM;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
	                 re->match_options, md, re->mctx);
	/* JIT runs on a small machine stack; the interpreter uses the heap
	 * (bounded by the heap limit), so a deep pattern may still succeed. */
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc =
		    pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
		                re->match_options | PCRE2_NO_JIT, md, re->mctx);
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
	return rc;
}
