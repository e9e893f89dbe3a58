/*
 * Language tags as fidelint writes them: BCP 47 shape, canonical case
 * ("pt_br" -> "pt-BR", "sr-latn-rs" -> "sr-Latn-RS"). Shared by the facts
 * loader, the profile loader and the checker.
 */
#ifndef FL_LANG_TAG_H
#define FL_LANG_TAG_H

#include "../common.h"

/* Longest tag accepted, with its NUL. */
#define FL_TAG_MAX 64

/*
 * Writes the canonical form of `in` into out (outlen bytes): subtags of
 * 1-8 letters or digits separated by '-' or '_' ('_' becomes '-'); the
 * first subtag is 2-3 letters, lowercased; a 2-letter region is uppercased,
 * a 4-letter script title-cased, everything else lowercased.
 * Returns 0, or FL_EINVAL when `in` is not such a tag or does not fit.
 */
int fl__tag_canonicalize(char *out, size_t outlen, const char *in);

/* Length of the language subtag of tag ("pt" in "pt-BR"), up to the first
 * '-' or '_'. */
size_t fl__tag_language_len(const char *tag);

/*
 * Compares two tags, ASCII case-insensitive and with '-' equal to '_'.
 * Returns true when equal.
 */
bool fl__tag_equal(const char *a, const char *b);

/* As fl__tag_equal, comparing only the first alen bytes of a with all of b. */
bool fl__tag_equal_n(const char *a, size_t alen, const char *b);

#endif
