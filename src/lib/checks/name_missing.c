/*
 * name.missing — an entity of the original that a full translation never
 * names in any accepted form (error), or names far less often than the
 * original (fewer than a third of its mentions: warning). Off with
 * --partial, where leaving things out is the point. In aligned checking a
 * segment may name an entity by a pronoun, or the translator may move it
 * to the next segment: there the absence is a warning.
 *
 * Accepted forms are the facts' name, aliases and renderings, the exonyms
 * of CLDR (names/exonyms.h: Londres for London) and, across scripts, the
 * spellings mentions_xlit.c finds. In aligned checking a name made of
 * ordinary words (an institution, a team, an event, a war: "World War
 * Two") also counts as rendered when a dictionary translation of its
 * words (rules/lexicon) stands in the line: "Segunda Guerra Mundial".
 * A brand keeps its name: a person-written org or product, or an
 * extracted name that looks like a brand, is never rendered so.
 *
 * Facts extracted automatically guess what a name is. Their absence is
 * strong evidence only for a name the target keeps as it is: a person's
 * name, in a Latin-script target, none of whose words is an ordinary word
 * of the original's language or a place with an exonym ("Raymond",
 * "Kavanaugh", not "World War Two" or "Macedonia September" mistaken for a
 * person), and which the original's line names in full (a surname alone
 * is often a pronoun in the translation). Every other extracted name absent
 * from the translation is info: on professional translations (NTREX) most such
 * absences are names rendered by meaning, by an exonym CLDR lacks
 * (Nápoles, OTAN), in another script, or by a pronoun.
 */
#include "checks.h"
#include "registry.h"

#include "../lang/bilingual.h"
#include "../names/exonyms.h"

#include <stdlib.h>
#include <string.h>

#define FL_MISS_WORDS     8  /* words of a name looked at */
#define FL_MISS_RENDER    32 /* lexicon renderings per word */
#define FL_MISS_MIN_WORD  3  /* shorter words of a name are skipped */
#define FL_MISS_MIN_STEM  4  /* letters a word and a rendering share */
#define FL_MISS_STEM_REST 2  /* letters of the rendering beyond the stem */
#define FL_MISS_TOK_REST  4  /* letters of the token beyond the stem */
#define FL_MISS_ENDING    2  /* letters a token may add to a rendering */
#define FL_MISS_RESPELL   5  /* letters a respelling shares with a name */

/* Whether token key k[0,kn) is rendering word r[0,rn), the same stem
 * with another ending ("mundo" / "mundial", "guerra" / "guerras"), or
 * the word with a short ending ("حرب" / "حربا"). */
static bool stem_match(const uint16_t *r, size_t rn, const uint16_t *k,
                       size_t kn)
{
	size_t p = 0;
	while (p < rn && p < kn && r[p] == k[p])
		p++;
	if (p == rn && p == kn)
		return true;
	if (p == rn && rn >= FL_MISS_MIN_WORD && kn <= rn + FL_MISS_ENDING)
		return true;
	return p >= FL_MISS_MIN_STEM && p + FL_MISS_STEM_REST >= rn &&
	       p + FL_MISS_TOK_REST >= kn;
}

/* Whether some word token of the document, with or without a clitic of
 * the language, matches key r[0,rn) by stem_match. */
static bool word_in_doc(const fl__check_ctx *c, const uint16_t *r, size_t rn)
{
	const fl__doc *d = c->doc;
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		if (t->kind != FL_TOK_WORD || t->keylen == 0)
			continue;
		if (stem_match(r, rn, k, t->keylen))
			return true;
		for (size_t p = 0; p < c->lang->prefixes.count; p++) {
			size_t pl = c->lang->prefixes.lens[p];
			if (pl + FL_MISS_MIN_WORD <= t->keylen &&
			    memcmp(k, c->lang->prefixes.keys[p], pl * 2) == 0 &&
			    stem_match(r, rn, k + pl, t->keylen - pl))
				return true;
		}
	}
	return false;
}

