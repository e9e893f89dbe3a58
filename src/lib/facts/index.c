#include "index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOUND_START 0x0002
#define BOUND_END   0x0003

typedef struct {
	uint32_t count, cap;
	uint32_t ids[];
} postings;

static int pool_put(fl__index *idx, const uint16_t *s, size_t n, uint32_t *off)
{
	if (idx->pool_len + n > UINT32_MAX)
		return FL_ELIMIT;
	if (fl__grow((void **)&idx->pool, &idx->pool_cap, idx->pool_len + n + 1,
	             sizeof(*idx->pool)) < 0)
		return FL_ENOMEM;
	memcpy(idx->pool + idx->pool_len, s, n * sizeof(*s));
	*off = (uint32_t)idx->pool_len;
	idx->pool_len += n;
	return 0;
}

static int add_bigram(fl__index *idx, uint16_t a, uint16_t b, uint32_t word)
{
	uint16_t k[2] = {a, b};
	uintptr_t *slot = fl_map_slot_of(&idx->bigrams, k, sizeof(k), 0, NULL);
	postings *p;
	if (!slot)
		return FL_ENOMEM;
	p = (postings *)*slot;
	if (p && p->count && p->ids[p->count - 1] == word)
		return 0; /* a word repeating a bigram counts it once */
	if (!p || p->count == p->cap) {
		uint32_t ncap = p ? p->cap * 2 : 4;
		postings *np = realloc(p, sizeof(*p) + ncap * sizeof(uint32_t));
		if (!np)
			return FL_ENOMEM;
		if (!p)
			np->count = 0;
		np->cap = ncap;
		p = np;
		*slot = (uintptr_t)p;
	}
	p->ids[p->count++] = word;
	return 0;
}

/* Registers one word of a form for the garbled-name check. */
static int add_name_word(fl__index *idx, const fl__doc *d, const fl__token *t,
                         uint32_t entity, uint32_t form, bool alone)
{
	uint16_t fz[FL_TOKEN_MAX];
	uint16_t ek[FL_TOKEN_MAX + 2]; /* entity id, then the fuzzy key */
	uintptr_t *slot;
	size_t n;
	fl__name_word *w;
	uint32_t id;
	fl_buf b = FL_BUF_INIT;

	if (t->kind != FL_TOK_WORD || t->keylen < 3)
		return 0;
	n = fl__fuzzy_key(fz, FL_ARRAY_SIZE(fz), fl__tok_key(d, t), t->keylen);
	if (n < 3)
		return 0;
	/* The same word in two forms of one entity is one candidate: found
	 * by the key (entity, fuzzy key), not by scanning earlier words. */
	memcpy(ek, &entity, sizeof(entity));
	memcpy(ek + 2, fz, n * sizeof(*fz));
	slot =
	    fl_map_slot_of(&idx->nword_of, ek, (n + 2) * sizeof(*ek), 0, NULL);
	if (!slot)
		return FL_ENOMEM;
	if (*slot) {
		idx->nwords[*slot - 1].alone |= alone;
		return 0;
	}
	if (fl__grow((void **)&idx->nwords, &idx->nword_cap,
	             idx->nword_count + 1, sizeof(*idx->nwords)) < 0)
		return FL_ENOMEM;
	id = (uint32_t)idx->nword_count;
	w = &idx->nwords[id];
	memset(w, 0, sizeof(*w));
	w->entity = entity;
	w->form = form;
	w->alone = alone;
	w->script = t->script;
	if (pool_put(idx, fl__tok_key(d, t), t->keylen, &w->key) < 0)
		return FL_ENOMEM;
	w->keylen = t->keylen;
	w->shape = t->flags & (FL_TOKF_UPPER | FL_TOKF_LOWER | FL_TOKF_TITLE |
	                       FL_TOKF_MIXED);
	if (pool_put(idx, fz, n, &w->fuzzy) < 0)
		return FL_ENOMEM;
	w->fuzzylen = (uint32_t)n;
	if (fl__doc_span_utf8(&b, d, t->start, t->end) < 0) {
		fl_buf_dispose(&b);
		return FL_ENOMEM;
	}
	w->display = fl_buf_detach(&b);
	if (!w->display)
		return FL_ENOMEM;
	idx->nword_count++;
	*slot = (uintptr_t)id + 1;
	if (add_bigram(idx, BOUND_START, fz[0], id) < 0 ||
	    add_bigram(idx, fz[n - 1], BOUND_END, id) < 0)
		return FL_ENOMEM;
	for (size_t i = 0; i + 1 < n; i++)
		if (add_bigram(idx, fz[i], fz[i + 1], id) < 0)
			return FL_ENOMEM;
	return 0;
}

