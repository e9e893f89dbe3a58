/*
 * name.inconsistent — one entity spelled several ways in one document
 * ("زوكربيرغ" here, "زوكربرج" there), where at least one of the spellings
 * is not a rendering the facts list (it was found across scripts, see
 * mentions_xlit.c). Listed renderings are all accepted and never disagree
 * with each other. Spellings compare by the last word (a surname alone
 * and the full name agree); a clitic does not make a new spelling. A warning at
 * the first use of each rarer spelling; `expected` is the commonest.
 */
#include "checks.h"
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_SPELLINGS_MAX 8

typedef struct {
	uint16_t key[FL_TOKEN_MAX];
	size_t n;
	uint32_t count;
	size_t first; /* mention index */
	bool xlit;
} spelling;

/* The match key of the last word of mention m (without a clitic) into s:
 * a surname alone and a full name then compare ("زوكربيرغ" in both). */
static bool mention_key(const fl__check_ctx *c, const fl__mention *m,
                        spelling *s)
{
	const fl__doc *d = c->doc;
	const fl__token *t = &d->tokens[m->tok_last];
	size_t skip = m->tok_first == m->tok_last ? m->start - t->start : 0;
	size_t n = t->keylen > skip ? t->keylen - skip : 0;
	if (n == 0 || n > FL_ARRAY_SIZE(s->key))
		return false;
	memcpy(s->key, fl__tok_key(d, t) + skip, n * sizeof(*s->key));
	s->n = n;
	return true;
}

/* One entity's spellings in text order (at most FL_SPELLINGS_MAX), with
 * the place and text of each one's first mention: the whole document's
 * in windowed checking, where they are gathered window after window. */
typedef struct {
	spelling sp[FL_SPELLINGS_MAX];
	fl__place first[FL_SPELLINGS_MAX];
	char *text[FL_SPELLINGS_MAX]; /* as the message quotes it */
	size_t ns;
	bool any_xlit;
} entity_spellings;

typedef struct {
	entity_spellings **by_entity; /* made when first spelled */
	size_t count;
} names_acc;

/* Frees a names_acc (fl__doc_state.acc). */
static void names_acc_free(void *p)
{
	names_acc *a = p;
	for (size_t e = 0; a && e < a->count; e++) {
		entity_spellings *es = a->by_entity[e];
		for (size_t k = 0; es && k < es->ns; k++) {
			fl__place_dispose(&es->first[k]);
			free(es->text[k]);
		}
		free(es);
	}
	if (a)
		free(a->by_entity);
	free(a);
}

/* Each entity's mentions in text order: head[e] and next[i] hold a
 * mention's index + 1, 0 at the end; so that an entity costs its own
 * mentions, not a look at every mention. */
typedef struct {
	uint32_t *head, *next;
} mention_chains;

/* Builds the chains of c's mentions. Returns 0 or FL_ENOMEM. */
static int chains_build(mention_chains *ch, const fl__check_ctx *c)
{
	size_t ne = c->facts->entity_count;
	ch->head = calloc(ne + 1, sizeof(*ch->head));
	ch->next = calloc(c->mention_count + 1, sizeof(*ch->next));
	if (!ch->head || !ch->next || c->mention_count >= UINT32_MAX)
		return FL_ENOMEM;
	for (size_t i = c->mention_count; i-- > 0;) {
		uint32_t e = c->mentions[i].entity;
		if (e >= ne)
			continue;
		ch->next[i] = ch->head[e];
		ch->head[e] = (uint32_t)i + 1;
	}
	return 0;
}

static void chains_dispose(mention_chains *ch)
{
	free(ch->head);
	free(ch->next);
}

/* Adds the counted mentions of entity e in this document (or window) to
 * es, following ch; places are taken only in windowed checking (keep).
 * Returns 0 or FL_ENOMEM. */
static int gather(const fl__check_ctx *c, const mention_chains *ch, uint32_t e,
                  entity_spellings *es, bool keep)
{
	for (uint32_t i1 = ch->head[e]; i1; i1 = ch->next[i1 - 1]) {
		size_t i = i1 - 1;
		const fl__mention *m = &c->mentions[i];
		spelling cur;
		size_t k;
		if (m->entity != e || !m->counted ||
		    c->doc->tokens[m->tok_first].script != c->lang->script ||
		    !mention_key(c, m, &cur))
			continue;
		for (k = 0; k < es->ns; k++)
			if (es->sp[k].n == cur.n &&
			    memcmp(es->sp[k].key, cur.key, cur.n * 2) == 0)
				break;
		if (k == es->ns) {
			if (es->ns == FL_SPELLINGS_MAX)
				continue;
			es->sp[k] = cur;
			es->sp[k].count = 0;
			es->sp[k].first = i;
			es->sp[k].xlit = false;
			if (keep) {
				char bt[256];
				fl__u16_to_utf8_buf(bt, sizeof(bt),
				                    c->doc->text + m->start,
				                    m->end - m->start);
				if (fl__check_place(&es->first[k], c, m->start,
				                    m->end) < 0)
					return FL_ENOMEM;
				if (!(es->text[k] = fl__strdup(bt))) {
					fl__place_dispose(&es->first[k]);
					return FL_ENOMEM;
				}
			}
			es->ns++;
		}
		es->sp[k].count++;
		es->sp[k].xlit |= m->xlit;
		es->any_xlit |= m->xlit;
	}
	return 0;
}

