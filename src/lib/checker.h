/*
 * What the other parts of the library (pairs.c) need of the checker
 * beyond the public API: reading a file within its size limit, and its
 * message buffer.
 */
#ifndef FL_CHECKER_H
#define FL_CHECKER_H

#include "common.h"

/*
 * Reads the file at path (at most the checker's max_file_size bytes) into
 * *data (NUL-terminated, caller frees with free()). On failure the message
 * is on the checker. Returns 0, FL_EIO, FL_ELIMIT or FL_ENOMEM.
 */
int fl__checker_read(char **data, size_t *len, fl_checker *chk,
                     const char *path);

/* Sets the checker's message; returns code. */
int fl__checker_fail(fl_checker *chk, int code, const char *fmt, ...)
    FL_PRINTF(3, 4);

#endif
