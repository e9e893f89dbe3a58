/*
 * term.missing — a term of the facts for which a full translation holds
 * none of the accepted renderings for its language. A warning: renderings
 * are open-ended (a rewording can carry the meaning), so a missing one
 * asks an editor to look rather than asserting an error. Off with
 * --partial. When a forbid pattern of the term matched, term.forbidden
 * has already said where and what; nothing more is reported.
 *
 * Matching tolerates inflection: words are compared by match key (case,
 * marks, Arabic alef/ya/ta-marbuta variants unified); the first word may
 * carry a clitic of the language (و ب ل ك ف ال, Hebrew ו ה ב ל מ ש, French
 * l' d'); and a word matches another that shares all but its last two
 * letters and ends in at most four others (Portuguese convencional ->
 * convencionais, demissão -> demissões, Arabic تقليدي -> تقليدية).
 *
 * Where it can, the finding points at the likely wrong rendering: a word
 * of the document sharing the stem of the longest word of a multi-word
 * rendering ("convencional" where "não convencional" was expected).
 * Otherwise it has no place.
 */
#include "checks.h"
#include "pattern_scan.h"
#include "registry.h"

#include <stdlib.h>
#include <string.h>

#define FL_TERM_MAX_WORDS 8

typedef struct {
	const uint16_t *k[FL_TERM_MAX_WORDS];
	size_t n[FL_TERM_MAX_WORDS];
	size_t count;
	uint16_t *key; /* owns the words */
} rendering;

static bool is_sep(uint16_t u)
{
	return u == ' ' || u == '-' || u == 0x2010 || u == 0x2011 ||
	       u == 0x05BE; /* Hebrew maqaf */
}

/* Splits the match key of s into its words. */
static int split(rendering *r, const char *s)
{
	size_t n, i = 0;
	int error;

	memset(r, 0, sizeof(*r));
	if ((error = fl__match_key_utf8(&r->key, &n, s, strlen(s))) < 0)
		return error;
	while (i < n && r->count < FL_TERM_MAX_WORDS) {
		size_t j;
		while (i < n && is_sep(r->key[i]))
			i++;
		for (j = i; j < n && !is_sep(r->key[j]); j++)
			;
		if (j > i) {
			r->k[r->count] = r->key + i;
			r->n[r->count++] = j - i;
		}
		i = j;
	}
	return 0;
}

/* True when document word k[0,nk) is word w[0,nw) or an inflection of
 * it (see the file comment). */
static bool word_like(const uint16_t *k, size_t nk, const uint16_t *w,
                      size_t nw)
{
	size_t p = 0;

	if (nk == nw && memcmp(k, w, nk * sizeof(*k)) == 0)
		return true;
	if (nw < 4 || nk < 4)
		return false;
	while (p < nk && p < nw && k[p] == w[p])
		p++;
	return p >= 4 && p + 2 >= nw && nk - p <= 4;
}

/* True when token i (or it without a clitic of the language) is w. */
static bool token_like(const fl__check_ctx *c, size_t i, const uint16_t *w,
                       size_t nw, bool clitic)
{
	const fl__token *t = &c->doc->tokens[i];
	const uint16_t *k = fl__tok_key(c->doc, t);
	const fl__lang_res *L = c->lang;

	if (t->keylen == 0 || nw == 0 || (t->flags & FL_TOKF_MASKED))
		return false;
	/* word_like holds only for words that begin alike: the first
	 * letters are compared before anything else. */
	if (k[0] == w[0] && word_like(k, t->keylen, w, nw))
		return true;
	for (size_t p = 0; clitic && p < L->prefixes.count; p++) {
		size_t pl = L->prefixes.lens[p];
		if (pl + 2 <= t->keylen && k[pl] == w[0] &&
		    memcmp(k, L->prefixes.keys[p], pl * sizeof(*k)) == 0 &&
		    word_like(k + pl, t->keylen - pl, w, nw))
			return true;
	}
	return false;
}

/* Code units of a word's beginning the index keys it by: word_like holds
 * only for words that begin with the same four (or are equal, when
 * shorter). */
#define FL_TERM_HEAD 4

/* The document's tokens by the beginning of their match key, and of it
 * without each clitic of the language that it begins with: the tokens at
 * which a word w can stand as token_like(..., true) sees it are among
 * those under w's beginning, in document order. Built once per document,
 * so that a term's renderings are looked for at those tokens only, not
 * at every token for every rendering of every term. */
typedef struct {
	fl_map heads; /* beginning (UTF-16 bytes) -> 1 + list */
	struct {
		size_t *at, n, cap;
	} * lists;
	size_t count, cap;
} token_index;

