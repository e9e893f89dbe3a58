/*
 * What the other parts of the library (pairs.c) need of the checker
 * beyond the public API: reading a file within its size limit, and its
 * message buffer.
 */
#ifndef FL_CHECKER_H
#define FL_CHECKER_H

#include "common.h"

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

/* Sets the checker's message; returns code. */
int fl__checker_fail(fl_checker *chk, int code, const char *fmt, ...)
    FL_PRINTF(3, 4);

#endif
