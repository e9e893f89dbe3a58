#include "number.h"

#include "numlang.h"
#include "units.h"

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
		/* The other reading only for a mark the language does not
		 * use: "3,000" is 3 to a German reader, but Arabic news
		 * writes 3,000 and 14.3 the English way. */
		if (nl && ns > 0 &&
		    (has_mark(nl->decimal, nl->decimal_count, sepc[ns - 1]) ||
		     has_mark(nl->group, nl->group_count, sepc[ns - 1])))
			;
		else if (alt_dec != SIZE_MAX)
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

	/* the sign after an opening bracket or a comma: "(£150 billion)" */
	for (size_t p = from; p < d->tokens[i].start; p++)
		if (strchr("([{,;:\"", d->text[p] < 0x80 ? d->text[p] : 'a') ||
		    d->text[p] == 0x201C)
			from = p + 1;
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
	/* "Sunday's 12 singles matches": a possessive names no model */
	if (p->end - p->start > 2 && d->text[p->end - 1] == 's' &&
	    (d->text[p->end - 2] == '\'' || d->text[p->end - 2] == 0x2019))
		return false;
	g = d->text[p->end];
	return g == ' ' || g == '-';
}

/* ------------------------------------------------- dates, times, units */

static const uint16_t comma_space[] = {',', ' '};

static size_t skip_spaces(const fl__doc *d, size_t p)
{
	while (p < d->len && is_group_space(d->text[p]))
		p++;
	return p;
}

/* The first token ending after offset p, from token i on. */
static size_t token_from(const fl__doc *d, size_t i, size_t p)
{
	while (i < d->token_count && d->tokens[i].end <= p)
		i++;
	return i;
}

/* The value of a map for key k[0,n), or for it without one of the
 * language's case endings ("مليونًا" -> "مليون"). */
static bool map_ending(const fl__numlang *nl, const fl_map *m,
                       const uint16_t *k, size_t n, uintptr_t *v)
{
	if (fl_map_get(m, k, n * 2, v))
		return true;
	for (size_t e = 0; e < nl->endings.count; e++) {
		const fl__lit *p = &nl->endings.items[e];
		if (p->n + 2 <= n &&
		    memcmp(p->key, k + n - p->n, p->n * 2) == 0 &&
		    fl_map_get(m, k, (n - p->n) * 2, v))
			return true;
	}
	return false;
}

/* The value of a map for token j's key, or for the key without one of the
 * language's clitics ("במאי" -> "מאי", "والشهرين") or case endings.
 * *clitic (may be NULL) tells whether a clitic was taken off. */
static bool map_clitic2(const fl__numlang *nl, const fl_map *m,
                        const fl__doc *d, size_t j, uintptr_t *v, bool *clitic)
{
	const fl__token *t = &d->tokens[j];
	const uint16_t *k = fl__tok_key(d, t);
	if (clitic)
		*clitic = false;
	if (t->keylen == 0)
		return false;
	if (map_ending(nl, m, k, t->keylen, v))
		return true;
	for (size_t c = 0; c < nl->clitics.count; c++) {
		const fl__lit *p = &nl->clitics.items[c];
		if (p->n < t->keylen && memcmp(p->key, k, p->n * 2) == 0 &&
		    map_ending(nl, m, k + p->n, t->keylen - p->n, v)) {
			if (clitic)
				*clitic = true;
			return true;
		}
	}
	return false;
}

static bool map_clitic(const fl__numlang *nl, const fl_map *m, const fl__doc *d,
                       size_t j, uintptr_t *v)
{
	return map_clitic2(nl, m, d, j, v, NULL);
}

/* The scale word at token j ("milhões", "مليونًا"), NAN when none. */
static double scale_at(const fl__numlang *nl, const fl__doc *d, size_t j)
{
	uintptr_t v;
	const fl__token *t = &d->tokens[j];
	if (!nl || t->keylen == 0)
		return NAN;
	if (map_ending(nl, &nl->scales, fl__tok_key(d, t), t->keylen, &v))
		return fl__numlang_bits(v);
	return NAN;
}

/*
 * The value of number word j (data words and ordinals first, then ICU's
 * spell-out rules for locale). *ordinal: an ordinal of position;
 * *clitic: a clitic was taken off ("وعشرون"). Returns 1 with *v from
 * the data, 2 from ICU, 0 when the word is no number, or a negative error
 * code.
 */
static int word_value(double *v, bool *ordinal, bool *clitic, const fl__doc *d,
                      const fl__numlang *nl, fl__text_ctx *tc,
                      const char *locale, size_t j)
{
	const fl__token *t = &d->tokens[j];
	uintptr_t x;
	double sv = NAN;
	int pr;
	*ordinal = *clitic = false;
	if (t->kind != FL_TOK_WORD || t->keylen == 0)
		return 0;
	if (nl && map_clitic2(nl, &nl->ordinal_words, d, j, &x, clitic)) {
		*v = fl__numlang_bits(x);
		*ordinal = true;
		return 1;
	}
	if (nl && map_clitic2(nl, &nl->words, d, j, &x, clitic)) {
		*v = fl__numlang_bits(x);
		return 1;
	}
	if ((t->flags & FL_TOKF_UPPER) || t->keylen > FL_SPELLOUT_MAX)
		return 0;
	pr = fl__spellout_parse(&sv, tc, locale, fl__tok_key(d, t), t->keylen);
	if (pr < 0)
		return pr;
	if (pr == 1 && sv > 0) {
		*v = sv;
		return 2;
	}
	return 0;
}

/* cur and the next number word w as one number ("fifty-eight", "two
 * hundred and five", "ثلاثة وعشرون", "أربعة عشر"), NAN when they are
 * two numbers. joined: an "and" (a joiner word or clitic) between them. */
static double combine(double cur, double w, bool joined)
{
	bool unit = cur >= 1 && cur < 10 && cur == floor(cur);
	if (w != floor(w) || cur != floor(cur))
		return NAN;
	if (w == 100 && unit)
		return cur * 100;
	if (cur >= 20 && cur < 100 && fmod(cur, 10) == 0 && w >= 1 && w < 10)
		return cur + w;
	if (cur >= 100 && cur < 1000 && fmod(cur, 100) == 0 && w >= 1 &&
	    w < 100)
		return cur + w;
	if (unit && joined && w >= 20 && w < 100 && fmod(w, 10) == 0)
		return cur + w; /* units before tens: Arabic */
	if (unit && w == 10)
		return cur + 10; /* "أربعة عشر", "שלוש עשרה" */
	return NAN;
}

