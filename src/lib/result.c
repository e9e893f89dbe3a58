#include "result.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	fl_finding pub;
	char *strings; /* one block holding every string of pub */
	size_t seq;    /* order of adding: ties keep it when sorted */
} finding;

struct fl_result {
	char *path;
	char *lang;
	finding *items;
	size_t count;
	size_t cap;
	size_t added;              /* findings ever added (finding.seq) */
	fl_mention_info *mentions; /* strings owned */
	size_t mention_count, mention_cap;
};

int fl__result_new(fl_result **out, const char *path, const char *lang)
{
	fl_result *r = calloc(1, sizeof(*r));
	*out = NULL;
	if (!r)
		return FL_ENOMEM;
	r->path = fl__strdup(path ? path : "");
	r->lang = fl__strdup(lang ? lang : "");
	if (!r->path || !r->lang) {
		fl_result_free(r);
		return FL_ENOMEM;
	}
	*out = r;
	return 0;
}

int fl__result_set_lang(fl_result *r, const char *lang)
{
	char *l = fl__strdup(lang ? lang : "");
	if (!l)
		return FL_ENOMEM;
	free(r->lang);
	r->lang = l;
	return 0;
}

/* Appends s (or nothing for NULL) to block at *off; returns its offset+1 so
 * that 0 can stand for NULL until the block stops moving. */
static size_t stash(char *block, size_t *off, const char *s, size_t n)
{
	size_t at;
	if (!s)
		return 0;
	at = *off;
	memcpy(block + at, s, n);
	block[at + n] = '\0';
	*off += n + 1;
	return at + 1;
}

/* Byte offset of code point n (0-based) in UTF-8 s[0,len), or len. */
static size_t cp_offset(const char *s, size_t len, size_t n)
{
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n == 0)
				return i;
			n--;
		}
	}
	return len;
}

/* Narrows a long line *s (*len bytes) to a window around 1-based column
 * col; returns the column within the window. */
static size_t window(const char **s, size_t *len, size_t col)
{
	size_t first =
	    col > FL_CONTEXT_BEFORE + 1 ? col - 1 - FL_CONTEXT_BEFORE : 0;
	size_t a = cp_offset(*s, *len, first);
	size_t b = a + cp_offset(*s + a, *len - a, FL_CONTEXT_SPAN);
	*s += a;
	*len = b - a;
	return col - first;
}

int fl__result_add(fl_result *r, const fl__finding_in *f)
{
	const char *strs[7] = {f->rule,     f->text,       f->message,
	                       f->expected, f->suggestion, f->context,
	                       f->segment};
	size_t lens[7] = {0}, offs[7] = {0}, total = 0, off = 0;
	size_t ctx_col = f->context_column ? f->context_column : f->column;
	char *block;
	finding *it;

	if (fl__grow((void **)&r->items, &r->cap, r->count + 1,
	             sizeof(*r->items)) < 0)
		return FL_ENOMEM;
	for (int i = 0; i < 7; i++) {
		if (!strs[i])
			continue;
		lens[i] =
		    i == 5 && f->context_len ? f->context_len : strlen(strs[i]);
		if (i == 5 && lens[i] > FL_CONTEXT_MAX)
			ctx_col = window(&strs[i], &lens[i], ctx_col);
		if (fl__add_overflow(total, lens[i] + 1, &total))
			return FL_ENOMEM;
	}
	block = malloc(total ? total : 1);
	if (!block)
		return FL_ENOMEM;
	for (int i = 0; i < 7; i++)
		offs[i] = stash(block, &off, strs[i], lens[i]);

	it = &r->items[r->count++];
	memset(it, 0, sizeof(*it));
	it->strings = block;
	it->seq = r->added++;
	it->pub.rule = offs[0] ? block + offs[0] - 1 : "";
	it->pub.text = offs[1] ? block + offs[1] - 1 : "";
	it->pub.message = offs[2] ? block + offs[2] - 1 : "";
	it->pub.expected = offs[3] ? block + offs[3] - 1 : NULL;
	it->pub.suggestion = offs[4] ? block + offs[4] - 1 : NULL;
	it->pub.context = offs[5] ? block + offs[5] - 1 : NULL;
	it->pub.context_len = lens[5];
	it->pub.segment = offs[6] ? block + offs[6] - 1 : NULL;
	it->pub.severity = f->severity;
	it->pub.line = f->line;
	it->pub.column = f->column;
	it->pub.end_line = f->end_line;
	it->pub.end_column = f->end_column;
	it->pub.context_column = it->pub.context ? ctx_col : 0;
	it->pub.source_line = f->source_line;
	return 0;
}

/* By place, rule id, then the order of adding (a stable sort: a document
 * checked in windows sorts as one checked at once). */