static void token_index_dispose(token_index *x)
{
	for (size_t i = 0; i < x->count; i++)
		free(x->lists[i].at);
	free(x->lists);
	fl_map_dispose(&x->heads);
}

/* Adds token i under the beginning of k[0,n). Returns 0 or FL_ENOMEM. */
static int index_add(token_index *x, const uint16_t *k, size_t n, size_t i)
{
	size_t h = n < FL_TERM_HEAD ? n : FL_TERM_HEAD;
	uintptr_t *slot = fl_map_slot_of(&x->heads, k, h * sizeof(*k), 0, NULL);

	if (!slot)
		return FL_ENOMEM;
	if (!*slot) {
		if (fl__grow((void **)&x->lists, &x->cap, x->count + 1,
		             sizeof(*x->lists)) < 0)
			return FL_ENOMEM;
		memset(&x->lists[x->count], 0, sizeof(x->lists[0]));
		*slot = ++x->count;
	}
	{
		size_t l = *slot - 1;
		if (x->lists[l].n && x->lists[l].at[x->lists[l].n - 1] == i)
			return 0; /* once per token */
		if (fl__grow((void **)&x->lists[l].at, &x->lists[l].cap,
		             x->lists[l].n + 1, sizeof(size_t)) < 0)
			return FL_ENOMEM;
		x->lists[l].at[x->lists[l].n++] = i;
	}
	return 0;
}

/* Builds x over c's document, with the variants token_like tries. Returns
 * 0 or FL_ENOMEM (x to dispose either way). */
static int token_index_build(token_index *x, const fl__check_ctx *c)
{
	const fl__keylist *pre = &c->lang->prefixes;

	memset(x, 0, sizeof(*x));
	for (size_t i = 0; i < c->doc->token_count; i++) {
		const fl__token *t = &c->doc->tokens[i];
		const uint16_t *k = fl__tok_key(c->doc, t);
		int error;
		if (t->keylen == 0 || (t->flags & FL_TOKF_MASKED))
			continue;
		if ((error = index_add(x, k, t->keylen, i)) < 0)
			return error;
		for (size_t p = 0; p < pre->count; p++) {
			size_t pl = pre->lens[p];
			if (pl + 2 <= t->keylen &&
			    memcmp(k, pre->keys[p], pl * sizeof(*k)) == 0 &&
			    (error = index_add(x, k + pl, t->keylen - pl, i)) <
			        0)
				return error;
		}
	}
	return 0;
}

/* The tokens, in document order, where word w[0,nw) may stand (*n of
 * them; NULL when none). */
static const size_t *index_get(const token_index *x, const uint16_t *w,
                               size_t nw, size_t *n)
{
	size_t h = nw < FL_TERM_HEAD ? nw : FL_TERM_HEAD;
	uintptr_t v;

	*n = 0;
	if (nw == 0 || !fl_map_get(&x->heads, w, h * sizeof(*w), &v) || !v)
		return NULL;
	*n = x->lists[v - 1].n;
	return x->lists[v - 1].at;
}

/* True when rendering r stands at token i. */
static bool rendering_at(const fl__check_ctx *c, const rendering *r, size_t i)
{
	if (r->count == 0 || i + r->count > c->doc->token_count)
		return false;
	for (size_t j = 0; j < r->count; j++)
		if (!token_like(c, i + j, r->k[j], r->n[j], j == 0))
			return false;
	return true;
}

static int count_match(fl__check_ctx *c, size_t s, size_t e, void *arg)
{
	(void)c, (void)s, (void)e;
	(*(size_t *)arg)++;
	return 0;
}

/* The first token of the document holding the longest word (of four
 * letters or more) of multi-word rendering r, or SIZE_MAX. */
static size_t near_of(const fl__check_ctx *c, const token_index *x,
                      const rendering *r)
{
	size_t head = 0, n;
	const size_t *at;
	if (r->count < 2)
		return SIZE_MAX;
	for (size_t j = 1; j < r->count; j++)
		if (r->n[j] > r->n[head])
			head = j;
	/* A short head word ("de", "عن") says nothing. */
	if (r->n[head] < 4)
		return SIZE_MAX;
	at = index_get(x, r->k[head], r->n[head], &n);
	for (size_t a = 0; a < n; a++)
		if (token_like(c, at[a], r->k[head], r->n[head], true))
			return at[a];
	return SIZE_MAX;
}

/* Whether one of renderings rs[0,nr) stands in the document. */
static bool rendered(const fl__check_ctx *c, const token_index *x,
                     const rendering *rs, size_t nr)
{
	for (size_t r = 0; r < nr; r++) {
		size_t n;
		const size_t *at =
		    rs[r].count ? index_get(x, rs[r].k[0], rs[r].n[0], &n)
		                : NULL;
		for (size_t a = 0; at && a < n; a++)
			if (rendering_at(c, &rs[r], at[a]))
				return true;
	}
	return false;
}