/*
 * Extends number word *last (value *v) by the number words after it,
 * joined by a space, a hyphen or a joiner ("and"). Returns the number of
 * words added, or a negative error code.
 */
static int compound_words(double *v, bool *ordinal, const fl__doc *d,
                          const fl__numlang *nl, fl__text_ctx *tc,
                          const char *locale, size_t *last)
{
	int added = 0;
	for (;;) {
		size_t j = *last + 1;
		bool joined = false, ord, clitic;
		double w, c;
		int pr;
		if (j >= d->token_count)
			break;
		if (!fl__doc_gap_is_space(d, d->tokens[j - 1].end,
		                          d->tokens[j].start) &&
		    !(d->tokens[j].start == d->tokens[j - 1].end + 1 &&
		      d->text[d->tokens[j - 1].end] == '-'))
			break;
		if (nl && phrase_at(d, &nl->joiners, j, j) &&
		    j + 1 < d->token_count &&
		    fl__doc_gap_is_space(d, d->tokens[j].end,
		                         d->tokens[j + 1].start)) {
			joined = true;
			j++;
		}
		if ((pr = word_value(&w, &ord, &clitic, d, nl, tc, locale, j)) <
		    0)
			return pr;
		if (pr == 0 || isnan(c = combine(*v, w, joined || clitic)))
			break;
		*v = c;
		*ordinal |= ord;
		*last = j;
		added++;
	}
	return added;
}

/* "and a half" (the language's half phrases) at offset p: the offset
 * where it ends, 0 when none. */
static size_t half_at(const fl__doc *d, const fl__numlang *nl, size_t p)
{
	uintptr_t x;
	size_t k;
	p = skip_spaces(d, p);
	if (!nl || p >= d->len)
		return 0;
	k = fl__lit_match(&nl->half, d->text + p, d->len - p, &x);
	return k ? p + k : 0;
}

/* Whether token t may be a dual noun: it ends with one of the language's
 * dual endings after a stem of three letters or more ("البلدان",
 * "مباراتين"). */
static bool dual_word(const fl__doc *d, const fl__numlang *nl,
                      const fl__token *t)
{
	const uint16_t *k = fl__tok_key(d, t);
	for (size_t e = 0; nl && e < nl->dual_endings.count; e++) {
		const fl__lit *p = &nl->dual_endings.items[e];
		if (p->n + 3 <= t->keylen &&
		    memcmp(p->key, k + t->keylen - p->n, p->n * 2) == 0)
			return true;
	}
	return false;
}

/* "half an hour", "meia hora", "نصف ساعة", "demi-heure" at token i: the
 * unit, and the offset where it ends in *end; NULL when none. */
static const fl__unit *half_unit_at(const fl__doc *d, const fl__numlang *nl,
                                    size_t i, size_t *end)
{
	size_t p = d->tokens[i].start, k;
	uintptr_t x;
	if (!nl ||
	    !(k = fl__lit_match(&nl->half_before, d->text + p, d->len - p, &x)))
		return NULL;
	p += k;
	if (p < d->len && d->text[p] == '-')
		p++;
	else
		p = skip_spaces(d, p);
	if (p >= d->len ||
	    !(k = fl__lit_match(&nl->units, d->text + p, d->len - p, &x)))
		return NULL;
	*end = p + k;
	return (const fl__unit *)x;
}

/* A number word glued to the word before it ("هزيمتهالثانية": his second
 * defeat), after one of the language's glue points; its value or NAN. */
static double glued_number(const fl__doc *d, const fl__numlang *nl,
                           const fl__token *t, bool *ordinal)
{
	const uint16_t *k = fl__tok_key(d, t);
	uintptr_t v;
	for (size_t p = 2; nl && p + 3 <= t->keylen; p++)
		for (size_t g = 0; g < nl->glued.count; g++) {
			const fl__lit *it = &nl->glued.items[g];
			size_t r = p + it->n;
			if (r >= t->keylen ||
			    memcmp(it->key, k + p, it->n * 2) != 0)
				continue;
			if ((*ordinal = map_ending(nl, &nl->ordinal_words,
			                           k + r, t->keylen - r, &v)) ||
			    map_ending(nl, &nl->words, k + r, t->keylen - r,
			               &v))
				return fl__numlang_bits(v);
		}
	return NAN;
}

static bool is_rtl_letter(uint16_t c)
{
	return (c >= 0x0620 && c <= 0x064A) || (c >= 0x05D0 && c <= 0x05EA);
}

/*
 * A phone number at token i: groups of 2 to 4 digits, each a token of its
 * own, one space apart, the first led by a 0 ("0800 555 111"), or three
 * digits and more each where the language does not group digits with a
 * space ("116 123"). Returns the last token and the digits as one value
 * in *v; 0 when none.
 */
static size_t phone_at(const fl__doc *d, const fl__numlang *nl, size_t i,
                       double *v)
{
	size_t j = i, groups = 0, digits = 0;
	bool zero = d->text[d->tokens[i].start] == '0', all3 = true;
	double x = 0;
	for (; j < d->token_count; j++) {
		const fl__token *t = &d->tokens[j];
		size_t n = t->end - t->start;
		if (j > i && (t->start != d->tokens[j - 1].end + 1 ||
		              d->text[t->start - 1] != ' '))
			break;
		if (n < 2 || n > 4)
			break;
		for (size_t k = 0; k < n; k++)
			if (fl__digit_value(d->text[t->start + k]) < 0)
				goto done;
		if (j + 1 < d->token_count && d->text[t->end] != ' ' &&
		    t->end < d->len && fl__digit_value(d->text[t->end]) >= 0)
			break;
		for (size_t k = 0; k < n; k++)
			x = x * 10 + fl__digit_value(d->text[t->start + k]);
		all3 &= n >= 3;
		groups++;
		digits += n;
	}
done:
	if (groups < 2 || digits > 15)
		return 0;
	if (!zero && (!all3 || digits < 6 ||
	              (nl && has_mark(nl->group, nl->group_count, ' '))))
		return 0;
	/* "in 2018 150 people": a year first is no phone number */
	if (!zero && d->tokens[i].end - d->tokens[i].start == 4)
		return 0;
	*v = x;
	return j - 1;
}

