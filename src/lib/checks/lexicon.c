#include "checks.h"

#include <string.h>

#define WORD_UTF8_MAX (FL_TOKEN_MAX * 3 + 1)

size_t fl__lex_strip_prefix(const fl__lang_res *lang, const uint16_t *k,
                            size_t n, size_t min_rest)
{
	for (size_t i = 0; i < lang->prefixes.count; i++) {
		size_t pl = lang->prefixes.lens[i];
		if (pl + min_rest <= n &&
		    memcmp(k, lang->prefixes.keys[i], pl * sizeof(*k)) == 0)
			return pl;
	}
	return 0;
}

/* fl__lex_lookup_text without the cache: asks the dictionaries. */
static int lookup_uncached(fl__lex_verdict *out, const fl__check_ctx *c,
                           const uint16_t *text, size_t n, int script,
                           bool own_only)
{
	const fl__lang_res *L = c->lang;
	char w[WORD_UTF8_MAX];
	size_t wl;
	bool own = L->script < 0 || script == L->script ||
	           script == FL_SCRIPT_COMMON || script == FL_SCRIPT_INHERITED;
	int r;

	*out = FL_LEX_SKIP;
	uint16_t clean[FL_TOKEN_MAX];
	size_t cn = 0;

	/* Invisible marks (a right-to-left mark after "Google") are no part
	 * of the word. */
	if (n > FL_TOKEN_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((text[i] >= 0x200B && text[i] <= 0x200F) ||
		      text[i] == 0x2060 || text[i] == 0xFEFF ||
		      text[i] == 0x00AD))
			clean[cn++] = text[i];
	text = clean;
	n = cn;
	if (n == 0 || !(wl = fl__u16_to_utf8_buf(w, sizeof(w), text, n)))
		return 0;
	if (!own) {
		if (own_only)
			return 0;
		for (size_t i = 0; i < L->foreign_count; i++) {
			if (L->foreign[i].script == script) {
				r = fl__speller_check(L->foreign[i].sp, w, wl);
				if (r < 0)
					return r;
				*out = r ? FL_LEX_KNOWN : FL_LEX_UNKNOWN;
				return 0;
			}
		}
		return 0;
	}
	if (L->dict_count == 0)
		return 0;
	if ((r = fl__spellers_check(L->dicts, L->dict_count, w, wl)) != 0)
		goto verdict;
	if (!own_only &&
	    (r = fl__spellers_check(L->accept, L->accept_count, w, wl)) != 0)
		goto verdict;
	/* A clitic glued to the front ("وقال", "בישראל"): look up the rest. */
	for (size_t i = 0; i < L->prefixes.count; i++) {
		size_t pl = L->prefixes.lens[i];
		char rest[WORD_UTF8_MAX];
		size_t rl;
		if (pl + 2 > n ||
		    memcmp(text, L->prefixes.keys[i], pl * 2) != 0)
			continue;
		rl = fl__u16_to_utf8_buf(rest, sizeof(rest), text + pl, n - pl);
		if (rl && (r = fl__spellers_check(L->dicts, L->dict_count, rest,
		                                  rl)) != 0)
			goto verdict;
	}
	r = 0;
verdict:
	if (r < 0)
		return r;
	*out = r ? FL_LEX_KNOWN : FL_LEX_UNKNOWN;
	return 0;
}

/*
 * The verdict cache (c->lexcache, the checker's: it outlives the document)
 * is keyed by the language resources, the script, the mode and the text,
 * so that one cache serves every language a checker meets. Without a
 * cache (NULL) the dictionaries are asked each time.
 */
int fl__lex_lookup_text(fl__lex_verdict *out, const fl__check_ctx *c,
                        const uint16_t *text, size_t n, int script,
                        bool own_only)
{
	const fl__lang_res *L = c->lang;
	uint8_t key[sizeof(L) + sizeof(script) + 1 + FL_TOKEN_MAX * 2];
	size_t kl = sizeof(L) + sizeof(script) + 1;
	uintptr_t *slot;
	int error;

	*out = FL_LEX_SKIP;
	if (n > FL_TOKEN_MAX)
		return 0;
	if (!c->lexcache)
		return lookup_uncached(out, c, text, n, script, own_only);
	memcpy(key, &L, sizeof(L));
	memcpy(key + sizeof(L), &script, sizeof(script));
	key[kl - 1] = own_only;
	memcpy(key + kl, text, n * 2);
	kl += n * 2;
	slot = fl_map_slot_of(c->lexcache, key, kl, 0, NULL);
	if (!slot)
		return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
	if (*slot) {
		*out = (fl__lex_verdict)(*slot - 1);
		return 0;
	}
	error = lookup_uncached(out, c, text, n, script, own_only);
	if (error == 0)
		*slot = (uintptr_t)*out + 1;
	return error;
}

int fl__lex_lookup(fl__lex_verdict *out, fl__check_ctx *c, const fl__token *t,
                   bool own_only)
{
	size_t n = t->end - t->start;

	*out = FL_LEX_SKIP;
	if (t->keylen == 0 || n > FL_TOKEN_MAX)
		return 0;
	return fl__lex_lookup_text(out, c, c->doc->text + t->start, n,
	                           t->script, own_only);
}

int fl__classify_name_words(fl__index *idx, fl__speller *const *sp, size_t n)
{
	for (size_t i = 0; i < idx->nword_count; i++) {
		fl__name_word *w = &idx->nwords[i];
		char low[WORD_UTF8_MAX];
		size_t ll = fl__u16_to_utf8_buf(
		    low, sizeof(low), fl__index_str(idx, w->key), w->keylen);
		int r;
		w->cls = FL_NW_DISTINCT;
		if (!ll || n == 0)
			continue;
		if ((r = fl__spellers_check(sp, n, low, ll)) < 0)
			return r;
		if (r) {
			w->cls = FL_NW_COMMON;
			continue;
		}
		if ((r = fl__spellers_check(sp, n, w->display,
		                            strlen(w->display))) < 0)
			return r;
		if (r)
			w->cls = FL_NW_PROPER;
	}
	return 0;
}