/* Whether every word of FL_MISS_MIN_WORD letters or more of UTF-8 text s
 * (a rendering, maybe of several words) stands in the document. *out of
 * memory set on allocation failure. */
static bool phrase_in_doc(const fl__check_ctx *c, const char *s, int *error)
{
	uint16_t *k;
	size_t n, a = 0, words = 0;
	bool all = true;
	int e = fl__match_key_utf8(&k, &n, s, strlen(s));
	if (e < 0) {
		if (e == FL_ENOMEM)
			*error = e;
		return false;
	}
	while (a < n && all) {
		size_t b = a;
		while (b < n && k[b] != ' ' && k[b] != '-')
			b++;
		if (b - a >= FL_MISS_MIN_WORD) {
			words++;
			all = word_in_doc(c, k + a, b - a);
		}
		a = b + 1;
	}
	free(k);
	return all && words > 0;
}

/* A name that must keep its name: a brand, never rendered by meaning. */
static bool is_brand(const fl__entity *en)
{
	if (en->extracted)
		return fl__brand_like(en->name);
	return en->kind == FL_KIND_ORG || en->kind == FL_KIND_PRODUCT;
}

/* In aligned checking, whether name (ASCII words of the original) is
 * rendered by meaning in the line: of its words of three letters or more,
 * at least one is translated (a lexicon rendering or an exonym stands in
 * the line) and two thirds are translated or kept. Sets *error on allocation
 * failure. */
static bool rendered_by_meaning(const fl__check_ctx *c, const fl__entity *en,
                                int *error)
{
	const char *s = en->name;
	size_t total = 0, kept = 0, translated = 0;

	if (!c->aligned || !c->lang->bilex || is_brand(en))
		return false;
	while (*s && total < FL_MISS_WORDS && *error == 0) {
		const char *e = s, *r[FL_MISS_RENDER];
		char word[FL_TOKEN_MAX + 1];
		size_t len, nr;
		bool ascii = true, done = false;
		while (*e && *e != ' ' && *e != '-')
			e++;
		len = (size_t)(e - s);
		for (size_t i = 0; i < len; i++)
			ascii &= (s[i] >= 'a' && s[i] <= 'z') ||
			         (s[i] >= 'A' && s[i] <= 'Z');
		if (len >= FL_MISS_MIN_WORD && len <= FL_TOKEN_MAX) {
			total++;
			memcpy(word, s, len);
			word[len] = '\0';
			if (phrase_in_doc(c, word, error)) {
				kept++;
				done = true;
			} else {
				/* A place among the words: "Bank of England"
				 * -> "Banco da Inglaterra". */
				char *const *ex;
				size_t ne = fl__exonyms_get(c->lang->exonyms,
				                            word, &ex);
				for (size_t i = 0; i < ne && !done; i++)
					done = phrase_in_doc(c, ex[i], error);
				translated += done;
			}
			nr = ascii && !done
			         ? fl__bilex_get(c->lang->bilex, s, len, r,
			                         FL_MISS_RENDER)
			         : 0;
			for (size_t i = 0;
			     i < nr && i < FL_MISS_RENDER && !done; i++)
				done = phrase_in_doc(c, r[i], error);
			if (done && nr)
				translated++;
		}
		s = *e ? e + 1 : e;
	}
	return translated > 0 && (kept + translated) * 3 >= total * 2;
}

/* Whether byte c continues a word: an ASCII letter or digit, or a byte
 * of a non-ASCII character (taken for a letter). */
static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* Whether s[0,n) contains w[0,wn) as written (case included), as whole
 * words. */
static bool has_words(const char *s, size_t n, const char *w, size_t wn)
{
	for (size_t i = 0; wn > 0 && i + wn <= n; i++)
		if (memcmp(s + i, w, wn) == 0 &&
		    (i == 0 || !word_byte((unsigned char)s[i - 1])) &&
		    (i + wn == n || !word_byte((unsigned char)s[i + wn])))
			return true;
	return false;
}