/* Reads d{1,2} SEP d{2} at text offset p, ending there ("15:00", not
 * "15:001"). Returns the end offset, or 0. */
static size_t read_hm(const fl__doc *d, size_t p, uint16_t sep, int *h, int *m)
{
	size_t i = p;
	int hh = 0, nd = 0;
	while (i < d->len && nd < 3 && fl__digit_value(d->text[i]) >= 0)
		hh = hh * 10 + fl__digit_value(d->text[i++]), nd++;
	if (nd < 1 || nd > 2 || i + 2 >= d->len || d->text[i] != sep ||
	    fl__digit_value(d->text[i + 1]) < 0 ||
	    fl__digit_value(d->text[i + 2]) < 0)
		return 0;
	if (i + 3 < d->len && (fl__digit_value(d->text[i + 3]) >= 0 ||
	                       fl__is_word_char(d->text[i + 3])))
		return 0;
	*h = hh;
	*m = fl__digit_value(d->text[i + 1]) * 10 +
	     fl__digit_value(d->text[i + 2]);
	return hh <= 24 && *m < 60 ? i + 3 : 0;
}

/* "15h", "7h55", "07h55": a clock time in one token. */
static bool read_h_clock(const uint16_t *s, size_t n, int *h, int *m)
{
	size_t i = 0;
	int hh = 0;
	while (i < n && i < 2 && fl__digit_value(s[i]) >= 0)
		hh = hh * 10 + fl__digit_value(s[i++]);
	if (i == 0 || i >= n || (s[i] != 'h' && s[i] != 'H'))
		return false;
	*h = hh;
	*m = 0;
	if (i + 1 == n)
		return hh <= 24;
	if (i + 3 != n || fl__digit_value(s[i + 1]) < 0 ||
	    fl__digit_value(s[i + 2]) < 0)
		return false;
	*m = fl__digit_value(s[i + 1]) * 10 + fl__digit_value(s[i + 2]);
	return hh <= 24 && *m < 60;
}

/* yyyy-mm-dd, or d{1,2} [./] d{1,2} [./] d{4} (day first; month first in
 * English) at offset p: returns the end offset or 0. */
static size_t read_numeric_date(const fl__doc *d, size_t p, bool month_first,
                                fl__quantity *r)
{
	int part[3] = {0}, len[3] = {0};
	size_t i = p;
	uint16_t sep = 0;
	/* ISO 8601: 2025-08-31 */
	for (int k = 0, want[3] = {4, 2, 2}; k < 3; k++) {
		while (i < d->len && len[k] < want[k] &&
		       fl__digit_value(d->text[i]) >= 0)
			part[k] = part[k] * 10 + fl__digit_value(d->text[i++]),
			len[k]++;
		if (len[k] != want[k] ||
		    (k < 2 && (i >= d->len || d->text[i++] != '-')))
			break;
		if (k == 2 &&
		    !(i < d->len && (fl__digit_value(d->text[i]) >= 0 ||
		                     fl__is_word_char(d->text[i]))) &&
		    part[1] >= 1 && part[1] <= 12 && part[2] >= 1 &&
		    part[2] <= 31) {
			r->year = (int16_t)part[0];
			r->month = (int8_t)part[1];
			r->day = (int8_t)part[2];
			r->kind = FL_QTY_DATE;
			return i;
		}
	}
	memset(part, 0, sizeof(part));
	memset(len, 0, sizeof(len));
	i = p;
	for (int k = 0; k < 3; k++) {
		while (i < d->len && len[k] < 4 &&
		       fl__digit_value(d->text[i]) >= 0)
			part[k] = part[k] * 10 + fl__digit_value(d->text[i++]),
			len[k]++;
		if (len[k] == 0)
			return 0;
		if (k < 2) {
			if (i >= d->len ||
			    (d->text[i] != '.' && d->text[i] != '/') ||
			    (sep && d->text[i] != sep))
				return 0;
			sep = d->text[i++];
		}
	}
	if (len[0] > 2 || len[1] > 2 || len[2] != 4 ||
	    (i < d->len && fl__is_word_char(d->text[i])))
		return 0;
	r->day = (int8_t)(month_first ? part[1] : part[0]);
	r->month = (int8_t)(month_first ? part[0] : part[1]);
	r->year = (int16_t)part[2];
	if (r->day < 1 || r->day > 31 || r->month < 1 || r->month > 12)
		return 0;
	r->kind = FL_QTY_DATE;
	return i;
}

/* Hours of a clock read with a day part. */
static int with_day_part(int h, uintptr_t part)
{
	switch (part) {
	case FL_DAY_AM:
		return h == 12 ? 0 : h;
	case FL_DAY_PM:
		return h < 12 ? h + 12 : h;
	case FL_DAY_NOON:
		return h >= 1 && h <= 5 ? h + 12 : h;
	case FL_DAY_NIGHT:
		return h >= 6 && h < 12 ? h + 12 : h == 12 ? 0 : h;
	}
	return h;
}

/* Makes r a clock time h:m; a day part right after r's end ("da tarde",
 * "p.m.", "مساءً") is read and taken into the span. */
static void make_time(const fl__doc *d, const fl__numlang *nl, fl__quantity *r,
                      int h, int m)
{
	size_t e = skip_spaces(d, r->end);
	uintptr_t part = 0;
	size_t k =
	    nl ? fl__lit_match(&nl->day_parts, d->text + e, d->len - e, &part)
	       : 0;
	if (k && h <= 12) {
		h = with_day_part(h, part);
		r->end = (uint32_t)(e + k);
	}
	r->kind = FL_QTY_TIME;
	r->value = h * 60 + m;
	r->alt = NAN;
	r->scale = 1;
	r->unit[0] = '\0';
}

/* The minutes of a decimal read of "7.55": 55, or -1 when the number was
 * not written with exactly two digits after one mark. */
static int clock_minutes(const fl__doc *d, const fl__quantity *r)
{
	size_t n = r->end - r->start;
	const uint16_t *s = d->text + r->start;
	if (n < 4 || n > 5 || fl__digit_value(s[n - 1]) < 0 ||
	    fl__digit_value(s[n - 2]) < 0 ||
	    (s[n - 3] != '.' && s[n - 3] != ',' && s[n - 3] != ':'))
		return -1;
	return fl__digit_value(s[n - 2]) * 10 + fl__digit_value(s[n - 1]);
}

