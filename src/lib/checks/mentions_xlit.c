/*
 * Mentions across scripts (not a rule): in a document whose script is not
 * Latin, an entity's Latin name is also found where the translation spells
 * it in its own script with no rendering listed in the facts: "زوكربيرغ"
 * for Zuckerberg, "רובן מאייר" for Ruben Mayer. Both sides go through
 * ICU's transliteration to ASCII and the consonant skeleton of
 * xlit/skeleton.c (tolerant of vowels, doubled letters, c/k/q, g/j, b/p/f/v,
 * s/z/sh).
 *
 * A short skeleton counts only where the dictionary does not know the
 * word; a single word of two consonants ("وانغ", Wang: n-g) would match
 * too much, so it counts only for an entity already found in full. A near miss
 * (one consonant off) of an unknown word is reported as name.garbled, for an
 * entity the document names less often than the original: a warning, since on
 * professional translations (NTREX) exonyms (נאפולי for Naples) and other
 * spellings (ארדואן for Erdogan) are near misses as often as garbles are.
 */
#include "checks.h"
#include "registry.h"

#include "../xlit/skeleton.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_XLIT_MAX_TOKENS 4 /* words of a form tried */
#define FL_XLIT_SHORT      3 /* a skeleton this short needs more proof */
#define FL_XLIT_READINGS   4 /* clitic readings of a token tried */

/* The skeletons of one text: count of them, sk[v] NUL-ended, len[v]
 * letters long. A skeletons_room holds as many as there can be; a copy
 * kept for later (run_skeletons) only its count. */
typedef struct {
	uint8_t count;
	uint8_t len[FL_SKELETON_VARIANTS];
	char sk[][FL_SKELETON_MAX];
} skeletons;

/* Room for the skeletons of any text. */
typedef union {
	skeletons s;
	char room[sizeof(skeletons) + FL_SKELETON_VARIANTS * FL_SKELETON_MAX];
} skeletons_room;

/* Readings that change the skeleton of a transliterated Arabic or Hebrew
 * word: ICU writes וו as "ww" and غ as "gh", never "ch" or "v". */
#define NATIVE_READINGS (FL_SKELETON_WW_V | FL_SKELETON_GH_SILENT)
#define ALL_READINGS    (FL_SKELETON_VARIANTS - 1u)

/* The readings (FL_SKELETON_* bits) that can change the skeleton of ASCII
 * text a[0,n): a reading whose letters are absent ("ch", a second "ch",
 * "ww", "v", "gh") reads it as the variant without it does, so its
 * skeletons would only repeat ones already made. */
static unsigned readings_of(const char *a, size_t n)
{
	unsigned r = 0, nch = 0;
	for (size_t i = 0; i < n; i++) {
		char d = i + 1 < n ? a[i + 1] : '\0';
		if (a[i] == 'c' && d == 'h' && ++nch >= 2)
			r |= FL_SKELETON_CH2_K;
		if (a[i] == 'c' && d == 'h')
			r |= FL_SKELETON_CH_K;
		if (a[i] == 'w' && d == 'w')
			r |= FL_SKELETON_WW_V;
		if (a[i] == 'g' && d == 'h')
			r |= FL_SKELETON_GH_SILENT;
		if (a[i] == 'v')
			r |= FL_SKELETON_V_SILENT;
	}
	return r;
}

/* The distinct skeletons of ASCII text a, with the readings in mask, into
 * out. */
static void all_skeletons(skeletons *out, const char *a, size_t n,
                          unsigned mask)
{
	out->count = 0;
	mask &= readings_of(a, n);
	for (unsigned v = 0; v < FL_SKELETON_VARIANTS; v++) {
		char s[FL_SKELETON_MAX];
		size_t len;
		bool dup = false;
		if (v & ~mask)
			continue;
		len = fl__skeleton(a, n, s, v);
		if (len == 0)
			continue;
		for (size_t k = 0; k < out->count && !dup; k++)
			dup = out->len[k] == len &&
			      memcmp(out->sk[k], s, len) == 0;
		if (dup)
			continue;
		memcpy(out->sk[out->count], s, len + 1);
		out->len[out->count++] = (uint8_t)len;
	}
}

/* The skeleton at *p in a pool of them (each a length byte, its letters
 * and a NUL): its letters and *len; *p moves to the next one. */
static const char *pool_next(const char **p, size_t *len)
{
	const char *s = *p + 1;
	*len = (unsigned char)**p;
	*p = s + *len + 1;
	return s;
}

/* Appends the skeletons of sk to the pool (*pool, *n bytes of *cap).
 * Returns 0 or FL_ENOMEM. */
static int pool_add(char **pool, size_t *n, size_t *cap, const skeletons *sk)
{
	size_t need = 0;
	for (size_t v = 0; v < sk->count; v++)
		need += (size_t)sk->len[v] + 2;
	if (fl__grow((void **)pool, cap, *n + need, 1) < 0)
		return FL_ENOMEM;
	for (size_t v = 0; v < sk->count; v++) {
		(*pool)[(*n)++] = (char)sk->len[v];
		memcpy(*pool + *n, sk->sk[v], (size_t)sk->len[v] + 1);
		*n += (size_t)sk->len[v] + 1;
	}
	return 0;
}

