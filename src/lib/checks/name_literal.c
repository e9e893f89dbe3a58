/*
 * name.literal — a name made of ordinary words translated word for word:
 * "Scale AI" as "IA em escala" or "مقياس الذكاء الاصطناعي", "Surge" as
 * "الطفرة". A spell checker sees nothing wrong; the bilingual lexicon
 * (rules/lexicon/en-<lang>.tsv, from FreeDict) says what a dictionary
 * makes of each word of a name, and the check looks for those renderings
 * where the name should be.
 *
 *  error    two or more words of one name side by side (at most two short
 *           words between them), at least one of them translated: "IA em
 *           escala", "escala de IA", "escala AI", "AI المقياس".
 *  error    a translation of the name's first word alone where a name
 *           stands: capitalised inside a sentence in a script with case
 *           ("a Escala anunciou"); in Arabic and Hebrew, with the definite
 *           article and next to another entity's mention ("ورفضت الطفرة
 *           والميركور"), for an entity the document never names; a warning when
 *           it names it, but fewer times than the original. At most as
 *           many as the mentions missing.
 *
 * The first whatever the count: a name translated word for word is wrong
 * however often it is also written right (a facts file written by a
 * person seldom gives counts). The second only while the document names
 * the entity less often than the original does (the facts' count; once
 * when not given).
 *
 * People's names are skipped (a surname that is a word is still a name),
 * and so is a rendering that is the English word itself ("meta"). Of
 * facts extracted from the original, only brand-like names are checked.
 */
#include "checks.h"
#include "registry.h"

#include "../lang/bilingual.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_LIT_MAX_WORDS  6  /* words of a name looked at */
#define FL_LIT_MAX_RENDER 32 /* renderings per word */
#define FL_LIT_MAX_GAP    2  /* short words between two words of a name */
#define FL_LIT_GAP_WORD   4  /* how short: "em", "de", "da", "للـ" */
#define FL_LIT_NEAR_NAME  2  /* tokens between a single and a name */
/* A lone word is taken for the name only in the first senses the lexicon
 * gives (curated first, then the dictionary's order): "طفرة" for surge, not
 * "موجة"; for a name of several words only the first two ("النطاق" for
 * Scale AI, not "الشركة" for Business Insider). */
#define FL_LIT_SINGLE_RANK       4
#define FL_LIT_SINGLE_RANK_MULTI 2

/* One rendering of a name word, as match keys of its words. */
typedef struct {
	uint16_t *key; /* word keys joined by single spaces */
	size_t n;
	uint8_t word;  /* which word of the name */
	uint8_t rank;  /* place among the word's renderings (0: first) */
	bool orig;     /* the English word itself, untranslated */
	uint32_t next; /* next phrase with the same first word + 1, or 0 */
	uint32_t entity;
} phrase;

typedef struct {
	uint32_t entity;
	uint32_t tf, tl; /* token range */
	uint8_t word;
	uint8_t rank;
	bool orig;
} hit;

/* Key of token i without the language's clitic, or the whole key: does
 * either equal w[0,wn)? */
static bool token_is(const fl__check_ctx *c, size_t i, const uint16_t *w,
                     size_t wn)
{
	const fl__token *t = &c->doc->tokens[i];
	const uint16_t *k = fl__tok_key(c->doc, t);
	size_t n = t->keylen;
	if (n == wn && memcmp(k, w, wn * 2) == 0)
		return true;
	for (size_t p = 0; p < c->lang->prefixes.count; p++) {
		size_t pl = c->lang->prefixes.lens[p];
		if (pl + wn == n &&
		    memcmp(k, c->lang->prefixes.keys[p], pl * 2) == 0 &&
		    memcmp(k + pl, w, wn * 2) == 0)
			return true;
	}
	return false;
}

/* Whether phrase ph stands at token i; *last gets its last token. */
static bool phrase_at(const fl__check_ctx *c, const phrase *ph, size_t i,
                      size_t *last)
{
	const fl__doc *d = c->doc;
	size_t a = 0, j = i;
	while (a < ph->n) {
		size_t b = a;
		while (b < ph->n && ph->key[b] != ' ')
			b++;
		if (j >= d->token_count || d->tokens[j].kind != FL_TOK_WORD ||
		    (j > i && !fl__doc_gap_is_space(d, d->tokens[j - 1].end,
		                                    d->tokens[j].start)) ||
		    !token_is(c, j, ph->key + a, b - a))
			return false;
		a = b + 1;
		j++;
	}
	*last = j - 1;
	return true;
}

