/*
 * name.garbled — a token that is no word of the language (nor, for
 * another script, of that script's dictionary), no form of any entity, and
 * is plausibly a corrupted entity name ("Trupge", "Grge" where the
 * original says "Surge").
 *
 * Candidates come from the facts index (name words sharing letter
 * bigrams). A score mixes the longest common subsequence (Dice over
 * letters) with shared beginnings and endings, which machine translation
 * tends to keep when it mangles a name. Two ways to be reported:
 *  - a close miss: score >= FL_GARBLE_HIGH and at most two edits, in a
 *    script with case ("Zuckerburg", "Anthropec");
 *  - a looser likeness (>= FL_GARBLE_LOW) of a token written in another
 *    script than the document's (Latin inside Arabic or Hebrew: such a
 *    token was copied from the original, so it is a name of the original)
 *    to an entity the document never names at all.
 * A word glued by a hyphen to a word of a name ("Costa-Gavas" for
 * Costa-Gavras) is compared with that name's words even when the
 * dictionary knows it alone.
 * Measured on professional translations with facts listing their names,
 * looser likeness inside the document's own script matched unrelated
 * names far too often (Sainsbury's ~ Saturday), hence these limits. Words
 * the source language knows as well-known proper nouns (exonyms differ by
 * language) or as ordinary words inside a longer name are never
 * candidates.
 */
#include "checks.h"
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_GARBLE_LOW  0.45
#define FL_GARBLE_HIGH 0.75

static size_t lcs_len(const uint16_t *a, size_t n, const uint16_t *b, size_t m)
{
	size_t row[FL_TOKEN_MAX + 1] = {0};
	for (size_t i = 1; i <= n; i++) {
		size_t diag = 0;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			row[j] = a[i - 1] == b[j - 1]  ? diag + 1
			         : row[j] > row[j - 1] ? row[j]
			                               : row[j - 1];
			diag = up;
		}
	}
	return row[m];
}

/* Optimal string alignment distance (Damerau-Levenshtein without
 * repeated edits of one substring). */
