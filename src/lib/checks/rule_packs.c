/*
 * The rules of the rule packs (rules/packs/<lang>.yaml): each rule's
 * pattern is searched in the whole document and every match whose
 * conditions hold is a finding under the rule's own id. Matches in URLs,
 * e-mail addresses, @handles and inside entity names of the facts are
 * left alone.
 *
 * Conditions without facts: facts_lack_entity holds (no entity is
 * known, so none is present: "منظمة العفو الدولية" for "AI" is reported
 * in a document checked without facts), facts_have_entity,
 * facts_have_entity_matching and facts_have_term do not.
 */
#include "checks.h"
#include "pattern_scan.h"
#include "registry.h"

#include <string.h>

/* True when an entity of the facts is named s (its name or an alias,
 * ASCII case ignored). */
static bool facts_name(const fl_facts *f, const char *s)
{
	for (size_t i = 0; f && i < f->entity_count; i++) {
		const fl__entity *e = &f->entities[i];
		if (fl__ascii_casecmp(e->name, s) == 0)
			return true;
		for (size_t j = 0; j < e->alias_count; j++)
			if (fl__ascii_casecmp(e->aliases[j], s) == 0)
				return true;
	}
	return false;
}

static bool facts_name_matching(const fl_facts *f, const fl_regexp *re)
{
	for (size_t i = 0; f && i < f->entity_count; i++) {
		const fl__entity *e = &f->entities[i];
		if (fl_regexp_search(re, e->name, strlen(e->name), 0, NULL,
		                     NULL) == 1)
			return true;
		for (size_t j = 0; j < e->alias_count; j++)
			if (fl_regexp_search(re, e->aliases[j],
			                     strlen(e->aliases[j]), 0, NULL,
			                     NULL) == 1)
				return true;
	}
	return false;
}

static bool facts_term(const fl_facts *f, const char *s)
{
	for (size_t i = 0; f && i < f->term_count; i++)
		if (fl__ascii_casecmp(f->terms[i].source, s) == 0)
			return true;
	return false;
}

/* True when every condition of rule r holds for this document. */
static bool conditions_hold(const fl__check_ctx *c, const fl__rule *r)
{
	const fl_facts *f = c->facts;
	bool any;

	if (!fl__rule_applies_to(r, c->lang->profile->tag))
		return false;
	for (size_t i = 0; i < r->lack_entity.count; i++)
		if (facts_name(f, r->lack_entity.items[i]))
			return false;
	if (r->have_entity.count) {
		any = false;
		for (size_t i = 0; i < r->have_entity.count && !any; i++)
			any = facts_name(f, r->have_entity.items[i]);
		if (!any)
			return false;
	}
	if (r->have_term.count) {
		any = false;
		for (size_t i = 0; i < r->have_term.count && !any; i++)
			any = facts_term(f, r->have_term.items[i]);
		if (!any)
			return false;
	}
	if (r->entity_re && !facts_name_matching(f, r->entity_re))
		return false;
	return true;
}

static int report(fl__check_ctx *c, size_t s, size_t e, void *arg)
{
	const fl__rule *r = arg;
	return fl__check_add(c, r->id, r->severity, s, e, NULL, r->suggestion,
	                     "%s", r->message);
}

/* The rules of the language's packs whose conditions hold. Returns 0 or a
 * negative code (message in c->err). */
static int check_rule_packs(fl__check_ctx *c)
{
	fl__scan_text t;
	int error = 0;

	if (!c->rules || c->rules->count == 0)
		return 0;
	if ((error = fl__scan_text_init(&t, c->doc)) < 0) {
		fl__scan_text_dispose(&t);
		return fl__fail(c->err, c->errlen, error, "%s",
		                error == FL_ENOMEM ? "out of memory"
		                                   : "document too large for "
		                                     "the rule packs");
	}
	for (size_t i = 0; i < c->rules->count && error == 0; i++) {
		const fl__rule *r = &c->rules->rules[i];
		if (!conditions_hold(c, r))
			continue;
		error = fl__scan_matches(c, &t, r->re, report, (void *)r);
		if (error == FL_ELIMIT) {
			fl__fail(c->err, c->errlen, error,
			         "the pattern of rule %s (%s:%zu) %s; the rule "
			         "was not checked here",
			         r->id, r->path, r->line, FL__SCAN_LIMIT_TEXT);
			error = fl__scan_limit_finding(c, r->id, r->severity,
			                               r->id);
		} else if (error < 0 && error != FL_ENOMEM)
			error = fl__fail(c->err, c->errlen, error,
			                 "rule %s (%s:%zu): the pattern failed "
			                 "on this document (%s)",
			                 r->id, r->path, r->line,
			                 fl_error_name(error));
	}
	fl__scan_text_dispose(&t);
	return error;
}

/* Its findings carry the ids and severities of the pack rules (data,
 * listed by fl_checker_rules after the built-in rules). */
const fl__check_desc fl__check_rule_packs = {
    .name = "rule_packs",
    .needs = FL__NEEDS_PACKS | FL__NEEDS_PROFILE,
    .run = check_rule_packs,
};
