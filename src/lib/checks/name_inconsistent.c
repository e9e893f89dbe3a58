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

/* name.inconsistent: an entity spelled several ways in an uncased script.
 * Returns 0 or a negative code (message in c->err). */
static int check_name_inconsistent(fl__check_ctx *c)
{
	spelling *sp = NULL;
	/* Each entity's mentions in text order (first + 1 per entity, next
	 * + 1 per mention), so that an entity costs its own mentions, not a
	 * look at every mention. */
	uint32_t *head = NULL, *next = NULL;
	int error = 0;

	if (!c->idx || !c->facts || c->lang->script < 0 ||
	    fl__script_is_cased(c->lang->script))
		return 0;
	sp = calloc(FL_SPELLINGS_MAX, sizeof(*sp));
	head = calloc(c->facts->entity_count + 1, sizeof(*head));
	next = calloc(c->mention_count + 1, sizeof(*next));
	if (!sp || !head || !next) {
		free(sp);
		free(head);
		free(next);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	for (size_t i = c->mention_count; i-- > 0;) {
		uint32_t e = c->mentions[i].entity;
		if (e >= c->facts->entity_count)
			continue;
		next[i] = head[e];
		head[e] = (uint32_t)i + 1;
	}
	for (uint32_t e = 0; e < c->facts->entity_count && error == 0; e++) {
		size_t ns = 0, best = 0;
		bool any_xlit = false;
		for (uint32_t i1 = head[e]; i1; i1 = next[i1 - 1]) {
			size_t i = i1 - 1;
			const fl__mention *m = &c->mentions[i];
			spelling cur;
			size_t k;
			if (m->entity != e || !m->counted ||
			    c->doc->tokens[m->tok_first].script !=
			        c->lang->script ||
			    !mention_key(c, m, &cur))
				continue;
			for (k = 0; k < ns; k++)
				if (sp[k].n == cur.n &&
				    memcmp(sp[k].key, cur.key, cur.n * 2) == 0)
					break;
			if (k == ns) {
				if (ns == FL_SPELLINGS_MAX)
					continue;
				sp[ns] = cur;
				sp[ns].count = 0;
				sp[ns].first = i;
				sp[ns].xlit = false;
				ns++;
			}
			sp[k].count++;
			sp[k].xlit |= m->xlit;
			any_xlit |= m->xlit;
		}
		if (ns < 2 || !any_xlit)
			continue;
		for (size_t k = 1; k < ns; k++)
			if (sp[k].count > sp[best].count)
				best = k;
		for (size_t k = 0; k < ns && error == 0; k++) {
			const fl__mention *m = &c->mentions[sp[k].first];
			const fl__mention *b = &c->mentions[sp[best].first];
			char bt[256];
			if (k == best)
				continue;
			fl__u16_to_utf8_buf(bt, sizeof(bt),
			                    c->doc->text + b->start,
			                    b->end - b->start);
			error = fl__check_add(
			    c, "name.inconsistent", FL_SEVERITY_WARNING,
			    m->start, m->end, bt, bt,
			    "'%s' is spelled %zu ways in this document; the "
			    "commonest is '%s' (%u times)",
			    c->facts->entities[e].name, ns, bt, sp[best].count);
		}
	}
	free(sp);
	free(head);
	free(next);
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
    FL__CHECK_DESC("name_inconsistent", rules,
                   FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                   check_name_inconsistent, NULL);
