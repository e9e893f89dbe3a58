/*
 * The document as UTF-8 for PCRE2, with the map back to UTF-16 offsets.
 */
#include "pattern_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fl__scan_text_init(fl__scan_text *t, const fl__doc *d)
{
	size_t n = d->len, cap, o = 0;

	memset(t, 0, sizeof(*t));
	/* At most 3 bytes per UTF-16 unit (a pair makes 4 from 2). */
	if (fl__mul_overflow(n, 3, &cap) || fl__add_overflow(cap, 1, &cap))
		return FL_ENOMEM;
	if (cap > UINT32_MAX)
		return FL_ELIMIT;
	t->u8 = malloc(cap);
	t->b16 = fl__reallocarray(NULL, n + 1, sizeof(*t->b16));
	if (!t->u8 || !t->b16)
		return FL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = d->text[i];
		t->b16[i] = (uint32_t)o;
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n &&
		    (d->text[i + 1] & 0xFC00) == 0xDC00) {
			c = 0x10000 + ((c - 0xD800) << 10) +
			    (d->text[i + 1] - 0xDC00u);
			/* Both halves share the character's byte offset:
			 * byte offsets map back to the high half. */
			t->b16[++i] = (uint32_t)o;
			t->u8[o++] = (char)(0xF0 | (c >> 18));
			t->u8[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
			t->u8[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			t->u8[o++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x80) {
			t->u8[o++] = (char)c;
		} else if (c < 0x800) {
			t->u8[o++] = (char)(0xC0 | (c >> 6));
			t->u8[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			/* A lone surrogate cannot come from valid UTF-8;
			 * U+FFFD keeps the subject valid all the same. */
			if (c >= 0xD800 && c < 0xE000)
				c = 0xFFFD;
			t->u8[o++] = (char)(0xE0 | (c >> 12));
			t->u8[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			t->u8[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	t->b16[n] = (uint32_t)o;
	t->u8[o] = '\0';
	t->len = o;
	t->len16 = n;
	return 0;
}

void fl__scan_text_dispose(fl__scan_text *t)
{
	free(t->u8);
	free(t->b16);
	memset(t, 0, sizeof(*t));
}

size_t fl__scan_to16(const fl__scan_text *t, size_t b)
{
	/* The first unit whose byte offset is b or more: for a pair, the
	 * high half (both halves share the offset of the character). */
	size_t lo = 0, hi = t->len16;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->b16[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Index of the first token ending after offset s. */
static size_t first_token_after(const fl__doc *d, size_t s)
{
	size_t lo = 0, hi = d->token_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->tokens[mid].end <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool fl__scan_skip(const fl__check_ctx *c, size_t s, size_t e)
{
	const fl__doc *d = c->doc;

	for (size_t i = first_token_after(d, s);
	     i < d->token_count && d->tokens[i].start < e; i++)
		if (d->tokens[i].flags & FL_TOKF_MASKED)
			return true;
	/* Mentions are in text order (mentions.c, mentions_xlit.c) and do
	 * not overlap: the last one starting at or before s is the only one
	 * that can hold the match. */
	{
		size_t lo = 0, hi = c->mention_count;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->mentions[mid].start <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo > 0 && e <= c->mentions[lo - 1].end;
	}
}

int fl__scan_matches(fl__check_ctx *c, const fl__scan_text *t,
                     const fl_regexp *re, fl__scan_fn fn, void *arg)
{
	size_t at = 0;
	/* One budget for all the searches of this pattern in this document:
	 * the work grows at most linearly with the document. */
	uint64_t budget = fl_regexp_budget(t->len);

	while (at <= t->len) {
		size_t ms, me, s, e;
		int rc = fl_regexp_search_budget(re, t->u8, t->len, at, &ms,
		                                 &me, &budget);
		if (rc <= 0)
			return rc;
		/* Step past an empty match by one whole character. */
		if (me == ms) {
			at = me + 1;
			while (at < t->len && (t->u8[at] & 0xC0) == 0x80)
				at++;
			continue;
		}
		at = me;
		s = fl__scan_to16(t, ms);
		e = fl__scan_to16(t, me);
		if (fl__scan_skip(c, s, e))
			continue;
		if ((rc = fn(c, s, e, arg)) < 0)
			return rc;
	}
	return 0;
}

int fl__scan_limit_finding(fl__check_ctx *c, const char *rule, fl_severity sev,
                           const char *text)
{
	char msg[FL_ERRMSG_SIZE];

	snprintf(msg, sizeof(msg), "%s", c->err ? c->err : "");
	return fl__check_add_placeless(c, rule, sev, text, NULL, "%s", msg);
}
