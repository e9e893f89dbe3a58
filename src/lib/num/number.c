#include "number.h"

#include "numlang.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(double) == sizeof(uintptr_t),
               "number words keep a double in a map value");

/* Longest word tried as a spelled-out number ("quatrocentos"). */
#define FL_SPELLOUT_MAX 24

/* Longest run of digits and marks read as one number. */
#define FL_NUM_MAX_UNITS 40

static bool has_mark(const uint16_t *m, size_t n, uint16_t c)
{
	for (size_t i = 0; i < n; i++)
		if (m[i] == c)
			return true;
	return false;
}

static bool is_group_space(uint16_t c)
{
	return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/*
 * Reads digits and separators s[0,n) (digits of any script). Sets *value
 * and *alt (NAN when unambiguous); *rest gets the index of the first unit
 * that is neither (a glued "bn", "m"). Returns false when no digit.
 */
static bool read_digits(const fl__numlang *nl, const uint16_t *s, size_t n,
                        double *value, double *alt, size_t *rest)
{
	int digits[FL_NUM_MAX_UNITS];
	uint16_t sepc[FL_NUM_MAX_UNITS];
	size_t seppos[FL_NUM_MAX_UNITS];
	size_t nd = 0, ns = 0, i;

	for (i = 0; i < n && i < FL_NUM_MAX_UNITS; i++) {
		int d = fl__digit_value(s[i]);
		if (d >= 0) {
			digits[nd++] = d;
			continue;
		}
		/* A mark between digits: . , ٫ ٬ ' and the language's own. */
		if (nd > 0 && i + 1 < n && fl__digit_value(s[i + 1]) >= 0 &&
		    (s[i] == '.' || s[i] == ',' || s[i] == 0x066B ||
		     s[i] == 0x066C || s[i] == '\'' || is_group_space(s[i]) ||
		     (nl && (has_mark(nl->decimal, nl->decimal_count, s[i]) ||
		             has_mark(nl->group, nl->group_count, s[i]))))) {
			sepc[ns] = s[i];
			seppos[ns++] = nd;
			continue;
		}
		break;
	}
	*rest = i;
	*alt = NAN;
	if (nd == 0)
		return false;

	/* Which separator is the decimal mark, if any: its digit index. */
	size_t dec = SIZE_MAX, alt_dec = SIZE_MAX;
	if (ns > 0) {
		uint16_t last = sepc[ns - 1];
		size_t after = nd - seppos[ns - 1];
		bool same = true;
		for (size_t k = 0; k + 1 < ns; k++)
			same &= sepc[k] == last;
		bool lang_group =
		    is_group_space(last) || last == 0x066C ||
		    (nl && has_mark(nl->group, nl->group_count, last)) ||
		    (!nl && last == ',');
		if (!same) {
			dec = seppos[ns - 1]; /* 1.234,5 / 1,234.5 */
		} else if (ns == 1 && !is_group_space(last) && last != 0x066C &&
		           last != '\'') {
			if (after == 3 && lang_group) {
				alt_dec =
				    seppos[0]; /* "14.300": 14300, or 14.3 */
			} else if (after == 3) {
				dec = seppos[0]; /* "14,300" where ',' is
				                    decimal */
				alt_dec = SIZE_MAX;
			} else {
				dec = seppos[0];
			}
		}
	}
	{
		double v = 0, a = 0;
		for (size_t k = 0; k < nd; k++)
			v = v * 10 + digits[k];
		a = v;
		if (dec != SIZE_MAX)
			v /= pow(10, (double)(nd - dec));
		if (alt_dec != SIZE_MAX)
			a /= pow(10, (double)(nd - alt_dec));
		*value = v;
		if (alt_dec != SIZE_MAX)
			*alt = a;
		else if (dec != SIZE_MAX && ns == 1 && nd - dec == 3)
			*alt = a; /* "14,300" read as grouping */
	}
	return true;
}

static double map_number(const fl_map *m, const uint16_t *k, size_t n)
{
	uintptr_t v;
	if (!m || !fl_map_get(m, k, n * sizeof(*k), &v))
		return NAN;
	return fl__numlang_bits(v);
}

/* Key of tokens [a, b] joined by single spaces into buf (cap units). */
static size_t phrase_key(const fl__doc *d, size_t a, size_t b, uint16_t *buf,
                         size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i <= b; i++) {
		const fl__token *t = &d->tokens[i];
		if (i > a) {
			if (n >= cap)
				return 0;
			buf[n++] = ' ';
		}
		if (t->keylen == 0 || n + t->keylen > cap)
			return 0;
		memcpy(buf + n, fl__tok_key(d, t), t->keylen * sizeof(*buf));
		n += t->keylen;
	}
	return n;
}