static int cmp_finding(const void *pa, const void *pb)
{
	const finding *x = pa, *y = pb;
	const fl_finding *a = &x->pub, *b = &y->pub;
	int r;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((r = strcmp(a->rule, b->rule)) != 0)
		return r;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void fl__result_filter(fl_result *r, bool (*keep)(fl_finding *f, void *ctx),
                       void *ctx)
{
	fl__result_filter_from(r, 0, keep, ctx);
}

void fl__result_filter_from(fl_result *r, size_t from,
                            bool (*keep)(fl_finding *f, void *ctx), void *ctx)
{
	size_t n = from < r->count ? from : r->count;
	for (size_t i = n; i < r->count; i++) {
		if (keep(&r->items[i].pub, ctx))
			r->items[n++] = r->items[i];
		else
			free(r->items[i].strings);
	}
	r->count = n;
}

void fl__result_sort(fl_result *r)
{
	if (r->count > 1)
		qsort(r->items, r->count, sizeof(*r->items), cmp_finding);
}

void fl_result_free(fl_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->count; i++)
		free(r->items[i].strings);
	free(r->items);
	for (size_t i = 0; i < r->mention_count; i++) {
		free((char *)r->mentions[i].entity);
		free((char *)r->mentions[i].form);
	}
	free(r->mentions);
	free(r->path);
	free(r->lang);
	free(r);
}

const char *fl_result_path(const fl_result *r)
{
	return r->path;
}

const char *fl_result_lang(const fl_result *r)
{
	return r->lang;
}

size_t fl_result_count(const fl_result *r)
{
	return r->count;
}

const fl_finding *fl_result_finding(const fl_result *r, size_t i)
{
	return i < r->count ? &r->items[i].pub : NULL;
}

size_t fl_result_count_severity(const fl_result *r, fl_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < r->count; i++)
		n += r->items[i].pub.severity == sev;
	return n;
}

typedef struct {
	int (*keep)(const fl_finding *f, void *ctx);
	void *ctx;
} retain_ctx;

static bool retain_one(fl_finding *f, void *ctx)
{
	retain_ctx *r = ctx;
	return r->keep(f, r->ctx) != 0;
}

size_t fl_result_retain(fl_result *r,
                        int (*keep)(const fl_finding *f, void *ctx), void *ctx)
{
	retain_ctx rc = {keep, ctx};
	if (!r || !keep)
		return r ? r->count : 0;
	fl__result_filter(r, retain_one, &rc);
	return r->count;
}

/* Code points of context on each side of a finding that its fingerprint
 * reads. */
#define FL_FINGERPRINT_AROUND 24

/* FNV-1a over s[0,n), on from h. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void fl_finding_fingerprint(char *out, const char *path, const fl_finding *f)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *c = f->context ? f->context : "";
	size_t cn = f->context ? f->context_len : 0;
	bool space = false, any = false;
	size_t col = f->context_column ? f->context_column - 1 : 0;
	size_t first =
	    col > FL_FINGERPRINT_AROUND ? col - FL_FINGERPRINT_AROUND : 0;
	size_t a = cp_offset(c, cn, first);
	size_t b =
	    cp_offset(c, cn, col + strlen(f->text) + FL_FINGERPRINT_AROUND);

	/* Only the context near the finding: an edit elsewhere on a long
	 * line leaves the fingerprint as it was. */
	c += a;
	cn = b > a ? b - a : 0;

	while (path && path[0] == '.' && path[1] == '/')
		path += 2;
	h = fnv(h, f->rule, strlen(f->rule) + 1);
	h = fnv(h, path ? path : "", strlen(path ? path : "") + 1);
	h = fnv(h, f->text, strlen(f->text) + 1);
	/* the context with its white space runs as one space, trimmed */
	for (size_t i = 0; i < cn; i++) {
		bool ws =
		    c[i] == ' ' || c[i] == '\t' || c[i] == '\r' || c[i] == '\n';
		if (ws) {
			space = true;
			continue;
		}
		if (space && any)
			h = fnv(h, " ", 1);
		space = false;
		any = true;
		h = fnv(h, c + i, 1);
	}
	snprintf(out, FL_FINGERPRINT_SIZE, "%016llx", (unsigned long long)h);
}

int fl__result_add_mention(fl_result *r, const char *entity, const char *form,
                           size_t times)
{
	fl_mention_info *m;

	for (size_t i = 0; i < r->mention_count; i++)
		if (strcmp(r->mentions[i].entity, entity) == 0 &&
		    strcmp(r->mentions[i].form, form) == 0) {
			r->mentions[i].count += times;
			return 0;
		}
	if (fl__grow((void **)&r->mentions, &r->mention_cap,
	             r->mention_count + 1, sizeof(*r->mentions)) < 0)
		return FL_ENOMEM;
	m = &r->mentions[r->mention_count];
	m->entity = fl__strdup(entity);
	m->form = fl__strdup(form);
	m->count = times;
	if (!m->entity || !m->form) {
		free((char *)m->entity);
		free((char *)m->form);
		return FL_ENOMEM;
	}
	r->mention_count++;
	return 0;
}

int fl__result_copy_mentions(fl_result *dst, const fl_result *src)
{
	int error = 0;
	for (size_t i = 0; i < src->mention_count && error == 0; i++)
		error = fl__result_add_mention(dst, src->mentions[i].entity,
		                               src->mentions[i].form,
		                               src->mentions[i].count);
	return error;
}

size_t fl_result_mention_count(const fl_result *r)
{
	return r ? r->mention_count : 0;
}

const fl_mention_info *fl_result_mention(const fl_result *r, size_t i)
{
	return r && i < r->mention_count ? &r->mentions[i] : NULL;
}