static size_t osa_distance(const uint16_t *a, size_t n, const uint16_t *b,
                           size_t m)
{
	size_t r0[FL_TOKEN_MAX + 1], r1[FL_TOKEN_MAX + 1], r2[FL_TOKEN_MAX + 1];
	size_t *pp = r0, *p = r1, *cur = r2;
	for (size_t j = 0; j <= m; j++)
		p[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = p[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (p[j - 1] + cost < v)
				v = p[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
		size_t *t = pp;
		pp = p;
		p = cur;
		cur = t;
	}
	return p[m];
}

/*
 * The score of a name word b[0,m) for a token a[0,n): a mix of their
 * longest common subsequence (Dice over letters) and shared beginning and
 * ending. A token cannot reach `floor` when even a common subsequence as
 * long as the shorter word would leave it below: then the subsequence is
 * not computed and the score returned is -1 (below any floor).
 */
static double closeness(const uint16_t *a, size_t n, const uint16_t *b,
                        size_t m, double floor)
{
	size_t pre = 0, suf = 0, l;
	double affix;
	while (pre < n && pre < m && a[pre] == b[pre])
		pre++;
	while (suf < n && suf < m && a[n - 1 - suf] == b[m - 1 - suf])
		suf++;
	affix = ((pre < 3 ? pre : 3) + (suf < 3 ? suf : 3)) / 4.0;
	if (affix > 1.0)
		affix = 1.0;
	/* The same arithmetic with the longest subsequence possible: a
	 * ceiling of the score. */
	l = n < m ? n : m;
	if (0.6 * (2.0 * (double)l / (double)(n + m)) + 0.4 * affix < floor)
		return -1.0;
	l = lcs_len(a, n, b, m);
	return 0.6 * (2.0 * (double)l / (double)(n + m)) + 0.4 * affix;
}

/*
 * closeness() of a token and a name word, without a clitic of the
 * language glued to the token ("ال" in "التعهيد"): shared only because of
 * the article, a beginning says nothing. When the name word starts with
 * the same letters ("ألكسندر"), they are set aside on both sides. A score
 * that cannot reach floor may be returned as -1.
 */
static double score_pair(const fl__check_ctx *c, const uint16_t *a, size_t n,
                         const uint16_t *b, size_t m, double floor)
{
	size_t pl = fl__lex_strip_prefix(c->lang, a, n, 3);
	if (pl > 0) {
		a += pl;
		n -= pl;
		if (m > pl + 2 && memcmp(a - pl, b, pl * sizeof(*a)) == 0) {
			b += pl;
			m -= pl;
		}
	}
	return closeness(a, n, b, m, floor);
}

/* Capital or small at the start like the name's word, where the script
 * has case: "Trupge" may be "Surge", "escaleiros" is no "Scale". */
static bool same_shape(const fl__token *t, const fl__name_word *w)
{
	const unsigned big = FL_TOKF_UPPER | FL_TOKF_TITLE | FL_TOKF_MIXED;
	if (!fl__script_is_cased(t->script))
		return true;
	return !(t->flags & big) == !(w->shape & big);
}

/* Token t and name word w are the same letters but for diacritics, or but
 * for the document language's spelling of foreign names (its profile's
 * `respell` rules, applied to the token). */
static bool same_letters(fl__check_ctx *c, const fl__token *t,
                         const fl__name_word *w)
{
	char a[4 * FL_TOKEN_MAX], b[4 * FL_TOKEN_MAX];
	uint16_t *k = NULL;
	size_t kn = 0;
	int na, nb;
	na = fl__translit_ascii(c->text, fl__tok_key(c->doc, t), t->keylen, a,
	                        sizeof(a));
	if (na <= 0 ||
	    fl__match_key_utf8(&k, &kn, w->display, strlen(w->display)) < 0)
		return false;
	nb = fl__translit_ascii(c->text, k, kn, b, sizeof(b));
	free(k);
	if (nb == na && memcmp(a, b, (size_t)na) == 0)
		return true;
	/* The language's way of spelling a foreign name (German
	 * "Iwangorod" for Ivangorod, French "Donskoï" for Donskoy). */
	if (nb > 0 && c->lang->profile->respell_count > 0) {
		char r[4 * FL_TOKEN_MAX];
		int nr = fl__profile_respell(c->lang->profile, a, (size_t)na, r,
		                             sizeof(r));
		return nr == nb && memcmp(r, b, (size_t)nb) == 0;
	}
	return false;
}

/* Whether tokens a and b (a < b, neighbours) are joined by one hyphen and
 * nothing else: "Costa-Gavas". */
static bool hyphen_joined(const fl__doc *d, size_t a, size_t b)
{
	uint32_t e = d->tokens[a].end, s = d->tokens[b].start;
	uint16_t h = e < s ? d->text[e] : 0;
	return s == e + 1 && (h == '-' || h == 0x2010 || h == 0x2011);
}

/*
 * Entity id + 1 of a word of a name that token i is glued to by a hyphen
 * ("Costa-" before "Gavas"), or 0. Such a token is a part of a hyphenated
 * name however common a word it is alone ("Gravas" is Portuguese), so it is
 * compared with that entity's words even where the dictionary knows it.
 */
static uint32_t hyphen_partner(const fl__check_ctx *c, size_t i)
{
	const fl__doc *d = c->doc;
	for (int side = 0; side < 2; side++) {
		size_t j = side ? i + 1 : i - 1;
		uint32_t e;
		if ((side == 0 && i == 0) || (side && j >= d->token_count))
			continue;
		if (d->tokens[j].kind != FL_TOK_WORD ||
		    !hyphen_joined(d, side ? i : j, side ? j : i))
			continue;
		e = fl__index_word_entity(c->idx, fl__tok_key(d, &d->tokens[j]),
		                          d->tokens[j].keylen);
		if (e)
			return e;
	}
	return 0;
}

/* name.garbled: unknown words close to a word of an entity's name. Returns
 * 0 or a negative code (message in c->err). */
static int check_name_garbled(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	const fl__index *idx = c->idx;
	uint32_t *scratch = NULL;
	/* Room for every name word: however many facts there are, no
	 * candidate is left out (a cap would drop the right one once many
	 * names share a token's letter pairs). */
	uint32_t *ids = NULL;
	/* A word met again (same fuzzy key, script and shape, no hyphen
	 * partner) has the same best candidate: found[] does not change
	 * while the check runs. Key -> best name word + 1, or 0: none. */
	fl_map memo = FL_MAP_INIT;
	int error = 0;

	if (!idx || idx->nword_count == 0)
		return 0;
	scratch = calloc(idx->nword_count, sizeof(*scratch));
	ids = calloc(idx->nword_count, sizeof(*ids));
	if (!scratch || !ids) {
		free(scratch);
		free(ids);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}

	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		uint16_t fz[FL_TOKEN_MAX], mk[FL_TOKEN_MAX + 2];
		uintptr_t *slot;
		size_t n, nc;
		uint32_t partner;
		const fl__name_word *best = NULL;
		double best_score = 0.0;
		bool best_under = false, foreign;
		fl__lex_verdict v;

		if (c->claimed[i] || t->kind != FL_TOK_WORD || t->keylen < 3 ||
		    (t->flags & (FL_TOKF_MASKED | FL_TOKF_DIGIT)))
			continue;
		/* Short capitals are acronyms, not mangled names. */
		if ((t->flags & FL_TOKF_UPPER) && t->keylen <= 5)
			continue;
		if (fl__index_word_entity(idx, fl__tok_key(d, t), t->keylen))
			continue;
		{
			/* "l’UEFA": a clitic before a word of a name */
			const uint16_t *k = fl__tok_key(d, t);
			size_t pl =
			    fl__lex_strip_prefix(c->lang, k, t->keylen, 2);
			if (pl &&
			    fl__index_word_entity(idx, k + pl, t->keylen - pl))
				continue;
		}
		partner = hyphen_partner(c, i);
		if ((error = fl__lex_lookup(&v, c, t, false)) < 0)
			goto cleanup;
		if (v != FL_LEX_UNKNOWN && !partner)
			continue;
		n = fl__fuzzy_key(fz, FL_ARRAY_SIZE(fz), fl__tok_key(d, t),
		                  t->keylen);
		if (n < 3)
			continue;
		foreign = c->lang->script >= 0 && t->script != c->lang->script;
		/* A word of the document's own script without case can only
		 * be taken on the foreign test below, which it is not: no
		 * candidate of it could be kept. */
		if (!foreign && !fl__script_is_cased(t->script))
			continue;
		mk[0] = (uint16_t)t->script;
		mk[1] = fl__script_is_cased(t->script) &&
		        !(t->flags &
		          (FL_TOKF_UPPER | FL_TOKF_TITLE | FL_TOKF_MIXED));
		memcpy(mk + 2, fz, n * sizeof(*fz));
		slot = NULL;
		if (!partner) {
			bool fresh = false;
			if (!(slot = fl_map_slot_of(&memo, mk,
			                            (n + 2) * sizeof(*mk), 0,
			                            &fresh))) {
				error = fl__fail(c->err, c->errlen, FL_ENOMEM,
				                 "out of memory");
				goto cleanup;
			}
			if (!fresh) {
				best = *slot ? &idx->nwords[*slot - 1] : NULL;
				goto decided;
			}
		}
		nc = fl__index_candidates(idx, fz, n, 2, scratch, ids,
		                          idx->nword_count);
		for (size_t k = 0; k < nc; k++) {
			const fl__name_word *w = &idx->nwords[ids[k]];
			const uint16_t *wf = fl__index_str(idx, w->fuzzy);
			size_t m = w->fuzzylen, gap = n > m ? n - m : m - n;
			double s, ratio = (double)n / (double)m;
			bool under, loose;
			if (w->script != t->script || ratio < 0.6 ||
			    ratio > 1.8 || !same_shape(t, w) ||
			    (partner && w->entity + 1 != partner))
				continue;
			/* Well-known proper nouns (Saturday, London) are
			 * written as exonyms, and an ordinary word inside a
			 * longer name (the "Labs" of "TBD Labs") is no trace of
			 * it. */
			if (w->cls == FL_NW_PROPER ||
			    (w->cls == FL_NW_COMMON && !w->alone))
				continue;
			/* Unless taken on the looser foreign test, a close
			 * miss is at most two edits away, and an edit changes
			 * the length by one letter at most: a word more
			 * letters longer or shorter is dropped before the
			 * score and the distance are computed. */
			loose = foreign && c->found[w->entity] == 0;
			if (!loose && (gap > 2 || gap * 4 > m ||
			               !fl__script_is_cased(t->script)))
				continue;
			/* Below FL_GARBLE_LOW no test passes, below
			 * FL_GARBLE_HIGH only the loose one. */
			s = score_pair(c, fz, n, wf, m,
			               loose ? FL_GARBLE_LOW : FL_GARBLE_HIGH);
			if (!(loose && s >= FL_GARBLE_LOW)) {
				size_t dist;
				if (!(s >= FL_GARBLE_HIGH &&
				      fl__script_is_cased(t->script)))
					continue;
				dist = osa_distance(fz, n, wf, m);
				if (!(dist <= 2 && dist * 4 <= m))
					continue;
			}
			under = c->found[w->entity] <
			        fl__expected_mentions(c, w->entity);
			if (!best || under > best_under ||
			    (under == best_under && s > best_score)) {
				best = w;
				best_score = s;
				best_under = under;
			}
		}
		if (slot)
			*slot = best ? (uintptr_t)(best - idx->nwords) + 1 : 0;
	decided:
		if (!best)
			continue;
		if (same_letters(c, t, best))
			continue; /* "Bjørn" for Bjorn, "José" for Jose */
		{
			fl_buf text = FL_BUF_INIT;
			const fl__entity *en =
			    &c->facts->entities[best->entity];
			if (fl__doc_span_utf8(&text, d, t->start, t->end) < 0) {
				error = fl__fail(c->err, c->errlen, FL_ENOMEM,
				                 "out of memory");
				goto cleanup;
			}
			/* Counts only where the facts give them. */
			char counts[96] = "";
			if (en->count > 0)
				snprintf(counts, sizeof(counts),
				         "; named %u time%s here, %ld in the "
				         "original",
				         c->found[best->entity],
				         c->found[best->entity] == 1 ? "" : "s",
				         en->count);
			error = fl__check_add(
			    c, "name.garbled",
			    fl__fact_severity(FL_SEVERITY_ERROR, en->extracted),
			    t->start, t->end, en->name, best->display,
			    "'%s' %s looks like a garbled '%s' (%s%s)",
			    text.ptr,
			    v == FL_LEX_UNKNOWN ? "is not a word and"
			                        : "in this hyphenated name",
			    best->display, en->name, counts);
			fl_buf_dispose(&text);
			if (error < 0)
				goto cleanup;
			c->claimed[i] = 1;
		}
	}
cleanup:
	fl_map_dispose(&memo);
	free(scratch);
	free(ids);
	return error;
}

/* The rule's description covers the cross-script near misses of
 * mentions_xlit.c too, whose descriptor adds their severities. */
static const fl__check_rule rules[] = {
    FL__RULE("name.garbled", FL_SEVERITY_ERROR, FL__E | FL__W, NULL,
             "A non-word that looks like a garbled entity name "
             "(\"Trupge\" for \"Surge\").",
             "A word no dictionary of the language knows, no form of any "
             "entity, and close to a word of an entity's name (letters in "
             "common, shared beginning or ending, capitalisation, "
             "length) is most likely the name garbled by the translation "
             "system. A word glued by a hyphen to a word of a name is "
             "compared even when the dictionary knows it (\"Costa-Gavas\"); "
             "a respelling by the language's conventions for foreign "
             "names (German \"Iwangorod\", French \"Donskoï\": the "
             "profile's respell rules) is the name, no garble. In Arabic "
             "and Hebrew, a word whose consonant skeleton is one consonant "
             "away from a Latin name's is a warning, and an info against a "
             "name fidelint extracted itself (standard renderings such as "
             "ארדואן for Erdogan are near misses as often as garbles). "
             "Against extracted facts an error is a warning. The "
             "suggestion is the name's word."),
};

const fl__check_desc fl__check_name_garbled =
    FL__CHECK_DESC("name_garbled", rules,
                   FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                   check_name_garbled, NULL);
