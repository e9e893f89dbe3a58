/*
 * Names across scripts: the consonant skeleton of a name, the same for
 * "Zuckerberg" and its Arabic or Hebrew spelling once both are in ASCII
 * (the text module's fl__translit_ascii: زوكربيرغ -> "zwkrbyrgh").
 *
 * A skeleton keeps consonants only, in classes that absorb what scripts
 * and transliterations disagree on: vowels and the vowel letters w and y
 * go; c/k/q, g/j, b/p/f/v, s/z/sh/ch, t/th, d/dh each become one letter;
 * doubled letters are one; h counts only at the start of a word.
 */
#ifndef FL_XLIT_SKELETON_H
#define FL_XLIT_SKELETON_H

#include "../common.h"

#define FL_SKELETON_MAX 64

/* Readings a variant picks (bits): the first "ch" as in "Michael" (k,
 * else as in "Charles"), the later ones likewise; "ww" as v (Hebrew וו; else as
 * w); v unwritten (Hebrew ו alone); gh unheard after a vowel before a consonant
 * or the end. FL_SKELETON_VARIANTS counts the combinations. */
#define FL_SKELETON_CH_K      1u
#define FL_SKELETON_WW_V      2u
#define FL_SKELETON_V_SILENT  4u
#define FL_SKELETON_GH_SILENT 8u  /* "Kavanaugh"; the Arabic غ never is */
#define FL_SKELETON_CH2_K     16u /* a later "ch" as k */
#define FL_SKELETON_VARIANTS  32u

/*
 * The skeleton of ASCII lower-case s[0,n) into out (NUL-terminated, at
 * most FL_SKELETON_MAX - 1 letters kept); variant is a set of
 * FL_SKELETON_* readings. Characters other than a-z and spaces are skipped; a
 * space ends a word (for the h rule) but adds nothing. Returns the length.
 */
size_t fl__skeleton(const char *s, size_t n, char *out, unsigned variant);

/* Edit distance of a[0,na) and b[0,nb) (both at most FL_SKELETON_MAX). */
size_t fl__skeleton_distance(const char *a, size_t na, const char *b,
                             size_t nb);

/* How a rendering compares with a name. */
typedef enum {
	FL_XLIT_DIFFERENT = 0,
	FL_XLIT_SAME, /* the same skeleton */
	FL_XLIT_NEAR  /* one consonant off (two in a long name): a garble */
} fl__xlit_verdict;

/* Compares two skeletons (the name's first). */
fl__xlit_verdict fl__skeleton_compare(const char *name, size_t nn,
                                      const char *other, size_t no);

#endif
