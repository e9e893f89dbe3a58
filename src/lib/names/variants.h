/*
 * Spelling variants of one name: the letters two spellings may differ by
 * are data (a profile's `name_letters`, dicts/<tag>.yaml: Arabic ة/ه, the
 * long vowels ا و ي; Hebrew ו and י), and a "loose key" folds a match key
 * by them, so that two spellings of a name have the same loose key.
 */
#ifndef FL_NAMES_VARIANTS_H
#define FL_NAMES_VARIANTS_H

#include "../common.h"

#define FL_MAX_LETTER_FOLDS 32

/* One letter of a profile's name_letters: from read as to, or left out
 * (to 0) except as a word's first letter. */
typedef struct {
	uint16_t from, to;
} fl__letter_fold;

typedef struct {
	fl__letter_fold f[FL_MAX_LETTER_FOLDS];
	size_t count;
} fl__letter_folds;

/*
 * Reads a profile's name_letters ("X=Y" or "X=", X and Y one letter each
 * as match keys) into out. Returns 0, or FL_EPARSE with the bad item
 * named in err.
 */
int fl__letter_folds_build(fl__letter_folds *out, char *const *items, size_t n,
                           char *err, size_t errlen);

/*
 * The loose key of match key k[0,n) into dst (at most cap units): letters
 * only, accents removed (text.h's fuzzy key), then folded by f. Returns
 * the length.
 */
size_t fl__loose_key(uint16_t *dst, size_t cap, const uint16_t *k, size_t n,
                     const fl__letter_folds *f);

#endif
