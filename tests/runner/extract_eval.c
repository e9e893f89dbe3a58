/*
 * Measures `fidelint extract` (fl_extract_buffer):
 *
 *   extract_eval story ORIGINAL EXPECTED.yaml
 *       the story written from the bundled facts: every expected entity
 *       and number must come out (recall 1, with the entity's count), and
 *       at most 10 % of what comes out may be unexpected.
 *   extract_eval gold TEXT GOLD.tsv MIN_PRECISION MIN_RECALL
 *       NTREX lines with hand-marked entities: precision and recall of the
 *       distinct entity names against the gold spans (a person's surname
 *       alone counts as the person), printed, and checked against the two
 *       thresholds.
 *
 * Names compare case-insensitively. Prints "N passed, N failed".
 */
#include "facts/facts.h"

#include <fidelint/fidelint.h>

#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static fl_facts *extract(fl_checker *chk, const char *path)
{
	char *yaml = NULL;
	size_t len = 0;
	fl_facts *f = NULL;
	if (fl_extract_file(&yaml, &len, chk, path, "en") < 0) {
		fprintf(stderr, "extract: %s\n", fl_checker_error(chk));
		return NULL;
	}
	if (fl_facts_new(&f) < 0 ||
	    fl_facts_load_buffer(f, "extracted", yaml, len) < 0) {
		fprintf(stderr, "extracted facts do not load: %s\n%s\n",
		        f ? fl_facts_error(f) : "", yaml);
		fl_facts_free(f);
		f = NULL;
	}
	free(yaml);
	return f;
}

static const fl__entity *find_entity(const fl_facts *f, const char *name)
{
	for (size_t i = 0; i < f->entity_count; i++) {
		if (strcasecmp(f->entities[i].name, name) == 0)
			return &f->entities[i];
		for (size_t a = 0; a < f->entities[i].alias_count; a++)
			if (strcasecmp(f->entities[i].aliases[a], name) == 0)
				return &f->entities[i];
	}
	return NULL;
}

/* A currency, percent or unit of measure or time ("USD", "month"). */
static bool fl_unit_known(const char *u)
{
	static const char *const units[] = {
	    "USD", "EUR",   "GBP", "percent", "year", "month", "week",
	    "day", "hour",  "ft",  "feet",    "mile", "km",    "kg",
	    "lb",  "pound", "m",   "minute",  NULL};
	for (size_t i = 0; units[i]; i++)
		if (strcasecmp(u, units[i]) == 0)
			return true;
	return false;
}

/* Does got hold a number that renders expected number e? */
static bool has_number(const fl_facts *got, const fl__number *e)
{
	const char *eu = e->unit ? e->unit : "";
	for (size_t i = 0; i < got->number_count; i++) {
		const fl__number *g = &got->numbers[i];
		const char *gu = g->unit ? g->unit : "";
		/* a counted noun (people, stints) is a reviewer's help, not
		 * a unit: only units that change the meaning compare */
		bool noun = !fl_unit_known(eu);
		if (g->shape == e->shape && g->value == e->value &&
		    g->value2 == e->value2 && (noun || strcasecmp(gu, eu) == 0))
			return true;
	}
	/* a range of days of a month: the dates with those days */
	if (e->shape == FL_NUMSHAPE_RANGE && strcmp(eu, "day") == 0) {
		bool lo = false, hi = false;
		for (size_t i = 0; i < got->number_count; i++) {
			const fl__number *g = &got->numbers[i];
			lo |=
			    g->shape == FL_NUMSHAPE_DATE && g->day == e->value;
			hi |=
			    g->shape == FL_NUMSHAPE_DATE && g->day == e->value2;
		}
		return lo && hi;
	}
	return false;
}

static int story(fl_checker *chk, const char *orig, const char *expected)
{
	fl_facts *got = extract(chk, orig), *want = NULL;
	size_t passed = 0, failed = 0, extra = 0;
	if (!got || fl_facts_new(&want) < 0 ||
	    fl_facts_load_file(want, expected) < 0) {
		fprintf(stderr, "cannot load %s\n", expected);
		return 2;
	}
	for (size_t i = 0; i < want->entity_count; i++) {
		const fl__entity *w = &want->entities[i];
		const fl__entity *g = find_entity(got, w->name);
		if (g && g->count == w->count) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "entity %s (%ld): %s %ld\n", w->name,
			        w->count, g ? "counted" : "missing",
			        g ? g->count : 0L);
		}
	}
	for (size_t i = 0; i < got->entity_count; i++)
		if (!find_entity(want, got->entities[i].name)) {
			extra++;
			fprintf(stderr, "unexpected entity %s\n",
			        got->entities[i].name);
		}
	for (size_t i = 0; i < want->number_count; i++) {
		if (has_number(got, &want->numbers[i])) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "number %s %s missing\n",
			        want->numbers[i].raw,
			        want->numbers[i].unit ? want->numbers[i].unit
			                              : "");
		}
	}
	if (extra * 10 > want->entity_count) {
		fprintf(stderr, "%zu unexpected entities\n", extra);
		failed++;
	}
	fprintf(stderr,
	        "story: %zu expected entities and %zu numbers, %zu missed or "
	        "miscounted, %zu unexpected entities\n",
	        want->entity_count, want->number_count, failed, extra);
	printf("%zu passed, %zu failed\n", passed, failed);
	fl_facts_free(got);
	fl_facts_free(want);
	return failed ? 1 : 0;
}

