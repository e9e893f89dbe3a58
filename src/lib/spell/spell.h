/*
 * The hunspell module: the only file that includes <hunspell.h>.
 * A speller is one hunspell dictionary (plus optional extra word lists)
 * with a cache, so that a word is looked up once (while the cache, which
 * starts again past fl__speller_cache_max() words, holds it).
 */
#ifndef FL_SPELL_SPELL_H
#define FL_SPELL_SPELL_H

#include "../common.h"

typedef struct fl__speller fl__speller;

/*
 * Opens dictionary `name` (NAME.aff + NAME.dic) from the first folder of
 * the colon-separated dict_path that has it, and adds each of the
 * `extra_count` extra .dic files (words added with the same affixes).
 * *out: caller frees with fl__speller_free. Dictionaries must be UTF-8.
 * Returns 0, FL_ELANG (not found, or not UTF-8), FL_EIO or FL_ENOMEM.
 */
int fl__speller_open(fl__speller **out, const char *dict_path, const char *name,
                     const char *const *extra, size_t extra_count, char *err,
                     size_t errlen);

/* 1 when word (UTF-8, n bytes) is known, 0 when not, FL_ENOMEM. Cached.
 * May be called from several threads at once (the speller's lock). */
int fl__speller_check(fl__speller *sp, const char *word, size_t n);

/* 1 when any of the n spellers knows word (UTF-8, len bytes), 0 when
 * none does, FL_ENOMEM. */
int fl__spellers_check(fl__speller *const *sp, size_t n, const char *word,
                       size_t len);

/* Adds word (UTF-8, NUL-terminated) to sp: known from now on, its cached
 * verdict too. Returns 0 or FL_ENOMEM. */
int fl__speller_add(fl__speller *sp, const char *word);

/* The verdicts sp keeps now, and the most it keeps; for the tests. */
size_t fl__speller_cached(fl__speller *sp);
size_t fl__speller_cache_max(void);

/* Name the speller was opened with; borrowed. */
const char *fl__speller_name(const fl__speller *sp);

void fl__speller_free(fl__speller *sp);

#endif
