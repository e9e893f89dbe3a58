#include "detect.h"

#include "tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FL_MAX_PROFILES 64

/* Accepts candidate [s, s+n) when it is a tag some profile covers. */
static bool try_tag(char *out, size_t outlen, const fl__profile_set *set,
                    const char *s, size_t n)
{
	char raw[FL_TAG_MAX], tag[FL_TAG_MAX];
	if (n == 0 || n >= sizeof(raw))
		return false;
	memcpy(raw, s, n);
	raw[n] = '\0';
	if (fl__tag_canonicalize(tag, sizeof(tag), raw) < 0 ||
	    !fl__profiles_find(set, tag))
		return false;
	snprintf(out, outlen, "%s", tag);
	return true;
}

int fl__lang_from_path(char *out, size_t outlen, const fl__profile_set *set,
                       const char *path)
{
	const char *base = strrchr(path, '/');
	const char *stem_end, *dot, *us;
	size_t blen;

	base = base ? base + 1 : path;
	blen = strlen(base);
	/* The extension is not a candidate: "x.de" is German only as a
	 * middle part. Without a dot, the whole name is the stem. */
	dot = strrchr(base, '.');
	stem_end = dot && dot != base ? dot : base + blen;

	/* Dot parts of the stem, last first: "ar.mt.txt" tries "mt", "ar". */
	for (const char *end = stem_end; end > base;) {
		const char *start = end;
		while (start > base && start[-1] != '.')
			start--;
		if (try_tag(out, outlen, set, start, (size_t)(end - start)))
			return 0;
		end = start > base ? start - 1 : base;
	}
	/* "story_pt-BR.md" */
	us = NULL;
	for (const char *p = base; p < stem_end; p++)
		if (*p == '_')
			us = p;
	if (us &&
	    try_tag(out, outlen, set, us + 1, (size_t)(stem_end - us - 1)))
		return 0;
	/* "ar/story.txt" */
	if (base > path) {
		const char *dend = base - 1, *dstart = dend;
		while (dstart > path && dstart[-1] != '/')
			dstart--;
		if (try_tag(out, outlen, set, dstart, (size_t)(dend - dstart)))
			return 0;
	}
	return FL_ELANG;
}

int fl__lang_common_index(fl_map *out, const fl__profile_set *set)
{
	for (size_t p = 0; p < set->count && p < FL_MAX_PROFILES; p++) {
		const fl__profile *pr = set->items[p];
		for (size_t w = 0; w < pr->common_count; w++) {
			uint16_t *k;
			size_t n;
			uintptr_t *slot;
			if (fl__match_key_utf8(&k, &n, pr->common_words[w],
			                       strlen(pr->common_words[w])) < 0)
				return FL_ENOMEM;
			slot = fl_map_slot_of(out, k, n * sizeof(*k), 0, NULL);
			free(k);
			if (!slot)
				return FL_ENOMEM;
			*slot |= (uintptr_t)1 << p;
		}
	}
	return 0;
}

int fl__lang_detect(char *out, size_t outlen, const fl__profile_set *set,
                    const fl_map *common, const fl__doc *doc, char *err,
                    size_t errlen)
{
	int script = fl__doc_main_script(doc);
	size_t hits[FL_MAX_PROFILES] = {0};
	const fl__profile *best = NULL;
	size_t best_hits = 0, candidates = 0;

	for (size_t i = 0; i < doc->token_count; i++) {
		const fl__token *t = &doc->tokens[i];
		uintptr_t mask;
		if (t->keylen == 0 || t->script != script ||
		    !fl_map_get(common, fl__tok_key(doc, t), t->keylen * 2,
		                &mask))
			continue;
		for (size_t p = 0; p < set->count && p < FL_MAX_PROFILES; p++)
			hits[p] += (mask >> p) & 1;
	}
	for (size_t p = 0; p < set->count && p < FL_MAX_PROFILES; p++) {
		const fl__profile *pr = set->items[p];
		int ps = pr->script ? fl__script_code(pr->script) : -1;
		if (ps != script)
			continue;
		/* Regional variants share their parent's words: count a
		 * language once. */
		if (!strchr(pr->tag, '-'))
			candidates++;
		/* On a tie prefer the shorter tag: "pt" over "pt-BR", whose
		 * words it shares. */
		if (!best || hits[p] > best_hits ||
		    (hits[p] == best_hits &&
		     strlen(pr->tag) < strlen(best->tag))) {
			best = pr;
			best_hits = hits[p];
		}
	}
	/* Several languages write this script and no frequent word of any
	 * was seen: a guess would be arbitrary. */
	if (best && best_hits == 0 && candidates > 1)
		return fl__fail(
		    err, errlen, FL_ELANG,
		    "cannot tell the language (%s script, no frequent "
		    "word of any %s-script language); use --lang",
		    fl__script_name(script), fl__script_name(script));
	if (!best)
		return fl__fail(
		    err, errlen, FL_ELANG,
		    "cannot tell the language (main script %s has no "
		    "language profile); use --lang",
		    fl__script_name(script));
	snprintf(out, outlen, "%s", best->tag);
	return 0;
}
