/*
 * number.* — the document's quantities against the numbers of the facts,
 * compared by value and meaning (the number module reads scales,
 * conventions, units, clock times and dates), never by digit strings:
 *
 *  number.mismatch (error)  a quantity no fact explains but close to one:
 *                           the same digits in another order or at
 *                           another scale (14.3 billion -> 14.3 million,
 *                           281 -> 218), a unit swapped or converted
 *                           wrongly (20 feet -> 20 metres, 550 lb ->
 *                           227 kg), a clock time or date of the facts
 *                           gone wrong (4.40 -> 4h04, 3 p.m. -> 3h). Only
 *                           amounts, percentages, measures, times, dates
 *                           and numbers from 100 up: small counts collide
 *                           too often to prove anything.
 *  number.approx (info)     a rounded or hedged rendering within 10 % of
 *                           a fact ("about 15 billion" for 14.3 billion,
 *                           "300 km" for 200 miles).
 *                           A result the other way round in words ("1
 *                           مقابل 2" for 2&1) is one too; with a sign
 *                           ("0:1" for 1-0) it is no finding: a result is
 *                           often put from the other side, or in
 *                           right-to-left order.
 *  number.missing (warning) a fact number that a full translation never
 *                           renders, unless a mismatch already names it.
 *                           Info where a faithful translation often has
 *                           no number: a 100 % ("100 percent certain"), a
 *                           1 (never read from words: "primeiro",
 *                           "líder"), and in aligned mode a count the
 *                           original writes in words without a unit
 *                           ("the two countries": "ambos", "البلدان").
 *  number.unknown (info)    with --partial, a quantity no fact explains.
 *
 * A fact is a plain number, a range (both ends must be rendered; a decade
 * "1930-1939" is rendered by 1930 or "30"), a clock time or a date. Units
 * "ordinal" (a position: "the 25th", "second") and "score" (a result
 * "2-1", its numbers in that order) are classes of their own; unit
 * "year" with a value that looks like one (2016) is a calendar year. In
 * aligned mode a fact's `about` holds the original's words (the
 * extraction writes them): messages quote them with the line, and a
 * number the translation keeps as the original writes it ("125th
 * Street", "0800 555 111") is rendered. Quantities that are only guesses
 * (a dual, a fraction word) or conversions in brackets render facts but
 * are never reported themselves.
 */
#include "checks.h"
#include "registry.h"

#include "../num/units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_APPROX_TOLERANCE 0.10
#define FL_RANGE_TOLERANCE  0.25
/* A hedged clock time this close to a fact's is its rendering. */
#define FL_APPROX_MINUTES 30

typedef enum {
	U_NONE,
	U_MONEY,
	U_PERCENT,
	U_MEASURE,
	U_NOUN,
	U_ORDINAL, /* unit "ordinal": a position, "the 25th", "second" */
	U_SCORE    /* unit "score": a result, value "2-1" in its order */
} unit_class;

/* One value a fact asks the translation to render: a plain number is
 * one, a range two. */
typedef struct {
	const fl__number *f;
	size_t fact;
	double value;
	unit_class uc;
	const fl__unit *unit; /* U_MEASURE */
	bool decade;          /* "1930-1939": 1930, or "30" */
	bool rendered;
	bool mismatched; /* a number.mismatch already names it */
} target;