/*
 * After a plain number r (token index *last): a clock hour with a day part
 * or a 24-hour mark ("3 مساءً", "15 Uhr", "19 h 00"), or after a time
 * word ("às 15", "בשעה 4.40", "الساعة 4"). Returns true when r became a
 * time.
 */
static bool read_time_after(const fl__doc *d, const fl__numlang *nl,
                            fl__quantity *r, size_t i, size_t *last)
{
	size_t e = skip_spaces(d, r->end);
	uintptr_t x;
	size_t k;
	int mins = clock_minutes(d, r), h;
	bool before = false;

	if (!nl || r->value < 0 || r->value > 24 || r->scale != 1 ||
	    (mins < 0 && r->value != floor(r->value)))
		return false;
	/* A word ("três") is an hour only before a day part: "três da
	 * tarde", never "três horas" */
	if (r->spelled &&
	    !fl__lit_match(&nl->day_parts, d->text + e, d->len - e, &x))
		return false;
	h = (int)floor(r->value);
	if (mins < 0)
		mins = 0;
	if (i > 0 && fl__doc_gap_is_space(d, d->tokens[i - 1].end, r->start) &&
	    phrase_at(d, &nl->time_before, i - 1, i - 1))
		before = true;
	if ((k = fl__lit_match(&nl->day_parts, d->text + e, d->len - e, &x))) {
		make_time(d, nl, r, h, mins);
	} else if ((k = fl__lit_match(&nl->time_after, d->text + e, d->len - e,
	                              &x))) {
		int m2 = 0;
		size_t after = skip_spaces(d, e + k), end = e + k;
		/* "19 h 00" */
		if (after + 2 <= d->len &&
		    fl__digit_value(d->text[after]) >= 0 &&
		    fl__digit_value(d->text[after + 1]) >= 0 &&
		    (after + 2 == d->len ||
		     !fl__is_word_char(d->text[after + 2])) &&
		    mins == 0) {
			m2 = fl__digit_value(d->text[after]) * 10 +
			     fl__digit_value(d->text[after + 1]);
			end = after + 2;
		}
		if (m2 >= 60)
			return false;
		r->end = (uint32_t)end;
		make_time(d, nl, r, h, mins ? mins : m2);
	} else if (before) {
		make_time(d, nl, r, h, mins);
	} else {
		return false;
	}
	*last = token_from(d, *last, r->end - 1);
	return true;
}

/*
 * After a day number r: a month name, maybe behind an ordinal mark or a
 * connector ("1er octobre", "1. Oktober", "30 de maio de 2005", "1 de
 * outubro", "30 במאי 2005"), and a year after it.
 */
static bool read_date_after(const fl__doc *d, const fl__numlang *nl,
                            fl__quantity *r, size_t *last)
{
	size_t j = *last + 1;
	uintptr_t mon;

	if (!nl || r->value < 1 || r->value > 31 ||
	    r->value != floor(r->value) || r->scale != 1 || !isnan(r->alt))
		return false;
	/* "1." in German */
	if (j < d->token_count && d->text[d->tokens[*last].end] == '.' &&
	    d->tokens[j].start == d->tokens[*last].end + 2 &&
	    map_clitic(nl, &nl->months, d, j, &mon))
		goto found;
	if (j < d->token_count &&
	    fl__doc_gap_is_space(d, d->tokens[j - 1].end, d->tokens[j].start) &&
	    phrase_at(d, &nl->connectors, j, j))
		j++;
	if (j >= d->token_count ||
	    !fl__doc_gap_is_space(d, d->tokens[j - 1].end,
	                          d->tokens[j].start) ||
	    !map_clitic(nl, &nl->months, d, j, &mon))
		return false;
found:
	r->kind = FL_QTY_DATE;
	r->day = (int8_t)r->value;
	r->month = (int8_t)fl__numlang_bits(mon);
	r->value = r->month * 100 + r->day;
	r->end = d->tokens[j].end;
	*last = j;
	/* The year: "de 2005", "2005", ", 2005". */
	j++;
	if (j < d->token_count && phrase_at(d, &nl->connectors, j, j) &&
	    fl__doc_gap_is_space(d, d->tokens[j - 1].end, d->tokens[j].start))
		j++;
	if (j < d->token_count &&
	    (fl__doc_gap_is_space(d, d->tokens[j - 1].end,
	                          d->tokens[j].start) ||
	     fl__doc_gap_equals(d, d->tokens[j - 1].end, d->tokens[j].start,
	                        comma_space, 2)) &&
	    d->tokens[j].end - d->tokens[j].start == 4) {
		double y, a;
		size_t rest;
		if (read_digits(NULL, d->text + d->tokens[j].start, 4, &y, &a,
		                &rest) &&
		    rest == 4 && y >= 1000 && y <= 2999) {
			r->year = (int16_t)y;
			r->value += y * 10000;
			r->end = d->tokens[j].end;
			*last = j;
		}
	}
	return true;
}

/*
 * A month name at token i, with a day after it ("May 30, 2005", "octobre
 * 1") or a year ("setembro de 2018"). Returns true with r filled.
 */
static bool read_month_first(const fl__doc *d, const fl__numlang *nl, size_t i,
                             fl__quantity *r, size_t *last)
{
	uintptr_t mon;
	size_t j = i + 1;
	double v, a;
	size_t rest, len;

	static const uint16_t dot_space[] = {'.', ' '};
	bool dot;

	if (!nl || !map_clitic(nl, &nl->months, d, i, &mon))
		return false;
	/* an abbreviated month: "Nov. 6" */
	dot = j < d->token_count &&
	      fl__doc_gap_equals(d, d->tokens[i].end, d->tokens[j].start,
	                         dot_space, 2);
	if (!dot && j < d->token_count && phrase_at(d, &nl->connectors, j, j))
		j++;
	if (j >= d->token_count ||
	    (!dot && !fl__doc_gap_is_space(d, d->tokens[j - 1].end,
	                                   d->tokens[j].start)))
		return false;
	len = d->tokens[j].end - d->tokens[j].start;
	if (!read_digits(NULL, d->text + d->tokens[j].start, len, &v, &a,
	                 &rest) ||
	    rest != len || !isnan(a))
		return false;
	memset(r, 0, sizeof(*r));
	r->start = d->tokens[i].start;
	r->month = (int8_t)fl__numlang_bits(mon);
	r->kind = FL_QTY_DATE;
	r->alt = NAN;
	r->scale = 1;
	if (len == 4 && v >= 1000 && v <= 2999) {
		r->year = (int16_t)v;
	} else if (len <= 2 && v >= 1 && v <= 31 && j == i + 1) {
		r->day = (int8_t)v;
		/* ", 2005" */
		if (j + 1 < d->token_count &&
		    fl__doc_gap_equals(d, d->tokens[j].end,
		                       d->tokens[j + 1].start, comma_space,
		                       2) &&
		    d->tokens[j + 1].end - d->tokens[j + 1].start == 4 &&
		    read_digits(NULL, d->text + d->tokens[j + 1].start, 4, &v,
		                &a, &rest) &&
		    rest == 4) {
			r->year = (int16_t)v;
			j++;
		}
	} else {
		return false;
	}
	r->value = r->year * 10000.0 + r->month * 100 + r->day;
	r->end = d->tokens[j].end;
	*last = j;
	return true;
}