static void phrases_dispose(phrase *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i].key);
	free(p);
}

/* The renderings of the words of name (ASCII words only), into *out. */
static int name_phrases(phrase **out, size_t *count, size_t *words,
                        const fl__bilex *bl, const char *name)
{
	phrase *p = NULL;
	size_t n = 0, cap = 0, w = 0;
	const char *s = name;
	int error = 0;

	while (*s && w < FL_LIT_MAX_WORDS && error == 0) {
		const char *e = s, *r[FL_LIT_MAX_RENDER + 1];
		size_t len, nr;
		uint16_t *own = NULL;
		size_t ownlen = 0;
		bool ascii = true;
		while (*e && *e != ' ' && *e != '-')
			e++;
		len = (size_t)(e - s);
		for (size_t k = 0; k < len; k++)
			ascii &= (s[k] >= 'a' && s[k] <= 'z') ||
			         (s[k] >= 'A' && s[k] <= 'Z');
		if (len == 0 || !ascii) {
			s = *e ? e + 1 : e;
			continue;
		}
		nr = fl__bilex_get(bl, s, len, r + 1, FL_LIT_MAX_RENDER);
		if (nr > FL_LIT_MAX_RENDER)
			nr = FL_LIT_MAX_RENDER;
		if ((error = fl__match_key_utf8(&own, &ownlen, s, len)) < 0)
			break;
		for (size_t k = 0; k <= nr && error == 0; k++) {
			phrase *ph;
			if (fl__grow((void **)&p, &cap, n + 1, sizeof(*p)) <
			    0) {
				error = FL_ENOMEM;
				break;
			}
			ph = &p[n];
			memset(ph, 0, sizeof(*ph));
			ph->word = (uint8_t)w;
			ph->orig = k == 0;
			ph->rank = (uint8_t)(k > 0 ? k - 1 : 0);
			if (k == 0) {
				ph->key = own;
				ph->n = ownlen;
				own = NULL;
			} else if ((error = fl__match_key_utf8(
			                &ph->key, &ph->n, r[k], strlen(r[k]))) <
			           0) {
				break;
			}
			/* A "translation" that is the word itself is the name
			 * kept, not translated. */
			if (k > 0 && ph->n == p[n - k].n &&
			    memcmp(ph->key, p[n - k].key, ph->n * 2) == 0) {
				free(ph->key);
				continue;
			}
			if (ph->n > 0)
				n++;
			else
				free(ph->key);
		}
		free(own);
		w++;
		s = *e ? e + 1 : e;
	}
	if (error < 0) {
		phrases_dispose(p, n);
		return error;
	}
	*out = p;
	*count = n;
	*words = w;
	return 0;
}

/* A short word that may stand between two words of a name. */
static bool gap_word(const fl__doc *d, size_t i)
{
	const fl__token *t = &d->tokens[i];
	return t->kind == FL_TOK_WORD && t->keylen > 0 &&
	       t->keylen <= FL_LIT_GAP_WORD &&
	       fl__doc_gap_is_space(d, d->tokens[i - 1].end, t->start);
}

static int hit_cmp(const void *a, const void *b)
{
	const hit *x = a, *y = b;
	if (x->entity != y->entity)
		return x->entity < y->entity ? -1 : 1;
	if (x->tf != y->tf)
		return x->tf < y->tf ? -1 : 1;
	return x->tl > y->tl ? -1 : x->tl < y->tl ? 1 : 0;
}

/* The document's mentions by the token they start at and the token they
 * end at, so that what lies next to a word is found by looking at a few
 * tokens, not at every mention. */
typedef struct {
	uint32_t *first_head, *last_head; /* per token: mention + 1, 0: none */
	uint32_t *first_next, *last_next; /* per mention: next + 1 */
} mention_at;

static void mention_at_dispose(mention_at *ma)
{
	free(ma->first_head);
	free(ma->last_head);
	free(ma->first_next);
	free(ma->last_next);
}