/* How the original's line names an entity (aligned checking). */
typedef enum {
	SRC_NONE = 0, /* not as written: the fact proves no absence */
	SRC_SURNAME,  /* a person by the surname alone */
	SRC_FULL      /* the name or an alias; always outside aligned mode */
} source_naming;

/* In aligned checking, how the original's line names entity en as
 * written: its name or an alias, or for a person the surname alone (of
 * three letters or more). An extracted fact can be put on a line that
 * only holds a word of it in lower case ("so" for Raymond So) or part of
 * it ("America" for Latin America). */
static source_naming named_in_source(const fl__check_ctx *c,
                                     const fl__entity *en)
{
	const char *last;
	if (!c->source)
		return SRC_FULL;
	for (size_t a = 0; a <= en->alias_count; a++) {
		const char *nm = a ? en->aliases[a - 1] : en->name;
		if (has_words(c->source, c->source_len, nm, strlen(nm)))
			return SRC_FULL;
	}
	/* A surname of one or two letters alone ("So", "Ng") is as often
	 * a word opening a sentence. */
	last = strrchr(en->name, ' ');
	if (en->kind == FL_KIND_PERSON && last &&
	    strlen(last + 1) >= FL_MISS_MIN_WORD &&
	    has_words(c->source, c->source_len, last + 1, strlen(last + 1)))
		return SRC_SURNAME;
	return SRC_NONE;
}

/* The loose key of key k[0,n) into dst (cap units): for a word in Latin
 * letters, its ASCII transliteration ("Bjørn", "Califórnia" -> "bjorn",
 * "california"); for another script, the profile's letter folds
 * (names/variants.h). Returns the length, 0 when there is none. */
static size_t loose(const fl__check_ctx *c, const uint16_t *k, size_t n,
                    uint16_t *dst, size_t cap)
{
	bool latin = true, ascii = true;
	char a[FL_TOKEN_MAX * 4];
	int len;
	for (size_t i = 0; i < n; i++) {
		latin &= k[i] < 0x250;
		ascii &= k[i] < 0x80;
	}
	if (!latin)
		return fl__loose_key(dst, cap, k, n, &c->lang->letters);
	if (ascii) {
		size_t m = 0;
		for (size_t i = 0; i < n && m < cap; i++)
			if ((k[i] >= 'a' && k[i] <= 'z') ||
			    (k[i] >= '0' && k[i] <= '9'))
				dst[m++] = k[i];
		return m;
	}
	len = fl__translit_ascii(c->text, k, n, a, sizeof(a));
	if (len <= 0)
		return 0;
	size_t m = 0;
	for (int i = 0; i < len && m < cap; i++)
		if ((a[i] >= 'a' && a[i] <= 'z') ||
		    (a[i] >= '0' && a[i] <= '9'))
			dst[m++] = (uint16_t)a[i];
	return m;
}

/* Loose keys of the document's tokens, made when first needed, with
 * indexes so that a look for one entity costs a few hash look-ups, not a
 * scan of the document: a token that recurs is folded once (memo: its key
 * and kind -> distinct word id + 1). */
typedef struct {
	uint16_t *pool;
	size_t pool_len, pool_cap;
	uint32_t *off; /* per token, into pool */
	uint8_t *len;  /* per token; 0: none */
	fl_map memo;
	/* The index's forms of each entity: first form + 1 per entity, next
	 * form + 1 per form (0 ends), so that a look at one entity's forms
	 * does not scan every form of every entity. */
	uint32_t *form_head, *form_next;
	/* Tokens of each distinct word: first token + 1 per word, next token
	 * + 1 per token (0 ends), in document order. */
	uint32_t *word_head, *word_tail, *tok_next;
	size_t word_count, word_cap;
	/* The words a loose key reads from (the token's own loose key, or
	 * that of its key without a clitic): key -> entry + 1; and the words
	 * by the first FL_MISS_RESPELL units of their own loose key. Entries
	 * are (word, next entry + 1) pairs. */
	fl_map by_loose, by_begin;
	uint32_t *ent; /* pairs: word id, next entry + 1 */
	size_t ent_count, ent_cap;
	uint32_t *word_tok; /* per word: its first token (for its loose key) */
	bool made;
} loose_doc;