/* Whether a weekday name of the language starts at offset p. */
static bool weekday_at(const fl__doc *d, const fl__numlang *nl, size_t p)
{
	uintptr_t x;
	return nl && p < d->len &&
	       fl__lit_match(&nl->weekdays, d->text + p, d->len - p, &x) > 0;
}

/* Whether the word before token i is a unit of days ("יום חמישי":
 * Thursday, not five). */
static bool after_day_word(const fl__doc *d, const fl__numlang *nl, size_t i)
{
	uintptr_t u;
	size_t a, e;
	if (i == 0 || !nl ||
	    !fl__doc_gap_is_space(d, d->tokens[i - 1].end, d->tokens[i].start))
		return false;
	a = d->tokens[i - 1].start;
	e = d->tokens[i - 1].end;
	/* the word itself, or without a clitic ("ביום") */
	for (size_t c = 0; c <= nl->clitics.count; c++) {
		size_t pl = 0;
		if (c > 0 && !(pl = fl__key_prefix(d->text + a, e - a,
		                                   nl->clitics.items[c - 1].key,
		                                   nl->clitics.items[c - 1].n)))
			continue;
		if (a + pl < e &&
		    fl__lit_match(&nl->units, d->text + a + pl, e - a - pl,
		                  &u) == e - a - pl &&
		    strcmp(((const fl__unit *)u)->code, "day") == 0)
			return true;
	}
	return false;
}

/*
 * After a measure r: a smaller unit of the same kind ("6 feet 6 inches"),
 * or a bare whole number in the language's subunit of r's unit
 * ("6-foot-6": 6 ft 6 in). Adds it to r's value in r's unit.
 */
static void read_subunit(const fl__doc *d, const fl__numlang *nl,
                         fl__quantity *r, size_t *last)
{
	const fl__unit *u = fl__unit_find(r->unit), *s = NULL;
	size_t j = *last + 1, n, rest, e;
	uintptr_t x;
	double v, a;
	uint16_t key[8];
	size_t kn = 0;

	if (!u || u->dim == FL_DIM_TIME || u->dim == FL_DIM_TEMP ||
	    j >= d->token_count ||
	    (d->tokens[j].start != r->end + 1 ||
	     (d->text[r->end] != ' ' && d->text[r->end] != '-')))
		return;
	n = d->tokens[j].end - d->tokens[j].start;
	if (!read_digits(NULL, d->text + d->tokens[j].start, n, &v, &a,
	                 &rest) ||
	    rest != n || v != floor(v))
		return;
	e = skip_spaces(d, d->tokens[j].end);
	if (fl__lit_match(&nl->units, d->text + e, d->len - e, &x) &&
	    ((const fl__unit *)x)->dim == u->dim &&
	    ((const fl__unit *)x)->factor < u->factor) {
		s = (const fl__unit *)x; /* "6 feet 6 inches" */
		e += fl__lit_match(&nl->units, d->text + e, d->len - e, &x);
	} else {
		for (const char *c = u->code; *c && kn < FL_ARRAY_SIZE(key);
		     c++)
			key[kn++] = (uint16_t)*c;
		if (!fl_map_get(&nl->subunits, key, kn * 2, &x))
			return;
		s = (const fl__unit *)x;
		e = d->tokens[j].end;
	}
	if (s->dim != u->dim || v * s->factor >= u->factor)
		return;
	r->value += v * s->factor / u->factor;
	r->end = (uint32_t)e;
	*last = token_from(d, j, e - 1);
}

/* A unit after r: "6 metros", "1,98 m", "137 km/h", "250 ק“ג", "27 ºC",
 * "cinco anos". */
static bool read_unit_after(const fl__doc *d, const fl__numlang *nl,
                            fl__quantity *r, size_t *last)
{
	size_t e = skip_spaces(d, r->end), k;
	uintptr_t u;
	if (!nl || !nl->units.count)
		return false;
	/* "6-foot", "two-foot wide", "13-year-old" */
	if (e == r->end && e + 1 < d->len && d->text[e] == '-' &&
	    fl__is_word_char(d->text[e + 1]))
		e++;
	k = fl__lit_match(&nl->units, d->text + e, d->len - e, &u);
	if (!k) {
		/* "כ-6 מטר": a clitic before the unit ("בחודשים") */
		size_t j = token_from(d, *last + 1, e);
		for (size_t c = 0;
		     !k && j < d->token_count && d->tokens[j].start == e &&
		     c < nl->clitics.count;
		     c++) {
			const fl__lit *p = &nl->clitics.items[c];
			size_t pn = fl__key_prefix(d->text + e, d->len - e,
			                           p->key, p->n);
			if (pn)
				k = fl__lit_match(&nl->units, d->text + e + pn,
				                  d->len - e - pn, &u);
			if (k)
				k += pn;
		}
	}
	if (!k)
		return false;
	/* "يوم السبت": "day" before a weekday names the day, it counts
	 * nothing */
	if (weekday_at(d, nl, skip_spaces(d, e + k)))
		return false;
	r->kind = FL_QTY_MEASURE;
	snprintf(r->unit, sizeof(r->unit), "%s", ((const fl__unit *)u)->code);
	r->end = (uint32_t)(e + k);
	/* "duas horas e meia" */
	if ((k = half_at(d, nl, r->end)) != 0) {
		r->value += 0.5;
		r->end = (uint32_t)k;
	}
	*last = token_from(d, *last, r->end - 1);
	read_subunit(d, nl, r, last);
	return true;
}