/*
 * Adds the form made of tokens [from, to) of d for entity e. Returns 0 or
 * a negative code.
 */
static int add_form_tokens(fl__index *idx, const fl__doc *d, size_t from,
                           size_t to, uint32_t entity, bool surname, bool words)
{
	fl__form *f;
	uint32_t id, head;
	uintptr_t *slot;
	const fl__token *t0 = &d->tokens[from];
	fl_buf b = FL_BUF_INIT;

	if (from >= to)
		return 0;
	for (size_t i = from; i < to; i++)
		if (d->tokens[i].keylen == 0)
			return 0; /* a word over the token limit: unmatchable */
	if (fl__grow((void **)&idx->forms, &idx->form_cap, idx->form_count + 1,
	             sizeof(*idx->forms)) < 0)
		return FL_ENOMEM;
	id = (uint32_t)idx->form_count;
	f = &idx->forms[id];
	memset(f, 0, sizeof(*f));
	f->entity = entity;
	f->surname = surname;
	f->tok = (uint32_t)idx->tok_count;
	f->ntok = (uint32_t)(to - from);
	if (fl__doc_span_utf8(&b, d, t0->start, d->tokens[to - 1].end) < 0 ||
	    !(f->display = fl_buf_detach(&b))) {
		fl_buf_dispose(&b);
		return FL_ENOMEM;
	}
	idx->form_count++;
	for (size_t i = from; i < to; i++) {
		const fl__token *t = &d->tokens[i];
		fl__form_tok *ft;
		if (fl__grow((void **)&idx->toks, &idx->tok_cap,
		             idx->tok_count + 1, sizeof(*idx->toks)) < 0)
			return FL_ENOMEM;
		ft = &idx->toks[idx->tok_count++];
		if (pool_put(idx, fl__tok_key(d, t), t->keylen, &ft->key) < 0 ||
		    pool_put(idx, d->text + t->start, t->end - t->start,
		             &ft->exact) < 0)
			return FL_ENOMEM;
		ft->keylen = t->keylen;
		ft->exactlen = t->end - t->start;
		ft->gap = ft->gaplen = 0;
		if (i > from) {
			size_t g0 = d->tokens[i - 1].end;
			if (pool_put(idx, d->text + g0, t->start - g0,
			             &ft->gap) < 0)
				return FL_ENOMEM;
			ft->gaplen = t->start - (uint32_t)g0;
		}
		if (fl_map_slot_of(&idx->words, fl__tok_key(d, t),
		                   t->keylen * sizeof(uint16_t), entity + 1,
		                   NULL) == NULL)
			return FL_ENOMEM;
		if (words &&
		    add_name_word(idx, d, t, entity, id, to - from == 1) < 0)
			return FL_ENOMEM;
	}
	/* Chain forms sharing a first key; the newest goes first, so longer
	 * names listed later are still all tried (the matcher takes the
	 * longest). */
	slot = fl_map_slot_of(&idx->first, fl__tok_key(d, t0),
	                      t0->keylen * sizeof(uint16_t), 0, NULL);
	if (!slot)
		return FL_ENOMEM;
	head = (uint32_t)*slot;
	f->next = head ? head - 1 : FL_INDEX_NONE;
	*slot = (uintptr_t)id + 1;
	return 0;
}

static int add_form(fl__index *idx, fl__text_ctx *ctx, const char *s,
                    uint32_t entity, bool person, char *err, size_t errlen)
{
	fl__doc d;
	int error = fl__doc_init(&d, ctx, s, strlen(s), "", err, errlen);
	size_t n = d.token_count;

	if (error == 0 && n > 0) {
		error = add_form_tokens(idx, &d, 0, n, entity, false, true);
		if (error == 0 && person && n >= 2 &&
		    d.tokens[n - 1].kind == FL_TOK_WORD)
			error = add_form_tokens(idx, &d, n - 1, n, entity, true,
			                        false);
	}
	fl__doc_dispose(&d);
	return error;
}