static const uint16_t *lkey(const loose_doc *ld, size_t i)
{
	return ld->pool + ld->off[i];
}

/* Files word w under key k[0,n) of map m (by_loose or by_begin). Returns 0
 * or FL_ENOMEM. */
static int file_word(loose_doc *ld, fl_map *m, const uint16_t *k, size_t n,
                     uint32_t w)
{
	uintptr_t *head = fl_map_slot_of(m, k, n * sizeof(*k), 0, NULL);
	size_t need;
	if (!head || fl__add_overflow(ld->ent_count, 2, &need) ||
	    need > UINT32_MAX ||
	    fl__grow((void **)&ld->ent, &ld->ent_cap, need, sizeof(*ld->ent)) <
	        0)
		return FL_ENOMEM;
	ld->ent[ld->ent_count] = w;
	ld->ent[ld->ent_count + 1] = (uint32_t)*head;
	*head = ld->ent_count / 2 + 1;
	ld->ent_count = need;
	return 0;
}

/* Folds a word met for the first time (token i, key k, the kind of token
 * t) into its loose keys, filing it under each: its own loose key (word
 * tokens only; into the pool, recorded for token i) and the loose key of
 * its key without each clitic of the language it starts with (two letters
 * left at least). Returns 0 or FL_ENOMEM. */
static int fold_word(loose_doc *ld, const fl__check_ctx *c, size_t i,
                     const fl__token *t, const uint16_t *k, uint32_t w)
{
	uint16_t buf[FL_TOKEN_MAX];
	size_t m = 0;
	int error;
	if (t->kind == FL_TOK_WORD)
		m = loose(c, k, t->keylen, buf, FL_TOKEN_MAX);
	if (ld->pool_len + m > UINT32_MAX >> 8 ||
	    fl__grow((void **)&ld->pool, &ld->pool_cap, ld->pool_len + m + 1,
	             sizeof(*ld->pool)) < 0)
		return FL_ENOMEM;
	memcpy(ld->pool + ld->pool_len, buf, m * sizeof(*buf));
	ld->off[i] = (uint32_t)ld->pool_len;
	ld->len[i] = (uint8_t)m;
	ld->pool_len += m;
	if (m > 0 && (error = file_word(ld, &ld->by_loose, buf, m, w)) < 0)
		return error;
	if (m >= FL_MISS_RESPELL &&
	    (error = file_word(ld, &ld->by_begin, buf, FL_MISS_RESPELL, w)) < 0)
		return error;
	for (size_t p = 0; p < c->lang->prefixes.count; p++) {
		size_t pl = c->lang->prefixes.lens[p], r;
		if (pl + 2 > t->keylen ||
		    memcmp(k, c->lang->prefixes.keys[p], pl * 2) != 0)
			continue;
		r = loose(c, k + pl, t->keylen - pl, buf, FL_TOKEN_MAX);
		if (r > 0 &&
		    (error = file_word(ld, &ld->by_loose, buf, r, w)) < 0)
			return error;
	}
	return 0;
}

/* Makes ld for the document of c: every token's loose key, the tokens of
 * each distinct word, and the words by loose key and by its beginning.
 * Linear in the document. Returns 0 or FL_ENOMEM. */
