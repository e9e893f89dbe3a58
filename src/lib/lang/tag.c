#include "tag.h"

#include <string.h>

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

int fl__tag_canonicalize(char *out, size_t outlen, const char *in)
{
	size_t o = 0;
	bool first = true, extension = false;
	const char *p = in;

	if (!out || !outlen || !in)
		return FL_EINVAL;
	out[0] = '\0';
	for (;;) {
		size_t n = 0, alpha = 0;
		const char *s = p;

		while (is_alpha(p[n]) || is_digit(p[n])) {
			if (is_alpha(p[n]))
				alpha++;
			n++;
		}
		if (n < 1 || n > 8 ||
		    (p[n] != '\0' && p[n] != '-' && p[n] != '_'))
			goto bad;
		if (first && (n < 2 || n > 3 || alpha != n))
			goto bad;
		/* n + 1 for the separator or the NUL. */
		if (outlen - o < n + 1)
			goto bad;
		for (size_t i = 0; i < n; i++) {
			char c = lower(s[i]);
			/* After a singleton (extension or private use) casing
			 * carries no meaning: keep it lower. */
			if (!first && !extension) {
				if (n == 2 && alpha == 2)
					c = upper(c);
				else if (n == 4 && alpha == 4 && i == 0)
					c = upper(c);
			}
			out[o++] = c;
		}
		if (!first && n == 1)
			extension = true;
		first = false;
		p += n;
		if (*p == '\0')
			break;
		out[o++] = '-';
		p++;
	}
	out[o] = '\0';
	return 0;

bad:
	out[0] = '\0';
	return FL_EINVAL;
}

size_t fl__tag_language_len(const char *tag)
{
	size_t n = 0;
	while (tag[n] && tag[n] != '-' && tag[n] != '_')
		n++;
	return n;
}

static char fold(char c)
{
	return c == '_' ? '-' : lower(c);
}

bool fl__tag_equal_n(const char *a, size_t alen, const char *b)
{
	size_t i;
	for (i = 0; i < alen && a[i]; i++) {
		if (!b[i] || fold(a[i]) != fold(b[i]))
			return false;
	}
	return b[i] == '\0';
}

bool fl__tag_equal(const char *a, const char *b)
{
	return fl__tag_equal_n(a, strlen(a), b);
}