/* Builds ma over c's mentions. Returns 0 or FL_ENOMEM. */
static int mention_at_build(mention_at *ma, const fl__check_ctx *c)
{
	size_t nt = c->doc->token_count + 1, nm = c->mention_count + 1;
	ma->first_head = calloc(nt, sizeof(*ma->first_head));
	ma->last_head = calloc(nt, sizeof(*ma->last_head));
	ma->first_next = calloc(nm, sizeof(*ma->first_next));
	ma->last_next = calloc(nm, sizeof(*ma->last_next));
	if (!ma->first_head || !ma->last_head || !ma->first_next ||
	    !ma->last_next)
		return FL_ENOMEM;
	for (size_t m = c->mention_count; m-- > 0;) {
		const fl__mention *x = &c->mentions[m];
		if (x->tok_first >= nt || x->tok_last >= nt)
			continue;
		ma->first_next[m] = ma->first_head[x->tok_first];
		ma->first_head[x->tok_first] = (uint32_t)m + 1;
		ma->last_next[m] = ma->last_head[x->tok_last];
		ma->last_head[x->tok_last] = (uint32_t)m + 1;
	}
	return 0;
}

/* Whether a mention of another entity than e lies within
 * FL_LIT_NEAR_NAME tokens of [tf, tl]: one starting in the FL_LIT_NEAR_NAME
 * + 1 tokens after tl, or ending in those before tf. */
static bool near_name(const fl__check_ctx *c, const mention_at *ma, uint32_t e,
                      size_t tf, size_t tl)
{
	size_t nt = c->doc->token_count;
	for (size_t p = tl + 1; p <= tl + FL_LIT_NEAR_NAME + 1 && p < nt; p++)
		for (uint32_t m = ma->first_head[p]; m;
		     m = ma->first_next[m - 1])
			if (c->mentions[m - 1].entity != e)
				return true;
	for (size_t d = 1; d <= FL_LIT_NEAR_NAME + 1 && d <= tf; d++)
		for (uint32_t m = ma->last_head[tf - d]; m;
		     m = ma->last_next[m - 1])
			if (c->mentions[m - 1].entity != e)
				return true;
	return false;
}

/*
 * Whether a lone translated word at hit x stands where a name would: in a
 * script with case, capitalised inside a sentence; without case, with the
 * definite article (names translated as words take it: "الطفرة") and next to
 * another name ("الطفرة والميركور").
 */
static bool single_fits(const fl__check_ctx *c, const mention_at *ma,
                        uint32_t e, const hit *x)
{
	const fl__token *t = &c->doc->tokens[x->tf];
	const uint16_t *k = fl__tok_key(c->doc, t);
	bool near = near_name(c, ma, e, x->tf, x->tl), article = false;

	/* "l'entreprise" next to a name is only a company */
	if (fl__script_is_cased(t->script))
		return (t->flags & FL_TOKF_TITLE) && !(t->flags & FL_TOKF_SENT);
	for (size_t p = 0; p < c->lang->articles.count; p++) {
		size_t pl = c->lang->articles.lens[p];
		if (pl + 2 <= t->keylen &&
		    memcmp(k, c->lang->articles.keys[p], pl * 2) == 0)
			article = true;
	}
	return near && article;
}

/*
 * Whether the untranslated word at token i, kept as written in a span of
 * renderings, runs on into a longer phrase of the same kind through its
 * neighbour j (i - 1 or i + 1): a word of its own script in a text of
 * another script ("تشغيل AI Image Generation": the "AI" of a Latin phrase,
 * not of "Play AI"), or, in a cased script, a capitalised word. Such a word
 * belongs to that phrase, not to the name.
 */
static bool orig_runs_on(const fl__check_ctx *c, size_t i, size_t j)
{
	const fl__doc *d = c->doc;
	const fl__token *t = &d->tokens[i], *u;
	if (j >= d->token_count)
		return false;
	u = &d->tokens[j];
	if (u->kind != FL_TOK_WORD ||
	    !fl__doc_gap_is_space(d, j < i ? u->end : t->end,
	                          j < i ? t->start : u->start))
		return false;
	if (c->lang->script >= 0 && t->script != c->lang->script)
		return u->script == t->script;
	return fl__script_is_cased(u->script) &&
	       (u->flags & (FL_TOKF_TITLE | FL_TOKF_UPPER | FL_TOKF_MIXED)) &&
	       !(u->flags & FL_TOKF_SENT);
}

