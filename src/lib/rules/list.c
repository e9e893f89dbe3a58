/*
 * Rule lists for fl_checker_rules: the rules of the registry of checks
 * (checks/registry.c), then the rules of the packs, each described by an
 * fl_rule_info that borrows from the registry's static descriptions or
 * from the list's own copy of the packs.
 */
#include "../checks/registry.h"
#include "../lang/tag.h"
#include "../util/buf.h"
#include "pack.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

struct fl_rule_list {
	fl__ruleset set; /* the pack rules the infos borrow from */
	fl_rule_info *items;
	char **conditions; /* per item, owned; NULL when none */
	size_t count;
};

void fl_rule_list_free(fl_rule_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; list->conditions && i < list->count; i++)
		free(list->conditions[i]);
	free(list->conditions);
	free(list->items);
	fl__ruleset_dispose(&list->set);
	free(list);
}

size_t fl_rule_list_count(const fl_rule_list *list)
{
	return list ? list->count : 0;
}

const fl_rule_info *fl_rule_list_get(const fl_rule_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}

const fl_rule_info *fl_rule_list_find(const fl_rule_list *list, const char *id)
{
	for (size_t i = 0; list && id && i < list->count; i++)
		if (strcmp(list->items[i].id, id) == 0)
			return &list->items[i];
	return NULL;
}

static int strv_words(fl_buf *b, const char *what, const fl__strv *v)
{
	if (v->count == 0)
		return 0;
	if (fl_buf_printf(b, "%s%s:", b->len ? "; " : "", what) < 0)
		return FL_ENOMEM;
	for (size_t i = 0; i < v->count; i++)
		if (fl_buf_printf(b, "%s %s", i ? "," : "", v->items[i]) < 0)
			return FL_ENOMEM;
	return 0;
}

/* The rule's conditions in words, "" when none. */
static int conditions(fl_buf *b, const fl__rule *r)
{
	if (strv_words(b, "facts lack entity", &r->lack_entity) < 0 ||
	    strv_words(b, "facts have entity", &r->have_entity) < 0 ||
	    (r->entity_matching &&
	     fl_buf_printf(b, "%sfacts have an entity matching /%s/",
	                   b->len ? "; " : "", r->entity_matching) < 0) ||
	    strv_words(b, "facts have term", &r->have_term) < 0 ||
	    strv_words(b, "lang", &r->langs) < 0)
		return FL_ENOMEM;
	return 0;
}

/* The item of l->items[0, n) with this id, or NULL. */
static fl_rule_info *find_item(fl_rule_list *l, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}

/*
 * Appends the rules of the registry's descriptors to l (room for them
 * reserved), one item per id: a rule two checks report (name.garbled,
 * also across scripts) gets the severities of both, and the description
 * and shown severity of the one that describes it.
 */
static void add_builtin(fl_rule_list *l, const fl__check_desc *const *reg,
                        size_t nreg)
{
	for (size_t d = 0; d < nreg; d++)
		for (size_t k = 0; k < reg[d]->rule_count; k++) {
			const fl__check_rule *r = &reg[d]->rules[k];
			fl_rule_info *it = find_item(l, l->count, r->id);
			if (!it) {
				it = &l->items[l->count++];
				memset(it, 0, sizeof(*it));
				it->id = r->id;
				it->origin = FL_RULE_BUILTIN;
			}
			it->severity_set |= r->severities;
		}
	/* Once the sets are whole, the describing entries' words. */
	for (size_t d = 0; d < nreg; d++)
		for (size_t k = 0; k < reg[d]->rule_count; k++) {
			const fl__check_rule *r = &reg[d]->rules[k];
			fl_rule_info *it = find_item(l, l->count, r->id);
			if (!r->summary)
				continue;
			it->severity = r->shown;
			it->message = r->summary;
			it->rationale = r->rationale;
			it->severities =
			    r->words ? r->words
			             : fl__severity_set_words(it->severity_set);
		}
}

int fl__rule_list_build(fl_rule_list **out, const char *data_dir,
                        const char *tag, char *err, size_t errlen)
{
	fl_rule_list *l;
	const fl__check_desc *const *reg;
	size_t nreg, nb = 0, cap;
	int error;

	*out = NULL;
	if (!(l = calloc(1, sizeof(*l))))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	error = !data_dir ? 0
	        : tag
	            ? fl__ruleset_load_lang(&l->set, data_dir, tag, err, errlen)
	            : fl__ruleset_load_all(&l->set, data_dir, err, errlen);
	if (error < 0)
		goto cleanup;
	reg = fl__checks_registry(&nreg);
	for (size_t d = 0; d < nreg; d++)
		nb += reg[d]->rule_count;
	if (fl__add_overflow(nb, l->set.count, &cap) ||
	    !(l->items =
	          fl__reallocarray(NULL, cap ? cap : 1, sizeof(*l->items))) ||
	    !(l->conditions = calloc(cap ? cap : 1, sizeof(*l->conditions))))
		goto nomem;
	add_builtin(l, reg, nreg);
	for (size_t i = 0; i < l->set.count; i++) {
		const fl__rule *r = &l->set.rules[i];
		fl_rule_info *it;
		fl_buf cond = FL_BUF_INIT;
		if (tag && !fl__rule_applies_to(r, tag))
			continue;
		it = &l->items[l->count];
		memset(it, 0, sizeof(*it));
		if (conditions(&cond, r) < 0) {
			fl_buf_dispose(&cond);
			goto nomem;
		}
		l->conditions[l->count] =
		    cond.len ? fl_buf_detach(&cond) : NULL;
		fl_buf_dispose(&cond);
		it->id = r->id;
		it->severity = r->severity;
		it->severities = fl_severity_name(r->severity);
		it->severity_set = FL__SEV(r->severity);
		it->origin = FL_RULE_PACK;
		it->pack = r->pack;
		it->path = r->path;
		it->line = r->line;
		it->message = r->message;
		it->rationale = r->rationale;
		it->suggestion = r->suggestion;
		it->pattern = r->pattern;
		it->conditions = l->conditions[l->count];
		it->match_examples = (const char *const *)r->ex_match.items;
		it->match_count = r->ex_match.count;
		it->no_match_examples =
		    (const char *const *)r->ex_no_match.items;
		it->no_match_count = r->ex_no_match.count;
		l->count++;
	}
	*out = l;
	return 0;
nomem:
	error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
cleanup:
	fl_rule_list_free(l);
	return error;
}
