/*
 * Mentions by the language's spelling of foreign names (not a rule): in a
 * document of a cased script whose profile has `respell` rules (German,
 * French), an entity's Latin name is also found where the translation
 * spells it the language's way: "Iwangorod" for Ivangorod, "Donskoi" or
 * "Donskoï" for Donskoy. Both sides go through ICU's transliteration to
 * ASCII; each document word, as it is or rewritten by the rules
 * (fl__profile_respell), must equal the form's word, word for word. Only
 * capitalised words that no form matched as written are tried.
 */
#include "checks.h"
#include "registry.h"

#include <stdlib.h>
#include <string.h>

#define FL_RESPELL_MAX_TOKENS 4 /* words of a form tried */

/* A Latin form of the index: its words in ASCII, NUL-separated. */
typedef struct {
	uint32_t form;
	uint8_t ntok;
	char *words;   /* ntok NUL-terminated words, one after another */
	uint32_t next; /* next form with the same first word + 1, or 0 */
} rform;

typedef struct {
	rform *f;
	size_t n, cap;
	fl_map first;  /* first word (ASCII) -> rform + 1 */
	fl_map tokens; /* document token key -> malloc'd respelled ASCII, or
	                  1: none */
} rindex;

static void rindex_dispose(rindex *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->f[i].words);
	free(x->f);
	fl_map_dispose(&x->first);
	for (size_t i = 0; i < x->tokens.cap; i++)
		if (x->tokens.slots[i].key && x->tokens.slots[i].value > 1)
			free((void *)x->tokens.slots[i].value);
	fl_map_dispose(&x->tokens);
}

/* ASCII of UTF-16 s[0,n) into out; 0 when it has none or is too long.
 * Text already in ASCII is only lowered, as ICU's "Any-Latin;
 * Latin-ASCII; Lower" (fl__translit_ascii) would, without ICU. */
static size_t ascii_of(fl__check_ctx *c, const uint16_t *s, size_t n, char *out,
                       size_t cap)
{
	bool ascii = cap > 0 && n <= FL_TOKEN_MAX;
	for (size_t i = 0; ascii && i < n; i++)
		ascii = s[i] < 0x80;
	if (ascii) {
		size_t k = 0;
		for (size_t i = 0; i < n && k + 1 < cap; i++)
			out[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32
			                                             : s[i]);
		out[k] = '\0';
		return k;
	}
	int len = fl__translit_ascii(c->text, s, n, out, cap);
	return len > 0 ? (size_t)len : 0;
}

/* The forms of the index whose every word is Latin, as ASCII words, by
 * their first word. Returns 0 or FL_ENOMEM. */
static int rindex_build(rindex *x, fl__check_ctx *c)
{
	const fl__index *idx = c->idx;
	for (size_t f = 0; f < idx->form_count; f++) {
		const fl__form *fm = &idx->forms[f];
		char buf[FL_RESPELL_MAX_TOKENS * 4 * FL_TOKEN_MAX];
		size_t bn = 0, first = 0;
		bool ok = fm->ntok > 0 && fm->ntok <= FL_RESPELL_MAX_TOKENS;
		uintptr_t *head;
		rform *r;
		for (size_t t = 0; ok && t < fm->ntok; t++) {
			const fl__form_tok *ft = &idx->toks[fm->tok + t];
			const uint16_t *w = fl__index_str(idx, ft->exact);
			size_t len;
			ok =
			    ft->exactlen > 0 && fl__latin_text(w, ft->exactlen);
			if (!ok)
				break;
			len = ascii_of(c, w, ft->exactlen, buf + bn,
			               sizeof(buf) - bn);
			ok = len > 0 && bn + len + 1 < sizeof(buf);
			if (t == 0)
				first = len;
			bn += len + 1; /* keeps the NUL */
		}
		if (!ok)
			continue;
		if (fl__grow((void **)&x->f, &x->cap, x->n + 1, sizeof(*x->f)) <
		        0 ||
		    !(head = fl_map_slot_of(&x->first, buf, first, 0, NULL)))
			return FL_ENOMEM;
		r = &x->f[x->n];
		if (!(r->words = malloc(bn)))
			return FL_ENOMEM;
		memcpy(r->words, buf, bn);
		r->form = (uint32_t)f;
		r->ntok = (uint8_t)fm->ntok;
		r->next = (uint32_t)*head;
		*head = ++x->n;
	}
	return 0;
}

/* The readings of token i (cached by key): its ASCII, a NUL, its ASCII
 * respelled, a NUL; NULL when it has none. */
