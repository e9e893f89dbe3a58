/*
 * Shared by the markup readers (markup.h): decoded prose found where the
 * file writes it, and the blanked shape of what is not prose.
 */
#include "markup.h"

#include "../util/yaml.h"

#include <string.h>
#include <unicode/utf8.h>

/* The decoding of a numeric reference's code point, as HTML and
 * CommonMark give it: U+FFFD for 0, surrogates and what is too large. */
static size_t code_point(char *out, unsigned long cp)
{
	size_t n = 0;

	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	U8_APPEND_UNSAFE(out, n, (UChar32)cp);
	out[n] = '\0';
	return n;
}

/*
 * The length of the character reference at s[0,n) ("&#233;", "&#xE9;",
 * "&eacute;"), 0 when there is none; its decoding goes to dec (*dlen
 * bytes; 0 when the name is not known).
 */
static size_t reference(const fl__markup_syntax *syn, const char *s, size_t n,
                        char *dec, size_t *dlen)
{
	size_t i = 1, max;
	unsigned long cp = 0;

	*dlen = 0;
	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		bool hex = n > 2 && (s[2] == 'x' || s[2] == 'X');
		size_t start = hex ? 3 : 2;
		max = hex ? 6 : 7;
		for (i = start; i < n && i - start < max; i++) {
			unsigned char c = (unsigned char)s[i];
			int v = c >= '0' && c <= '9'          ? c - '0'
			        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
			        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
			                                      : -1;
			if (v < 0)
				break;
			cp = cp * (hex ? 16 : 10) + (unsigned long)v;
		}
		if (i == start || i >= n || s[i] != ';')
			return 0;
		*dlen = code_point(dec, cp);
		return i + 1;
	}
	/* a name: a letter, then letters and digits */
	for (max = 32; i < n && i <= max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (i > 1 && c >= '0' && c <= '9')))
			break;
	}
	if (i == 1 || i >= n || s[i] != ';')
		return 0;
	if (syn->entity)
		*dlen = syn->entity(dec, s + 1, i - 1);
	return i + 1;
}

static bool ascii_punct(unsigned char c)
{
	return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
	       (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

/* Puts s[0,n) into t (when t) at file offset off. */
static int emit(fl__segtext *t, const char *s, size_t n, size_t off)
{
	return t && n ? fl__segtext_put(t, s, n, off) : 0;
}

size_t fl__markup_match(fl__segtext *t, int *error,
                        const fl__markup_syntax *syn, const char *raw, size_t p,
                        size_t end, const char *s, size_t n, size_t base)
{
	size_t i = p, j = 0, run = p, run_j = 0; /* the verbatim run */
	char dec[FL__MARKUP_ENTITY_MAX];
	int e = 0;

	/* A verbatim run is put when something else follows it. */
#define FLUSH() (e = e ? e : emit(t, s + run_j, j - run_j, base + run))
	while (j < n) {
		size_t k, dlen;
		if (i >= end)
			return FL__MARKUP_NONE;
		if (syn->escapes && raw[i] == '\\' && i + 1 < end &&
		    ascii_punct((unsigned char)raw[i + 1]) &&
		    s[j] == raw[i + 1]) {
			FLUSH();
			run = i + 1;
			run_j = j;
			i += 2;
			j++;
			continue;
		}
		if (raw[i] == '&' &&
		    (k = reference(syn, raw + i, end - i, dec, &dlen)) > 0 &&
		    dlen > 0 && dlen <= n - j &&
		    memcmp(s + j, dec, dlen) == 0 &&
		    !(k <= n - j && memcmp(s + j, raw + i, k) == 0)) {
			FLUSH();
			e = e ? e : emit(t, s + j, dlen, base + i);
			i += k;
			j += dlen;
			run = i;
			run_j = j;
			continue;
		}
		if (s[j] == '\n' && raw[i] == '\r') {
			/* CR LF or CR for LF: put as the file has it */
			size_t w = i + 1 < end && raw[i + 1] == '\n' ? 2 : 1;
			FLUSH();
			e = e ? e : emit(t, raw + i, w, base + i);
			i += w;
			j++;
			run = i;
			run_j = j;
			continue;
		}
		if (raw[i] != s[j])
			return FL__MARKUP_NONE;
		i++;
		j++;
	}
	FLUSH();
#undef FLUSH
	if (e && error)
		*error = e;
	return i;
}

int fl__markup_blank(fl__segtext *t, const char *raw, size_t a, size_t b,
                     size_t base, bool object)
{
	fl_buf blank = FL_BUF_INIT;
	size_t last = SIZE_MAX; /* the last space put */
	int error = 0;

	for (size_t i = a; i < b && error == 0; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (c == '\n' || c == '\r') {
			error = fl_buf_putc(&blank, (char)c);
		} else if ((c & 0xC0) != 0x80) {
			last = blank.len;
			error = fl_buf_putc(&blank, ' ');
		}
	}
	if (error == 0 && object && last != SIZE_MAX) {
		/* U+FFFC in place of the last space */
		size_t tail = blank.len - last - 1;
		if ((error = fl_buf_put(&blank, "\xEF\xBF", 2)) == 0) {
			memmove(blank.ptr + last + 3, blank.ptr + last + 1,
			        tail);
			memcpy(blank.ptr + last, "\xEF\xBF\xBC", 3);
		}
	}
	if (error == 0 && blank.len)
		error = fl__segtext_put(t, blank.ptr, blank.len, base + a);
	fl_buf_dispose(&blank);
	return error;
}

int fl__markup_open(fl__linemap *m, const char *path, const char *data,
                    size_t len, const char *what, char *err, size_t errlen)
{
	const char *nul = len ? memchr(data, '\0', len) : NULL;
	size_t bad, line, col;
	int error;

	if ((error = fl__linemap_init(m, data, len)) < 0)
		return fl__fail(err, errlen, error, "%s: out of memory", path);
	if (fl_yaml_check_utf8(data, len, &bad) < 0) {
		fl__linemap_pos(m, bad, &line, &col);
		error = fl__fail(err, errlen, FL_EENCODING,
		                 "%s:%zu:%zu: invalid UTF-8", path, line, col);
	} else if (nul) {
		fl__linemap_pos(m, (size_t)(nul - data), &line, &col);
		error = fl__fail(err, errlen, FL_EPARSE,
		                 "%s:%zu:%zu: a NUL byte: not %s", path, line,
		                 col, what);
	}
	if (error < 0)
		fl__linemap_dispose(m);
	return error;
}