/* Text of tokens [tf, tl] as UTF-8 into buf. */
static void span_text(const fl__doc *d, size_t tf, size_t tl, char *buf,
                      size_t cap)
{
	fl__u16_to_utf8_buf(buf, cap, d->text + d->tokens[tf].start,
	                    d->tokens[tl].end - d->tokens[tf].start);
}

/* Checks entity e: finds the renderings of its words, joins neighbours
 * into spans, reports. */
/* Per token: how many clitics of the language it starts with (at most
 * FL_LIT_CLITICS), then their lengths. */
#define FL_LIT_CLITICS 3
typedef struct {
	uint8_t n, len[FL_LIT_CLITICS];
} clitic_set;

/* Reports entity e from its hits h[0,nh) (sorted by place); nwords: the
 * words of its name. */
static int check_entity(fl__check_ctx *c, const mention_at *ma, uint32_t e,
                        const hit *h, size_t nh, size_t nwords)
{
	const fl__doc *d = c->doc;
	const fl__entity *en = &c->facts->entities[e];
	const fl__lang_strings *rs = fl__lang_strings_find(
	    en->renderings, en->rendering_count, c->lang->profile->tag);
	const char *keep = rs && rs->count ? rs->items[0] : en->name;
	uint32_t want = fl__expected_mentions(c, e), have = c->found[e];
	uint32_t singles = want > have ? want - have : 0;
	int error = 0;

	/* In windows the allowance is the document's, used up window after
	 * window. */
	if (c->ds && c->ds->singles && e < c->ds->entity_count &&
	    c->ds->singles[e])
		singles = c->ds->singles[e] - 1;

	for (size_t a = 0; a < nh && error == 0;) {
		/* Grow a span from hit a: the next hit starts right after it
		 * or after at most FL_LIT_MAX_GAP short words, and is another
		 * word of the name. */
		size_t b = a, tl = h[a].tl;
		unsigned seen = 1u << h[a].word, translated = !h[a].orig;
		for (size_t k = a + 1; k < nh; k++) {
			bool ok = h[k].tf > tl &&
			          h[k].tf - tl - 1 <= FL_LIT_MAX_GAP &&
			          !(seen & (1u << h[k].word));
			for (size_t g = tl + 1; ok && g < h[k].tf; g++)
				ok = gap_word(d, g);
			if (h[k].tf <= tl)
				continue; /* a shorter hit inside this one */
			if (!ok)
				break;
			seen |= 1u << h[k].word;
			translated |= !h[k].orig;
			tl = h[k].tl;
			b = k;
		}
		/* A kept word at either end that runs on into another
		 * phrase is that phrase's, not the name's. */
		if (b > a && translated &&
		    ((h[a].orig && h[a].tf > 0 &&
		      orig_runs_on(c, h[a].tf, h[a].tf - 1)) ||
		     (h[b].orig && orig_runs_on(c, h[b].tl, h[b].tl + 1))))
			translated = false;
		if (b > a && translated) {
			char text[256];
			span_text(d, h[a].tf, tl, text, sizeof(text));
			error = fl__check_add(
			    c, "name.literal",
			    fl__fact_severity(FL_SEVERITY_ERROR, en->extracted),
			    d->tokens[h[a].tf].start, d->tokens[tl].end,
			    en->name, keep,
			    "'%s' translates the name '%s' word for word; a "
			    "name is kept, not translated",
			    text, en->name);
			for (size_t g = h[a].tf; g <= tl; g++)
				c->claimed[g] = 1;
		} else if (!h[a].orig && h[a].word == 0 && singles > 0 &&
		           !c->claimed[h[a].tf] &&
		           h[a].rank < (nwords == 1
		                            ? FL_LIT_SINGLE_RANK
		                            : FL_LIT_SINGLE_RANK_MULTI) &&
		           single_fits(c, ma, e, &h[a])) {
			char text[256];
			span_text(d, h[a].tf, h[a].tl, text, sizeof(text));
			error = fl__check_add(
			    c, "name.literal",
			    fl__fact_severity(have == 0 ? FL_SEVERITY_ERROR
			                                : FL_SEVERITY_WARNING,
			                      en->extracted),
			    d->tokens[h[a].tf].start, d->tokens[h[a].tl].end,
			    en->name, keep,
			    "'%s' may be the name '%s' translated as a word "
			    "(the name is %s here)",
			    text, en->name,
			    have == 0 ? "missing"
			              : "rarer than in the original");
			singles--;
			for (size_t g = h[a].tf; g <= h[a].tl; g++)
				c->claimed[g] = 1;
		}
		a = b + 1;
	}
	if (c->ds && c->ds->singles && e < c->ds->entity_count)
		c->ds->singles[e] =
		    singles == UINT32_MAX ? singles : singles + 1;
	return error;
}

