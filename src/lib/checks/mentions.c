/*
 * Finds where the document names an entity of the facts: longest form
 * first, tokens compared by match key (so case differences still match and
 * name.case can report them), clitics of the language stripped from the
 * first word when the bare word is no name.
 */
#include "checks.h"
#include "registry.h"

#include <stdlib.h>
#include <string.h>

static bool same_key(const fl__index *idx, const fl__form_tok *ft,
                     const uint16_t *k, size_t n)
{
	return ft->keylen == n &&
	       memcmp(fl__index_str(idx, ft->key), k, n * sizeof(*k)) == 0;
}

/* Length of an ending of the language that key k[0,n) carries after form
 * word ft ("Zuckerbergs" = "Zuckerberg" + "s"), or 0. */
static size_t ending(const fl__check_ctx *c, const fl__form_tok *ft,
                     const uint16_t *k, size_t n)
{
	const fl__lang_res *L = c->lang;
	if (n <= ft->keylen ||
	    memcmp(fl__index_str(c->idx, ft->key), k, ft->keylen * 2) != 0)
		return 0;
	for (size_t i = 0; i < L->suffixes.count; i++)
		if (L->suffixes.lens[i] == n - ft->keylen &&
		    memcmp(k + ft->keylen, L->suffixes.keys[i],
		           L->suffixes.lens[i] * 2) == 0)
			return L->suffixes.lens[i];
	return 0;
}

/* Number of tokens of form f matching from token i (first token's key
 * given separately because of clitics), or 0. *sfx gets the length of an
 * ending on the last token. */
static uint32_t match_form(const fl__check_ctx *c, const fl__form *f, size_t i,
                           const uint16_t *k0, size_t n0, size_t *sfx)
{
	const fl__doc *d = c->doc;
	const fl__index *idx = c->idx;
	*sfx = 0;
	if (i + f->ntok > d->token_count)
		return 0;
	for (uint32_t j = 0; j < f->ntok; j++) {
		const fl__token *t = &d->tokens[i + j];
		const fl__form_tok *ft = &idx->toks[f->tok + j];
		const uint16_t *k = j ? fl__tok_key(d, t) : k0;
		size_t n = j ? t->keylen : n0;
		if (j && !fl__doc_gap_equals(
		             d, d->tokens[i + j - 1].end, t->start,
		             fl__index_str(idx, ft->gap), ft->gaplen))
			return 0;
		if (same_key(idx, ft, k, n))
			continue;
		if (j + 1 < f->ntok || !(*sfx = ending(c, ft, k, n)))
			return 0;
	}
	return f->ntok;
}

/* The longest form matching at token i; FL_INDEX_NONE when none. */
static uint32_t longest_at(const fl__check_ctx *c, size_t i, const uint16_t *k0,
                           size_t n0, size_t *sfx)
{
	uint32_t best = FL_INDEX_NONE, bestn = 0;
	size_t s;
	uint32_t f;
	*sfx = 0;
	/* An ending on a one-word form hides its first key: look the token
	 * up without each ending too. */
	for (size_t e = 0; e <= c->lang->suffixes.count; e++) {
		size_t cut = e ? c->lang->suffixes.lens[e - 1] : 0;
		if (cut >= n0)
			continue;
		if (e && memcmp(k0 + n0 - cut, c->lang->suffixes.keys[e - 1],
		                cut * 2) != 0)
			continue;
		for (f = fl__index_first(c->idx, k0, n0 - cut);
		     f != FL_INDEX_NONE; f = c->idx->forms[f].next) {
			uint32_t n =
			    match_form(c, &c->idx->forms[f], i, k0, n0, &s);
			if (n > bestn) {
				bestn = n;
				best = f;
				*sfx = s;
			}
		}
		if (best != FL_INDEX_NONE)
			break;
	}
	return best;
}

/* The first mention pass (no rule): allocates c->found and c->claimed and
 * finds the entities' forms as written. Returns 0 or FL_ENOMEM (message in
 * c->err). */
static int find_mentions(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	size_t ne = c->facts ? c->facts->entity_count : 0;

	c->found = calloc(ne ? ne : 1, sizeof(*c->found));
	c->claimed = calloc(d->token_count ? d->token_count : 1, 1);
	if (!c->found || !c->claimed)
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	if (!c->idx)
		return 0;

	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		size_t n = t->keylen, pl = 0, sfx = 0;
		uint32_t f;
		size_t last;

		if (n == 0 || (t->flags & FL_TOKF_MASKED))
			continue;
		f = longest_at(c, i, k, n, &sfx);
		/* Every clitic that fits, longest first: "שמטא" is ש + מטא even
		 * though שמ is a clitic too. */
		for (size_t p = 0;
		     f == FL_INDEX_NONE && t->script == c->lang->script &&
		     p < c->lang->prefixes.count;
		     p++) {
			pl = c->lang->prefixes.lens[p];
			if (pl + 2 <= n && memcmp(k, c->lang->prefixes.keys[p],
			                          pl * sizeof(*k)) == 0)
				f = longest_at(c, i, k + pl, n - pl, &sfx);
		}
		if (f == FL_INDEX_NONE)
			continue;
		last = i + c->idx->forms[f].ntok - 1;
		/* Clitic letters are their own key (no case, no marks), so the
		 * key offset is the text offset; ending letters too ("s",
		 * "'s"). */
		if (fl__mention_add(c, f, i, last, t->start + (uint32_t)pl,
		                    d->tokens[last].end - (uint32_t)sfx,
		                    false) < 0)
			return fl__fail(c->err, c->errlen, FL_ENOMEM,
			                "out of memory");
		i = last;
	}
	return 0;
}

int fl__mention_add(fl__check_ctx *c, uint32_t form, size_t tf, size_t tl,
                    uint32_t start, uint32_t end, bool xlit)
{
	fl__mention *m;
	if (fl__grow((void **)&c->mentions, &c->mention_cap,
	             c->mention_count + 1, sizeof(*c->mentions)) < 0)
		return FL_ENOMEM;
	m = &c->mentions[c->mention_count++];
	m->entity = c->idx->forms[form].entity;
	m->form = form;
	m->tok_first = (uint32_t)tf;
	m->tok_last = (uint32_t)tl;
	m->start = start;
	m->end = end;
	m->counted = true;
	m->xlit = xlit;
	for (size_t j = tf; j <= tl; j++)
		c->claimed[j] = 1;
	return 0;
}

static int mention_cmp(const void *a, const void *b)
{
	const fl__mention *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

void fl__mentions_sort(fl__check_ctx *c)
{
	if (c->mention_count > 1)
		qsort(c->mentions, c->mention_count, sizeof(*c->mentions),
		      mention_cmp);
}

void fl__mentions_tally(fl__check_ctx *c)
{
	size_t ne = c->facts ? c->facts->entity_count : 0;
	memset(c->found, 0, (ne ? ne : 1) * sizeof(*c->found));
	for (size_t i = 0; i < c->mention_count; i++)
		if (c->mentions[i].counted)
			c->found[c->mentions[i].entity]++;
}

uint32_t fl__expected_mentions(const fl__check_ctx *c, uint32_t e)
{
	long n = c->facts->entities[e].count;
	if (c->partial || n < 1)
		return 1;
	return n > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

const fl__check_desc fl__check_mentions = {
    .name = "mentions",
    .needs = FL__NEEDS_PROFILE | FL__FINDS_MENTIONS,
    .run = find_mentions,
};
