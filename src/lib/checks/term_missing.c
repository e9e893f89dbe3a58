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

	if (t->keylen == 0 || (t->flags & FL_TOKF_MASKED))
		return false;
	if (word_like(k, t->keylen, w, nw))
		return true;
	for (size_t p = 0; clitic && p < L->prefixes.count; p++) {
		size_t pl = L->prefixes.lens[p];
		if (pl + 2 <= t->keylen &&
		    memcmp(k, L->prefixes.keys[p], pl * sizeof(*k)) == 0 &&
		    word_like(k + pl, t->keylen - pl, w, nw))
			return true;
	}
	return false;
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

/*
 * Checks one term. rs: its renderings split, nr of them. Sets *found when
 * a rendering stands in the document; else *near to the token of a
 * likely wrong rendering, or SIZE_MAX.
 */
static void find(const fl__check_ctx *c, const rendering *rs, size_t nr,
                 bool *found, size_t *near)
{
	const fl__doc *d = c->doc;

	*found = false;
	*near = SIZE_MAX;
	for (size_t i = 0; i < d->token_count && !*found; i++)
		for (size_t r = 0; r < nr && !*found; r++)
			*found = rendering_at(c, &rs[r], i);
	if (*found)
		return;
	for (size_t r = 0; r < nr && *near == SIZE_MAX; r++) {
		size_t head = 0;
		if (rs[r].count < 2)
			continue;
		for (size_t j = 1; j < rs[r].count; j++)
			if (rs[r].n[j] > rs[r].n[head])
				head = j;
		/* A short head word ("de", "عن") says nothing. */
		if (rs[r].n[head] < 4)
			continue;
		for (size_t i = 0; i < d->token_count; i++)
			if (token_like(c, i, rs[r].k[head], rs[r].n[head],
			               true)) {
				*near = i;
				break;
			}
	}
}

static int check_term(fl__check_ctx *c, const fl__scan_text *t,
                      const fl__term *term)
{
	const fl__lang_strings *ex = fl__lang_strings_find(
	    term->expect, term->expect_count, c->lang->profile->tag);
	rendering *rs = NULL;
	fl_buf expected = FL_BUF_INIT;
	size_t nr = 0, forbidden = 0, near;
	bool found;
	int error = 0;

	if (!ex || ex->count == 0)
		return 0;
	/* A forbid pattern stopped by its limits is reported by
	 * term.forbidden, which also leaves the term to it. */
	if ((error = fl__term_forbid_scan(c, t, term, count_match,
	                                  &forbidden)) == FL_ELIMIT)
		return 0;
	if (error < 0 || forbidden)
		return error;
	if (!(rs = calloc(ex->count, sizeof(*rs))))
		goto nomem;
	for (; nr < ex->count; nr++)
		if ((error = split(&rs[nr], ex->items[nr])) < 0)
			goto cleanup;
	find(c, rs, nr, &found, &near);
	if (found)
		goto cleanup;
	if (fl__term_expected(&expected, c, term) < 0)
		goto nomem;
	if (near != SIZE_MAX) {
		const fl__token *tk = &c->doc->tokens[near];
		fl_buf word = FL_BUF_INIT;
		if (fl__doc_span_utf8(&word, c->doc, tk->start, tk->end) < 0)
			goto nomem;
		error = fl__check_add(
		    c, "term.missing", FL_SEVERITY_WARNING, tk->start, tk->end,
		    expected.ptr, ex->items[0],
		    "'%s' is not rendered as the facts expect (%s); '%s' may "
		    "be a wrong rendering of it",
		    term->source, expected.ptr, word.ptr);
		fl_buf_dispose(&word);
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
	for (size_t i = 0; i < nr; i++)
		free(rs[i].key);
	free(rs);
	fl_buf_dispose(&expected);
	if (error == FL_EENCODING)
		error = fl__fail(c->err, c->errlen, error,
		                 "%s:%zu: a rendering of '%s' is not UTF-8",
		                 c->facts->path, term->line, term->source);
	return error;
}

/* term.missing: terms none of whose renderings the document holds.
 * Returns 0 or a negative code (message in c->err). */
static int check_term_missing(fl__check_ctx *c)
{
	fl__scan_text t;
	int error = 0;

	if (!c->facts || c->facts->term_count == 0 || c->partial)
		return 0;
	if ((error = fl__scan_text_init(&t, c->doc)) < 0) {
		fl__scan_text_dispose(&t);
		return fl__fail(c->err, c->errlen, error, "out of memory");
	}
	for (size_t i = 0; i < c->facts->term_count && error == 0; i++)
		error = check_term(c, &t, &c->facts->terms[i]);
	fl__scan_text_dispose(&t);
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

const fl__check_desc fl__check_term_missing =
    FL__CHECK_DESC("term_missing", rules, FL__NEEDS_FACTS | FL__NEEDS_PROFILE,
                   check_term_missing, NULL);