int fl__index_build(fl__index **out, const fl_facts *facts, const char *lang,
                    fl__text_ctx *ctx, char *err, size_t errlen)
{
	fl__index *idx = calloc(1, sizeof(*idx));
	int error = 0;

	*out = NULL;
	if (!idx)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	snprintf(idx->lang, sizeof(idx->lang), "%s", lang ? lang : "");
	idx->facts = facts;
	for (size_t e = 0; facts && e < facts->entity_count; e++) {
		const fl__entity *en = &facts->entities[e];
		bool person = en->kind == FL_KIND_PERSON;
		const fl__lang_strings *r;

		if ((error = add_form(idx, ctx, en->name, (uint32_t)e, person,
		                      err, errlen)) < 0)
			goto cleanup;
		for (size_t a = 0; a < en->alias_count; a++)
			if ((error =
			         add_form(idx, ctx, en->aliases[a], (uint32_t)e,
			                  person, err, errlen)) < 0)
				goto cleanup;
		r = fl__lang_strings_find(en->renderings, en->rendering_count,
		                          lang);
		for (size_t k = 0; r && k < r->count; k++)
			if ((error =
			         add_form(idx, ctx, r->items[k], (uint32_t)e,
			                  person, err, errlen)) < 0)
				goto cleanup;
	}
	*out = idx;
	idx = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "out of memory");
	fl__index_free(idx);
	return error;
}

int fl__index_add_form(fl__index *idx, fl__text_ctx *ctx, uint32_t entity,
                       const char *s, char *err, size_t errlen)
{
	size_t first = idx->form_count;
	int error = add_form(idx, ctx, s, entity, false, err, errlen);
	for (size_t f = first; f < idx->form_count; f++)
		idx->forms[f].loose_case = true;
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "out of memory");
	return error;
}

void fl__index_free(fl__index *idx)
{
	if (!idx)
		return;
	for (size_t i = 0; i < idx->form_count; i++)
		free(idx->forms[i].display);
	for (size_t i = 0; i < idx->nword_count; i++)
		free(idx->nwords[i].display);
	for (size_t i = 0; i < idx->bigrams.cap; i++)
		if (idx->bigrams.slots[i].key)
			free((void *)idx->bigrams.slots[i].value);
	fl_map_dispose(&idx->bigrams);
	fl_map_dispose(&idx->first);
	fl_map_dispose(&idx->words);
	fl_map_dispose(&idx->nword_of);
	free(idx->forms);
	free(idx->toks);
	free(idx->pool);
	free(idx->nwords);
	free(idx);
}

uint32_t fl__index_first(const fl__index *idx, const uint16_t *k, size_t n)
{
	uintptr_t v;
	if (!fl_map_get(&idx->first, k, n * sizeof(*k), &v))
		return FL_INDEX_NONE;
	return (uint32_t)v - 1;
}

uint32_t fl__index_word_entity(const fl__index *idx, const uint16_t *k,
                               size_t n)
{
	uintptr_t v;
	if (!fl_map_get(&idx->words, k, n * sizeof(*k), &v))
		return 0;
	return (uint32_t)v;
}

size_t fl__index_candidates(const fl__index *idx, const uint16_t *f, size_t n,
                            size_t min_shared, uint32_t *scratch, uint32_t *ids,
                            size_t cap)
{
	size_t found = 0;
	uint16_t grams[FL_TOKEN_MAX + 2][2];
	size_t ng = 0;

	if (n == 0 || n > FL_TOKEN_MAX)
		return 0;
	grams[ng][0] = BOUND_START, grams[ng][1] = f[0], ng++;
	for (size_t i = 0; i + 1 < n; i++)
		grams[ng][0] = f[i], grams[ng][1] = f[i + 1], ng++;
	grams[ng][0] = f[n - 1], grams[ng][1] = BOUND_END, ng++;

	for (size_t g = 0; g < ng; g++) {
		uintptr_t v;
		const postings *p;
		/* A bigram repeated in the token counts once. */
		bool seen = false;
		for (size_t h = 0; h < g && !seen; h++)
			seen = grams[h][0] == grams[g][0] &&
			       grams[h][1] == grams[g][1];
		if (seen ||
		    !fl_map_get(&idx->bigrams, grams[g], sizeof(grams[g]), &v))
			continue;
		p = (const postings *)v;
		for (uint32_t i = 0; i < p->count; i++) {
			uint32_t id = p->ids[i];
			if (++scratch[id] == min_shared && found < cap)
				ids[found++] = id;
		}
	}
	/* Leave the scratch counters zeroed for the next call. */
	for (size_t g = 0; g < ng; g++) {
		uintptr_t v;
		if (fl_map_get(&idx->bigrams, grams[g], sizeof(grams[g]), &v)) {
			const postings *p = (const postings *)v;
			for (uint32_t i = 0; i < p->count; i++)
				scratch[p->ids[i]] = 0;
		}
	}
	return found;
}