static int loose_doc_make(loose_doc *ld, const fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	size_t n = d->token_count ? d->token_count : 1;
	const fl__index *idx = c->idx;
	int error;
	ld->made = true;
	ld->off = calloc(n, sizeof(*ld->off));
	ld->len = calloc(n, sizeof(*ld->len));
	ld->tok_next = calloc(n, sizeof(*ld->tok_next));
	ld->form_head =
	    calloc(c->facts->entity_count + 1, sizeof(*ld->form_head));
	ld->form_next = calloc(idx->form_count + 1, sizeof(*ld->form_next));
	if (!ld->off || !ld->len || !ld->tok_next || !ld->form_head ||
	    !ld->form_next)
		return FL_ENOMEM;
	for (size_t g = idx->form_count; g-- > 0;) {
		uint32_t e = idx->forms[g].entity;
		ld->form_next[g] = ld->form_head[e];
		ld->form_head[e] = (uint32_t)g + 1;
	}
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		uint16_t mk[FL_TOKEN_MAX + 1];
		uintptr_t *slot;
		bool fresh = false;
		uint32_t w;
		if (t->keylen == 0)
			continue;
		/* The memo's key: the token's key and its kind. */
		memcpy(mk, k, t->keylen * sizeof(*k));
		mk[t->keylen] = (uint16_t)t->kind;
		slot = fl_map_slot_of(
		    &ld->memo, mk, (t->keylen + 1u) * sizeof(*mk), 0, &fresh);
		if (!slot)
			return FL_ENOMEM;
		if (fresh) {
			size_t need = ld->word_count + 1;
			if (need > UINT32_MAX - 1 ||
			    fl__grow((void **)&ld->word_head, &ld->word_cap,
			             need, sizeof(*ld->word_head)) < 0)
				return FL_ENOMEM;
			/* word_tail and word_tok follow word_head's capacity.
			 */
			uint32_t *tl = fl__reallocarray(
			    ld->word_tail, ld->word_cap, sizeof(*tl));
			if (!tl)
				return FL_ENOMEM;
			ld->word_tail = tl;
			tl = fl__reallocarray(ld->word_tok, ld->word_cap,
			                      sizeof(*tl));
			if (!tl)
				return FL_ENOMEM;
			ld->word_tok = tl;
			w = (uint32_t)ld->word_count++;
			*slot = w + 1;
			ld->word_head[w] = (uint32_t)i + 1;
			ld->word_tail[w] = (uint32_t)i + 1;
			ld->word_tok[w] = (uint32_t)i;
			if ((error = fold_word(ld, c, i, t, k, w)) < 0)
				return error;
			continue;
		}
		w = (uint32_t)(*slot - 1);
		ld->off[i] = ld->off[ld->word_tok[w]];
		ld->len[i] = ld->len[ld->word_tok[w]];
		ld->tok_next[ld->word_tail[w] - 1] = (uint32_t)i + 1;
		ld->word_tail[w] = (uint32_t)i + 1;
	}
	return 0;
}

static void loose_doc_dispose(loose_doc *ld)
{
	free(ld->pool);
	free(ld->off);
	free(ld->len);
	free(ld->form_head);
	free(ld->form_next);
	free(ld->word_head);
	free(ld->word_tail);
	free(ld->word_tok);
	free(ld->tok_next);
	free(ld->ent);
	fl_map_dispose(&ld->memo);
	fl_map_dispose(&ld->by_loose);
	fl_map_dispose(&ld->by_begin);
}

/* Whether, from token i (whose loose key, or that of its key without a
 * clitic, is the form's first: found through by_loose), the next tokens
 * are the rest of form f: their loose keys fk[1..] and the form's gaps. */
static bool rest_matches(const fl__check_ctx *c, const loose_doc *ld,
                         const fl__form *f, size_t i,
                         uint16_t (*fk)[FL_TOKEN_MAX], const size_t *fl)
{
	const fl__index *idx = c->idx;
	const fl__doc *d = c->doc;
	bool all = i + f->ntok <= d->token_count;
	for (uint32_t j = 1; all && j < f->ntok; j++) {
		const fl__form_tok *ft = &idx->toks[f->tok + j];
		all = ld->len[i + j] == fl[j] &&
		      memcmp(lkey(ld, i + j), fk[j], fl[j] * 2) == 0 &&
		      fl__doc_gap_equals(
		          d, d->tokens[i + j - 1].end, d->tokens[i + j].start,
		          fl__index_str(idx, ft->gap), ft->gaplen);
	}
	return all;
}

/* Whether the document writes a form of entity e in another spelling of
 * the same loose key (accents, vowel letters, ة/ه): "Bjørn" for Bjorn,
 * "Agüero" for Aguero, "داريو اموداي" for داريو أمودي. A form of one
 * word needs a loose key of three letters or more. The tokens that may
 * begin a form are found by hash (by_loose), never by a scan. */
