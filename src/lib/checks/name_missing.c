/*
 * name.missing — an entity of the original that a full translation never
 * names in any accepted form (error), or names far less often than the
 * original (fewer than a third of its mentions: warning). Off with
 * --partial, where leaving things out is the point. In aligned checking a
 * segment may name an entity by a pronoun, or the translator may move it
 * to the next segment: there the absence is a warning.
 */
#include "checks.h"

int fl__check_name_missing(fl__check_ctx *c)
{
	fl__mentions_tally(c);
	if (c->partial || !c->facts)
		return 0;
	fl_severity sev = c->aligned ? FL_SEVERITY_WARNING : FL_SEVERITY_ERROR;
	for (uint32_t e = 0; e < c->facts->entity_count; e++) {
		const fl__entity *en = &c->facts->entities[e];
		int error = 0;
		if (c->found[e] == 0) {
			if (en->count > 0)
				error = fl__check_add_placeless(
				    c, "name.missing", sev, en->name, en->name,
				    "'%s' (%s) is named %ld time%s in the "
				    "original but "
				    "nowhere in this translation",
				    en->name, fl_entity_kind_name(en->kind),
				    en->count, en->count == 1 ? "" : "s");
			else
				error = fl__check_add_placeless(
				    c, "name.missing", sev, en->name, en->name,
				    "'%s' (%s) is named in the original but "
				    "nowhere in this "
				    "translation",
				    en->name, fl_entity_kind_name(en->kind));
		} else if (en->count > 0 && (long)c->found[e] * 3 < en->count) {
			error = fl__check_add_placeless(
			    c, "name.missing", FL_SEVERITY_WARNING, en->name,
			    en->name,
			    "'%s' is named %u time%s here but %ld times in the "
			    "original",
			    en->name, c->found[e], c->found[e] == 1 ? "" : "s",
			    en->count);
		}
		if (error < 0)
			return error;
	}
	return 0;
}
