/*
 * Running PCRE2 patterns over a document (rule packs, the facts' forbid
 * patterns): the document's text as UTF-8 with a table from UTF-16 offsets
 * to byte offsets, so that a match's bytes map back to the UTF-16 span
 * every finding uses, and the test of whether a span should be left alone.
 */
#ifndef FL_CHECKS_PATTERN_SCAN_H
#define FL_CHECKS_PATTERN_SCAN_H

#include "../util/regexp.h"
#include "checks.h"

typedef struct {
	char *u8;      /* the document's (NFC, CR-less) text as UTF-8 */
	size_t len;    /* bytes */
	uint32_t *b16; /* b16[i]: byte offset of UTF-16 unit i; len16+1 */
	size_t len16;
} fl__scan_text;

/* Builds t from the document. Dispose with fl__scan_text_dispose (also
 * after failure). Returns 0, FL_ELIMIT (over 4 GiB of UTF-8) or FL_ENOMEM. */
int fl__scan_text_init(fl__scan_text *t, const fl__doc *d);
void fl__scan_text_dispose(fl__scan_text *t);

/* UTF-16 offset of byte offset b (a character boundary). */
size_t fl__scan_to16(const fl__scan_text *t, size_t b);

/*
 * True when UTF-16 span [s, e) should not be reported: it touches a
 * masked token (URL, e-mail, @handle) or lies inside an entity mention
 * of the facts (a name is written as the original writes it).
 */
bool fl__scan_skip(const fl__check_ctx *c, size_t s, size_t e);

/*
 * Calls fn for every match of re in the document, left to right, not
 * overlapping, with its UTF-16 span; matches fl__scan_skip rejects are
 * left out. Stops at the first negative return of fn or of the search.
 * The searches share one work budget (fl_regexp_budget of the document's
 * length). Returns 0 or a negative code: FL_ELIMIT when a search hit a
 * limit or the budget ran out (err is not set: the caller names the
 * pattern).
 */
typedef int (*fl__scan_fn)(fl__check_ctx *c, size_t s, size_t e, void *arg);
int fl__scan_matches(fl__check_ctx *c, const fl__scan_text *t,
                     const fl_regexp *re, fl__scan_fn fn, void *arg);

/* How a pattern stopped by its limits is described, after its name. */
#define FL__SCAN_LIMIT_TEXT                                                    \
	"needs more work on this document than the limits on pattern work "    \
	"allow (it backtracks or looks ahead too much: simplify it)"

/*
 * Turns the message in c->err about a pattern stopped by its limits
 * (FL_ELIMIT from fl__scan_matches, described by the caller) into a
 * finding of rule at no place, text being what the rule is about: the
 * check is incomplete, and the report says so instead of failing the
 * run. Returns 0 or FL_ENOMEM.
 */
int fl__scan_limit_finding(fl__check_ctx *c, const char *rule, fl_severity sev,
                           const char *text);

/*
 * Runs the facts' forbid patterns of term `term` for the document's
 * language (a regional tag falls back to its language) and calls fn for
 * each match as fl__scan_matches does. The patterns are compiled here:
 * the facts validate them at load but do not keep them compiled. A
 * pattern that fails to compile now (it did at load) is an error. A
 * pattern stopped by its limits does not stop the others: the return is
 * then FL_ELIMIT, with c->err naming the first such pattern, the term
 * and the facts file's line (for fl__scan_limit_finding).
 */
int fl__term_forbid_scan(fl__check_ctx *c, const fl__scan_text *t,
                         const fl__term *term, fl__scan_fn fn, void *arg);

/* The accepted renderings of term for the document's language, joined by
 * ", " into out (empty when none). Returns 0 or FL_ENOMEM. */
int fl__term_expected(fl_buf *out, const fl__check_ctx *c,
                      const fl__term *term);

#endif