static bool loosely_present(const fl__check_ctx *c, loose_doc *ld, uint32_t e,
                            int *error)
{
	const fl__index *idx = c->idx;
	if (!idx)
		return false;
	if (!ld->made && (*error = loose_doc_make(ld, c)) < 0)
		return false;
	for (uint32_t g1 = ld->form_head[e]; g1; g1 = ld->form_next[g1 - 1]) {
		const fl__form *f = &idx->forms[g1 - 1];
		uint16_t fk[4][FL_TOKEN_MAX];
		size_t fl[4];
		uintptr_t x;
		bool ok = f->ntok <= 4;
		for (uint32_t j = 0; ok && j < f->ntok; j++) {
			const fl__form_tok *ft = &idx->toks[f->tok + j];
			fl[j] = loose(c, fl__index_str(idx, ft->key),
			              ft->keylen, fk[j], FL_TOKEN_MAX);
			ok = fl[j] > 0 && (f->ntok > 1 || fl[j] >= 3);
		}
		if (!ok || !fl_map_get(&ld->by_loose, fk[0],
		                       fl[0] * sizeof(fk[0][0]), &x))
			continue;
		for (; x; x = ld->ent[2 * (x - 1) + 1]) {
			uint32_t w = ld->ent[2 * (x - 1)];
			for (uint32_t i1 = ld->word_head[w]; i1;
			     i1 = ld->tok_next[i1 - 1])
				if (rest_matches(c, ld, f, i1 - 1, fk, fl))
					return true;
		}
	}
	return false;
}

/* Whether the document holds a respelling of the last word of a form of
 * entity e: a word whose loose key shares with it a beginning of
 * FL_MISS_RESPELL letters or more and three quarters of the longer
 * ("Californie", "Califórnica" for California, "Pacifique" for Pacific).
 * Only the words beginning like it (by_begin) are looked at. */
static bool respelled(const fl__check_ctx *c, const loose_doc *ld, uint32_t e)
{
	const fl__index *idx = c->idx;
	for (uint32_t g1 = idx && ld->made ? ld->form_head[e] : 0; g1;
	     g1 = ld->form_next[g1 - 1]) {
		const fl__form *f = &idx->forms[g1 - 1];
		const fl__form_tok *ft;
		uint16_t k[FL_TOKEN_MAX];
		size_t n;
		uintptr_t x;
		ft = &idx->toks[f->tok + f->ntok - 1];
		n = loose(c, fl__index_str(idx, ft->key), ft->keylen, k,
		          FL_TOKEN_MAX);
		if (n < FL_MISS_RESPELL ||
		    !fl_map_get(&ld->by_begin, k, FL_MISS_RESPELL * sizeof(*k),
		                &x))
			continue;
		for (; x; x = ld->ent[2 * (x - 1) + 1]) {
			size_t i = ld->word_tok[ld->ent[2 * (x - 1)]];
			size_t p = 0, m = ld->len[i], longer = m > n ? m : n;
			while (p < n && p < m && lkey(ld, i)[p] == k[p])
				p++;
			if (p >= FL_MISS_RESPELL && p * 4 >= longer * 3)
				return true;
		}
	}
	return false;
}

/* Per entity, whether some word of its forms is an ordinary word of the
 * original's language (fl__classify_name_words): into common[]. */
static void mark_common(const fl__check_ctx *c, bool *common)
{
	for (size_t i = 0; i < c->idx->nword_count; i++)
		if (c->idx->nwords[i].cls == FL_NW_COMMON)
			common[c->idx->nwords[i].entity] = true;
}

/* Whether a word of name is a place CLDR names otherwise in the target
 * language ("Macedonia" in "Macedonia September"): then the name is no
 * person's the target keeps as it is, whatever extraction guessed. */