/* Is token t a Roman numeral (I..MMM) with an optional glued ordinal
 * ending? Returns its value, 0 when not. */
static int roman_value(const fl__doc *d, const fl__numlang *nl,
                       const fl__token *t)
{
	static const struct {
		char c;
		int v;
	} r[] = {{'I', 1},   {'V', 5},   {'X', 10},  {'L', 50},
	         {'C', 100}, {'D', 500}, {'M', 1000}};
	const uint16_t *s = d->text + t->start;
	size_t n = t->end - t->start, i;
	int total = 0, prev = 0;
	uintptr_t x;

	for (i = 0; i < n; i++) {
		int v = 0;
		for (size_t k = 0; k < FL_ARRAY_SIZE(r); k++)
			if (s[i] == r[k].c)
				v = r[k].v;
		if (!v)
			break;
		total += v;
		if (v > prev && prev)
			total -= 2 * prev;
		prev = v;
	}
	if (i == 0 || total > 3000 ||
	    (i < n && fl__lit_match(&nl->ordinals, s + i, n - i, &x) != n - i))
		return 0;
	return total;
}

/* Whether token i stands next to a century word ("século XIX", "XIXe
 * siècle"). */
static bool near_century(const fl__doc *d, const fl__numlang *nl, size_t i)
{
	return (i > 0 &&
	        fl__doc_gap_is_space(d, d->tokens[i - 1].end,
	                             d->tokens[i].start) &&
	        phrase_at(d, &nl->centuries, i - 1, i - 1)) ||
	       (i + 1 < d->token_count &&
	        fl__doc_gap_is_space(d, d->tokens[i].end,
	                             d->tokens[i + 1].start) &&
	        phrase_at(d, &nl->centuries, i + 1, i + 1));
}

/* Leading letters glued to digits ("و43", "ב-"): Arabic or Hebrew
 * letters before a number; returns how many units to skip. */
static size_t lead_letters(const uint16_t *s, size_t n)
{
	/* a clitic ("و43"), or a whole word typed without its space
	 * ("حوالي200") */
	for (size_t k = 1; k <= 12 && k < n; k++) {
		if (!is_rtl_letter(s[k - 1]))
			return 0;
		if (fl__digit_value(s[k]) >= 0)
			return k;
	}
	return 0;
}

/* Text between a and b, spaces trimmed, is one of the range connectors. */
static bool range_gap(const fl__doc *d, const fl__numlang *nl, size_t a,
                      size_t b)
{
	uintptr_t x;
	while (a < b && is_group_space(d->text[a]))
		a++;
	while (b > a && is_group_space(d->text[b - 1]))
		b--;
	if (b - a == 1 && (d->text[a] == '-' || d->text[a] == 0x2013))
		return true;
	return nl && b > a &&
	       fl__lit_match(&nl->range, d->text + a, b - a, &x) == b - a;
}

/*
 * Ranges: the two ends share what only one of them says. "70 a 90 %" is
 * two percentages, "2,5 a 10 cm" two lengths, "27 a 29 de outubro" two
 * dates, "1950-53" two years.
 */
static void join_ranges(const fl__doc *d, const fl__numlang *nl,
                        fl__quantity *q, size_t n)
{
	for (size_t k = 0; k + 1 < n; k++) {
		fl__quantity *a = &q[k], *b = &q[k + 1];
		if (a->end > b->start || b->start - a->end > 12 ||
		    !range_gap(d, nl, a->end, b->start))
			continue;
		if (a->kind == FL_QTY_YEAR && b->kind == FL_QTY_COUNT &&
		    b->end - b->start == 2 && b->value < 100 &&
		    b->start == a->end + 1) {
			double c = floor(a->value / 100) * 100 + b->value;
			if (c > a->value) {
				b->value = c;
				b->kind = FL_QTY_YEAR;
			}
		} else if (a->kind == FL_QTY_COUNT &&
		           (b->kind == FL_QTY_PERCENT ||
		            b->kind == FL_QTY_MONEY ||
		            b->kind == FL_QTY_MEASURE)) {
			a->kind = b->kind;
			memcpy(a->unit, b->unit, sizeof(a->unit));
			if (a->scale == 1 && b->scale > 1 &&
			    a->value * b->scale < b->value) {
				a->value *= b->scale;
				a->alt *= b->scale;
				a->scale = b->scale;
			}
		} else if (a->kind == FL_QTY_DATE && a->day &&
		           b->kind == FL_QTY_COUNT && b->value >= 1 &&
		           b->value <= 31 && b->value == floor(b->value) &&
		           b->value > a->day) {
			/* "October 27-29, 2025" */
			b->kind = FL_QTY_DATE;
			b->day = (int8_t)b->value;
			b->month = a->month;
			b->year = a->year;
			if (!a->year && k + 2 < n &&
			    q[k + 2].kind == FL_QTY_YEAR &&
			    q[k + 2].start <= b->end + 2)
				a->year = b->year = (int16_t)q[k + 2].value;
			a->value = a->year * 10000.0 + a->month * 100 + a->day;
			b->value = b->year * 10000.0 + b->month * 100 + b->day;
		} else if (a->kind == FL_QTY_COUNT && b->kind == FL_QTY_DATE &&
		           b->day && a->value >= 1 && a->value <= 31 &&
		           a->value == floor(a->value)) {
			a->kind = FL_QTY_DATE;
			a->day = (int8_t)a->value;
			a->month = b->month;
			a->year = b->year;
			a->value = a->year * 10000.0 + a->month * 100 + a->day;
		} else {
			continue;
		}
		a->ranged = b->ranged = true;
	}
}

/* Whether a and b are a result: whole numbers written in digits, the
 * first not below the second (a range goes up), joined by a dash or "&"
 * ("2-0", "38 - 17", "2&1"). */
static bool score_pair(const fl__doc *d, const fl__quantity *a,
                       const fl__quantity *b)
{
	size_t p = a->end, e = b->start;
	if (a->kind != FL_QTY_COUNT || b->kind != FL_QTY_COUNT || a->spelled ||
	    b->spelled || a->ordinal || b->ordinal || a->ranged ||
	    a->value != floor(a->value) || b->value != floor(b->value) ||
	    a->value < b->value || a->value >= 1000 || a->scale != 1 ||
	    b->scale != 1 || !isnan(a->alt) || !isnan(b->alt) || e <= p ||
	    e - p > 3)
		return false;
	if (e - p == 3 && d->text[p] == ' ' && d->text[e - 1] == ' ')
		p++; /* "38 - 17" */
	else if (e - p != 1)
		return false;
	return d->text[p] == '-' || d->text[p] == 0x2013 || d->text[p] == '&';
}