/* A name that looks like a brand: a CamelCase word ("OpenAI",
 * "WaveForms"), or words with lower case ending in capitals ("Scale AI",
 * "Play AI"). Of extracted facts only such names are checked: a name of
 * ordinary words found by extraction may be an institution or a place
 * that every translator translates (Supreme Court, US National Cancer
 * Institute), and a name all in capitals is a shouted headline. */
bool fl__brand_like(const char *name)
{
	bool camel = false, lower_word = false, last_upper = false;
	for (const char *p = name; *p;) {
		size_t upper = 0, lower = 0, n = 0;
		bool inner_upper = false;
		while (*p == ' ' || *p == '-')
			p++;
		if (!*p)
			break;
		for (; *p && *p != ' ' && *p != '-'; p++, n++) {
			if (*p >= 'A' && *p <= 'Z') {
				upper++;
				inner_upper |= n > 0 && lower > 0;
			} else if (*p >= 'a' && *p <= 'z') {
				lower++;
			}
		}
		camel |= inner_upper;
		lower_word |= lower > 0;
		last_upper = upper >= 2 && lower == 0;
	}
	return camel || (lower_word && last_upper);
}

/* name.literal: names of ordinary words translated word for word. Returns
 * 0 or a negative code (message in c->err). */
static int check_name_literal(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	uint32_t *mention_of = NULL;
	clitic_set *clitics = NULL;
	phrase *ph = NULL;
	uint8_t *nwords = NULL;
	hit *h = NULL;
	size_t np = 0, nh = 0, hcap = 0;
	fl_map first = FL_MAP_INIT; /* first word key -> phrase + 1 */
	mention_at ma = {NULL, NULL, NULL, NULL};
	int error = 0;

	if (!c->facts || !c->lang->bilex || c->facts->entity_count == 0)
		return 0;
	/* The entity (+1) each token is a mention of, and the clitics each
	 * token starts with, found once for all names. */
	mention_of = calloc(d->token_count + 1, sizeof(*mention_of));
	clitics = calloc(d->token_count + 1, sizeof(*clitics));
	nwords = calloc(c->facts->entity_count, sizeof(*nwords));
	if (!mention_of || !clitics || !nwords) {
		error = FL_ENOMEM;
		goto done;
	}
	for (size_t m = 0; m < c->mention_count; m++)
		for (uint32_t i = c->mentions[m].tok_first;
		     i <= c->mentions[m].tok_last; i++)
			mention_of[i] = c->mentions[m].entity + 1;
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		for (size_t p = 0; p < c->lang->prefixes.count &&
		                   clitics[i].n < FL_LIT_CLITICS;
		     p++) {
			size_t pl = c->lang->prefixes.lens[p];
			if (pl < t->keylen &&
			    memcmp(k, c->lang->prefixes.keys[p], pl * 2) == 0)
				clitics[i].len[clitics[i].n++] = (uint8_t)pl;
		}
	}
	/* The renderings of every checked name, by their first word, so
	 * that each token costs a look-up per clitic reading. */
	for (uint32_t e = 0; e < c->facts->entity_count && error == 0; e++) {
		const fl__entity *en = &c->facts->entities[e];
		phrase *p = NULL, *grown = NULL;
		size_t n = 0, w = 0, need;
		if (en->kind == FL_KIND_PERSON ||
		    (en->extracted && !fl__brand_like(en->name)))
			continue;
		if ((error = name_phrases(&p, &n, &w, c->lang->bilex,
		                          en->name)) < 0)
			break;
		nwords[e] = (uint8_t)w;
		if (fl__add_overflow(np, n, &need) ||
		    !(grown =
		          fl__reallocarray(ph, need ? need : 1, sizeof(*ph)))) {
			phrases_dispose(p, n);
			error = FL_ENOMEM;
			break;
		}
		ph = grown;
		for (size_t k = 0; k < n; k++) {
			ph[np + k] = p[k];
			ph[np + k].entity = e;
		}
		free(p); /* keys now owned by ph */
		np = need;
	}
	for (size_t k = 0; k < np && error == 0; k++) {
		size_t w = 0;
		uintptr_t *head;
		while (w < ph[k].n && ph[k].key[w] != ' ')
			w++;
		if (!(head =
		          fl_map_slot_of(&first, ph[k].key, w * 2, 0, NULL))) {
			error = FL_ENOMEM;
			break;
		}
		ph[k].next = (uint32_t)*head;
		*head = k + 1;
	}
	for (size_t i = 0; i < d->token_count && error == 0; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *tk = fl__tok_key(d, t);
		if (t->kind != FL_TOK_WORD || (t->flags & FL_TOKF_MASKED) ||
		    t->keylen == 0)
			continue;
		for (size_t p = 0; p <= clitics[i].n && error == 0; p++) {
			size_t pl = p ? clitics[i].len[p - 1] : 0;
			uintptr_t k1;
			if (!fl_map_get(&first, tk + pl, (t->keylen - pl) * 2,
			                &k1))
				continue;
			for (; k1; k1 = ph[k1 - 1].next) {
				const phrase *q = &ph[k1 - 1];
				size_t last;
				/* A translated word must be free; the word
				 * itself may belong to another name ("escala
				 * AI"), not to the entity's own. */
				if ((c->claimed[i] && !q->orig) ||
				    mention_of[i] == q->entity + 1 ||
				    !phrase_at(c, q, i, &last))
					continue;
				if (fl__grow((void **)&h, &hcap, nh + 1,
				             sizeof(*h)) < 0) {
					error = FL_ENOMEM;
					break;
				}
				h[nh].entity = q->entity;
				h[nh].tf = (uint32_t)i;
				h[nh].tl = (uint32_t)last;
				h[nh].word = q->word;
				h[nh].orig = q->orig;
				h[nh].rank = q->rank;
				nh++;
			}
		}
	}
	if (error == 0 && nh > 1)
		qsort(h, nh, sizeof(*h), hit_cmp);
	if (error == 0 && nh > 0)
		error = mention_at_build(&ma, c);
	for (size_t a = 0; a < nh && error == 0;) {
		size_t b = a;
		while (b < nh && h[b].entity == h[a].entity)
			b++;
		error = check_entity(c, &ma, h[a].entity, h + a, b - a,
		                     nwords[h[a].entity]);
		a = b;
	}
done:
	mention_at_dispose(&ma);
	fl_map_dispose(&first);
	free(h);
	phrases_dispose(ph, np);
	free(nwords);
	free(clitics);
	free(mention_of);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

static const fl__check_rule rules[] = {
    FL__RULE("name.literal", FL_SEVERITY_ERROR, FL__E | FL__W, NULL,
             "An entity whose name is made of ordinary words was "
             "translated word for word (\"IA em escala\" for \"Scale "
             "AI\").",
             "Driven by the bilingual lexicon of rules/lexicon/ (FreeDict): "
             "two or more words of a name side by side, at least one "
             "translated, are an error; a lone translation of its first "
             "word where a name stands (capitalised inside a sentence; in "
             "Arabic and Hebrew with the article next to another name) is "
             "an error when the entity is never named, else a warning. The "
             "phrase is reported however often the name is also written "
             "right, unless a kept word of it runs on into a longer "
             "foreign phrase. Against extracted facts an error is a "
             "warning."),
};

const fl__check_desc fl__check_name_literal =
    FL__CHECK_DESC("name_literal", rules,
                   FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                   check_name_literal, NULL);
