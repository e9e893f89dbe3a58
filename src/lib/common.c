#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fl__vfail(char *buf, size_t n, int code, const char *fmt, va_list ap)
{
	if (buf && n > 0)
		vsnprintf(buf, n, fmt, ap);
	return code;
}

int fl__fail(char *buf, size_t n, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fl__vfail(buf, n, code, fmt, ap);
	va_end(ap);
	return code;
}

void *fl__reallocarray(void *p, size_t n, size_t size)
{
	size_t total;
	if (fl__mul_overflow(n, size, &total))
		return NULL;
	return realloc(p, total ? total : 1);
}

int fl__grow(void **arr, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (fl__mul_overflow(ncap, 2, &ncap))
			return FL_ENOMEM;
	}
	p = fl__reallocarray(*arr, ncap, size);
	if (!p)
		return FL_ENOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

char *fl__strndup(const char *s, size_t n)
{
	char *p;
	size_t total;

	if (fl__add_overflow(n, 1, &total))
		return NULL;
	p = malloc(total);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *fl__strdup(const char *s)
{
	return s ? fl__strndup(s, strlen(s)) : NULL;
}

int fl__read_stream(char **out, size_t *len, FILE *f, const char *name,
                    size_t max, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	int error = 0;

	*out = NULL;
	*len = 0;
	for (;;) {
		size_t got;
		/* Read in chunks so that pipes and special files work too. */
		if ((error = fl__grow((void **)&buf, &cap, n + 65536 + 1, 1)) <
		    0) {
			fl__fail(err, errlen, error, "%s: out of memory", name);
			goto cleanup;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (n > max) {
			error = fl__fail(
			    err, errlen, FL_ELIMIT,
			    "%s: file larger than the limit of %zu bytes", name,
			    max);
			goto cleanup;
		}
		if (got == 0) {
			if (ferror(f)) {
				error = fl__fail(err, errlen, FL_EIO,
				                 "%s: read error: %s", name,
				                 strerror(errno));
				goto cleanup;
			}
			break;
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;

cleanup:
	free(buf);
	return error;
}

int fl__read_file(char **out, size_t *len, const char *path, size_t max,
                  char *err, size_t errlen)
{
	FILE *f;
	int error;

	*out = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (!f)
		return fl__fail(err, errlen, FL_EIO, "%s: cannot open: %s",
		                path, strerror(errno));
	error = fl__read_stream(out, len, f, path, max, err, errlen);
	fclose(f);
	return error;
}

int fl__ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || !ca)
			return ca - cb;
	}
}
