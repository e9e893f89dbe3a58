/*
 * A growable byte buffer, always NUL-terminated once anything was put.
 * All functions return 0 or FL_ENOMEM; after a failure the buffer keeps
 * what it had.
 */
#ifndef FL_UTIL_BUF_H
#define FL_UTIL_BUF_H

#include "../common.h"

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
} fl_buf;

#define FL_BUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

int fl_buf_put(fl_buf *b, const char *data, size_t n);
int fl_buf_puts(fl_buf *b, const char *s);
int fl_buf_putc(fl_buf *b, char c);
int fl_buf_printf(fl_buf *b, const char *fmt, ...) FL_PRINTF(2, 3);
/* Makes room for n more bytes; returns 0 or FL_ENOMEM. */
int fl_buf_reserve(fl_buf *b, size_t n);
/* Empties the buffer, keeping its memory. */
void fl_buf_clear(fl_buf *b);
/* Hands the string to the caller (free()) and empties the buffer; never
 * NULL unless out of memory. */
char *fl_buf_detach(fl_buf *b);
void fl_buf_dispose(fl_buf *b);

#endif
