/*
 * Baselines: `fidelint baseline write B ...` records the findings of a run
 * by fingerprint (fl_finding_fingerprint: rule, file, text, context; not
 * line numbers), and `check --baseline B` reports only findings that are
 * not in it, so that a project can adopt fidelint without fixing every
 * old finding first. A fingerprint seen N times in the baseline hides N
 * findings.
 *
 * The file is text, sorted, one finding kind a line, so that it diffs
 * well in version control:
 *   # fidelint baseline 1
 *   FINGERPRINT TAB COUNT TAB RULE TAB PATH TAB TEXT
 * (tabs and line ends in PATH and TEXT are written as spaces).
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define HEADER "# fidelint baseline 1\n"

typedef struct {
	char fp[FL_FINGERPRINT_SIZE];
	size_t count;
	char *rest; /* "RULE\tPATH\tTEXT", for the file */
} item;

struct cli_baseline {
	item *items;
	size_t count, cap;
	bool sorted;
};

void cli_baseline_free(cli_baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->count; i++)
		free(b->items[i].rest);
	free(b->items);
	free(b);
}

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const item *)a)->fp, ((const item *)b)->fp);
}

static item *find(cli_baseline *b, const char *fp)
{
	item key;
	if (!b->sorted) {
		if (b->count > 1)
			qsort(b->items, b->count, sizeof(*b->items), cmp_item);
		b->sorted = true;
	}
	memcpy(key.fp, fp, FL_FINGERPRINT_SIZE);
	return b->count ? bsearch(&key, b->items, b->count, sizeof(*b->items),
	                          cmp_item)
	                : NULL;
}

/* Appends an item (rest: owned, may be NULL). */
static int push(cli_baseline *b, const char *fp, size_t count, char *rest)
{
	if (b->count == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		item *v = realloc(b->items, cap * sizeof(*v));
		if (!v)
			return -1;
		b->items = v;
		b->cap = cap;
	}
	memcpy(b->items[b->count].fp, fp, FL_FINGERPRINT_SIZE);
	b->items[b->count].count = count;
	b->items[b->count].rest = rest;
	b->count++;
	b->sorted = false;
	return 0;
}

int cli_baseline_new(cli_baseline **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : -1;
}

int cli_baseline_load(cli_baseline **out, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int status = 0;

	*out = NULL;
	if (!f) {
		fprintf(stderr, "fidelint: %s: cannot open the baseline: %s\n",
		        path, strerror(errno));
		return -1;
	}
	if (cli_baseline_new(out) < 0) {
		fclose(f);
		return -1;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		char fp[FL_FINGERPRINT_SIZE], *tab, *end;
		unsigned long long count;
		lineno++;
		if (lineno == 1) {
			if (strcmp(line, HEADER) != 0) {
				fprintf(stderr,
				        "fidelint: %s:1: not a fidelint "
				        "baseline (it starts '%s')\n",
				        path, HEADER "");
				status = -1;
				break;
			}
			continue;
		}
		if (n <= 1 || line[0] == '#')
			continue;
		tab = strchr(line, '\t');
		if (!tab || tab - line != FL_FINGERPRINT_SIZE - 1 ||
		    strspn(line, "0123456789abcdef") !=
		        FL_FINGERPRINT_SIZE - 1 ||
		    (count = strtoull(tab + 1, &end, 10)) == 0 ||
		    *end != '\t') {
			fprintf(stderr,
			        "fidelint: %s:%zu: a line is FINGERPRINT TAB "
			        "COUNT TAB RULE TAB PATH TAB TEXT\n",
			        path, lineno);
			status = -1;
			break;
		}
		memcpy(fp, line, FL_FINGERPRINT_SIZE - 1);
		fp[FL_FINGERPRINT_SIZE - 1] = '\0';
		if (push(*out, fp, (size_t)count, NULL) < 0) {
			status = -1;
			break;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "fidelint: %s: read error\n", path);
		status = -1;
	}
	free(line);
	fclose(f);
	if (status < 0) {
		cli_baseline_free(*out);
		*out = NULL;
	}
	return status;
}

/* s with tabs and line ends as spaces, appended to d at *n. */
static void flat(char *d, size_t *n, const char *s)
{
	for (; s && *s; s++)
		d[(*n)++] = *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s;
}

int cli_baseline_add(cli_baseline *b, const fl_result *res)
{
	const char *path = fl_result_path(res);

	for (size_t i = 0; i < fl_result_count(res); i++) {
		const fl_finding *f = fl_result_finding(res, i);
		char fp[FL_FINGERPRINT_SIZE], *rest;
		size_t n = 0;
		item *it;

		fl_finding_fingerprint(fp, path, f);
		if ((it = find(b, fp))) {
			it->count++;
			continue;
		}
		if (!(rest = malloc(strlen(f->rule) + strlen(path) +
		                    strlen(f->text) + 3)))
			return -1;
		flat(rest, &n, f->rule);
		rest[n++] = '\t';
		flat(rest, &n, path);
		rest[n++] = '\t';
		flat(rest, &n, f->text);
		rest[n] = '\0';
		if (push(b, fp, 1, rest) < 0) {
			free(rest);
			return -1;
		}
	}
	return 0;
}

/* fl_result_retain: keeps a finding the baseline has no more of. */
static int is_new(const fl_finding *f, void *ctx)
{
	void **c = ctx;
	cli_baseline *b = c[0];
	char fp[FL_FINGERPRINT_SIZE];
	item *it;

	fl_finding_fingerprint(fp, c[1], f);
	if ((it = find(b, fp)) && it->count > 0) {
		it->count--;
		return 0;
	}
	return 1;
}

void cli_baseline_filter(cli_baseline *b, fl_result *res)
{
	void *ctx[2] = {b, (void *)fl_result_path(res)};
	fl_result_retain(res, is_new, ctx);
}

int cli_baseline_write(cli_baseline *b, const char *path)
{
	cli_output *out = NULL;
	const char *inputs[1] = {NULL};

	if (cli_output_open(&out, path, inputs, 0) != 0)
		return -1;
	find(b, "0000000000000000"); /* sorts */
	if (cli_output_write(out, HEADER, strlen(HEADER)) != 0)
		goto fail;
	for (size_t i = 0; i < b->count; i++) {
		char head[64];
		int n = snprintf(head, sizeof(head), "%s\t%zu\t",
		                 b->items[i].fp, b->items[i].count);
		if (cli_output_write(out, head, (size_t)n) != 0 ||
		    cli_output_write(out, b->items[i].rest,
		                     strlen(b->items[i].rest)) != 0 ||
		    cli_output_write(out, "\n", 1) != 0)
			goto fail;
	}
	return cli_output_commit(out) == 0 ? 0 : -1;
fail:
	cli_output_discard(out);
	return -1;
}