static int token_respelled(fl__check_ctx *c, rindex *x, size_t i,
                           const char **out)
{
	const fl__token *t = &c->doc->tokens[i];
	const uint16_t *k = fl__tok_key(c->doc, t);
	char a[4 * FL_TOKEN_MAX], r[8 * FL_TOKEN_MAX];
	uintptr_t *slot;
	size_t n;
	int nr;
	char *s;

	*out = NULL;
	if (!(slot = fl_map_slot_of(&x->tokens, k, t->keylen * 2u, 0, NULL)))
		return FL_ENOMEM;
	if (*slot) {
		*out = *slot == 1 ? NULL : (const char *)*slot;
		return 0;
	}
	*slot = 1;
	n = ascii_of(c, c->doc->text + t->start, t->end - t->start, a,
	             sizeof(a));
	if (n == 0 || (nr = fl__profile_respell(c->lang->profile, a, n, r,
	                                        sizeof(r))) <= 0)
		return 0;
	/* The word as it is in ASCII, then respelled: either may be the
	 * name's ("Bjørn" is "bjorn" as it is, "byorn" respelled). */
	if (!(s = malloc(n + 1 + (size_t)nr + 1)))
		return FL_ENOMEM;
	memcpy(s, a, n + 1);
	memcpy(s + n + 1, r, (size_t)nr + 1);
	*slot = (uintptr_t)s;
	*out = s;
	return 0;
}

/* Whether the token readings s (from token_respelled) include word w. */
static bool reads_as(const char *s, const char *w)
{
	return strcmp(s, w) == 0 || strcmp(s + strlen(s) + 1, w) == 0;
}

/* Whether the words of form r stand, respelled, at tokens i.. of the
 * document, separated by spaces only. */
static int form_at(fl__check_ctx *c, rindex *x, const rform *r, size_t i,
                   bool *yes)
{
	const fl__doc *d = c->doc;
	const char *w = r->words;
	*yes = false;
	if (i + r->ntok > d->token_count)
		return 0;
	for (size_t j = i; j < i + r->ntok; j++) {
		const char *s;
		int error;
		if (c->claimed[j] || d->tokens[j].kind != FL_TOK_WORD ||
		    (j > i && !fl__doc_gap_is_space(d, d->tokens[j - 1].end,
		                                    d->tokens[j].start)))
			return 0;
		if ((error = token_respelled(c, x, j, &s)) < 0)
			return error;
		if (!s || !reads_as(s, w))
			return 0;
		w += strlen(w) + 1;
	}
	*yes = true;
	return 0;
}

/* The mention pass through the language's spelling of foreign names (no
 * rule). Returns 0 or a negative code (message in c->err). */
static int find_respelled_mentions(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	const unsigned big = FL_TOKF_TITLE | FL_TOKF_UPPER | FL_TOKF_MIXED;
	rindex x = {0};
	size_t added = 0;
	int error;

	if (!c->idx || !c->facts || c->facts->entity_count == 0 ||
	    c->lang->profile->respell_count == 0 || c->lang->script < 0 ||
	    !fl__script_is_cased(c->lang->script))
		return 0;
	if ((error = rindex_build(&x, c)) < 0)
		goto done;
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		const char *s;
		const rform *best = NULL;
		uintptr_t e;
		size_t last;
		if (c->claimed[i] || t->kind != FL_TOK_WORD ||
		    !(t->flags & big) || !fl__script_is_cased(t->script))
			continue;
		if ((error = token_respelled(c, &x, i, &s)) < 0)
			goto done;
		if (!s)
			continue;
		/* The longest form that stands here, by either reading of
		 * the first word. */
		for (int k = 0; k < 2; k++) {
			const char *w = k ? s + strlen(s) + 1 : s;
			if (k && strcmp(w, s) == 0)
				break;
			if (!fl_map_get(&x.first, w, strlen(w), &e))
				continue;
			for (; e; e = x.f[e - 1].next) {
				const rform *r = &x.f[e - 1];
				bool yes;
				if (best && r->ntok <= best->ntok)
					continue;
				if ((error = form_at(c, &x, r, i, &yes)) < 0)
					goto done;
				if (yes)
					best = r;
			}
		}
		if (!best)
			continue;
		/* not as written (xlit): name.case leaves it */
		last = i + best->ntok - 1;
		if ((error = fl__mention_add(c, best->form, i, last, t->start,
		                             d->tokens[last].end, true)) < 0)
			goto done;
		i = last;
		added++;
	}
	/* Keep the mentions in text order. */
	if (added)
		fl__mentions_sort(c);
done:
	rindex_dispose(&x);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

const fl__check_desc fl__check_mentions_respell = {
    .name = "mentions_respell",
    .needs = FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__FINDS_MENTIONS,
    .run = find_respelled_mentions,
};