/* Best verdict between any readings of a name (count skeletons of a pool
 * from name) and of a rendering; *shortest gets the shortest name
 * skeleton that agreed. */
static fl__xlit_verdict compare(const char *name, size_t count,
                                const skeletons *r, size_t *shortest)
{
	fl__xlit_verdict best = FL_XLIT_DIFFERENT;
	*shortest = FL_SKELETON_MAX;
	for (size_t i = 0; i < count; i++) {
		size_t nlen;
		const char *nsk = pool_next(&name, &nlen);
		for (size_t j = 0; j < r->count; j++) {
			fl__xlit_verdict x = fl__skeleton_compare(
			    nsk, nlen, r->sk[j], r->len[j]);
			if (x == FL_XLIT_SAME) {
				best = x;
				if (nlen < *shortest)
					*shortest = nlen;
			} else if (x == FL_XLIT_NEAR &&
			           best == FL_XLIT_DIFFERENT) {
				best = x;
			}
		}
	}
	return best;
}

/* A form of the index in Latin script; its skeletons are sk_count of the
 * table's pool from sk_off (pool_next). */
typedef struct {
	uint32_t form;
	uint32_t entity;
	uint32_t sk_off;
	uint8_t ntok;
	uint8_t sk_count;
	bool surname;
} xform;

/*
 * What fl__translit_ascii ("Any-Latin; Latin-ASCII; Lower") makes of
 * ASCII text s[0,n), without ICU: the text in lower case, as much as fits
 * in out (cap bytes, NUL-terminated), or 0 for text longer than a token.
 * Returns -1 when s is not all ASCII (ICU is then needed).
 */
