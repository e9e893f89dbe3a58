/*
 * number.* — the document's quantities against the numbers of the facts,
 * compared by value and meaning (the number module reads scales,
 * conventions and units), never by digit strings:
 *
 *  number.mismatch (error)  a quantity no fact explains but close in form
 *                           to one: same digits in another order, or the
 *                           same significant digits at another scale or
 *                           decimal place (14.3 billion -> 14.3 million,
 *                           281 -> 218). Only amounts, percentages and
 *                           numbers from 100 up: small counts collide too
 *                           often to prove anything.
 *  number.approx (info)     a rounded or hedged rendering within 10 % of
 *                           a fact ("about 15 billion" for 14.3 billion).
 *  number.missing (warning) a fact number that a full translation never
 *                           renders (a warning: a dual noun or a rewording
 *                           can carry a small number without digits).
 *  number.unknown (info)    with --partial, a quantity no fact explains.
 */
#include "checks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_APPROX_TOLERANCE 0.10

static bool same_value(double a, double b)
{
	return !isnan(a) && fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Whether quantity q may be a rendering of fact number f at all. */
static bool unit_fits(const fl__number *f, const fl__quantity *q)
{
	const char *u = f->unit ? f->unit : "";
	bool money = strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' &&
	             u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z';
	if (money)
		return q->kind == FL_QTY_MONEY ? strcmp(q->unit, u) == 0
		                               : q->kind != FL_QTY_PERCENT;
	if (strcmp(u, "percent") == 0 || strcmp(u, "%") == 0)
		return q->kind != FL_QTY_MONEY;
	return q->kind != FL_QTY_MONEY && q->kind != FL_QTY_PERCENT;
}

static bool explains(const fl__number *f, const fl__quantity *q)
{
	return unit_fits(f, q) &&
	       (same_value(q->value, f->value) || same_value(q->alt, f->value));
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

/* A rounded or hedged rendering of f. */
static bool approximates(const fl__number *f, const fl__quantity *q)
{
	char a[32], b[32];
	if (!unit_fits(f, q) || f->value == 0 ||
	    fabs(q->value - f->value) > FL_APPROX_TOLERANCE * fabs(f->value))
		return false;
	return q->approx || sig_digits(q->value, a) < sig_digits(f->value, b);
}

/* Close in form to f: the same digits misplaced, or the same significant
 * digits at another power of ten. */
static bool close_in_form(const fl__number *f, const fl__quantity *q)
{
	char a[32], b[32];
	size_t na, nb;
	int ca[10] = {0}, cb[10] = {0};

	if (!unit_fits(f, q) || q->spelled ||
	    !(q->kind == FL_QTY_MONEY || q->kind == FL_QTY_PERCENT ||
	      f->value >= 100))
		return false;
	na = sig_digits(q->value, a);
	nb = sig_digits(f->value, b);
	if (na == 0 || nb == 0)
		return false;
	if (strcmp(a, b) == 0)
		return true; /* 14.3e9 vs 14.3e6, 1.43 vs 14.3 */
	if (na != nb || na < 2)
		return false;
	for (size_t i = 0; i < na; i++) {
		ca[a[i] - '0']++;
		cb[b[i] - '0']++;
	}
	/* Same digits in another order, same order of magnitude: 281/218. */
	return memcmp(ca, cb, sizeof(ca)) == 0 &&
	       fabs(log10(q->value) - log10(f->value)) < 1.0;
}

int fl__check_numbers(fl__check_ctx *c)
{
	const fl_facts *facts = c->facts;
	fl__quantity *q = NULL;
	size_t nq = 0;
	bool *rendered = NULL;
	int error;

	/* Without numbers in the facts no rule here can say anything. */
	if (!facts || facts->number_count == 0)
		return 0;
	if ((error = fl__numbers_find(&q, &nq, c->doc, c->lang->num, c->text,
	                              c->lang->locale)) < 0)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	if (facts && facts->number_count &&
	    !(rendered = calloc(facts->number_count, sizeof(*rendered)))) {
		free(q);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}

	for (size_t i = 0; i < nq && error == 0; i++) {
		const fl__quantity *x = &q[i];
		const fl__number *close = NULL, *near = NULL;
		bool known = false;

		for (size_t k = 0; facts && k < facts->number_count; k++) {
			const fl__number *f = &facts->numbers[k];
			if (explains(f, x)) {
				known = rendered[k] = true;
			} else if (approximates(f, x)) {
				if (!near)
					near = f;
				rendered[k] = true;
			} else if (!close && close_in_form(f, x)) {
				close = f;
			}
		}
		if (known)
			continue;
		if (near)
			error = fl__check_add(
			    c, "number.approx", FL_SEVERITY_INFO, x->start,
			    x->end, near->raw, NULL,
			    "a rounded or hedged rendering of %s%s%s",
			    near->raw, near->unit ? " " : "",
			    near->unit ? near->unit : "");
		else if (close)
			error = fl__check_add(
			    c, "number.mismatch", FL_SEVERITY_ERROR, x->start,
			    x->end, close->raw, NULL,
			    "this number is %.15g, but the original "
			    "says %s%s%s%s%s",
			    x->value, close->raw, close->unit ? " " : "",
			    close->unit ? close->unit : "",
			    close->about ? " — " : "",
			    close->about ? close->about : "");
		else if (c->partial && facts)
			error = fl__check_add(
			    c, "number.unknown", FL_SEVERITY_INFO, x->start,
			    x->end, NULL, NULL,
			    "%.15g is in no fact of the original", x->value);
	}
	for (size_t k = 0;
	     facts && !c->partial && error == 0 && k < facts->number_count;
	     k++) {
		const fl__number *f = &facts->numbers[k];
		if (rendered[k])
			continue;
		error = fl__check_add_placeless(
		    c, "number.missing", FL_SEVERITY_WARNING, f->raw, f->raw,
		    "%s%s%s%s%s from the original is not in this translation",
		    f->raw, f->unit ? " " : "", f->unit ? f->unit : "",
		    f->about ? " — " : "", f->about ? f->about : "");
	}
	free(rendered);
	free(q);
	return error;
}