static bool has_place_word(const fl__check_ctx *c, const char *name)
{
	char w[FL_TOKEN_MAX + 1];
	while (*name) {
		size_t n = strcspn(name, " -");
		char *const *names;
		if (n > 0 && n <= FL_TOKEN_MAX) {
			memcpy(w, name, n);
			w[n] = '\0';
			if (fl__exonyms_get(c->lang->exonyms, w, &names) > 0)
				return true;
		}
		name += n;
		name += *name != '\0';
	}
	return false;
}

/* The severity of entity e's absence: sev, or info for an extracted name
 * the target need not keep as it is (latin: the target's script is Latin). */
static fl_severity absence_severity(const fl__check_ctx *c, uint32_t e,
                                    const bool *common, bool latin,
                                    fl_severity sev)
{
	const fl__entity *en = &c->facts->entities[e];
	if (!en->extracted)
		return sev;
	if (en->kind == FL_KIND_PERSON && !common[e] && latin &&
	    !has_place_word(c, en->name))
		return fl__fact_severity(sev, true);
	return FL_SEVERITY_INFO;
}

/* Why an info is only an info, appended to its message. */
#define WEAK_NOTE                                                              \
	"; it may be rendered by meaning, in a spelling fidelint does not "    \
	"know or by a pronoun"

static int report(fl__check_ctx *c, const fl__entity *en, fl_severity sev,
                  uint32_t found)
{
	const char *note = sev == FL_SEVERITY_INFO ? WEAK_NOTE : "";
	const char *kind = fl_entity_kind_name(en->kind);
	if (c->aligned && found == 0)
		return fl__check_add_placeless(
		    c, "name.missing", sev, en->name, en->name,
		    "the original's '%s' (line %zu) is not named in this "
		    "line%s",
		    en->name, c->line, note);
	if (c->aligned)
		return fl__check_add_placeless(
		    c, "name.missing", sev, en->name, en->name,
		    "the original's '%s' (line %zu) is named %ld times there "
		    "but %u time%s in this line%s",
		    en->name, c->line, en->count, found, found == 1 ? "" : "s",
		    note);
	if (found == 0 && en->count > 0)
		return fl__check_add_placeless(
		    c, "name.missing", sev, en->name, en->name,
		    "the original names '%s' (%s) %ld time%s, this "
		    "translation nowhere%s",
		    en->name, kind, en->count, en->count == 1 ? "" : "s", note);
	if (found == 0)
		return fl__check_add_placeless(
		    c, "name.missing", sev, en->name, en->name,
		    "the original's '%s' (%s) is named nowhere in this "
		    "translation%s",
		    en->name, kind, note);
	return fl__check_add_placeless(
	    c, "name.missing", sev, en->name, en->name,
	    "the original names '%s' %ld times, this translation only %u "
	    "time%s%s",
	    en->name, en->count, found, found == 1 ? "" : "s", note);
}

/* Windowed checking, on one window: c->found becomes the document's
 * counts (the count pass summed them), and of every entity the document
 * never names, whether this window writes it loosely or respelled
 * (c->ds->present). */