static int ascii_lower(const uint16_t *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return -1;
	if (cap == 0)
		return -1;
	out[0] = '\0';
	if (n > FL_TOKEN_MAX)
		return 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		out[k++] =
		    (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out[k] = '\0';
	return (int)k;
}

/* The Latin forms of the index, and their skeletons in the pool (*pool,
 * *pool_len bytes of *pool_cap). Returns 0 or FL_ENOMEM. */
static int latin_forms(xform **out, size_t *count, char **pool,
                       size_t *pool_len, size_t *pool_cap, fl__check_ctx *c)
{
	const fl__index *idx = c->idx;
	xform *xf = NULL;
	size_t n = 0, cap = 0, off;
	skeletons_room r;
	skeletons *sk = &r.s;

	for (size_t f = 0; f < idx->form_count; f++) {
		const fl__form *fm = &idx->forms[f];
		uint16_t buf[FL_TOKEN_MAX * FL_XLIT_MAX_TOKENS];
		char ascii[4 * FL_TOKEN_MAX];
		size_t bn = 0;
		int len;
		bool ok = fm->ntok <= FL_XLIT_MAX_TOKENS;
		for (size_t t = 0; ok && t < fm->ntok; t++) {
			const fl__form_tok *ft = &idx->toks[fm->tok + t];
			const uint16_t *x = fl__index_str(idx, ft->exact);
			ok = fl__latin_text(x, ft->exactlen) &&
			     bn + ft->exactlen + 1 < FL_ARRAY_SIZE(buf);
			if (!ok)
				break;
			if (t > 0)
				buf[bn++] = ' ';
			memcpy(buf + bn, x, ft->exactlen * sizeof(*x));
			bn += ft->exactlen;
		}
		if (!ok || bn == 0)
			continue;
		len = ascii_lower(buf, bn, ascii, sizeof(ascii));
		if (len == -1)
			len = fl__translit_ascii(c->text, buf, bn, ascii,
			                         sizeof(ascii));
		if (len <= 0)
			continue;
		all_skeletons(sk, ascii, (size_t)len, ALL_READINGS);
		if (!sk->count)
			continue;
		off = *pool_len;
		if (off > UINT32_MAX ||
		    fl__grow((void **)&xf, &cap, n + 1, sizeof(*xf)) < 0 ||
		    pool_add(pool, pool_len, pool_cap, sk) < 0) {
			free(xf);
			return FL_ENOMEM;
		}
		xf[n].form = (uint32_t)f;
		xf[n].entity = fm->entity;
		xf[n].sk_off = (uint32_t)off;
		xf[n].ntok = (uint8_t)fm->ntok;
		xf[n].sk_count = sk->count;
		xf[n].surname = fm->surname;
		n++;
	}
	*out = xf;
	*count = n;
	return 0;
}

/* Skeletons of words and runs of words, by key (a document repeats its
 * words; runs are read only where a first word starts a name). */
typedef struct {
	fl_map words; /* key -> skeletons * (owned), or 1: none */
	fl_map ascii; /* one word's key -> its ASCII (owned, NUL-ended) */
} skcache;

static void skcache_dispose(skcache *sc)
{
	for (size_t i = 0; i < sc->words.cap; i++)
		if (sc->words.slots[i].key && sc->words.slots[i].value > 1)
			free((void *)sc->words.slots[i].value);
	for (size_t i = 0; i < sc->ascii.cap; i++)
		if (sc->ascii.slots[i].key)
			free((void *)sc->ascii.slots[i].value);
	fl_map_dispose(&sc->words);
	fl_map_dispose(&sc->ascii);
}

/* The ASCII transliteration of one word w[0,n), cached: *out (empty when
 * there is none). Returns 0 or FL_ENOMEM. */
static int word_ascii(fl__check_ctx *c, skcache *sc, const uint16_t *w,
                      size_t n, const char **out)
{
	char a[4 * FL_TOKEN_MAX];
	uintptr_t *slot = fl_map_slot_of(&sc->ascii, w, n * 2, 0, NULL);
	int len;
	char *copy;
	if (!slot)
		return FL_ENOMEM;
	if (*slot) {
		*out = (const char *)*slot;
		return 0;
	}
	len = fl__translit_ascii(c->text, w, n, a, sizeof(a));
	if (len < 0)
		len = 0;
	if (!(copy = malloc((size_t)len + 1)))
		return FL_ENOMEM;
	memcpy(copy, a, (size_t)len);
	copy[len] = '\0';
	*slot = (uintptr_t)copy;
	*out = copy;
	return 0;
}

/*
 * Whether the run of words buf[0,bn) (words joined by single spaces) may
 * have a skeleton filed in by_skel: the skeletons of its words'
 * transliterations (cached per word) joined by spaces. ICU's
 * transliteration to ASCII reads Arabic and Hebrew letter by letter within
 * a word, so a run reads as its words do (measured: the same on every
 * one of the 77,719 runs read in NTREX ar and he against 10,000
 * entities); the run itself is still transliterated whole once this lets
 * it through. Returns 1 (maybe), 0 (no) or FL_ENOMEM.
 */
static int run_may_match(fl__check_ctx *c, skcache *sc, const uint16_t *buf,
                         size_t bn, const fl_map *by_skel)
{
	char join[4 * FL_TOKEN_MAX];
	size_t jn = 0, a = 0;
	skeletons_room r;
	skeletons *sk = &r.s;
	int error, found = 0;
	for (size_t q = 0; q <= bn; q++) {
		const char *w;
		size_t wl;
		if (q < bn && buf[q] != ' ')
			continue;
		if ((error = word_ascii(c, sc, buf + a, q - a, &w)) < 0)
			return error;
		wl = strlen(w);
		if (jn + wl + 2 > sizeof(join))
			return 1; /* too long to tell: let ICU say */
		if (a > 0)
			join[jn++] = ' ';
		memcpy(join + jn, w, wl);
		jn += wl;
		a = q + 1;
	}
	join[jn] = '\0';
	all_skeletons(sk, join, jn, NATIVE_READINGS);
	for (size_t v = 0; v < sk->count && !found; v++)
		found = fl_map_get(by_skel, sk->sk[v], sk->len[v], NULL);
	return found;
}

/* Skeletons of tokens [i, i+k) of the document, the first without its
 * clitic (pl units): *out points into the cache. With by_skel (not NULL),
 * a run of several words whose words' skeletons are no form's is not
 * read (run_may_match). Returns 1, 0 when they cannot be read (or are
 * no form's), or FL_ENOMEM. */
static int run_skeletons(fl__check_ctx *c, skcache *sc, size_t i, size_t k,
                         size_t pl, const fl_map *by_skel,
                         const skeletons **out)
{
	const fl__doc *d = c->doc;
	uint16_t buf[FL_TOKEN_MAX * FL_XLIT_MAX_TOKENS];
	char ascii[4 * FL_TOKEN_MAX];
	const char *a = ascii;
	size_t bn = 0;
	uintptr_t *slot;
	skeletons_room room;
	skeletons *sk;
	size_t size;
	int len;

	for (size_t j = i; j < i + k; j++) {
		const fl__token *t = &d->tokens[j];
		const uint16_t *key = fl__tok_key(d, t) + (j == i ? pl : 0);
		size_t n = t->keylen - (j == i ? pl : 0);
		if (t->keylen == 0 || t->kind != FL_TOK_WORD ||
		    t->script != c->lang->script ||
		    bn + n + 1 >= FL_ARRAY_SIZE(buf) ||
		    (j > i &&
		     !fl__doc_gap_is_space(d, d->tokens[j - 1].end, t->start)))
			return 0;
		if (j > i)
			buf[bn++] = ' ';
		memcpy(buf + bn, key, n * sizeof(*key));
		bn += n;
	}
	if (!(slot = fl_map_slot_of(&sc->words, buf, bn * 2, 0, NULL)))
		return FL_ENOMEM;
	if (*slot == 1)
		return 0;
	if (*slot) {
		*out = (const skeletons *)*slot;
		return 1;
	}
	*slot = 1; /* unreadable, until shown otherwise */
	if (by_skel && k > 1 && bn <= FL_TOKEN_MAX) {
		/* A run of words no form can be: not read whole. */
		int may = run_may_match(c, sc, buf, bn, by_skel);
		if (may <= 0)
			return may;
	}
	if (k == 1) {
		/* One word: its transliteration is the one run_may_match
		 * reads the word of a run by, made once. */
		const char *w;
		int r = word_ascii(c, sc, buf, bn, &w);
		if (r < 0)
			return r;
		a = w;
		len = (int)strlen(w);
	} else {
		len =
		    fl__translit_ascii(c->text, buf, bn, ascii, sizeof(ascii));
	}
	if (len <= 0)
		return 0;
	all_skeletons(&room.s, a, (size_t)len, NATIVE_READINGS);
	if (room.s.count == 0)
		return 0;
	/* kept with room for its own skeletons only */
	size = sizeof(skeletons) + (size_t)room.s.count * FL_SKELETON_MAX;
	if (!(sk = malloc(size)))
		return FL_ENOMEM;
	memcpy(sk, &room, size);
	*slot = (uintptr_t)sk;
	*out = sk;
	return 1;
}

/* Whether the language's dictionaries know token i (clitics stripped). */
static int known_word(fl__check_ctx *c, size_t i, bool *known)
{
	fl__lex_verdict v;
	int error = fl__lex_lookup(&v, c, &c->doc->tokens[i], true);
	*known = v == FL_LEX_KNOWN;
	return error;
}

/* The Latin forms of the index by skeleton, for look-ups instead of
 * comparisons: the same for every window and both passes (xtable_get). */
typedef struct {
	xform *xf;
	size_t nx;
	char *pool; /* the forms' skeletons (pool_next) */
	size_t pool_len, pool_cap;
	fl_map by_skel; /* skeleton -> first chain entry + 1 */
	/* The 64-bit hashes (fl_map_hash) of every prefix of a skeleton, a
	 * set (open addressing, power-of-two slots, 0: empty): a filter
	 * only, whose collisions let a word through to the exact look-ups of
	 * by_skel, never keep one out. */
	uint64_t *pre;
	size_t precap, precount;
	struct chain {
		uint32_t xform, next; /* next entry + 1, or 0 */
		uint8_t len;
	} * ch;
	size_t nch, chcap;
} xtable;

/* What a pass reads: the forms (borrowed) and the skeletons of the
 * document's words. */
typedef struct {
	const xtable *t;
	skcache cache;
} xindex;

/* Frees an xtable (an fl__acc's free). */
static void xtable_free(void *p)
{
	xtable *t = p;
	if (!t)
		return;
	free(t->xf);
	free(t->pool);
	free(t->ch);
	free(t->pre);
	fl_map_dispose(&t->by_skel);
	free(t);
}

static void xindex_dispose(xindex *x)
{
	skcache_dispose(&x->cache);
	x->t = NULL;
}

/* Largest cache of skeletons kept from window to window. */
#define FL_XLIT_CACHE_KEPT ((size_t)1 << 17)

static void skcache_free(void *p)
{
	if (p)
		skcache_dispose(p);
	free(p);
}

/* In windowed checking, the skeletons of earlier windows' words: moved
 * into x->cache (give back with cache_return), so that a word recurring
 * in every window is read once. */
static void cache_borrow(fl__check_ctx *c, xindex *x)
{
	skcache *kept = c->ds ? c->ds->acc[FL__ACC_XLIT].p : NULL;
	if (kept) {
		x->cache = *kept;
		memset(kept, 0, sizeof(*kept));
	}
}

static void cache_return(fl__check_ctx *c, xindex *x)
{
	skcache *kept;
	if (!c->ds || x->cache.words.count > FL_XLIT_CACHE_KEPT)
		return;
	if (!(kept = c->ds->acc[FL__ACC_XLIT].p)) {
		if (!(kept = calloc(1, sizeof(*kept))))
			return;
		c->ds->acc[FL__ACC_XLIT].p = kept;
		c->ds->acc[FL__ACC_XLIT].free = skcache_free;
	}
	*kept = x->cache;
	memset(&x->cache, 0, sizeof(x->cache));
}

/* The empty or hash-h slot of x's prefix set (not full). */
static size_t pre_slot(const xtable *x, uint64_t h)
{
	size_t i = (size_t)h & (x->precap - 1);
	while (x->pre[i] && x->pre[i] != h)
		i = (i + 1) & (x->precap - 1);
	return i;
}

/* Adds hash h (0 is stored as 1) to x's prefix set. Returns 0 or
 * FL_ENOMEM. */
static int pre_add(xtable *x, uint64_t h)
{
	size_t i;
	h += !h;
	if ((x->precount + 1) * 2 > x->precap) {
		size_t cap = x->precap ? x->precap * 2 : 1024, old = x->precap;
		uint64_t *o = x->pre, *n;
		if (cap < old || !(n = calloc(cap, sizeof(*n))))
			return FL_ENOMEM;
		x->pre = n;
		x->precap = cap;
		for (size_t k = 0; k < old; k++)
			if (o[k])
				x->pre[pre_slot(x, o[k])] = o[k];
		free(o);
	}
	i = pre_slot(x, h);
	if (!x->pre[i]) {
		x->pre[i] = h;
		x->precount++;
	}
	return 0;
}

/* Whether hash h may be in x's prefix set. */
static bool pre_has(const xtable *x, uint64_t h)
{
	h += !h;
	return x->precap && x->pre[pre_slot(x, h)] == h;
}

/* Builds *out for the index of c: the Latin forms, their skeletons,
 * and the look-ups by skeleton and by its beginnings. Returns 0 or
 * FL_ENOMEM (*out NULL). */
static int xtable_build(xtable **out, fl__check_ctx *c)
{
	xtable *x = calloc(1, sizeof(*x));
	int error;
	*out = NULL;
	if (!x)
		return FL_ENOMEM;
	if ((error = latin_forms(&x->xf, &x->nx, &x->pool, &x->pool_len,
	                         &x->pool_cap, c)) < 0)
		goto fail;
	for (size_t f = 0; f < x->nx; f++) {
		const char *at = x->pool + x->xf[f].sk_off;
		for (size_t v = 0; v < x->xf[f].sk_count; v++) {
			size_t len;
			const char *sk = pool_next(&at, &len);
			uintptr_t *head;
			if (fl__grow((void **)&x->ch, &x->chcap, x->nch + 1,
			             sizeof(*x->ch)) < 0 ||
			    !(head = fl_map_slot_of(&x->by_skel, sk, len, 0,
			                            NULL)))
				goto nomem;
			x->ch[x->nch].xform = (uint32_t)f;
			x->ch[x->nch].len = (uint8_t)len;
			x->ch[x->nch].next = (uint32_t)*head;
			*head = ++x->nch;
			/* The hash of each prefix, as it goes. */
			uint64_t h = FL_MAP_HASH_SEED;
			for (size_t p = 0; p < len; p++)
				if (pre_add(x, h = fl_map_hash_more(h, sk + p,
				                                    1)) < 0)
					goto nomem;
		}
	}
	*out = x;
	return 0;
nomem:
	error = FL_ENOMEM;
fail:
	xtable_free(x);
	return error;
}

/*
 * Sets up x for the document of c: its forms are built once for the
 * index and kept where the later passes find them (the document state in
 * windowed checking, else the run's shared slot, which fl__checks_run
 * frees); the cache starts empty. Returns 0 or FL_ENOMEM; x is disposed
 * of by the caller either way.
 */
static int xindex_init(xindex *x, fl__check_ctx *c)
{
	fl__acc *slot = c->ds ? &c->ds->acc[FL__ACC_XFORMS] : &c->shared;
	memset(x, 0, sizeof(*x));
	if (!slot->p) {
		xtable *t;
		int error = xtable_build(&t, c);
		if (error < 0)
			return error;
		slot->p = t;
		slot->free = xtable_free;
	}
	x->t = slot->p;
	return 0;
}

/* Whether a skeleton of s starts some form's skeleton. */
static bool starts_a_form(const xindex *x, const skeletons *s)
{
	for (size_t v = 0; v < s->count; v++)
		if (pre_has(x->t, fl_map_hash(s->sk[v], s->len[v])))
			return true;
	return false;
}

/* The mention pass across scripts (no rule): an Arabic or Hebrew spelling
 * of an entity's Latin name. Returns 0 or a negative code (message in
 * c->err). */
static int find_xlit_mentions(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	xindex x;
	uint32_t *full = NULL; /* per entity: found by a form of 2+ words */
	struct {
		uint8_t n, pl[FL_XLIT_READINGS];
	} *starts = NULL;
	int error = 0;

	if (!c->idx || !c->facts || c->facts->entity_count == 0 ||
	    c->lang->script < 0 || fl__script_is_cased(c->lang->script))
		return 0;
	if ((error = xindex_init(&x, c)) < 0 ||
	    !(full = calloc(c->facts->entity_count, sizeof(*full)))) {
		xindex_dispose(&x);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	cache_borrow(c, &x);
	for (size_t m = 0; m < c->mention_count; m++)
		full[c->mentions[m].entity] = 1;
	/* In windows: named in full anywhere in the document (the first
	 * pass found where). */
	for (size_t e = 0; c->ds && c->ds->full && e < c->ds->entity_count; e++)
		full[e] |= c->ds->full[e];

	/* Where a name may start: the clitic readings of each token (none,
	 * or up to three clitics) whose skeleton starts some form's. */
	if (!(starts = calloc(d->token_count + 1, sizeof(*starts)))) {
		error = FL_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < d->token_count && error == 0; i++) {
		const fl__token *t = &d->tokens[i];
		if (c->claimed[i] || t->kind != FL_TOK_WORD ||
		    t->script != c->lang->script)
			continue;
		for (size_t p = 0; p <= c->lang->prefixes.count &&
		                   starts[i].n < FL_XLIT_READINGS;
		     p++) {
			size_t pl = p == 0 ? 0 : c->lang->prefixes.lens[p - 1];
			const skeletons *first = NULL;
			int r;
			if (p > 0 && (pl + 2 > t->keylen ||
			              memcmp(fl__tok_key(d, t),
			                     c->lang->prefixes.keys[p - 1],
			                     pl * 2) != 0))
				continue;
			if ((r = run_skeletons(c, &x.cache, i, 1, pl, NULL,
			                       &first)) < 0) {
				error = r;
				break;
			}
			if (r && starts_a_form(&x, first))
				starts[i].pl[starts[i].n++] = (uint8_t)pl;
		}
	}

	/* Longest forms first, so that "روبن ماير" is one mention, and an
	 * entity found in full lets its short surname count. */
	for (size_t want = FL_XLIT_MAX_TOKENS; want >= 1 && error == 0;
	     want--) {
		for (size_t i = 0; i < d->token_count && error == 0; i++) {
			if (starts[i].n == 0 || i + want > d->token_count)
				continue;
			for (size_t p = 0; p < starts[i].n; p++) {
				size_t pl = starts[i].pl[p];
				const xform *hit = NULL;
				const skeletons *run = NULL;
				bool done = false;
				/* Whether a dictionary knows a word of the
				 * run: asked once, for the first short
				 * skeleton (-1: not yet). */
				int known = -1;
				int r;
				for (size_t j = i; j < i + want; j++)
					done |= c->claimed[j] != 0;
				if (done)
					break;
				if ((r = run_skeletons(c, &x.cache, i, want, pl,
				                       &x.t->by_skel, &run)) <=
				    0) {
					error = r;
					continue;
				}
				for (size_t v = 0;
				     v < run->count && !hit && error == 0;
				     v++) {
					uintptr_t e;
					if (!fl_map_get(&x.t->by_skel,
					                run->sk[v], run->len[v],
					                &e))
						continue;
					for (; e && !hit && error == 0;
					     e = x.t->ch[e - 1].next) {
						const struct chain *ce =
						    &x.t->ch[e - 1];
						const xform *f =
						    &x.t->xf[ce->xform];
						/* A word may be written as two
						 * or three ("TechCrunch": "تيك
						 * كرانش", "OpenAI": "أوبن إيه
						 * آي"). */
						if (want < f->ntok ||
						    want > f->ntok + 2u)
							continue;
						/* A short skeleton needs words
						 * no dictionary knows, and a
						 * single word of two consonants
						 * ("وانغ", Wang) its entity
						 * found in full; three
						 * ("تشيلسي", Chelsea) may
						 * stand alone. */
						if (ce->len <= FL_XLIT_SHORT) {
							bool kn = false;
							for (size_t j = i;
							     known < 0 &&
							     j < i + want &&
							     !kn && error == 0;
							     j++)
								error =
								    known_word(
								        c, j,
								        &kn);
							if (known < 0)
								known = kn;
							if (known ||
							    (f->ntok == 1 &&
							     !full[f->entity] &&
							     ce->len <
							         FL_XLIT_SHORT))
								continue;
						}
						hit = f;
					}
				}
				if (error < 0)
					break;
				if (hit) {
					if ((error = fl__mention_add(
					         c, hit->form, i, i + want - 1,
					         d->tokens[i].start +
					             (uint32_t)pl,
					         d->tokens[i + want - 1].end,
					         true)) < 0)
						break;
					if (hit->ntok > 1)
						full[hit->entity] = 1;
					i += want - 1;
					break;
				}
			}
		}
		if (want == 1)
			break;
	}
done:
	/* Keep the mentions in text order, as the index pass found them. */
	if (error == 0)
		fl__mentions_sort(c);
	if (error == 0 && c->ds && c->ds->pass == FL__PASS_FULL && c->ds->full)
		for (size_t e = 0; e < c->ds->entity_count; e++)
			c->ds->full[e] |= (uint8_t)full[e];
	free(starts);
	free(full);
	cache_return(c, &x);
	xindex_dispose(&x);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

/*
 * The one-word Latin forms by their skeletons with letters dropped, for
 * finding near misses by look-up (symmetric deletion): two skeletons
 * within edit distance k have a common string left by deleting at most k
 * letters from each. A form's skeleton is filed under itself and every
 * string left by dropping one letter, and for a skeleton of six letters or
 * more (where two letters off is still near) two letters; a word's
 * skeleton asks for itself and its strings with one and two letters
 * dropped. Strings are filed by their 64-bit hash only: a collision adds
 * a candidate, never loses one, and each candidate is compared in full, as
 * a scan would.
 */
typedef struct {
	uint64_t *hash; /* open addressing, power-of-two slots */
	uint32_t *head; /* per slot: first entry + 1, 0 for empty */
	size_t cap, used;
	struct near_entry {
		uint32_t xform, next; /* next entry + 1, or 0 */
	} * en;
	size_t nen, encap;
	size_t max_len;  /* longest skeleton filed */
	uint32_t *stamp; /* per xform: the query that last saw it */
	uint32_t *cands; /* candidates of the current query */
	size_t ncand;
	uint32_t query;
	fl_map best; /* skeletons * -> best xform + 1, or 0: none */
} near_index;

static void near_index_dispose(near_index *ni)
{
	fl_map_dispose(&ni->best);
	free(ni->hash);
	free(ni->head);
	free(ni->en);
	free(ni->stamp);
	free(ni->cands);
}

/* The slot of hash h in ni (empty or h's). */
static size_t near_slot(const near_index *ni, uint64_t h)
{
	size_t i = (size_t)h & (ni->cap - 1);
	while (ni->head[i] && ni->hash[i] != h)
		i = (i + 1) & (ni->cap - 1);
	return i;
}

/* Doubles ni's slots (or makes the first ones). Returns 0 or FL_ENOMEM. */
static int near_grow(near_index *ni)
{
	size_t cap = ni->cap ? ni->cap * 2 : 1024, old = ni->cap;
	uint64_t *hash, *oh = ni->hash;
	uint32_t *head, *ohd = ni->head;
	if (cap < old || !(hash = calloc(cap, sizeof(*hash))))
		return FL_ENOMEM;
	if (!(head = calloc(cap, sizeof(*head)))) {
		free(hash);
		return FL_ENOMEM;
	}
	ni->hash = hash;
	ni->head = head;
	ni->cap = cap;
	for (size_t i = 0; i < old; i++)
		if (ohd[i]) {
			size_t j = near_slot(ni, oh[i]);
			hash[j] = oh[i];
			head[j] = ohd[i];
		}
	free(oh);
	free(ohd);
	return 0;
}

/* Files xform f under string s[0,n) of ni. Returns 0 or FL_ENOMEM. */
static int near_file(near_index *ni, const char *s, size_t n, uint32_t f)
{
	uint64_t h = fl_map_hash(s, n);
	size_t i;
	if ((ni->used + 1) * 2 > ni->cap && near_grow(ni) < 0)
		return FL_ENOMEM;
	i = near_slot(ni, h);
	/* The same form under the same string twice is filed once. */
	if (ni->head[i] && ni->en[ni->head[i] - 1].xform == f)
		return 0;
	if (ni->nen >= UINT32_MAX - 1 ||
	    fl__grow((void **)&ni->en, &ni->encap, ni->nen + 1,
	             sizeof(*ni->en)) < 0)
		return FL_ENOMEM;
	if (!ni->head[i]) {
		ni->hash[i] = h;
		ni->used++;
	}
	ni->en[ni->nen].xform = f;
	ni->en[ni->nen].next = ni->head[i];
	ni->head[i] = (uint32_t)++ni->nen;
	return 0;
}

/* Adds the forms filed under s[0,n) to the current query's candidates. */
static void near_seen(near_index *ni, const char *s, size_t n)
{
	uint32_t e;
	if (ni->cap == 0)
		return;
	for (e = ni->head[near_slot(ni, fl_map_hash(s, n))]; e;
	     e = ni->en[e - 1].next) {
		uint32_t f = ni->en[e - 1].xform;
		if (ni->stamp[f] == ni->query)
			continue;
		ni->stamp[f] = ni->query;
		ni->cands[ni->ncand++] = f;
	}
}

/* Files form f under s[0,n) and every string left by deleting up to
 * `drops` of its letters (query: looks them up instead). Returns 0 or
 * FL_ENOMEM. */
static int near_each(near_index *ni, const char *s, size_t n, unsigned drops,
                     uint32_t f, bool query)
{
	char t[FL_SKELETON_MAX];
	int error = 0;
	if (query)
		near_seen(ni, s, n);
	else
		error = near_file(ni, s, n, f);
	if (error < 0 || drops == 0 || n == 0)
		return error;
	for (size_t i = 0; i < n && error == 0; i++) {
		/* Dropping the second of two equal letters leaves what
		 * dropping the first left. */
		if (i > 0 && s[i] == s[i - 1])
			continue;
		memcpy(t, s, i);
		memcpy(t + i, s + i + 1, n - i - 1);
		error = near_each(ni, t, n - 1, drops - 1, f, query);
	}
	return error;
}

/* Builds ni over the one-word forms of x (those the garbled check looks
 * at) whose skeletons can be near another's (four letters or more), of
 * entities the document names less often than expected (no other form
 * can be reported). Returns 0 or FL_ENOMEM. */
static int near_index_build(near_index *ni, const xindex *x,
                            const fl__check_ctx *c)
{
	int error = 0;
	memset(ni, 0, sizeof(*ni));
	ni->stamp = calloc(x->t->nx + 1, sizeof(*ni->stamp));
	ni->cands = calloc(x->t->nx + 1, sizeof(*ni->cands));
	if (!ni->stamp || !ni->cands)
		return FL_ENOMEM;
	for (size_t f = 0; f < x->t->nx && error == 0; f++) {
		const char *at = x->t->pool + x->t->xf[f].sk_off;
		uint32_t e = x->t->xf[f].entity;
		if (x->t->xf[f].ntok != 1 ||
		    c->found[e] >= fl__expected_mentions(c, e))
			continue;
		for (size_t v = 0; v < x->t->xf[f].sk_count && error == 0;
		     v++) {
			size_t len;
			const char *sk = pool_next(&at, &len);
			if (len < 4)
				continue;
			if (len > ni->max_len)
				ni->max_len = len;
			error = near_each(ni, sk, len, len >= 6 ? 2 : 1,
			                  (uint32_t)f, false);
		}
	}
	return error;
}

static int xform_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The first one-word form of x (in index order) that run is a near miss
 * of, for an entity the document names less often than expected: *best
 * (NULL: none). Candidates come from ni; the verdict is compare()'s, as
 * for every form. The answer for a run (a cached word) is kept. Returns 0
 * or FL_ENOMEM. */
static int near_best(fl__check_ctx *c, near_index *ni, const xindex *x,
                     const skeletons *run, const xform **best)
{
	uintptr_t *slot;
	bool fresh = false;
	int error = 0;
	*best = NULL;
	if (!(slot = fl_map_slot_of(&ni->best, &run, sizeof(run), 0, &fresh)))
		return FL_ENOMEM;
	if (!fresh) {
		*best = *slot ? &x->t->xf[*slot - 1] : NULL;
		return 0;
	}
	if (++ni->query == 0) { /* the stamps wrapped around */
		memset(ni->stamp, 0, (x->t->nx + 1) * sizeof(*ni->stamp));
		ni->query = 1;
	}
	ni->ncand = 0;
	for (size_t v = 0; v < run->count && error == 0; v++)
		if (run->len[v] <= ni->max_len + 2)
			error =
			    near_each(ni, run->sk[v], run->len[v], 2, 0, true);
	if (error < 0)
		return error;
	if (ni->ncand > 1)
		qsort(ni->cands, ni->ncand, sizeof(*ni->cands), xform_cmp);
	for (size_t k = 0; k < ni->ncand && !*best; k++) {
		const xform *f = &x->t->xf[ni->cands[k]];
		size_t shortest;
		uint32_t e = f->entity;
		if (f->ntok != 1 ||
		    c->found[e] >= fl__expected_mentions(c, e) ||
		    compare(x->t->pool + f->sk_off, f->sk_count, run,
		            &shortest) != FL_XLIT_NEAR)
			continue;
		*best = f;
	}
	/* found[] does not change while the check runs, so the answer
	 * holds for every token of the same word. */
	if (!(slot = fl_map_slot_of(&ni->best, &run, sizeof(run), 0, NULL)))
		return FL_ENOMEM;
	*slot = *best ? (uintptr_t)(*best - x->t->xf) + 1 : 0;
	return 0;
}

/* name.garbled across scripts: a word no dictionary knows whose consonant
 * skeleton is one consonant away from a Latin name's. Returns 0 or a
 * negative code (message in c->err). */
static int check_name_garbled_xlit(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	xindex x;
	near_index ni;
	int error = 0;

	if (!c->idx || !c->facts || c->facts->entity_count == 0 ||
	    c->lang->script < 0 || fl__script_is_cased(c->lang->script))
		return 0;
	memset(&ni, 0, sizeof(ni));
	if ((error = xindex_init(&x, c)) < 0 ||
	    (error = near_index_build(&ni, &x, c)) < 0) {
		near_index_dispose(&ni);
		xindex_dispose(&x);
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	}
	cache_borrow(c, &x);
	for (size_t i = 0; i < d->token_count && error == 0; i++) {
		const fl__token *t = &d->tokens[i];
		const xform *best = NULL;
		const skeletons *run = NULL;
		bool known;
		size_t pl;
		int r;
		if (c->claimed[i] || t->kind != FL_TOK_WORD ||
		    t->script != c->lang->script || t->keylen < 3)
			continue;
		/* Without its clitic, if it has one ("وزوكربرغ"). */
		pl = fl__lex_strip_prefix(c->lang, fl__tok_key(d, t), t->keylen,
		                          3);
		if ((r = run_skeletons(c, &x.cache, i, 1, pl, NULL, &run)) <
		    0) {
			error = r;
			break;
		}
		if (!r)
			continue;
		if ((error = near_best(c, &ni, &x, run, &best)) < 0)
			break;
		if (!best)
			continue;
		if ((error = known_word(c, i, &known)) < 0)
			break;
		if (known)
			continue;
		{
			const fl__entity *en =
			    &c->facts->entities[best->entity];
			const char *name = c->idx->forms[best->form].display;
			char here[256];
			fl__u16_to_utf8_buf(here, sizeof(here),
			                    d->text + t->start + pl,
			                    t->end - t->start - pl);
			/* Against a name fidelint extracted itself, an
			 * info: on NTREX aligned, 25 or more of the first
			 * 28 such near misses read were standard
			 * renderings (ארדואן for Erdogan, קלן for Cologne,
			 * ناشونالز for Nationals). */
			error = fl__check_add(
			    c, "name.garbled",
			    en->extracted ? FL_SEVERITY_INFO
			                  : FL_SEVERITY_WARNING,
			    t->start + pl, t->end, name, name,
			    "'%s' is no word of the language, and its sound "
			    "is one consonant away from '%s' (%s)",
			    here, name, en->name);
			c->claimed[i] = 1;
		}
	}
	near_index_dispose(&ni);
	cache_return(c, &x);
	xindex_dispose(&x);
	if (error == FL_ENOMEM)
		return fl__fail(c->err, c->errlen, error, "out of memory");
	return error;
}

const fl__check_desc fl__check_mentions_xlit = {
    .name = "mentions_xlit",
    .needs = FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__FINDS_MENTIONS,
    .run = find_xlit_mentions,
};

/* Described by name_garbled.c: this file adds the cross-script near
 * misses, a warning, info against a name fidelint extracted itself. */
static const fl__check_rule garbled_xlit_rules[] = {
    FL__RULE("name.garbled", FL_SEVERITY_WARNING, FL__W | FL__I, NULL, NULL,
             NULL),
};

const fl__check_desc fl__check_name_garbled_xlit =
    FL__CHECK_DESC("mentions_xlit", garbled_xlit_rules,
                   FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                   check_name_garbled_xlit, NULL);