/* True when tokens [a, b] form a phrase of m and stand spaced. */
static bool phrase_at(const fl__doc *d, const fl_map *m, size_t a, size_t b)
{
	uint16_t buf[FL_TOKEN_MAX * 3];
	size_t n;
	for (size_t i = a; i < b; i++)
		if (!fl__doc_gap_is_space(d, d->tokens[i].end,
		                          d->tokens[i + 1].start))
			return false;
	n = phrase_key(d, a, b, buf, FL_ARRAY_SIZE(buf));
	return n && fl_map_get(m, buf, n * sizeof(*buf), NULL);
}

/* Text between offsets a and b without spaces, as a key: "$", "US$". */
static size_t squeeze(const fl__doc *d, size_t a, size_t b, uint16_t *buf,
                      size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i < b && n < cap; i++) {
		uint16_t c = d->text[i];
		if (c == ' ' || c == 0xA0 || c == 0x202F || c == '\t')
			continue;
		buf[n++] = c >= 'A' && c <= 'Z' ? (uint16_t)(c + 32) : c;
	}
	return n;
}

static const char *currency_of(const fl__numlang *nl, const uint16_t *k,
                               size_t n)
{
	uintptr_t v;
	if (!nl || n == 0)
		return NULL;
	if (fl_map_get(&nl->currencies, k, n * 2, &v))
		return (const char *)v;
	/* An elided connector glued to the word: "d'euros". */
	for (size_t i = 0; i < nl->connectors.cap; i++) {
		const fl_map_slot *c = &nl->connectors.slots[i];
		size_t cn = c->keylen / 2;
		if (c->key && cn < n &&
		    ((const uint16_t *)(const void *)c->key)[cn - 1] == '\'' &&
		    memcmp(c->key, k, c->keylen) == 0 &&
		    fl_map_get(&nl->currencies, k + cn, (n - cn) * 2, &v))
			return (const char *)v;
	}
	return NULL;
}

/* Currency written before token i: a sign in the gap ("$14", "€ 3"),
 * possibly after a word ("US$", "US $", "R$"). */
static const char *currency_before(const fl__doc *d, const fl__numlang *nl,
                                   size_t i, uint32_t *start)
{
	uint16_t buf[16];
	size_t from =
	    i > 0 ? d->tokens[i - 1].end : d->lines[d->tokens[i].line];
	size_t n;
	const char *cur;

	if (!nl || d->tokens[i].start - from > 8)
		return NULL;
	n = squeeze(d, from, d->tokens[i].start, buf, FL_ARRAY_SIZE(buf));
	/* The word and the sign together first: "R$" is no "$". */
	if (i > 0 && n > 0 &&
	    d->tokens[i - 1].keylen + n < FL_ARRAY_SIZE(buf)) {
		uint16_t both[32];
		const fl__token *p = &d->tokens[i - 1];
		memcpy(both, fl__tok_key(d, p), p->keylen * 2);
		memcpy(both + p->keylen, buf, n * 2);
		if ((cur = currency_of(nl, both, p->keylen + n))) {
			*start = p->start;
			return cur;
		}
	}
	if ((cur = currency_of(nl, buf, n))) {
		while (from < d->tokens[i].start &&
		       (d->text[from] == ' ' || d->text[from] == 0xA0))
			from++;
		*start = (uint32_t)from;
	}
	return cur;
}

/* True when token i directly follows a capitalised word as part of a
 * name ("Llama 4", "GPT-4", "Windows 11"). */
static bool name_number(const fl__doc *d, size_t i)
{
	const fl__token *p, *t = &d->tokens[i];
	uint16_t g;
	if (i == 0)
		return false;
	p = &d->tokens[i - 1];
	if (p->kind != FL_TOK_WORD || (p->flags & FL_TOKF_SENT) ||
	    !(p->flags & (FL_TOKF_TITLE | FL_TOKF_MIXED | FL_TOKF_UPPER)) ||
	    t->start != p->end + 1)
		return false;
	g = d->text[p->end];
	return g == ' ' || g == '-';
}

