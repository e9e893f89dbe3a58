/*
 * What the data-file runners share: reading a whole file, and finding an
 * id in a known-failures list.
 */
#ifndef FL_TEST_RUNNER_H
#define FL_TEST_RUNNER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file at path, NUL-terminated (caller frees), its length in *len
 * (may be NULL); NULL when it cannot be read. */
static inline char *runner_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

/* Whether a line of list starts with id (then a line end, a space, a tab
 * or a comment). */
static inline bool runner_listed(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && (p = strstr(p, id)); p += n)
		if ((p == list || p[-1] == '\n') &&
		    (p[n] == '\n' || p[n] == '\0' || p[n] == ' ' ||
		     p[n] == '\t'))
			return true;
	return false;
}

/* The outcome of a data file's rows against its known-failures list. */
typedef struct {
	const char *known, *known_path; /* the list, and its file name */
	int passed, failed, xfail, fixed;
} runner_tally;

/*
 * Counts row id (ok: it gave the expected verdict). A listed row that
 * passes is reported (take it off the list) and fails the run. Returns
 * true for an unexpected failure, which the caller describes.
 */
static inline bool runner_count(runner_tally *t, const char *id, bool ok)
{
	if (runner_listed(t->known, id)) {
		if (ok) {
			fprintf(stderr, "%s passes now: take it off %s\n", id,
			        t->known_path);
			t->fixed++;
		} else {
			t->xfail++;
		}
		return false;
	}
	if (ok)
		t->passed++;
	else
		t->failed++;
	return !ok;
}

#endif
