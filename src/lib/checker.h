/*
 * What the other parts of the library (pairs.c) need of the checker
 * beyond the public API: reading a file within its size limit, and its
 * message buffer.
 */
#ifndef FL_CHECKER_H
#define FL_CHECKER_H

#include "common.h"

#include "extract/extract.h"
#include "text/text.h"
#include "util/map.h"

/*
 * Reads the file at path ("-": standard input), at most the checker's
 * max_file_size bytes, into *data (NUL-terminated, caller frees with
 * free()). On failure the message is on the checker. Returns 0, FL_EIO,
 * FL_ELIMIT or FL_ENOMEM.
 */
int fl__checker_read(char **data, size_t *len, fl_checker *chk,
                     const char *path);

/* The largest file, and so the largest line or JSONL record, the checker
 * reads: its max_file_size. */
size_t fl__checker_max_size(const fl_checker *chk);

/*
 * The line that starts s[0,n): returns its length without its line end and
 * sets *next to the offset after the end. A line ends at LF, CR LF or a
 * lone CR, as documents count their lines (fl__doc); the last one may have
 * no end (*next is then n).
 */
size_t fl__line_next(const char *s, size_t n, size_t *next);

/* The checker's (or worker's) own cache of word verdicts, for
 * fl__check_ctx.lexcache: it lives as long as the checker, is emptied when
 * it reaches its bound and when words are accepted. Borrowed. */
fl_map *fl__checker_verdicts(fl_checker *chk);

/* The facts set by fl_checker_set_facts, or NULL. */
const fl_facts *fl__checker_facts(const fl_checker *chk);

/* An original analysed for its facts: the document and what the
 * extraction reads, which must live as long as the analysis (its
 * language is held until fl__original_dispose). */
typedef struct {
	fl__doc doc;
	bool have_doc;
	fl__extract_in in;
	fl__extraction *x;
	fl_checker *holder;              /* who holds lang, or NULL */
	const struct fl__lang_res *lang; /* its language's resources */
} fl__original;

/*
 * Analyses original data[0,len) (borrowed; must outlive e) in language
 * lang (NULL: "en") into e: its facts, line by line (fl__extract_write).
 * Dispose e with fl__original_dispose, also on failure. The message of a
 * failure is on the checker.
 */
int fl__original_read(fl__original *e, fl_checker *chk, const char *path,
                      const char *data, size_t len, const char *lang);
void fl__original_dispose(fl__original *e);

/*
 * The language of a document as fl_check_buffer decides it: lang (a tag),
 * else what path says, else detected in data[0,len). tag: n bytes.
 * Returns 0 or FL_ELANG (and the like); the message is on the checker.
 */
int fl__checker_lang(char *tag, size_t n, fl_checker *chk, const char *path,
                     const char *data, size_t len, const char *lang);

/* The original's side of one segment of an aligned pair. */
typedef struct {
	size_t line; /* the original's line in the file, for messages */
	const char *text;
	size_t len;
} fl__aligned_line;

/*
 * fl_check_buffer, and when al is given, one segment of an aligned pair:
 * al is its original (the checker's facts are then that original's).
 */
int fl__check_doc(fl_result **out, fl_checker *chk, const char *path,
                  const char *data, size_t len, const fl_check_options *opts,
                  const fl__aligned_line *al);

/* The languages chk's root has loaded or is loading now, how many it has
 * released since it was made (fl_checker_set_max_languages), and how many
 * dictionaries it has read; for the tests. */
size_t fl__checker_resident(fl_checker *chk);
size_t fl__checker_released(fl_checker *chk);
size_t fl__checker_opened(fl_checker *chk);

/* Sets the checker's message; returns code. */
int fl__checker_fail(fl_checker *chk, int code, const char *fmt, ...)
    FL_PRINTF(3, 4);

#endif