/* Is s a gold span, or the last word of a gold person? */
static bool gold_has(char **spans, char **kinds, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		const char *sp = strrchr(spans[i], ' ');
		if (strcasecmp(spans[i], s) == 0 ||
		    (strcmp(kinds[i], "person") == 0 && sp &&
		     strcasecmp(sp + 1, s) == 0))
			return true;
	}
	return false;
}

static int gold(fl_checker *chk, const char *text, const char *tsv,
                double min_p, double min_r)
{
	fl_facts *got = extract(chk, text);
	size_t len, n = 0, cap = 0, tp = 0, found = 0, distinct = 0;
	char *data = runner_slurp(tsv, &len), *line, *save = NULL;
	char **spans = NULL, **kinds = NULL;
	double p, r;

	if (!got || !data)
		return 2;
	strtok_r(data, "\n", &save);
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *f1 = strchr(line, '\t'), *f2, *f3;
		if (!f1 || !(f2 = strchr(f1 + 1, '\t')))
			continue;
		*f2 = '\0';
		f3 = strchr(f2 + 1, '\t');
		if (f3)
			*f3 = '\0';
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			spans = realloc(spans, cap * sizeof(*spans));
			kinds = realloc(kinds, cap * sizeof(*kinds));
			if (!spans || !kinds)
				return 2;
		}
		spans[n] = f1 + 1;
		kinds[n] = f2 + 1;
		n++;
	}
	/* precision: extracted names that are gold */
	for (size_t i = 0; i < got->entity_count; i++)
		tp += gold_has(spans, kinds, n, got->entities[i].name);
	/* recall: distinct gold spans extracted (as a name or an alias, or
	 * as the surname of an extracted person) */
	for (size_t i = 0; i < n; i++) {
		bool dup = false, hit = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = strcasecmp(spans[k], spans[i]) == 0;
		if (dup)
			continue;
		distinct++;
		hit = find_entity(got, spans[i]) != NULL;
		for (size_t e = 0; e < got->entity_count && !hit; e++) {
			const char *sp = strrchr(got->entities[e].name, ' ');
			hit = got->entities[e].kind == FL_KIND_PERSON && sp &&
			      strcasecmp(sp + 1, spans[i]) == 0;
		}
		if (!hit)
			fprintf(stderr, "not extracted: %s (%s)\n", spans[i],
			        kinds[i]);
		found += hit;
	}
	for (size_t i = 0; i < got->entity_count; i++)
		if (!gold_has(spans, kinds, n, got->entities[i].name))
			fprintf(stderr, "not gold: %s\n",
			        got->entities[i].name);
	p = got->entity_count ? (double)tp / (double)got->entity_count : 0;
	r = distinct ? (double)found / (double)distinct : 0;
	fprintf(stderr,
	        "gold: %zu extracted, %zu gold; precision %.3f, recall %.3f "
	        "(thresholds %.2f, %.2f)\n",
	        got->entity_count, distinct, p, r, min_p, min_r);
	printf("%d passed, %d failed\n", (p >= min_p) + (r >= min_r),
	       (p < min_p) + (r < min_r));
	free(spans);
	free(kinds);
	free(data);
	fl_facts_free(got);
	return p >= min_p && r >= min_r ? 0 : 1;
}

int main(int argc, char **argv)
{
	fl_checker *chk = NULL;
	int rc = 2;
	if (fl_checker_new(&chk, NULL) < 0) {
		fprintf(stderr, "extract_eval: no checker\n");
		return 2;
	}
	if (argc == 4 && strcmp(argv[1], "story") == 0)
		rc = story(chk, argv[2], argv[3]);
	else if (argc == 6 && strcmp(argv[1], "gold") == 0)
		rc = gold(chk, argv[2], argv[3], atof(argv[4]), atof(argv[5]));
	else
		fprintf(stderr, "usage: extract_eval story ORIG EXPECTED | "
		                "gold TEXT GOLD.tsv MIN_P MIN_R\n");
	fl_checker_free(chk);
	return rc;
}