/*
 * Checks one term. rs: its renderings split, nr of them. Sets *found when
 * a rendering stands in the document; else *near to the token of a
 * likely wrong rendering, or SIZE_MAX.
 */
static void find(const fl__check_ctx *c, const token_index *x,
                 const rendering *rs, size_t nr, bool *found, size_t *near)
{
	*near = SIZE_MAX;
	if ((*found = rendered(c, x, rs, nr)))
		return;
	for (size_t r = 0; r < nr && *near == SIZE_MAX; r++)
		*near = near_of(c, x, &rs[r]);
}

/* What windowed checking knows of one term over the windows so far. */
typedef struct {
	bool done;       /* rendered, forbidden or stopped by a limit */
	size_t nr;       /* renderings (0: not looked at yet) */
	fl__place *near; /* per rendering: its first likely wrong one */
	bool *have_near;
} term_state;

typedef struct {
	term_state *terms;
	size_t count;
} terms_acc;

/* Frees a terms_acc (fl__doc_state.acc). */
static void terms_acc_free(void *p)
{
	terms_acc *a = p;
	for (size_t i = 0; a && i < a->count; i++) {
		for (size_t r = 0; r < a->terms[i].nr; r++)
			if (a->terms[i].have_near[r])
				fl__place_dispose(&a->terms[i].near[r]);
		free(a->terms[i].near);
		free(a->terms[i].have_near);
	}
	if (a)
		free(a->terms);
	free(a);
}

/* The term's state in windowed checking, NULL otherwise. */
static term_state *state_of(const fl__check_ctx *c, const fl__term *term)
{
	terms_acc *a = c->ds ? c->ds->acc[FL__ACC_TERMS].p : NULL;
	return a ? &a->terms[term - c->facts->terms] : NULL;
}

/* Reports term as missing: at the token near (of this document) or the
 * place near_at (taken in an earlier window), else without a place. */
static int report_term(fl__check_ctx *c, const fl__term *term,
                       const fl__lang_strings *ex, size_t near,
                       const fl__place *near_at)
{
	fl_buf expected = FL_BUF_INIT, word = FL_BUF_INIT;
	int error = 0;

	if (fl__term_expected(&expected, c, term) < 0)
		goto nomem;
	if (near != SIZE_MAX) {
		const fl__token *tk = &c->doc->tokens[near];
		if (fl__doc_span_utf8(&word, c->doc, tk->start, tk->end) < 0)
			goto nomem;
		error = fl__check_add(
		    c, "term.missing", FL_SEVERITY_WARNING, tk->start, tk->end,
		    expected.ptr, ex->items[0],
		    "'%s' is not rendered as the facts expect (%s); '%s' may "
		    "be a wrong rendering of it",
		    term->source, expected.ptr, word.ptr);
	} else if (near_at) {
		error = fl__check_add_at(
		    c, "term.missing", FL_SEVERITY_WARNING, near_at,
		    expected.ptr, ex->items[0],
		    "'%s' is not rendered as the facts expect (%s); '%s' may "
		    "be a wrong rendering of it",
		    term->source, expected.ptr, near_at->text);
	} else {
		error = fl__check_add_placeless(
		    c, "term.missing", FL_SEVERITY_WARNING, term->source,
		    expected.ptr,
		    "'%s' is not rendered as the facts expect: none of %s "
		    "appears",
		    term->source, expected.ptr);
	}
	goto cleanup;
nomem:
	error = fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
cleanup:
	fl_buf_dispose(&expected);
	fl_buf_dispose(&word);
	return error;
}

/* Windowed checking: what this window adds to term st's state. */
static int window_term(fl__check_ctx *c, const token_index *x, term_state *st,
                       const rendering *rs, size_t nr)
{
	size_t near;

	if (st->nr == 0 && nr > 0) {
		if (!(st->near = calloc(nr, sizeof(*st->near))) ||
		    !(st->have_near = calloc(nr, sizeof(*st->have_near))))
			return FL_ENOMEM;
		st->nr = nr;
	}
	if (rendered(c, x, rs, nr)) {
		st->done = true;
		return 0;
	}
	for (size_t r = 0; r < nr; r++) {
		if (st->have_near[r] ||
		    (near = near_of(c, x, &rs[r])) == SIZE_MAX)
			continue;
		const fl__token *tk = &c->doc->tokens[near];
		if (fl__check_place(&st->near[r], c, tk->start, tk->end) < 0)
			return FL_ENOMEM;
		st->have_near[r] = true;
	}
	return 0;
}