static int window_presence(fl__check_ctx *c)
{
	fl__doc_state *ds = c->ds;
	loose_doc ld;
	int error = 0;

	memcpy(c->found, ds->found, ds->entity_count * sizeof(*c->found));
	if (c->partial || !c->idx)
		return 0;
	/* Each window's loose keys are made afresh (loose_doc_make is
	 * linear in the window; its memo indexes this window's tokens). */
	memset(&ld, 0, sizeof(ld));
	for (uint32_t e = 0; e < ds->entity_count && error == 0; e++) {
		if (ds->found[e] != 0 || (ds->present[e] & 1))
			continue;
		if (loosely_present(c, &ld, e, &error))
			ds->present[e] |= 1;
		else if (error == 0 && c->facts->entities[e].extracted &&
		         !(ds->present[e] & 2) && respelled(c, &ld, e))
			ds->present[e] |= 2;
	}
	loose_doc_dispose(&ld);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

/* Whether entity e, which the document never names, is there in a
 * spelling of a loose key or respelled (in windows: in some window). */
static bool present_otherwise(const fl__check_ctx *c, loose_doc *ld, uint32_t e,
                              int *error)
{
	bool extracted = c->facts->entities[e].extracted;
	if (c->ds)
		return (c->ds->present[e] & 1) ||
		       (extracted && (c->ds->present[e] & 2));
	if (loosely_present(c, ld, e, error))
		return true;
	return *error == 0 && extracted && respelled(c, ld, e);
}

/* name.missing for every entity named too rarely; c->found holds the
 * counts. Returns 0 or a negative code (message in c->err). */
static int report_missing(fl__check_ctx *c)
{
	fl_severity base = c->aligned ? FL_SEVERITY_WARNING : FL_SEVERITY_ERROR;
	bool latin = c->lang->script == fl__script_code("Latn");
	bool *common = NULL;
	loose_doc ld;
	int error = 0;

	memset(&ld, 0, sizeof(ld));
	if (c->partial || !c->facts || c->facts->entity_count == 0)
		return 0;
	common = calloc(c->facts->entity_count, sizeof(*common));
	if (!common)
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	if (c->idx)
		mark_common(c, common);
	for (uint32_t e = 0; e < c->facts->entity_count && error == 0; e++) {
		const fl__entity *en = &c->facts->entities[e];
		uint32_t found = c->found[e];
		source_naming how;
		fl_severity sev;
		if (found == 0)
			sev = base;
		else if (en->count > 0 && (long)found * 3 < en->count)
			sev = FL_SEVERITY_WARNING;
		else
			continue;
		if (!(how = named_in_source(c, en)) ||
		    (found == 0 && present_otherwise(c, &ld, e, &error)) ||
		    error < 0 || rendered_by_meaning(c, en, &error) ||
		    error < 0)
			continue;
		sev = absence_severity(c, e, common, latin, sev);
		/* A person the line names by the surname alone is often
		 * named by a pronoun in the translation ("Giles added" ->
		 * "Il ajouta"). */
		if (how == SRC_SURNAME)
			sev = FL_SEVERITY_INFO;
		error = report(c, en, sev, found);
	}
	free(common);
	loose_doc_dispose(&ld);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

/* Tallies the mentions, then name.missing (in windows: after the last
 * window, check_name_missing_finish). Returns 0 or a negative code
 * (message in c->err). */
static int check_name_missing(fl__check_ctx *c)
{
	fl__mentions_tally(c);
	if (c->ds)
		return c->facts && c->ds->entity_count ? window_presence(c) : 0;
	return report_missing(c);
}

/* Windowed checking, after the last window: name.missing with the
 * document's counts. */
static int check_name_missing_finish(fl__check_ctx *c)
{
	uint32_t *saved = c->found;
	int error;
	if (!c->ds->found)
		return 0;
	c->found = c->ds->found;
	error = report_missing(c);
	c->found = saved;
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("name.missing", FL_SEVERITY_ERROR, FL__E | FL__W | FL__I, NULL,
             "An entity of the facts is never named, or named far less "
             "often than in the original.",
             "A full translation that never names an entity of the "
             "original (in any accepted form: name, alias, rendering, a "
             "person's surname, an exonym of CLDR such as Londres for "
             "London, a spelling differing by accents or by the vowel "
             "letters the language's profile lists) has dropped or mangled "
             "it: an error (a warning for one line of an aligned pair). "
             "Named fewer than a third as often as the facts' count: a "
             "warning. Of facts extracted automatically only a person's "
             "name in a Latin-script translation, named in full in the "
             "original, is a warning; any other extracted name is "
             "info, since it is most often rendered by meaning, by an "
             "exonym or by a pronoun. In aligned checking a name of "
             "ordinary words whose dictionary translations stand in the "
             "line (World War Two, Segunda Guerra Mundial) is rendered; a "
             "brand never is. Off with --partial."),
};

const fl__check_desc fl__check_name_missing = FL__CHECK_DESC_DOC(
    "name_missing", rules,
    FL__NEEDS_FACTS | FL__NEEDS_SOURCE | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
    check_name_missing, check_name_missing_finish);