int fl__numbers_find(fl__quantity **out, size_t *count, const fl__doc *doc,
                     const fl__numlang *nl, fl__text_ctx *tc,
                     const char *locale)
{
	fl__quantity *q = NULL;
	size_t n = 0, cap = 0;
	fl_map seen = FL_MAP_INIT; /* word key -> spelled value bits, or 1 */

	*out = NULL;
	*count = 0;
	for (size_t i = 0; i < doc->token_count; i++) {
		const fl__token *t = &doc->tokens[i];
		const uint16_t *s = doc->text + t->start;
		size_t len = t->end - t->start, rest = 0, last = i;
		double v = NAN, alt = NAN, scale;
		bool spelled = false;
		fl__quantity *r;

		if ((t->flags & FL_TOKF_MASKED) || t->keylen == 0)
			continue;
		if (fl__digit_value(s[0]) >= 0) {
			if (!read_digits(nl, s, len, &v, &alt, &rest))
				continue;
			/* "10 000": groups of three glued by a space. */
			while (last + 1 < doc->token_count && rest == len) {
				const fl__token *nx = &doc->tokens[last + 1];
				double nv, na;
				size_t nr;
				if (nx->start != doc->tokens[last].end + 1 ||
				    !is_group_space(doc->text[nx->start - 1]) ||
				    nx->end - nx->start != 3 || !nl ||
				    !has_mark(nl->group, nl->group_count,
				              doc->text[nx->start - 1]) ||
				    !read_digits(nl, doc->text + nx->start, 3,
				                 &nv, &na, &nr) ||
				    nr != 3 || !isnan(alt) || v != floor(v))
					break;
				v = v * 1000 + nv;
				last++;
			}
			/* A glued scale: "2.8bn", "10m". */
			if (rest < len) {
				uint16_t k[FL_TOKEN_MAX];
				size_t kn = 0;
				for (size_t j = rest;
				     j < len && kn < FL_TOKEN_MAX; j++)
					k[kn++] = s[j] >= 'A' && s[j] <= 'Z'
					              ? s[j] + 32
					              : s[j];
				scale =
				    nl ? map_number(&nl->scales, k, kn) : NAN;
				if (isnan(scale))
					continue; /* "4x4", "GPT4": no quantity
					           */
				v *= scale;
				alt *= scale;
			}
		} else if (t->kind == FL_TOK_WORD &&
		           !(t->flags & FL_TOKF_TITLE &&
		             !(t->flags & FL_TOKF_SENT))) {
			v = nl ? map_number(&nl->words, fl__tok_key(doc, t),
			                    t->keylen)
			       : NAN;
			if (isnan(v) && !(t->flags & FL_TOKF_UPPER) &&
			    t->keylen <= FL_SPELLOUT_MAX) {
				/* ICU's spell-out parsing is slow: once per
				 * distinct word of the document. A slot holds
				 * the value's bits, or 1 for "not a number". */
				uintptr_t *slot =
				    fl_map_slot_of(&seen, fl__tok_key(doc, t),
				                   t->keylen * 2, 0, NULL);
				double sv = NAN;
				if (!slot) {
					fl_map_dispose(&seen);
					free(q);
					return FL_ENOMEM;
				}
				if (*slot == 0) {
					int pr = fl__spellout_parse(
					    &sv, tc, locale,
					    fl__tok_key(doc, t), t->keylen);
					if (pr < 0) {
						fl_map_dispose(&seen);
						free(q);
						return pr;
					}
					/* "um", "un", "ein", "one" are articles
					 * far more often than numbers: 1 is not
					 * read from words. */
					if (pr == 1 && sv != 1 && sv > 0)
						memcpy(slot, &sv, sizeof(sv));
					else
						*slot = 1;
				}
				if (*slot != 1)
					memcpy(&v, slot, sizeof(v));
			}
			if (isnan(v))
				continue;
			spelled = true;
		} else {
			continue;
		}
		if (!spelled && rest == len && name_number(doc, i))
			continue;

		if (fl__grow((void **)&q, &cap, n + 1, sizeof(*q)) < 0) {
			fl_map_dispose(&seen);
			free(q);
			return FL_ENOMEM;
		}
		r = &q[n++];
		memset(r, 0, sizeof(*r));
		r->kind = FL_QTY_COUNT;
		r->spelled = spelled;
		r->start = t->start;

		/* A scale word after: "14,3 bilhões", "2 million". */
		if (nl && last + 1 < doc->token_count &&
		    fl__doc_gap_is_space(doc, doc->tokens[last].end,
		                         doc->tokens[last + 1].start)) {
			const fl__token *nx = &doc->tokens[last + 1];
			scale = map_number(&nl->scales, fl__tok_key(doc, nx),
			                   nx->keylen);
			if (!isnan(scale)) {
				v *= scale;
				alt *= scale;
				last++;
				/* "mil milhões" (pt-PT 10^9): scales multiply.
				 */
				if (last + 1 < doc->token_count &&
				    fl__doc_gap_is_space(
				        doc, doc->tokens[last].end,
				        doc->tokens[last + 1].start)) {
					nx = &doc->tokens[last + 1];
					scale = map_number(&nl->scales,
					                   fl__tok_key(doc, nx),
					                   nx->keylen);
					if (!isnan(scale) && scale > 1000) {
						v *= scale;
						alt *= scale;
						last++;
					}
				}
			}
		}
		r->value = v;
		r->alt = alt;
		r->end = doc->tokens[last].end;

		/* Percent: a sign after it, or a phrase ("por cento"). */
		{
			size_t e = r->end;
			while (e < doc->len &&
			       (doc->text[e] == ' ' || doc->text[e] == 0xA0))
				e++;
			if (e < doc->len &&
			    (doc->text[e] == '%' || doc->text[e] == 0x066A)) {
				r->kind = FL_QTY_PERCENT;
				snprintf(r->unit, sizeof(r->unit), "%%");
				r->end = (uint32_t)e + 1;
			} else if (nl) {
				for (size_t w = 1;
				     w <= 3 && last + w < doc->token_count;
				     w++) {
					if (phrase_at(doc, &nl->percent,
					              last + 1, last + w)) {
						r->kind = FL_QTY_PERCENT;
						snprintf(r->unit,
						         sizeof(r->unit), "%%");
						last += w;
						r->end = doc->tokens[last].end;
						break;
					}
				}
			}
		}
		/* Currency before ("$14.3", "US$ 14,3") or after ("dólares",
		 * "de dólares", "دولار"). */
		if (r->kind == FL_QTY_COUNT && nl) {
			uint32_t sign = r->start;
			const char *cur = currency_before(doc, nl, i, &sign);
			size_t j = last + 1;
			if (!cur && j < doc->token_count &&
			    phrase_at(doc, &nl->connectors, j, j))
				j++;
			if (!cur && j < doc->token_count &&
			    fl__doc_gap_is_space(doc, doc->tokens[j - 1].end,
			                         doc->tokens[j].start) &&
			    (cur = currency_of(
			         nl, fl__tok_key(doc, &doc->tokens[j]),
			         doc->tokens[j].keylen))) {
				last = j;
				r->end = doc->tokens[j].end;
			}
			if (cur) {
				r->start = sign;
				r->kind = FL_QTY_MONEY;
				snprintf(r->unit, sizeof(r->unit), "%s", cur);
			}
		}
		/* Hedges before it: "cerca de", "about", "حوالي", "כ-". */
		if (nl) {
			for (size_t w = 1; w <= 3 && w <= i && !r->approx;
			     w++) {
				size_t a = i - w;
				uint16_t g = doc->text[doc->tokens[i - 1].end];
				bool joined =
				    fl__doc_gap_is_space(doc,
				                         doc->tokens[i - 1].end,
				                         t->start) ||
				    (doc->tokens[i - 1].end + 1 == t->start &&
				     (g == '-' || g == 0x05BE));
				if (joined &&
				    phrase_at(doc, &nl->approx, a, i - 1))
					r->approx = true;
			}
		}
		if (r->kind == FL_QTY_COUNT && !spelled && isnan(alt) &&
		    v == floor(v) && v >= 1000 && v <= 2100 && last == i)
			r->kind = FL_QTY_YEAR;
		i = last;
	}
	fl_map_dispose(&seen);
	*out = q;
	*count = n;
	return 0;
}