static int check_term(fl__check_ctx *c, const fl__scan_text *t,
                      const token_index *x, const fl__term *term)
{
	const fl__lang_strings *ex = fl__lang_strings_find(
	    term->expect, term->expect_count, c->lang->profile->tag);
	term_state *st = state_of(c, term);
	rendering *rs = NULL;
	size_t nr = 0, forbidden = 0, near;
	bool found;
	int error = 0;

	if (!ex || ex->count == 0 || (st && st->done))
		return 0;
	/* A forbid pattern stopped by its limits is reported by
	 * term.forbidden, which also leaves the term to it. */
	if ((error = fl__term_forbid_scan(c, t, term, count_match,
	                                  &forbidden)) == FL_ELIMIT ||
	    (error == 0 && forbidden && st)) {
		if (st)
			st->done = true;
		return 0;
	}
	if (error < 0 || forbidden)
		return error;
	if (!(rs = calloc(ex->count, sizeof(*rs))))
		goto nomem;
	for (; nr < ex->count; nr++)
		if ((error = split(&rs[nr], ex->items[nr])) < 0)
			goto cleanup;
	if (st) {
		if ((error = window_term(c, x, st, rs, nr)) == FL_ENOMEM)
			goto nomem;
		goto cleanup;
	}
	find(c, x, rs, nr, &found, &near);
	if (!found)
		error = report_term(c, term, ex, near, NULL);
	goto cleanup;
nomem:
	error = fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
cleanup:
	for (size_t i = 0; i < nr; i++)
		free(rs[i].key);
	free(rs);
	if (error == FL_EENCODING)
		error = fl__fail(c->err, c->errlen, error,
		                 "%s:%zu: a rendering of '%s' is not UTF-8",
		                 c->facts->path, term->line, term->source);
	return error;
}

/* term.missing: terms none of whose renderings the document holds (in
 * windows: gathered here, reported by check_term_missing_finish).
 * Returns 0 or a negative code (message in c->err). */
static int check_term_missing(fl__check_ctx *c)
{
	fl__scan_text t;
	token_index x;
	int error = 0;

	if (!c->facts || c->facts->term_count == 0 || c->partial)
		return 0;
	if (c->ds && !c->ds->acc[FL__ACC_TERMS].p) {
		terms_acc *a = calloc(1, sizeof(*a));
		if (!a || !(a->terms = calloc(c->facts->term_count,
		                              sizeof(*a->terms)))) {
			free(a);
			return fl__fail(c->err, c->errlen, FL_ENOMEM,
			                "out of memory");
		}
		a->count = c->facts->term_count;
		c->ds->acc[FL__ACC_TERMS].p = a;
		c->ds->acc[FL__ACC_TERMS].free = terms_acc_free;
	}
	memset(&x, 0, sizeof(x));
	if ((error = fl__scan_text_init(&t, c->doc)) < 0 ||
	    (error = token_index_build(&x, c)) < 0) {
		fl__scan_text_dispose(&t);
		token_index_dispose(&x);
		return fl__fail(c->err, c->errlen, error, "out of memory");
	}
	for (size_t i = 0; i < c->facts->term_count && error == 0; i++)
		error = check_term(c, &t, &x, &c->facts->terms[i]);
	fl__scan_text_dispose(&t);
	token_index_dispose(&x);
	return error;
}

/* Windowed checking, after the last window: every term no window
 * rendered, at the first likely wrong rendering of its first rendering
 * that has one. */
static int check_term_missing_finish(fl__check_ctx *c)
{
	terms_acc *a = c->ds->acc[FL__ACC_TERMS].p;
	int error = 0;

	for (size_t i = 0; a && i < a->count && error == 0; i++) {
		const fl__term *term = &c->facts->terms[i];
		const fl__lang_strings *ex = fl__lang_strings_find(
		    term->expect, term->expect_count, c->lang->profile->tag);
		const term_state *st = &a->terms[i];
		const fl__place *at = NULL;
		if (!ex || ex->count == 0 || st->done)
			continue;
		for (size_t r = 0; r < st->nr && !at; r++)
			if (st->have_near[r])
				at = &st->near[r];
		error = report_term(c, term, ex, SIZE_MAX, at);
	}
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("term.missing", FL_SEVERITY_WARNING, FL__W, NULL,
             "A full translation holds none of a term's accepted "
             "renderings.",
             "Matching tolerates inflection (clitics, plural and gender "
             "endings). A warning because renderings are open-ended. "
             "Placed on the likely wrong rendering when one can be found, "
             "else without a place. Not reported when term.forbidden "
             "fired for the term; off with --partial."),
};

const fl__check_desc fl__check_term_missing = FL__CHECK_DESC_DOC(
    "term_missing", rules, FL__NEEDS_FACTS | FL__NEEDS_PROFILE,
    check_term_missing, check_term_missing_finish);