/* Reports entity e's rarer spellings (see the file comment). In windowed
 * checking (kept) the places and texts are es's, else the mentions'. */
static int report(fl__check_ctx *c, uint32_t e, const entity_spellings *es,
                  bool kept)
{
	size_t best = 0;
	int error = 0;

	if (es->ns < 2 || !es->any_xlit)
		return 0;
	for (size_t k = 1; k < es->ns; k++)
		if (es->sp[k].count > es->sp[best].count)
			best = k;
	for (size_t k = 0; k < es->ns && error == 0; k++) {
		const char *name = c->facts->entities[e].name;
		char bt[256];
		if (k == best)
			continue;
		if (kept) {
			error = fl__check_add_at(
			    c, "name.inconsistent", FL_SEVERITY_WARNING,
			    &es->first[k], es->text[best], es->text[best],
			    "'%s' is spelled %zu ways in this document; the "
			    "commonest is '%s' (%u times)",
			    name, es->ns, es->text[best], es->sp[best].count);
			continue;
		}
		const fl__mention *m = &c->mentions[es->sp[k].first];
		const fl__mention *b = &c->mentions[es->sp[best].first];
		fl__u16_to_utf8_buf(bt, sizeof(bt), c->doc->text + b->start,
		                    b->end - b->start);
		error = fl__check_add(
		    c, "name.inconsistent", FL_SEVERITY_WARNING, m->start,
		    m->end, bt, bt,
		    "'%s' is spelled %zu ways in this document; the commonest "
		    "is '%s' (%u times)",
		    name, es->ns, bt, es->sp[best].count);
	}
	return error;
}

/* Whether the check applies to the document at all. */
static bool applies(const fl__check_ctx *c)
{
	return c->idx && c->facts && c->lang->script >= 0 &&
	       !fl__script_is_cased(c->lang->script);
}

/* name.inconsistent: an entity spelled several ways in an uncased script;
 * in windows the spellings are gathered here and reported by
 * check_name_inconsistent_finish. Returns 0 or a negative code (message
 * in c->err). */
static int check_name_inconsistent(fl__check_ctx *c)
{
	entity_spellings *es = NULL;
	names_acc *acc = NULL;
	mention_chains ch = {NULL, NULL};
	int error = 0;

	if (!applies(c))
		return 0;
	if (chains_build(&ch, c) < 0) {
		chains_dispose(&ch);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	if (c->ds) {
		size_t ne = c->facts->entity_count;
		if (!(acc = c->ds->acc[FL__ACC_NAMES].p)) {
			if (!(acc = calloc(1, sizeof(*acc))) ||
			    !(acc->by_entity = calloc(
			          ne ? ne : 1, sizeof(*acc->by_entity)))) {
				free(acc);
				chains_dispose(&ch);
				return fl__fail(c->err, c->errlen, FL_ENOMEM,
				                "out of memory");
			}
			acc->count = ne;
			c->ds->acc[FL__ACC_NAMES].p = acc;
			c->ds->acc[FL__ACC_NAMES].free = names_acc_free;
		}
		for (size_t i = 0; i < c->mention_count && error == 0; i++) {
			uint32_t e = c->mentions[i].entity;
			if (e >= ne || acc->by_entity[e])
				continue;
			if (!(acc->by_entity[e] = calloc(1, sizeof(*es))))
				error = FL_ENOMEM;
		}
		for (uint32_t e = 0; e < ne && error == 0; e++)
			if (acc->by_entity[e])
				error =
				    gather(c, &ch, e, acc->by_entity[e], true);
		chains_dispose(&ch);
		if (error == FL_ENOMEM)
			return fl__fail(c->err, c->errlen, error,
			                "out of memory");
		return error;
	}
	if (!(es = malloc(sizeof(*es)))) {
		chains_dispose(&ch);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	for (uint32_t e = 0; e < c->facts->entity_count && error == 0; e++) {
		if (!ch.head[e])
			continue; /* not named: no spellings */
		memset(es, 0, sizeof(*es));
		if ((error = gather(c, &ch, e, es, false)) == 0)
			error = report(c, e, es, false);
	}
	free(es);
	chains_dispose(&ch);
	return error;
}

/* Windowed checking, after the last window: the rarer spellings of
 * every entity, at their first use. */
static int check_name_inconsistent_finish(fl__check_ctx *c)
{
	names_acc *acc = c->ds->acc[FL__ACC_NAMES].p;
	int error = 0;
	if (!acc || !applies(c))
		return 0;
	for (uint32_t e = 0; e < acc->count && error == 0; e++)
		if (acc->by_entity[e])
			error = report(c, e, acc->by_entity[e], true);
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("name.inconsistent", FL_SEVERITY_WARNING, FL__W, NULL,
             "One entity spelled several ways in one document "
             "(\"زوكربيرغ\" and \"زوكربرج\").",
             "In Arabic or Hebrew, an entity's Latin name is found in the "
             "document's script by transliteration and consonant "
             "skeletons when the facts list no rendering. When the "
             "document spells it in more than one way, and at least one "
             "spelling is not a listed rendering, each rarer spelling is "
             "reported with the commonest as expected."),
};

const fl__check_desc fl__check_name_inconsistent =
    FL__CHECK_DESC_DOC("name_inconsistent", rules,
                       FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                       check_name_inconsistent, check_name_inconsistent_finish);
