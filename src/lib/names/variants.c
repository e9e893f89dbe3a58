#include "variants.h"

#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

/* The match key of UTF-8 s[0,n) when it is one UTF-16 unit: *out, true. */
static bool one_letter(uint16_t *out, const char *s, size_t n)
{
	uint16_t *k;
	size_t kn;
	bool one;
	if (fl__match_key_utf8(&k, &kn, s, n) < 0)
		return false;
	one = kn == 1;
	if (one)
		*out = k[0];
	free(k);
	return one;
}

int fl__letter_folds_build(fl__letter_folds *out, char *const *items, size_t n,
                           char *err, size_t errlen)
{
	out->count = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = items[i], *eq = strchr(s, '=');
		fl__letter_fold *f = &out->f[out->count];
		if (out->count == FL_MAX_LETTER_FOLDS || !eq ||
		    !one_letter(&f->from, s, (size_t)(eq - s)) ||
		    (eq[1] ? !one_letter(&f->to, eq + 1, strlen(eq + 1))
		           : (f->to = 0, false)))
			return fl__fail(
			    err, errlen, FL_EPARSE,
			    "name_letters: '%s' is not 'X=Y' or 'X=' "
			    "with one letter each (at most %d)",
			    s, FL_MAX_LETTER_FOLDS);
		out->count++;
	}
	return 0;
}

size_t fl__loose_key(uint16_t *dst, size_t cap, const uint16_t *k, size_t n,
                     const fl__letter_folds *f)
{
	uint16_t fz[FL_TOKEN_MAX];
	size_t m = fl__fuzzy_key(fz, FL_ARRAY_SIZE(fz), k, n), out = 0;

	for (size_t i = 0; i < m && out < cap; i++) {
		uint16_t c = fz[i];
		bool drop = false;
		for (size_t j = 0; f && j < f->count; j++) {
			if (f->f[j].from != c)
				continue;
			if (f->f[j].to)
				c = f->f[j].to;
			else
				drop = i > 0;
			break;
		}
		/* A letter read as a dropped one is dropped too (ى = ي). */
		for (size_t j = 0; f && j < f->count && !drop && i > 0; j++)
			drop = f->f[j].from == c && f->f[j].to == 0;
		if (!drop)
			dst[out++] = c;
	}
	return out;
}
