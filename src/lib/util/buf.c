#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fl_buf_reserve(fl_buf *b, size_t n)
{
	size_t need;
	if (fl__add_overflow(b->len, n, &need) ||
	    fl__add_overflow(need, 1, &need))
		return FL_ENOMEM;
	return fl__grow((void **)&b->ptr, &b->cap, need, 1);
}

int fl_buf_put(fl_buf *b, const char *data, size_t n)
{
	if (fl_buf_reserve(b, n) < 0)
		return FL_ENOMEM;
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int fl_buf_puts(fl_buf *b, const char *s)
{
	return fl_buf_put(b, s, strlen(s));
}

int fl_buf_putc(fl_buf *b, char c)
{
	return fl_buf_put(b, &c, 1);
}

int fl_buf_printf(fl_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || fl_buf_reserve(b, (size_t)n) < 0)
		return FL_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void fl_buf_clear(fl_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *fl_buf_detach(fl_buf *b)
{
	char *p = b->ptr;
	if (!p)
		p = fl__strdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

void fl_buf_dispose(fl_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
