/*
 * The regular expression module: the only file that includes pcre2.h.
 * Patterns and subjects are UTF-8; \w, \b and case folding follow Unicode
 * (PCRE2_UTF | PCRE2_UCP). Matching has match, depth and heap limits per
 * search, so a pathological pattern fails with FL_ELIMIT instead of
 * hanging, and fl_regexp_search_budget adds a budget over many searches
 * (all the matches of a pattern in a document).
 * A compiled fl_regexp may be searched from several threads at once.
 */
#ifndef FL_UTIL_REGEXP_H
#define FL_UTIL_REGEXP_H

#include "../common.h"

typedef struct fl_regexp fl_regexp;

/* Compile flags. */
#define FL_REGEXP_ICASE 1u /* case-insensitive (Unicode simple folding) */
/* The caller promises every subject is valid UTF-8 (already checked), so
 * searches skip PCRE2's check of the subject; invalid input then gives
 * undefined results. */
#define FL_REGEXP_TRUSTED_UTF8 2u

/*
 * Compiles pattern (len bytes, need not be NUL-terminated).
 * *out: caller frees with fl_regexp_free.
 * On a bad pattern err gets "offset N: <PCRE2 message>" and the return is
 * FL_EPARSE; otherwise 0, FL_EINVAL or FL_ENOMEM.
 */
int fl_regexp_compile(fl_regexp **out, const char *pattern, size_t len,
                      unsigned flags, char *err, size_t errlen);

/*
 * Finds the first match in subject[start..len). On a match sets
 * *match_start and *match_end (byte offsets, end exclusive; equal for an
 * empty match, so callers looping over matches must step past it).
 * Returns 1 found, 0 not found, FL_ELIMIT when a limit was hit,
 * FL_EENCODING when subject is not UTF-8, FL_EINVAL when start is past the
 * end or inside a character, FL_ENOMEM, or FL_ERROR.
 */
int fl_regexp_search(const fl_regexp *re, const char *subject, size_t len,
                     size_t start, size_t *match_start, size_t *match_end);

/*
 * The work fl_regexp_search_budget allows one pattern over one subject of
 * len bytes (the whole of a document): FL_REGEXP_BUDGET_PER_BYTE units a
 * byte, plus FL_REGEXP_BUDGET_BASE, saturating. Linear in len, so that a
 * pattern scanning a document match after match costs at most linear time
 * whatever it is; a pattern that needs more is stopped.
 */
#define FL_REGEXP_BUDGET_PER_BYTE 256u
#define FL_REGEXP_BUDGET_BASE     1000000u
uint64_t fl_regexp_budget(size_t len);

/*
 * As fl_regexp_search, and also counts the work of the search against
 * *budget (decremented by what was used; a search stops with FL_ELIMIT
 * when it runs out, *budget then 0). A unit of work is one item of the
 * pattern tried at one place, or one character the matcher moved over
 * since the item before: a search looping over a document, each match
 * looking ahead to the end of a line, spends units in proportion to the
 * characters it reads. budget NULL: no count (fl_regexp_search).
 */
int fl_regexp_search_budget(const fl_regexp *re, const char *subject,
                            size_t len, size_t start, size_t *match_start,
                            size_t *match_end, uint64_t *budget);

/* Releases a compiled regexp; NULL is accepted. */
void fl_regexp_free(fl_regexp *re);

#endif
