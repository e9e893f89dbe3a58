/*
 * The one list of checks, in the order they run: the mention passes
 * first (the name checks read their mentions), then the name checks,
 * spelling (which skips the words mentions claimed), repetition, numbers,
 * terms and the rule packs; last the per-segment checks, which
 * fl_check_segments runs on every segment with an original.
 */
#include "registry.h"

#include "checks.h"

#include <stdlib.h>
#include <string.h>

static const fl__check_desc *const registry[] = {
    &fl__check_mentions,          &fl__check_mentions_xlit,
    &fl__check_mentions_respell,  &fl__check_name_case,
    &fl__check_name_missing,      &fl__check_name_garbled,
    &fl__check_name_garbled_xlit, &fl__check_name_inconsistent,
    &fl__check_name_literal,      &fl__check_spell_unknown,
    &fl__check_text_repeated,     &fl__check_numbers,
    &fl__check_term_forbidden,    &fl__check_term_missing,
    &fl__check_rule_packs,        &fl__check_placeholders,
};

const fl__check_desc *const *fl__checks_registry(size_t *count)
{
	*count = FL_ARRAY_SIZE(registry);
	return registry;
}

const char *fl__severity_set_words(unsigned set)
{
	/* Indexed by the set's info, warning and error bits. */
	static const char *const words[8] = {
	    "none",
	    "info",
	    "warning",
	    "warning / info",
	    "error",
	    "error / info",
	    "error / warning",
	    "error / warning / info",
	};
	unsigned i = (set & FL__I ? 1u : 0u) | (set & FL__W ? 2u : 0u) |
	             (set & FL__E ? 4u : 0u);
	return words[i];
}

/* Whether descriptor d runs in the pass of windowed checking: the first
 * passes only find mentions (and name.case decides which count). */
static bool runs_in_pass(const fl__check_desc *d, int pass)
{
	if (pass == FL__PASS_CHECK)
		return true;
	return (d->needs & FL__FINDS_MENTIONS) ||
	       (pass == FL__PASS_COUNT && d == &fl__check_name_case);
}

int fl__checks_run(fl__check_ctx *c)
{
	int pass = c->ds ? c->ds->pass : FL__PASS_CHECK;
	int error = 0;
	for (size_t i = 0; i < FL_ARRAY_SIZE(registry); i++) {
		if (!registry[i]->run || !runs_in_pass(registry[i], pass))
			continue;
		if ((error = registry[i]->run(c)) < 0)
			break;
	}
	/* What the run's checks shared is the run's. */
	if (c->shared.p && c->shared.free)
		c->shared.free(c->shared.p);
	c->shared.p = NULL;
	c->shared.free = NULL;
	if (error < 0)
		return error;
	if (!c->ds)
		fl__result_sort(c->res);
	return 0;
}

int fl__checks_finish(fl__check_ctx *c)
{
	for (size_t i = 0; i < FL_ARRAY_SIZE(registry); i++) {
		int error;
		if (!registry[i]->finish)
			continue;
		if ((error = registry[i]->finish(c)) < 0)
			return error;
	}
	fl__result_sort(c->res);
	return 0;
}

void fl__doc_state_dispose(fl__doc_state *ds)
{
	for (size_t i = 0; i < FL__ACC_COUNT; i++)
		if (ds->acc[i].p && ds->acc[i].free)
			ds->acc[i].free(ds->acc[i].p);
	free(ds->full);
	free(ds->found);
	free(ds->present);
	free(ds->singles);
	memset(ds, 0, sizeof(*ds));
}

int fl__segment_checks_run(fl_result *res, const fl_segment *seg)
{
	for (size_t i = 0; i < FL_ARRAY_SIZE(registry); i++) {
		int error;
		if (!registry[i]->run_segment)
			continue;
		if ((error = registry[i]->run_segment(res, seg)) < 0)
			return error;
	}
	return 0;
}
