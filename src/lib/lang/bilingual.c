#include "bilingual.h"

#include "../util/buf.h"
#include "tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FL_BILEX_MAX_SIZE ((size_t)64 << 20)

struct fl__bilex {
	char *data; /* the file, tabs and line ends made NULs */
	size_t len;
	fl_map words; /* lower-case English word -> first line offset + 1 */
};

void fl__bilex_free(fl__bilex *bl)
{
	if (!bl)
		return;
	fl_map_dispose(&bl->words);
	free(bl->data);
	free(bl);
}

int fl__bilex_parse(fl__bilex **out, const char *path, const char *data,
                    size_t len, char *err, size_t errlen)
{
	fl__bilex *bl = NULL;
	size_t line = 0, prev_len = 0;
	const char *prev = NULL;
	int error = 0;

	*out = NULL;
	if (!(bl = calloc(1, sizeof(*bl))) || !(bl->data = malloc(len + 1))) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	memcpy(bl->data, data, len);
	bl->data[len] = '\0';
	bl->len = len;
	/* Lines are "english TAB rendering", sorted by the English word, so
	 * each word's lines are consecutive: the map keeps the first. */
	for (size_t p = 0; p < len;) {
		char *s = bl->data + p, *nl = memchr(s, '\n', len - p), *tab;
		size_t n = nl ? (size_t)(nl - s) : len - p;
		line++;
		p += n + 1;
		if (nl)
			*nl = '\0';
		if (n == 0 || s[0] == '#')
			continue;
		if (!(tab = memchr(s, '\t', n)) || tab == s || tab[1] == '\0') {
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:%zu: a line is 'english<TAB>"
			                 "rendering'",
			                 path, line);
			goto cleanup;
		}
		*tab = '\0';
		if (prev && (size_t)(tab - s) == prev_len &&
		    memcmp(prev, s, prev_len) == 0)
			continue;
		if (fl_map_get(&bl->words, s, (size_t)(tab - s), NULL)) {
			error =
			    fl__fail(err, errlen, FL_EPARSE,
			             "%s:%zu: '%s' is not sorted (its lines "
			             "must be together)",
			             path, line, s);
			goto cleanup;
		}
		if ((error = fl_map_put(&bl->words, s, (size_t)(tab - s),
		                        (uintptr_t)(s - bl->data) + 1)) < 0)
			goto cleanup;
		prev = s;
		prev_len = (size_t)(tab - s);
	}
	*out = bl;
	bl = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "%s: out of memory", path);
	fl__bilex_free(bl);
	return error;
}

int fl__bilex_load(fl__bilex **out, const char *data_dir, const char *src,
                   const char *tag, char *err, size_t errlen)
{
	fl_buf path = FL_BUF_INIT;
	char *data = NULL;
	size_t len;
	int error = 0;

	*out = NULL;
	if (fl_buf_printf(&path, "%s/rules/lexicon/%s-%s.tsv", data_dir, src,
	                  tag) < 0)
		return FL_ENOMEM;
	if (access(path.ptr, R_OK) != 0) {
		fl_buf_clear(&path);
		if (fl_buf_printf(&path, "%s/rules/lexicon/%s-%.*s.tsv",
		                  data_dir, src, (int)fl__tag_language_len(tag),
		                  tag) < 0) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		if (access(path.ptr, R_OK) != 0)
			goto cleanup; /* no lexicon: name.literal is off */
	}
	if ((error = fl__read_file(&data, &len, path.ptr, FL_BILEX_MAX_SIZE,
	                           err, errlen)) < 0)
		goto cleanup;
	error = fl__bilex_parse(out, path.ptr, data, len, err, errlen);
cleanup:
	free(data);
	fl_buf_dispose(&path);
	return error;
}

size_t fl__bilex_get(const fl__bilex *bl, const char *word, size_t len,
                     const char **out, size_t cap)
{
	char key[64];
	uintptr_t v;
	size_t n = 0;

	if (!bl || len == 0 || len >= sizeof(key))
		return 0;
	for (size_t i = 0; i < len; i++)
		key[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] + 32)
		                                          : word[i];
	if (!fl_map_get(&bl->words, key, len, &v))
		return 0;
	/* Walk the word's lines: "word\0rendering\0word\0rendering\0..." */
	for (const char *p = bl->data + (v - 1); p < bl->data + bl->len;) {
		const char *r;
		if (p[0] == '#' || p[0] == '\0') {
			p += strlen(p) + 1;
			continue;
		}
		if (strlen(p) != len || memcmp(p, key, len) != 0)
			break;
		r = p + len + 1;
		if (n < cap)
			out[n] = r;
		n++;
		p = r + strlen(r) + 1;
	}
	return n;
}