static bool same_value(double a, double b)
{
	return !isnan(a) && fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

static unit_class classify(const char *u, const fl__unit **unit)
{
	*unit = NULL;
	if (!u || !*u)
		return U_NONE;
	if (strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' &&
	    u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z')
		return U_MONEY;
	if (strcmp(u, "percent") == 0 || strcmp(u, "%") == 0)
		return U_PERCENT;
	if (strcmp(u, "ordinal") == 0)
		return U_ORDINAL;
	if (strcmp(u, "score") == 0)
		return U_SCORE;
	if ((*unit = fl__unit_find(u)))
		return U_MEASURE;
	return U_NOUN;
}

static const fl__unit *q_unit(const fl__quantity *q)
{
	return q->kind == FL_QTY_MEASURE ? fl__unit_find(q->unit) : NULL;
}

/* Whether q may be a rendering of target t at all (before values). */
static bool kind_fits(const target *t, const fl__quantity *q)
{
	switch (t->uc) {
	case U_MONEY:
		return q->kind == FL_QTY_MONEY
		           ? strcmp(q->unit, t->f->unit) == 0
		           : q->kind == FL_QTY_COUNT || q->kind == FL_QTY_YEAR;
	case U_PERCENT:
		return q->kind == FL_QTY_PERCENT || q->kind == FL_QTY_COUNT;
	case U_MEASURE:
		return q->kind == FL_QTY_MEASURE || q->kind == FL_QTY_COUNT;
	case U_NOUN: /* an age is a count of years: "52 عامًا"; a counted
	              * noun may become a unit ("7.5 magnitude": "7.5
	              * درجات") */
	case U_ORDINAL: /* "século XIX", "89º", "الدقيقة 89" */
		return q->kind == FL_QTY_COUNT || q->kind == FL_QTY_YEAR ||
		       q->kind == FL_QTY_MEASURE;
	case U_SCORE: /* by the digits of the line: score_rendering() */
		return false;
	case U_NONE:
		return q->kind != FL_QTY_MONEY && q->kind != FL_QTY_PERCENT &&
		       q->kind != FL_QTY_TIME && q->kind != FL_QTY_DATE &&
		       q->kind != FL_QTY_SCORE;
	}
	return false;
}

static bool explains(const target *t, const fl__quantity *q)
{
	const fl__number *f = t->f;
	if (q->vague)
		return false;
	/* "أكثر من النصف" (more than half) for "50 percent plus one" */
	if (q->fraction && t->uc == U_PERCENT)
		return same_value(100.0 / q->value, t->value);
	/* a dual counts two, it is no "second" */
	if (q->weak && !q->fraction && !q->ordinal && t->uc == U_ORDINAL)
		return false;
	if (f->shape == FL_NUMSHAPE_TIME)
		return q->kind == FL_QTY_TIME && q->value == f->value;
	if (f->shape == FL_NUMSHAPE_DATE)
		return q->kind == FL_QTY_DATE && q->month == f->month &&
		       (!q->day || !f->day || q->day == f->day) &&
		       (!q->year || !f->year || q->year == f->year);
	/* The year of a date, the day of a date ("27 de outubro" for a day
	 * 27). */
	if (q->kind == FL_QTY_DATE)
		return (t->uc == U_NONE && q->year && q->year == t->value) ||
		       (t->unit && strcmp(t->unit->code, "day") == 0 &&
		        q->day == t->value);
	if (t->decade && (q->kind == FL_QTY_YEAR || q->kind == FL_QTY_COUNT) &&
	    (q->value == t->value ||
	     (q->kind == FL_QTY_COUNT && q->value >= 10 &&
	      q->value == fmod(t->value, 100))))
		return true;
	if (!kind_fits(t, q))
		return false;
	if (t->uc == U_MEASURE && q->kind == FL_QTY_MEASURE)
		return fl__unit_compare(q->value, q_unit(q), t->value,
		                        t->unit) == FL_UNIT_SAME;
	return same_value(q->value, t->value) || same_value(q->alt, t->value);
}

/* Significant digits of v (at most 15), into d; returns how many. */
static size_t sig_digits(double v, char *d)
{
	char buf[64];
	size_t n = 0;
	snprintf(buf, sizeof(buf), "%.15g", fabs(v));
	for (const char *p = buf; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && (n > 0 || *p != '0'))
			d[n++] = *p;
	while (n > 0 && d[n - 1] == '0')
		n--;
	d[n] = '\0';
	return n;
}

/* A round number: one or two significant digits, or a multiple of 5
 * ("300", "60", "1,5"). */
static bool is_round(double v)
{
	char d[32];
	size_t n = sig_digits(v, d);
	return n <= 1 || (n == 2 && (d[1] == '5' || d[1] == '0'));
}

/* A rounded or hedged rendering of t. */
static bool approximates(const target *t, const fl__quantity *q)
{
	char a[32], b[32];
	const fl__number *f = t->f;
	if (f->shape == FL_NUMSHAPE_TIME)
		return q->kind == FL_QTY_TIME && q->approx &&
		       fabs(q->value - f->value) <= FL_APPROX_MINUTES;
	if (f->shape == FL_NUMSHAPE_DATE || !kind_fits(t, q) || t->value == 0)
		return false;
	if (q->vague) /* "dezenas": 20 to 99 */
		return t->value >= 2 * q->value && t->value < 10 * q->value;
	if (t->uc == U_MEASURE && q->kind == FL_QTY_MEASURE) {
		const fl__unit *u = q_unit(q);
		fl__unit_cmp c =
		    fl__unit_compare(q->value, u, t->value, t->unit);
		/* The ends of a converted range are rounded coarsely: "2 a 10
		 * cm" for 1 to 4 inches. */
		if (q->ranged && u && u->dim != FL_DIM_TIME &&
		    u->dim != FL_DIM_TEMP && c == FL_UNIT_OFF &&
		    fabs(q->value * u->factor - t->value * t->unit->factor) <=
		        FL_RANGE_TOLERANCE * t->value * t->unit->factor)
			return true;
		return c == FL_UNIT_ROUNDED &&
		       (q->approx || is_round(q->value));
	}
	if (fabs(q->value - t->value) > FL_APPROX_TOLERANCE * fabs(t->value))
		return false;
	return q->approx || sig_digits(q->value, a) < sig_digits(t->value, b);
}

/* Digits of a and b the same multiset, a and b of one magnitude. */
static bool transposed(double x, double y)
{
	char a[32], b[32];
	size_t na = sig_digits(x, a), nb = sig_digits(y, b);
	int ca[10] = {0}, cb[10] = {0};
	if (na != nb || na < 2 || x <= 0 || y <= 0)
		return false;
	for (size_t i = 0; i < na; i++) {
		ca[a[i] - '0']++;
		cb[b[i] - '0']++;
	}
	return memcmp(ca, cb, sizeof(ca)) == 0 &&
	       fabs(log10(x) - log10(y)) < 1.0;
}

/* Close to t in form: what a slip makes of it. */
static bool close_in_form(const target *t, const fl__quantity *q)
{
	char a[32], b[32];
	const fl__number *f = t->f;

	if (f->shape == FL_NUMSHAPE_TIME)
		return q->kind == FL_QTY_TIME; /* any other time */
	if (f->shape == FL_NUMSHAPE_DATE)
		return q->kind == FL_QTY_DATE &&
		       (q->month == f->month || (q->day && q->day == f->day) ||
		        (q->year && q->year == f->year));
	/* "2ª" (second) is no slip for 200 */
	if (!kind_fits(t, q) || q->vague || q->ordinal || q->weak)
		return false;
	/* "خمسة أيام" for five weeks: the number right, the unit wrong */
	if (q->spelled)
		return t->uc == U_MEASURE && q->kind == FL_QTY_MEASURE &&
		       same_value(q->value, t->value) &&
		       fl__unit_compare(q->value, q_unit(q), t->value,
		                        t->unit) == FL_UNIT_OFF;
	if (t->uc == U_MEASURE && q->kind == FL_QTY_MEASURE) {
		const fl__unit *u = q_unit(q);
		fl__unit_cmp c =
		    fl__unit_compare(q->value, u, t->value, t->unit);
		double ratio;
		if (c == FL_UNIT_ROUNDED)
			return true; /* looks precise, but is off */
		if (c != FL_UNIT_OFF)
			return false;
		if (same_value(q->value, t->value) ||
		    transposed(q->value, t->value))
			return true; /* "20 metros" for 20 feet */
		if (u->dim == FL_DIM_TIME || u->dim == FL_DIM_TEMP)
			return false;
		ratio = q->value * u->factor / (t->value * t->unit->factor);
		return ratio > 1.0 / 3 && ratio < 3;
	}
	if (!(q->kind == FL_QTY_MONEY || q->kind == FL_QTY_PERCENT ||
	      t->value >= 100))
		return false;
	if (sig_digits(q->value, a) == 0 || sig_digits(t->value, b) == 0)
		return false;
	if (strcmp(a, b) == 0)
		return true; /* 14.3e9 vs 14.3e6, 1.43 vs 14.3 */
	return transposed(q->value, t->value); /* 281/218 */
}

/* A calendar year given as `{value: 2016, unit: year}`: a whole value
 * that looks like one (a duration of 1,000 years or more is rare). */
static bool calendar_year(const fl__number *f, const fl__unit *u)
{
	return u && strcmp(u->code, "year") == 0 &&
	       f->shape == FL_NUMSHAPE_PLAIN && f->value == floor(f->value) &&
	       f->value >= 1000 && f->value <= 2999;
}

/* The original's words of fact f ("89th minute", "Five weeks"): in
 * aligned mode a number's `about` holds them (the extraction writes it
 * so); NULL otherwise. */
static const char *orig_words(const fl__check_ctx *c, const fl__number *f)
{
	return c->aligned && f->about && *f->about ? f->about : NULL;
}

/* Whether the UTF-8 text w starts with a digit. */
static bool digit_led(const char *w)
{
	return *w >= '0' && *w <= '9';
}

/*
 * Whether the document keeps the original's first word of w as written:
 * its leading digits as a run of digits of their own ("125th Street" for
 * "125th", "1x0" for "1-0", "0800 555 111"), or a word of letters as a
 * word ("the front nine" kept in English). A translation may keep a
 * number the way the original writes it, inside a name or a code.
 */
static bool kept_as_written(const fl__doc *d, const char *w)
{
	uint16_t key[FL_TOKEN_MAX];
	size_t n = 0;
	const char *p = w;
	if (digit_led(w)) {
		while (*p >= '0' && *p <= '9' && n < FL_ARRAY_SIZE(key))
			key[n++] = (uint16_t)*p++;
		for (size_t i = 0; i + n <= d->len; i++) {
			size_t k = 0;
			while (k < n && fl__digit_value(d->text[i + k]) ==
			                    (int)(key[k] - '0'))
				k++;
			if (k == n &&
			    (i == 0 || fl__digit_value(d->text[i - 1]) < 0) &&
			    (i + n == d->len ||
			     fl__digit_value(d->text[i + n]) < 0))
				return true;
		}
		return false;
	}
	/* a word: compared by match key with the document's words */
	while (*p && *p != ' ' && *p != '-' && n < FL_ARRAY_SIZE(key)) {
		unsigned char ch = (unsigned char)*p++;
		if (ch >= 0x80)
			return false; /* only Latin-script ASCII words */
		key[n++] = (uint16_t)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	for (size_t i = 0; n && i < d->token_count; i++)
		if (d->tokens[i].keylen == n &&
		    memcmp(fl__tok_key(d, &d->tokens[i]), key, n * 2) == 0)
			return true;
	return false;
}

/*
 * Fact f as a message names it: the original's words and its line in
 * aligned mode ("'89th minute' in line 131 of the original"), else the
 * fact as the facts file gives it ("the original's 281 stores (stores to
 * close)").
 */
static void fact_quote(const fl__check_ctx *c, const fl__number *f, char *out,
                       size_t cap)
{
	const char *w = orig_words(c, f);
	if (w)
		snprintf(out, cap, "'%s' in %s", w, c->facts->path);
	else
		snprintf(out, cap, "the original's %s%s%s%s%s%s", f->raw,
		         f->unit ? " " : "", f->unit ? f->unit : "",
		         f->about ? " (" : "", f->about ? f->about : "",
		         f->about ? ")" : "");
}

/* The next whole run of digits (any script) that starts at or after
 * offset *i: [*i, *end) with its value in *value; false when none. */
static bool next_digit_run(const fl__doc *d, size_t *i, size_t *end,
                           double *value)
{
	for (size_t k = *i; k < d->len; k++) {
		size_t j = k;
		double x = 0;
		if (fl__digit_value(d->text[k]) < 0 ||
		    (k > 0 && fl__digit_value(d->text[k - 1]) >= 0))
			continue;
		while (j < d->len && fl__digit_value(d->text[j]) >= 0)
			x = x * 10 + fl__digit_value(d->text[j++]);
		*i = k;
		*end = j;
		*value = x;
		return true;
	}
	return false;
}

/* The first run of digits (any script) at or after offset *p whose value
 * is v, as [*p, *e); false when none. */
static bool digit_run(const fl__doc *d, double v, size_t *p, size_t *e)
{
	size_t i = *p, j;
	double x;
	for (; next_digit_run(d, &i, &j, &x); i = j)
		if (x == v) {
			*p = i;
			*e = j;
			return true;
		}
	return false;
}

/*
 * How score t ("2-1") stands in the document, by its digits (a result is
 * written "2x1", "2 مقابل 1", "Ayr 38 - Melrose 17"): 1 when its numbers
 * come in its order, -1 when only the other way round (span in *a, *b),
 * 0 when not both.
 */
static int score_rendering(const fl__doc *d, const fl__number *f, size_t *a,
                           size_t *b)
{
	size_t p = 0, e, p2, e2;
	while (digit_run(d, f->value, &p, &e)) {
		p2 = e;
		if (digit_run(d, f->value2, &p2, &e2))
			return 1;
		p = e;
	}
	p = 0;
	if (f->value != f->value2 && digit_run(d, f->value2, &p, &e)) {
		p2 = e;
		if (digit_run(d, f->value, &p2, &e2)) {
			*a = p;
			*b = e2;
			return -1;
		}
	}
	return 0;
}

/*
 * Whether a word stands between the two numbers of a result at [a, b)
 * ("1 مقابل 2"). A result written with a sign between ("0:1", "0-1") may
 * be put from the other side ("ein 0:1-Rückstand") or in right-to-left
 * order, so reversed it still renders the fact; in words it reads in its
 * order.
 */
static bool worded_between(const fl__doc *d, size_t a, size_t b)
{
	for (size_t i = 0; i < d->token_count && d->tokens[i].start < b; i++)
		if (d->tokens[i].start >= a &&
		    d->tokens[i].kind == FL_TOK_WORD &&
		    fl__digit_value(d->text[d->tokens[i].start]) < 0 &&
		    d->tokens[i].keylen > 1)
			return true;
	return false;
}

/*
 * How sure a number.missing is: a warning, or info where a faithful
 * translation often leaves no number: a 100 % that is an intensifier
 * ("100 percent certain"), a 1, and in aligned mode a count the original
 * writes in words without a unit ("the two countries" is as often
 * "ambos", "البلدان" or "vice-versa"). Ordinals, measures, money and
 * percentages in words stay warnings.
 */
static fl_severity missing_severity(const fl__check_ctx *c, const target *t)
{
	const char *w = orig_words(c, t->f);
	if (t->uc == U_PERCENT && t->value == 100)
		return FL_SEVERITY_INFO;
	/* 1 is not read from words ("um", "primeiro", "líder"): its
	 * absence proves nothing */
	if (t->value == 1 && t->f->shape == FL_NUMSHAPE_PLAIN)
		return FL_SEVERITY_INFO;
	if (w && !strpbrk(w, "0123456789") &&
	    (t->uc == U_NONE || t->uc == U_NOUN))
		return FL_SEVERITY_INFO;
	return FL_SEVERITY_WARNING;
}

/* Reports what quantity x of the document says against the facts. */
static int report_quantity(fl__check_ctx *c, const fl__quantity *x,
                           const target *near, target *close)
{
	char here[128], fact[512];
	fl__u16_to_utf8_buf(here, sizeof(here), c->doc->text + x->start,
	                    x->end - x->start);
	if (near) {
		fact_quote(c, near->f, fact, sizeof(fact));
		return fl__check_add(
		    c, "number.approx", FL_SEVERITY_INFO, x->start, x->end,
		    near->f->raw, NULL,
		    "'%s' is a rounded or hedged rendering of %s.", here, fact);
	}
	if (close) {
		close->mismatched = true;
		fact_quote(c, close->f, fact, sizeof(fact));
		return fl__check_add(
		    c, "number.mismatch",
		    fl__fact_severity(FL_SEVERITY_ERROR, close->f->extracted),
		    x->start, x->end, close->f->raw, NULL,
		    "'%s' here does not say what %s says.", here, fact);
	}
	if (c->partial)
		return fl__check_add(
		    c, "number.unknown", FL_SEVERITY_INFO, x->start, x->end,
		    NULL, NULL, "'%s' is in no fact of the original.", here);
	return 0;
}

/* Reports fact t (all its values) as missing. */
static int report_missing(fl__check_ctx *c, const target *t)
{
	char fact[512];
	fact_quote(c, t->f, fact, sizeof(fact));
	return fl__check_add_placeless(
	    c, "number.missing", missing_severity(c, t), t->f->raw, t->f->raw,
	    "%s is not rendered in this %s.", fact,
	    c->aligned ? "line" : "translation");
}

/* The targets of the facts' numbers into *out (*nt of them): one per
 * plain number, two per range. Returns 0 or FL_ENOMEM. */
static int make_targets(target **out, size_t *nt, const fl_facts *facts)
{
	target *tg;
	size_t n = 0;

	*out = NULL;
	*nt = 0;
	if (!(tg =
	          fl__reallocarray(NULL, facts->number_count, 2 * sizeof(*tg))))
		return FL_ENOMEM;
	for (size_t k = 0; k < facts->number_count; k++) {
		const fl__number *f = &facts->numbers[k];
		target t = {f, k, f->value, U_NONE, NULL, false, false, false};
		t.uc = classify(f->unit, &t.unit);
		if (calendar_year(f, t.unit)) {
			t.uc = U_NONE; /* "fundada em 2016" */
			t.unit = NULL;
		}
		if (f->shape == FL_NUMSHAPE_RANGE && t.uc == U_SCORE) {
			tg[n++] = t; /* both numbers at once */
		} else if (f->shape == FL_NUMSHAPE_RANGE) {
			t.decade = t.value >= 1000 && fmod(t.value, 10) == 0 &&
			           f->value2 == t.value + 9 &&
			           (t.uc == U_NONE || t.uc == U_NOUN);
			tg[n++] = t;
			if (!t.decade) {
				t.value = f->value2;
				tg[n++] = t;
			}
		} else {
			tg[n++] = t;
		}
	}
	*out = tg;
	*nt = n;
	return 0;
}

/* The document's quantities q[0,nq) against the targets: reports each
 * quantity that a fact does not explain, marks the targets rendered. */
static int check_quantities(fl__check_ctx *c, const fl__quantity *q, size_t nq,
                            target *tg, size_t nt)
{
	int error = 0;
	for (size_t i = 0; i < nq && error == 0; i++) {
		const fl__quantity *x = &q[i];
		target *close = NULL;
		const target *near = NULL;
		bool known = false;

		for (size_t k = 0; k < nt; k++) {
			if (explains(&tg[k], x)) {
				known = tg[k].rendered = true;
			} else if (x->weak || x->optional) {
				continue; /* a guess or a conversion in brackets
				             only renders */
			} else if (approximates(&tg[k], x)) {
				if (!near)
					near = &tg[k];
				tg[k].rendered = true;
			} else if (close_in_form(&tg[k], x) &&
			           (!close ||
			            ((close->rendered || close->mismatched) &&
			             !tg[k].rendered && !tg[k].mismatched))) {
				/* the first fact still unrendered */
				close = &tg[k];
			}
		}
		if (known || x->weak || x->optional)
			continue;
		error = report_quantity(c, x, near, close);
	}
	return error;
}

/* Longest text kept of a reversed result's span that crosses windows. */
#define FL_SCORE_SPAN_MAX ((size_t)1 << 20)

/*
 * Windowed checking: how a score stands in the document so far, as
 * score_rendering and worded_between read a whole document. Offsets are
 * the document's.
 */
typedef struct {
	bool v1_seen;  /* a run of the first number */
	bool in_order; /* ... followed by one of the second */
	bool have_a;   /* the first run of the second number, at a */
	bool have_b;   /* the first run of the first after it, ending at b */
	bool worded;   /* a word between a and b */
	bool placed;   /* at holds [a, b) (or [a, the window's end)) */
	fl__place at;
	fl_buf text; /* [a, b) when it crosses windows */
} score_state;

typedef struct {
	target *tg;
	size_t nt;
	score_state *sc; /* per target */
} numbers_acc;

/* Frees a numbers_acc (fl__doc_state.acc); NULL is fine. */
static void numbers_acc_free(void *p)
{
	numbers_acc *a = p;
	for (size_t k = 0; a && a->sc && k < a->nt; k++) {
		fl__place_dispose(&a->sc[k].at);
		fl_buf_dispose(&a->sc[k].text);
	}
	if (a) {
		free(a->tg);
		free(a->sc);
	}
	free(a);
}

/* What window c->doc adds to score state s of fact f. Returns 0 or
 * FL_ENOMEM. */
static int score_window(fl__check_ctx *c, const fl__number *f, score_state *s)
{
	const fl__doc *d = c->doc;
	size_t a = SIZE_MAX, b = SIZE_MAX; /* in this window */
	bool was_open = s->have_a && !s->have_b;

	size_t i = 0, j;
	double x;
	for (; next_digit_run(d, &i, &j, &x); i = j) {
		if (!s->in_order) {
			if (s->v1_seen && x == f->value2)
				s->in_order = true;
			if (x == f->value)
				s->v1_seen = true;
		}
		if (f->value != f->value2 && !s->have_b) {
			if (!s->have_a && x == f->value2) {
				s->have_a = true;
				a = i;
			} else if (s->have_a && x == f->value) {
				s->have_b = true;
				b = j;
			}
		}
	}
	if (!was_open && a == SIZE_MAX)
		return 0;
	/* the words between */
	for (size_t k = 0; k < d->token_count && !s->worded; k++) {
		const fl__token *t = &d->tokens[k];
		if (b != SIZE_MAX && t->start >= b)
			break;
		if ((a == SIZE_MAX || t->start >= a) &&
		    t->kind == FL_TOK_WORD &&
		    fl__digit_value(d->text[t->start]) < 0 && t->keylen > 1)
			s->worded = true;
	}
	/* the place and text of [a, b) */
	if (a != SIZE_MAX) {
		if (fl__check_place(&s->at, c, a, b != SIZE_MAX ? b : d->len) <
		    0)
			return FL_ENOMEM;
		s->placed = true;
		if (b == SIZE_MAX && s->at.text &&
		    fl_buf_puts(&s->text, s->at.text) < 0)
			return FL_ENOMEM;
	} else if (s->placed) {
		size_t end = b != SIZE_MAX ? b : d->len;
		if (s->text.len < FL_SCORE_SPAN_MAX &&
		    fl__doc_span_utf8(&s->text, d, 0, end) < 0)
			return FL_ENOMEM;
		if (b != SIZE_MAX) {
			size_t l, col;
			fl__doc_position(d, b, &l, &col);
			s->at.end_line = l + c->line_base;
			s->at.end_column = col;
			free(s->at.text);
			s->at.text = fl_buf_detach(&s->text);
			if (!s->at.text)
				return FL_ENOMEM;
		}
	}
	return 0;
}

/* The facts' numbers not rendered: number.missing, or for a result
 * written the other way round number.mismatch. sc: the score states of
 * windowed checking, NULL for a document checked at once. */
static int check_missing(fl__check_ctx *c, target *tg, size_t nt,
                         const score_state *sc)
{
	int error = 0;
	for (size_t k = 0; !c->partial && error == 0 && k < nt; k++) {
		const fl__number *f = tg[k].f;
		const char *w = orig_words(c, f);
		bool all = true;
		/* A fact is rendered when all its values are; report it once.
		 */
		for (size_t j = k; j < nt && tg[j].fact == tg[k].fact; j++)
			all &= tg[j].rendered || tg[j].mismatched;
		while (k + 1 < nt && tg[k + 1].fact == tg[k].fact)
			k++;
		if (tg[k].uc == U_SCORE && f->shape == FL_NUMSHAPE_RANGE) {
			size_t a = 0, b = 0;
			int how;
			bool worded;
			char fact[512];
			if (sc) {
				how = sc[k].in_order                 ? 1
				      : sc[k].have_a && sc[k].have_b ? -1
				                                     : 0;
				worded = sc[k].worded;
			} else {
				how = score_rendering(c->doc, f, &a, &b);
				worded =
				    how < 0 && worded_between(c->doc, a, b);
			}
			/* with a sign between, reversed is another way of
			 * putting it */
			if (how > 0 || (how < 0 && !worded))
				continue;
			fact_quote(c, f, fact, sizeof(fact));
			if (how < 0 && sc) {
				error = fl__check_add_at(
				    c, "number.mismatch",
				    fl__fact_severity(FL_SEVERITY_ERROR,
				                      f->extracted),
				    &sc[k].at, f->raw, NULL,
				    "this result is the other way round from "
				    "%s.",
				    fact);
				continue;
			}
			if (how < 0) {
				error = fl__check_add(
				    c, "number.mismatch",
				    fl__fact_severity(FL_SEVERITY_ERROR,
				                      f->extracted),
				    a, b, f->raw, NULL,
				    "this result is the other way round from "
				    "%s.",
				    fact);
				continue;
			}
		} else if (all || (w && kept_as_written(c->doc, w))) {
			continue;
		}
		error = report_missing(c, &tg[k]);
	}
	return error;
}

/* The number.* rules: the document's quantities against the facts'
 * numbers; in windowed checking the targets live on from window to
 * window, and what is missing is reported by check_numbers_finish.
 * Returns 0 or a negative code (message in c->err). */
static int check_numbers(fl__check_ctx *c)
{
	const fl_facts *facts = c->facts;
	numbers_acc *acc = NULL;
	fl__quantity *q = NULL;
	target *tg = NULL;
	size_t nq = 0, nt = 0;
	int error;

	/* Without numbers in the facts no rule here can say anything. */
	if (!facts || facts->number_count == 0)
		return 0;
	if (c->ds && !(acc = c->ds->acc[FL__ACC_NUMBERS].p)) {
		if (!(acc = calloc(1, sizeof(*acc))) ||
		    make_targets(&acc->tg, &acc->nt, facts) < 0 ||
		    !(acc->sc =
		          calloc(acc->nt ? acc->nt : 1, sizeof(*acc->sc)))) {
			numbers_acc_free(acc);
			return fl__fail(c->err, c->errlen, FL_ENOMEM,
			                "out of memory");
		}
		c->ds->acc[FL__ACC_NUMBERS].p = acc;
		c->ds->acc[FL__ACC_NUMBERS].free = numbers_acc_free;
	}
	if ((error = fl__numbers_find(&q, &nq, c->doc, c->lang->num, c->text,
	                              c->lang->locale)) < 0)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	if (acc) {
		error = check_quantities(c, q, nq, acc->tg, acc->nt);
		for (size_t k = 0; error == 0 && !c->partial && k < acc->nt;
		     k++)
			if (acc->tg[k].uc == U_SCORE &&
			    acc->tg[k].f->shape == FL_NUMSHAPE_RANGE &&
			    (error = score_window(c, acc->tg[k].f,
			                          &acc->sc[k])) < 0)
				error = fl__fail(c->err, c->errlen, error,
				                 "out of memory");
		free(q);
		return error;
	}
	if (make_targets(&tg, &nt, facts) < 0) {
		free(q);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	if ((error = check_quantities(c, q, nq, tg, nt)) == 0)
		error = check_missing(c, tg, nt, NULL);
	free(tg);
	free(q);
	return error;
}

/* Windowed checking, after the last window: the facts no window
 * rendered. */
static int check_numbers_finish(fl__check_ctx *c)
{
	numbers_acc *acc = c->ds->acc[FL__ACC_NUMBERS].p;
	return acc ? check_missing(c, acc->tg, acc->nt, acc->sc) : 0;
}

static const fl__check_rule rules[] = {
    FL__RULE("number.mismatch", FL_SEVERITY_ERROR, FL__E | FL__W, NULL,
             "A quantity no fact explains but close in form to one.",
             "Same digits in another order (281 -> 218), or the same "
             "significant digits at another scale or decimal place (14.3 "
             "billion -> 14.3 million; French \"billions\" for a US "
             "billion): a changed number, not a new one. A warning "
             "against a number fidelint extracted itself (--source, "
             "--aligned): guessed facts give no errors."),
    FL__RULE("number.approx", FL_SEVERITY_INFO, FL__I, NULL,
             "A rounded or hedged rendering within 10 % of a fact.",
             "\"cerca de 15 bilhões\" for 14.3 billion is a choice of "
             "the translator, worth a look but not wrong."),
    FL__RULE("number.missing", FL_SEVERITY_WARNING, FL__W | FL__I, NULL,
             "A number of the facts that a full translation never renders.",
             "A warning: a dual noun or a rewording can carry a small "
             "number without digits. Info for what cannot be right most "
             "of the time: 100 % (an intensifier), the value 1 (an "
             "article far more often), and in aligned checking a count the "
             "original writes in words without a unit. Off with "
             "--partial."),
    FL__RULE("number.unknown", FL_SEVERITY_INFO, FL__I, NULL,
             "With --partial and facts, a quantity no fact explains.",
             "Summaries may add background numbers; they are listed "
             "for an editor to confirm."),
};

const fl__check_desc fl__check_numbers =
    FL__CHECK_DESC_DOC("numbers", rules, FL__NEEDS_FACTS | FL__NEEDS_PROFILE,
                       check_numbers, check_numbers_finish);