/* Whether b is a conversion of a in brackets right after it: "800 kph
 * (497 mph)", "$200 billion (£150 billion)". */
static bool bracketed_conversion(const fl__doc *d, const fl__quantity *a,
                                 const fl__quantity *b)
{
	size_t p = skip_spaces(d, a->end);
	const fl__unit *ua, *ub;
	if (p >= d->len || d->text[p] != '(' || b->start > p + 2 ||
	    b->end >= d->len || d->text[b->end] != ')' || a->kind != b->kind)
		return false;
	if (a->kind == FL_QTY_MONEY)
		return strcmp(a->unit, b->unit) != 0;
	if (a->kind != FL_QTY_MEASURE)
		return false;
	ua = fl__unit_find(a->unit);
	ub = fl__unit_find(b->unit);
	return ua && ub && ua != ub && ua->dim == ub->dim;
}

int fl__numbers_find(fl__quantity **out, size_t *count, const fl__doc *doc,
                     const fl__numlang *nl, fl__text_ctx *tc,
                     const char *locale)
{
	fl__quantity *q = NULL;
	size_t n = 0, cap = 0;
	bool month_first = locale && strncmp(locale, "en", 2) == 0 &&
	                   (locale[2] == '\0' || locale[2] == '_');

	*out = NULL;
	*count = 0;
	for (size_t i = 0; i < doc->token_count; i++) {
		const fl__token *t = &doc->tokens[i];
		const uint16_t *s = doc->text + t->start;
		size_t len = t->end - t->start, rest = 0, last = i, lead;
		double v = NAN, alt = NAN, scale;
		bool spelled = false, ordinal = false, named = false;
		uint32_t start = t->start, cut = 0;
		fl__quantity *r, tmp;
		int h, m;

		if ((t->flags & FL_TOKF_MASKED) || t->keylen == 0)
			continue;
		if (fl__grow((void **)&q, &cap, n + 1, sizeof(*q)) < 0)
			goto nomem;
		r = &q[n];
		memset(r, 0, sizeof(*r));
		r->alt = NAN;
		r->scale = 1;
		lead = lead_letters(s, len);
		s += lead;
		len -= lead;
		start += (uint32_t)lead;

		if (fl__digit_value(s[0]) >= 0) {
			size_t e;
			r->start = start;
			/* Clock times and numeric dates first: "15:00",
			 * "7h55", "30.05.2005". */
			if ((e = read_numeric_date(doc, start, month_first,
			                           r))) {
				r->value =
				    r->year * 10000.0 + r->month * 100 + r->day;
				r->end = (uint32_t)e;
				last = token_from(doc, i, e - 1);
				goto hedge;
			}
			if ((e = read_hm(doc, start, ':', &h, &m)) ||
			    (read_h_clock(s, len, &h, &m) &&
			     (e = t->end) != 0)) {
				r->end = (uint32_t)e;
				make_time(doc, nl, r, h, m);
				last = token_from(doc, i, r->end - 1);
				goto hedge;
			}
			if (lead == 0 && (e = phone_at(doc, nl, i, &v)) > 0) {
				last = e; /* "0800 555 111" */
				r->kind = FL_QTY_COUNT;
				r->value = v;
				r->end = doc->tokens[last].end;
				goto hedge;
			}
			if (!read_digits(nl, s, len, &v, &alt, &rest))
				continue;
			/* "16في المائة": a word typed without its space */
			if (rest < len && is_rtl_letter(s[rest]))
				cut = start + (uint32_t)rest, len = rest;
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
			/* Something glued: a scale ("2.8bn", "10m"), a unit
			 * ("1,98m"), an ordinal ending ("63º", "1er"). */
			if (rest < len) {
				uint16_t k[FL_TOKEN_MAX];
				size_t kn = 0;
				uintptr_t x;
				for (size_t j = rest;
				     j < len && kn < FL_TOKEN_MAX; j++)
					k[kn++] = s[j] >= 'A' && s[j] <= 'Z'
					              ? s[j] + 32
					              : s[j];
				scale =
				    nl ? map_number(&nl->scales, k, kn) : NAN;
				if (!isnan(scale)) {
					v *= scale;
					alt *= scale;
					r->scale = scale;
				} else if (nl &&
				           fl__lit_match(&nl->decades, s + rest,
				                         len - rest,
				                         &x) == len - rest) {
					r->kind = FL_QTY_YEAR; /* "1930er" */
				} else if (nl &&
				           fl__lit_match(&nl->ordinals,
				                         s + rest, len - rest,
				                         &x) == len - rest) {
					ordinal = true;
				} else if (nl &&
				           fl__lit_match(&nl->units, s + rest,
				                         len - rest,
				                         &x) == len - rest) {
					r->kind = FL_QTY_MEASURE;
					snprintf(r->unit, sizeof(r->unit), "%s",
					         ((const fl__unit *)x)->code);
				} else {
					continue; /* "4x4", "GPT4" */
				}
			}
		} else if (t->kind == FL_TOK_WORD && nl &&
		           read_month_first(doc, nl, i, &tmp, &last)) {
			*r = tmp;
			goto hedge;
		} else if (t->kind == FL_TOK_WORD && nl &&
		           roman_value(doc, nl, t) > 0 &&
		           near_century(doc, nl, i)) {
			v = roman_value(doc, nl, t);
			ordinal = spelled = true;
		} else if (t->kind == FL_TOK_WORD &&
		           !(t->flags & FL_TOKF_TITLE &&
		             !(t->flags & FL_TOKF_SENT))) {
			uintptr_t du;
			const fl__unit *hu;
			size_t hend2;
			if ((hu = half_unit_at(doc, nl, i, &hend2))) {
				/* "half an hour": half of the unit */
				r->kind = FL_QTY_MEASURE;
				snprintf(r->unit, sizeof(r->unit), "%s",
				         hu->code);
				v = 0.5;
				spelled = true;
				last = token_from(doc, i, hend2 - 1);
				goto value;
			}
			if (nl && map_clitic(nl, &nl->duals, doc, i, &du)) {
				/* "شهرين": two months in one word */
				r->kind = FL_QTY_MEASURE;
				snprintf(r->unit, sizeof(r->unit), "%s",
				         ((const fl__unit *)du)->code);
				v = 2;
				spelled = true;
				goto value;
			}
			if (nl && map_clitic(nl, &nl->vague, doc, i, &du)) {
				/* "dezenas de": tens of, approximate */
				v = fl__numlang_bits(du);
				r->vague = r->approx = true;
				spelled = true;
				goto value;
			}
			{
				double wv = NAN;
				bool ord = false, cl;
				size_t hend;
				int pr = word_value(&wv, &ord, &cl, doc, nl, tc,
				                    locale, i),
				    add = 0;
				if (pr > 0 && (add = compound_words(
				                   &wv, &ord, doc, nl, tc,
				                   locale, &last)) < 0)
					pr = add;
				if (pr < 0) {
					free(q);
					return pr;
				}
				if (pr > 0 &&
				    (hend = half_at(doc, nl,
				                    doc->tokens[last].end))) {
					wv += 0.5; /* "one and a half" */
					last = token_from(doc, last, hend - 1);
					add++;
				}
				/* "um", "un", "ein", "one" are articles far
				 * more often than numbers: a lone 1 is not read
				 * from ICU's words. */
				if (pr > 0 &&
				    !(pr == 2 && wv == 1 && add == 0)) {
					v = wv;
					ordinal = ord;
				}
			}
			/* "uma da tarde": an hour word before a day part. */
			if (isnan(v) && nl) {
				double hw =
				    map_number(&nl->hour_words,
				               fl__tok_key(doc, t), t->keylen);
				uintptr_t x;
				size_t e = skip_spaces(doc, t->end);
				if (!isnan(hw) &&
				    fl__lit_match(&nl->day_parts, doc->text + e,
				                  doc->len - e, &x)) {
					r->start = t->start;
					r->end = t->end;
					r->spelled = true;
					make_time(doc, nl, r, (int)hw, 0);
					last = token_from(doc, i, r->end - 1);
					goto hedge;
				}
			}
			if (isnan(v) && nl &&
			    map_clitic(nl, &nl->fractions, doc, i, &du)) {
				v = fl__numlang_bits(du); /* "o último terço" */
				r->weak = r->fraction = true;
			}
			if (isnan(v) && nl &&
			    !isnan(v = glued_number(doc, nl, t, &ordinal)))
				r->weak = true;
			if (isnan(v) && nl && dual_word(doc, nl, t)) {
				v = 2; /* "البلدان": the two countries? */
				r->weak = true;
			}
			if (isnan(v))
				continue;
			/* a weekday named by its number */
			if (after_day_word(doc, nl, i) &&
			    weekday_at(doc, nl, t->start))
				continue;
			spelled = true;
		} else {
			continue;
		}
		/* "Llama 4": decided once units and signs are read, since
		 * German capitalises nouns ("am Dienstag 27 ºC") */
		named = !spelled && !ordinal && rest == len &&
		        r->kind != FL_QTY_MEASURE && name_number(doc, i);

	value:
		r->kind = r->kind ? r->kind : FL_QTY_COUNT;
		r->spelled = spelled;
		r->ordinal = ordinal;
		r->start = start;

		/* A scale word after: "14,3 bilhões", "2 million". */
		if (nl && r->kind == FL_QTY_COUNT &&
		    last + 1 < doc->token_count &&
		    fl__doc_gap_is_space(doc, doc->tokens[last].end,
		                         doc->tokens[last + 1].start)) {
			scale = scale_at(nl, doc, last + 1);
			if (!isnan(scale)) {
				v *= scale;
				alt *= scale;
				r->scale *= scale;
				last++;
				/* "mil milhões" (pt-PT 10^9): scales multiply.
				 */
				if (last + 1 < doc->token_count &&
				    fl__doc_gap_is_space(
				        doc, doc->tokens[last].end,
				        doc->tokens[last + 1].start)) {
					scale = scale_at(nl, doc, last + 1);
					if (!isnan(scale) && scale > 1000) {
						v *= scale;
						alt *= scale;
						r->scale *= scale;
						last++;
					}
				}
			}
		}
		r->value = v;
		r->alt = alt;
		r->end = cut ? cut : doc->tokens[last].end;
		if (r->kind != FL_QTY_COUNT)
			goto hedge;
		if (!ordinal && read_time_after(doc, nl, r, i, &last))
			goto hedge;
		if (read_date_after(doc, nl, r, &last))
			goto hedge;
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
		if (r->kind == FL_QTY_COUNT && !ordinal)
			read_unit_after(doc, nl, r, &last);
		if (named && r->kind == FL_QTY_COUNT && r->scale == 1)
			continue;
		if (r->kind == FL_QTY_COUNT && !spelled && !ordinal &&
		    isnan(alt) && v == floor(v) && v >= 1000 && v <= 2100 &&
		    last == i && r->end - r->start == 4) /* not "1,997" */
			r->kind = FL_QTY_YEAR;

	hedge:
		/* Hedges before it: "cerca de", "about", "حوالي", "כ-". */
		if (nl) {
			for (size_t w = 1; w <= 3 && w <= i && !r->approx;
			     w++) {
				size_t a = i - w;
				uint16_t g = doc->text[doc->tokens[i - 1].end];
				bool joined =
				    fl__doc_gap_is_space(doc,
				                         doc->tokens[i - 1].end,
				                         r->start) ||
				    (doc->tokens[i - 1].end + 1 == r->start &&
				     (g == '-' || g == 0x05BE));
				if (joined &&
				    phrase_at(doc, &nl->approx, a, i - 1))
					r->approx = true;
			}
		}
		n++;
		i = last;
	}
	join_ranges(doc, nl, q, n);
	for (size_t k = 1; k < n; k++)
		q[k].optional = bracketed_conversion(doc, &q[k - 1], &q[k]);
	/* results: one quantity of two numbers */
	{
		size_t w = 0;
		for (size_t k = 0; k < n; k++) {
			q[w] = q[k];
			if (k + 1 < n && score_pair(doc, &q[k], &q[k + 1])) {
				q[w].kind = FL_QTY_SCORE;
				q[w].alt = q[k + 1].value;
				q[w].end = q[k + 1].end;
				k++;
			}
			w++;
		}
		n = w;
	}
	*out = q;
	*count = n;
	return 0;
nomem:
	free(q);
	return FL_ENOMEM;
}
