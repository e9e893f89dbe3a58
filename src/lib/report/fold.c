/*
 * The folding of a file's findings for the text and Markdown reports,
 * with state that does not grow with the repeats: one pass over the
 * findings, in order, fills a hash table of what they say (the key of
 * fl__finding_same: severity, rule, text, message) with, per group, its
 * first finding, how many say it and the places of the first
 * FL__FOLD_PLACES; and the rules in the order first met with their
 * counts per severity. The reports then read the findings once more,
 * in order, and show a finding only when it is its group's first.
 *
 * A group is known by two 64-bit hashes of its key, not by a copy of
 * it: the table holds no strings, whatever the findings say.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* The two hashes of finding f's fold key. */
static void key_hash(uint64_t *h1, uint64_t *h2, const fl_finding *f)
{
	const char *parts[3] = {f->rule, f->text, f->message};
	uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;

	a = (a ^ (unsigned)f->severity) * 0x100000001b3ULL;
	b = (b ^ (unsigned)f->severity) * 0x9E3779B97F4A7C15ULL;
	for (int i = 0; i < 3; i++) {
		const unsigned char *s = (const unsigned char *)parts[i];
		/* each part with its NUL: "ab"+"c" is not "a"+"bc" */
		for (;; s++) {
			a = (a ^ *s) * 0x100000001b3ULL;
			b = (b ^ *s) * 0x9E3779B97F4A7C15ULL;
			b ^= b >> 29;
			if (!*s)
				break;
		}
	}
	*h1 = a;
	*h2 = b ? b : 1; /* 0 marks an empty slot */
}

/* The slot of (h1, h2) in fo's table: its group's, or the empty one
 * where it would go. */
static size_t slot_of(const fl__fold *fo, uint64_t h1, uint64_t h2)
{
	size_t mask = fo->cap - 1, i = (size_t)(h1 ^ (h2 >> 17)) & mask;

	while (fo->groups[i].h2 &&
	       (fo->groups[i].h1 != h1 || fo->groups[i].h2 != h2))
		i = (i + 1) & mask;
	return i;
}

/* Doubles the table. Returns 0 or FL_ENOMEM. */
static int grow(fl__fold *fo)
{
	size_t cap = fo->cap ? fo->cap * 2 : 64, old = fo->cap;
	fl__fold_group *g = fo->groups;
	size_t bytes;

	if (fl__mul_overflow(cap, sizeof(*g), &bytes))
		return FL_ENOMEM;
	if (!(fo->groups = calloc(cap, sizeof(*g)))) {
		fo->groups = g;
		return FL_ENOMEM;
	}
	fo->cap = cap;
	for (size_t i = 0; i < old; i++)
		if (g[i].h2)
			fo->groups[slot_of(fo, g[i].h1, g[i].h2)] = g[i];
	free(g);
	return 0;
}

/* Counts finding f (index i) under its rule. Returns 0 or FL_ENOMEM. */
static int count_rule(fl__fold *fo, const fl_finding *f)
{
	fl__fold_rule *r = NULL;

	/* a file's findings come from a few dozen rules at most */
	for (size_t k = 0; k < fo->rule_count && !r; k++)
		if (strcmp(fo->rules[k].rule, f->rule) == 0)
			r = &fo->rules[k];
	if (!r) {
		if (fl__grow((void **)&fo->rules, &fo->rule_cap,
		             fo->rule_count + 1, sizeof(*fo->rules)) < 0)
			return FL_ENOMEM;
		r = &fo->rules[fo->rule_count];
		memset(r, 0, sizeof(*r));
		if (!(r->rule = fl__strdup(f->rule)))
			return FL_ENOMEM;
		fo->rule_count++;
	}
	r->count++;
	r->sev[(unsigned)f->severity & 3]++;
	return 0;
}

/* Adds finding f, index i, to its group. Returns 0 or FL_ENOMEM. */
static int add(fl__fold *fo, const fl_finding *f, size_t i)
{
	uint64_t h1, h2;
	fl__fold_group *g;
	size_t s;

	if ((fo->count + 1) * 4 > fo->cap * 3 && grow(fo) < 0)
		return FL_ENOMEM;
	key_hash(&h1, &h2, f);
	s = slot_of(fo, h1, h2);
	g = &fo->groups[s];
	if (!g->h2) {
		g->h1 = h1;
		g->h2 = h2;
		g->first = i;
		fo->count++;
	}
	if (g->count < FL__FOLD_PLACES) {
		if (g->count == 1 &&
		    !(g->more = calloc(FL__FOLD_PLACES - 1, sizeof(*g->more))))
			return FL_ENOMEM;
		if (g->count == 0)
			g->place = (fl__fold_place){f->line, f->column};
		else
			g->more[g->count - 1] =
			    (fl__fold_place){f->line, f->column};
	}
	g->count++;
	return count_rule(fo, f);
}

int fl__fold_build(fl__fold *fo, const fl_result *res)
{
	size_t n = fl_result_count(res);
	int error = 0;

	memset(fo, 0, sizeof(*fo));
	for (size_t i = 0; i < n && error == 0; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		error = f ? add(fo, f, i) : FL_EIO;
	}
	return error;
}

const fl__fold_group *fl__fold_find(const fl__fold *fo, const fl_finding *f)
{
	uint64_t h1, h2;
	size_t s;

	if (!fo->cap)
		return NULL;
	key_hash(&h1, &h2, f);
	s = slot_of(fo, h1, h2);
	return fo->groups[s].h2 ? &fo->groups[s] : NULL;
}

fl__fold_place fl__fold_place_at(const fl__fold_group *g, size_t k)
{
	return k == 0 ? g->place : g->more[k - 1];
}

void fl__fold_dispose(fl__fold *fo)
{
	for (size_t i = 0; i < fo->cap; i++)
		free(fo->groups[i].more);
	free(fo->groups);
	for (size_t k = 0; k < fo->rule_count; k++)
		free(fo->rules[k].rule);
	free(fo->rules);
	memset(fo, 0, sizeof(*fo));
}
