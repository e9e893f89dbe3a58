/*
 * Internal helpers shared by every module of the library: error messages
 * kept on handles, checked size arithmetic, string duplication.
 * Internal names use the fl__ prefix; nothing here is public.
 */
#ifndef FL_COMMON_H
#define FL_COMMON_H

#include "fidelint/fidelint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Size of the message buffer every handle keeps for its last failure. */
#define FL_ERRMSG_SIZE 1024

#if defined(__GNUC__) || defined(__clang__)
#define FL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FL_PRINTF(a, b)
#endif

#define FL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Formats a message into buf (size FL_ERRMSG_SIZE or n) and returns code,
 * so that error paths read `return fl__fail(h->err, sizeof h->err, ...)`. */
int fl__fail(char *buf, size_t n, int code, const char *fmt, ...)
    FL_PRINTF(4, 5);
int fl__vfail(char *buf, size_t n, int code, const char *fmt, va_list ap);

/* Checked arithmetic: return true on overflow and leave *out unspecified. */
static inline bool fl__add_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_add_overflow(a, b, out);
}
static inline bool fl__mul_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_mul_overflow(a, b, out);
}

/* realloc for n elements of size bytes; NULL (and p untouched) on overflow
 * or failure. */
void *fl__reallocarray(void *p, size_t n, size_t size);

/*
 * Grows *arr (elements of `size` bytes, capacity *cap) to hold at least
 * `need` elements, doubling. Returns 0 or FL_ENOMEM (array untouched).
 */
int fl__grow(void **arr, size_t *cap, size_t need, size_t size);

/* Copies of strings; NULL on allocation failure (or NULL input for strdup). */
char *fl__strdup(const char *s);
char *fl__strndup(const char *s, size_t n);

/* Reads a whole file, refusing files over max bytes (FL_ELIMIT).
 * *out is NUL-terminated; caller frees. Message in err. */
int fl__read_file(char **out, size_t *len, const char *path, size_t max,
                  char *err, size_t errlen);

/* As fl__read_file for an open stream f (left open), named name in
 * messages. */
int fl__read_stream(char **out, size_t *len, FILE *f, const char *name,
                    size_t max, char *err, size_t errlen);

/* ASCII-only helpers for tags and keywords (locale independent). */
int fl__ascii_casecmp(const char *a, const char *b);

#endif
