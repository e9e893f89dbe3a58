/*
 * Rule lists for fl_checker_rules: the built-in table followed by the
 * rules of the packs, each described by an fl_rule_info that borrows from
 * the list's own copy of the packs.
 */
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

static const char *severity_word(fl_severity s)
{
	return fl_severity_name(s);
}

int fl__rule_list_build(fl_rule_list **out, const char *data_dir,
                        const char *tag, char *err, size_t errlen)
{
	fl_rule_list *l;
	const fl_rule_info *b;
	size_t nb, cap;
	int error;

	*out = NULL;
	if (!(l = calloc(1, sizeof(*l))))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	error = tag ? fl__ruleset_load_lang(&l->set, data_dir, tag, err, errlen)
	            : fl__ruleset_load_all(&l->set, data_dir, err, errlen);
	if (error < 0)
		goto cleanup;
	b = fl__builtin_rules(&nb);
	if (fl__add_overflow(nb, l->set.count, &cap) ||
	    !(l->items =
	          fl__reallocarray(NULL, cap ? cap : 1, sizeof(*l->items))) ||
	    !(l->conditions = calloc(cap ? cap : 1, sizeof(*l->conditions))))
		goto nomem;
	for (size_t i = 0; i < nb; i++)
		l->items[l->count++] = b[i];
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
		it->severities = severity_word(r->severity);
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
