#include "result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	fl_finding pub;
	char *strings; /* one block holding every string of pub */
	size_t size;   /* bytes of strings */
	size_t seq;    /* order of adding: ties keep it when sorted */
} finding;

/* A finding as the spill file holds it: this head, then its block of
 * strings (offs: each string's offset in the block + 1, 0 for NULL, in
 * the order rule, text, message, expected, suggestion, context,
 * segment). */
typedef struct {
	size_t line, column, end_line, end_column, context_column;
	size_t source_line, context_len, seq, size;
	size_t offs[7];
	int severity;
} spill_head;

/* A finding read back from the spill file, with its own block. */
typedef struct {
	finding f;
	size_t cap; /* bytes of f.strings */
} slot;

/*
 * The findings of a long document that went to a temporary file
 * (fl__result_spill), as one run in report order. The result's order is
 * the merge of that run with the (sorted) findings still in memory; the
 * cursor reads the merge in order for fl_result_finding.
 */
typedef struct {
	FILE *f;
	size_t count;   /* findings in f */
	size_t sev[4];  /* of them, per severity */
	bool have_last; /* the key of the last one written: */
	size_t last_line, last_column, last_seq;
	char *last_rule;
	/* the cursor over the merge */
	bool positioned; /* index, mi, look and cur are valid */
	size_t index;    /* merged index of cur */
	size_t mi;       /* next finding in memory */
	size_t read;     /* findings of f read */
	bool have_look;  /* look holds the next finding of f */
	slot look, cur;
	const fl_finding *at; /* finding `index`: in memory or cur */
} spill;

struct fl_result {
	char *path;
	char *lang;
	finding *items;
	size_t count; /* findings in memory */
	size_t cap;
	size_t added;              /* findings ever added (finding.seq) */
	size_t mem_bytes;          /* of the findings in memory */
	spill *sp;                 /* NULL until the first spill */
	bool no_spill;             /* no (more) spilling: the temporary
	                              file could not be made or written */
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
	it->size = total;
	it->seq = r->added++;
	r->mem_bytes += total + sizeof(*it);
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
		if (keep(&r->items[i].pub, ctx)) {
			r->items[n++] = r->items[i];
		} else {
			r->mem_bytes -= r->items[i].size + sizeof(finding);
			free(r->items[i].strings);
		}
	}
	r->count = n;
	if (r->sp)
		r->sp->positioned = false;
}

void fl__result_sort(fl_result *r)
{
	if (r->count > 1)
		qsort(r->items, r->count, sizeof(*r->items), cmp_finding);
	if (r->sp)
		r->sp->positioned = false;
}

/* ---------------------------------------------------------------- spill */

/* Offset + 1 in block of string s of finding it (0: NULL, or one of the
 * literals "" fl__result_add puts for an absent string). */
static size_t off_of(const finding *it, const char *s)
{
	if (!s || s < it->strings || s >= it->strings + it->size)
		return 0;
	return (size_t)(s - it->strings) + 1;
}

/* Writes finding it to f. Returns 0 or FL_EIO. */
static int spill_write(FILE *f, const finding *it)
{
	const fl_finding *p = &it->pub;
	spill_head h;

	memset(&h, 0, sizeof(h));
	h.line = p->line;
	h.column = p->column;
	h.end_line = p->end_line;
	h.end_column = p->end_column;
	h.context_column = p->context_column;
	h.source_line = p->source_line;
	h.context_len = p->context_len;
	h.seq = it->seq;
	h.size = it->size;
	h.severity = (int)p->severity;
	h.offs[0] = off_of(it, p->rule);
	h.offs[1] = off_of(it, p->text);
	h.offs[2] = off_of(it, p->message);
	h.offs[3] = off_of(it, p->expected);
	h.offs[4] = off_of(it, p->suggestion);
	h.offs[5] = off_of(it, p->context);
	h.offs[6] = off_of(it, p->segment);
	if (fwrite(&h, sizeof(h), 1, f) != 1 ||
	    (h.size && fwrite(it->strings, 1, h.size, f) != h.size))
		return FL_EIO;
	return 0;
}

/* Reads the next finding of f into s. Returns 1, 0 at the end, FL_EIO or
 * FL_ENOMEM. */
static int spill_read(FILE *f, slot *s)
{
	spill_head h;
	fl_finding *p = &s->f.pub;
	char *b;

	if (fread(&h, sizeof(h), 1, f) != 1)
		return ferror(f) ? FL_EIO : 0;
	if (h.size > s->cap) {
		char *n = realloc(s->f.strings, h.size);
		if (!n)
			return FL_ENOMEM;
		s->f.strings = n;
		s->cap = h.size;
	}
	if (h.size && fread(s->f.strings, 1, h.size, f) != h.size)
		return FL_EIO;
	for (int i = 0; i < 7; i++)
		if (h.offs[i] > h.size)
			return FL_EIO;
	b = s->f.strings;
	s->f.size = h.size;
	s->f.seq = h.seq;
	p->rule = h.offs[0] ? b + h.offs[0] - 1 : "";
	p->text = h.offs[1] ? b + h.offs[1] - 1 : "";
	p->message = h.offs[2] ? b + h.offs[2] - 1 : "";
	p->expected = h.offs[3] ? b + h.offs[3] - 1 : NULL;
	p->suggestion = h.offs[4] ? b + h.offs[4] - 1 : NULL;
	p->context = h.offs[5] ? b + h.offs[5] - 1 : NULL;
	p->segment = h.offs[6] ? b + h.offs[6] - 1 : NULL;
	p->severity = (fl_severity)h.severity;
	p->line = h.line;
	p->column = h.column;
	p->end_line = h.end_line;
	p->end_column = h.end_column;
	p->context_column = h.context_column;
	p->source_line = h.source_line;
	p->context_len = h.context_len;
	return 1;
}

static void spill_free(spill *sp)
{
	if (!sp)
		return;
	if (sp->f)
		fclose(sp->f);
	free(sp->last_rule);
	free(sp->look.f.strings);
	free(sp->cur.f.strings);
	free(sp);
}

/* Whether finding it sorts before the last one written to sp. */
static bool before_last(const spill *sp, const finding *it)
{
	const fl_finding *a = &it->pub;
	int c;

	if (!sp->have_last)
		return false;
	if (a->line != sp->last_line)
		return a->line < sp->last_line;
	if (a->column != sp->last_column)
		return a->column < sp->last_column;
	if ((c = strcmp(a->rule, sp->last_rule)) != 0)
		return c < 0;
	return it->seq < sp->last_seq;
}

int fl__result_spill(fl_result *r, size_t max_bytes)
{
	spill *sp = r->sp;
	size_t keep = 0, n, size;
	char *rule;
	int error = 0;

	if (r->mem_bytes <= max_bytes || r->count == 0 || r->no_spill)
		return 0;
	if (!sp) {
		if (!(sp = calloc(1, sizeof(*sp))))
			return FL_ENOMEM;
		if (!(sp->f = tmpfile())) {
			/* no temporary file: the findings stay in memory */
			free(sp);
			r->no_spill = true;
			return 0;
		}
		r->sp = sp;
	}
	sp->positioned = false;
	fl__result_sort(r);
	/* What sorts before the last finding written stays in memory (a
	 * finding without a place, one placed in an earlier window): the
	 * file stays one sorted run. */
	while (keep < r->count && before_last(sp, &r->items[keep]))
		keep++;
	n = r->count - keep;
	if (n == 0)
		return 0;
	if (!(rule = fl__strdup(r->items[r->count - 1].pub.rule)))
		return FL_ENOMEM;
	if (fseek(sp->f, 0, SEEK_END) != 0)
		error = FL_EIO;
	for (size_t i = keep; i < r->count && error == 0; i++)
		error = spill_write(sp->f, &r->items[i]);
	if (error == 0 && fflush(sp->f) != 0)
		error = FL_EIO;
	if (error < 0) {
		/* A full disk: what the file holds so far is read back (its
		 * count), the rest stays in memory, and nothing more is
		 * written after what may be a partial finding. */
		free(rule);
		r->no_spill = true;
		return 0;
	}
	for (size_t i = keep; i < r->count; i++) {
		finding *it = &r->items[i];
		sp->sev[(size_t)it->pub.severity & 3]++;
		size = it->size + sizeof(*it);
		r->mem_bytes -= size;
		free(it->strings);
	}
	sp->count += n;
	sp->have_last = true;
	sp->last_line = r->items[r->count - 1].pub.line;
	sp->last_column = r->items[r->count - 1].pub.column;
	sp->last_seq = r->items[r->count - 1].seq;
	free(sp->last_rule);
	sp->last_rule = rule;
	r->count = keep;
	return 0;
}

size_t fl__result_mem_count(const fl_result *r)
{
	return r->count;
}

/* Reads the next finding of the spill file into sp->look. Returns 0 or
 * FL_EIO / FL_ENOMEM. */
static int read_look(spill *sp)
{
	int rc;

	sp->have_look = false;
	if (sp->read >= sp->count)
		return 0;
	if ((rc = spill_read(sp->f, &sp->look)) < 0)
		return rc;
	if (rc == 0)
		return FL_EIO; /* shorter than written */
	sp->read++;
	sp->have_look = true;
	return 0;
}

/* Moves the cursor of r's merge to its first finding. */
static int cursor_rewind(const fl_result *r)
{
	spill *sp = r->sp;

	sp->positioned = false;
	if (fseek(sp->f, 0, SEEK_SET) != 0)
		return FL_EIO;
	sp->mi = 0;
	sp->read = 0;
	sp->at = NULL;
	if (read_look(sp) < 0)
		return FL_EIO;
	sp->index = (size_t)-1;
	sp->positioned = true;
	return 0;
}

/* Moves the cursor one finding on (there is one). */
static int cursor_next(const fl_result *r)
{
	spill *sp = r->sp;
	const finding *m = sp->mi < r->count ? &r->items[sp->mi] : NULL;
	slot t;

	if (sp->have_look && (!m || cmp_finding(&sp->look.f, m) < 0)) {
		t = sp->cur;
		sp->cur = sp->look;
		sp->look = t;
		sp->at = &sp->cur.f.pub;
		if (read_look(sp) < 0) {
			sp->positioned = false;
			return FL_EIO;
		}
	} else if (m) {
		sp->at = &m->pub;
		sp->mi++;
	} else {
		sp->positioned = false;
		return FL_EIO;
	}
	sp->index++;
	return 0;
}

/* Finding i of a spilled result, read in order (a step back reads from
 * the start again); NULL on a read error. */
static const fl_finding *spilled_at(const fl_result *r, size_t i)
{
	spill *sp = r->sp;

	if (!sp->positioned || (sp->index != (size_t)-1 && i < sp->index))
		if (cursor_rewind(r) < 0)
			return NULL;
	while (sp->index == (size_t)-1 || sp->index < i)
		if (cursor_next(r) < 0)
			return NULL;
	return sp->at;
}

int fl_result_foreach(const fl_result *r,
                      int (*fn)(const fl_finding *f, void *ctx), void *ctx)
{
	size_t n;

	if (!r || !fn)
		return FL_EINVAL;
	n = fl_result_count(r);
	for (size_t i = 0; i < n; i++) {
		const fl_finding *f = fl_result_finding(r, i);
		int rc;
		if (!f)
			return FL_EIO;
		if ((rc = fn(f, ctx)) != 0)
			return rc;
	}
	return 0;
}

/* fl_result_retain of the spilled findings: those kept are written to a
 * new file. Returns 0 or a negative code. */
static int retain_spilled(fl_result *r,
                          int (*keep)(const fl_finding *f, void *ctx),
                          void *ctx)
{
	spill *sp = r->sp;
	FILE *out = tmpfile();
	size_t kept = 0, sev[4] = {0};
	int error = 0;

	if (!out)
		return FL_EIO;
	if (fseek(sp->f, 0, SEEK_SET) != 0)
		error = FL_EIO;
	for (size_t i = 0; i < sp->count && error == 0; i++) {
		int rc = spill_read(sp->f, &sp->look);
		if (rc <= 0) {
			error = rc < 0 ? rc : FL_EIO;
			break;
		}
		if (!keep(&sp->look.f.pub, ctx))
			continue;
		if ((error = spill_write(out, &sp->look.f)) == 0) {
			kept++;
			sev[(size_t)sp->look.f.pub.severity & 3]++;
		}
	}
	if (error == 0 && fflush(out) != 0)
		error = FL_EIO;
	if (error < 0) {
		fclose(out);
		return error;
	}
	fclose(sp->f);
	sp->f = out;
	sp->count = kept;
	memcpy(sp->sev, sev, sizeof(sev));
	sp->positioned = false;
	return 0;
}

void fl_result_free(fl_result *r)
{
	if (!r)
		return;
	spill_free(r->sp);
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
	return r->count + (r->sp ? r->sp->count : 0);
}

const fl_finding *fl_result_finding(const fl_result *r, size_t i)
{
	if (r->sp && r->sp->count)
		return i < fl_result_count(r) ? spilled_at(r, i) : NULL;
	return i < r->count ? &r->items[i].pub : NULL;
}

size_t fl_result_count_severity(const fl_result *r, fl_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < r->count; i++)
		n += r->items[i].pub.severity == sev;
	if (r->sp && (unsigned)sev < 4)
		n += r->sp->sev[(unsigned)sev];
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
		return r ? fl_result_count(r) : 0;
	/* A spilled result that cannot be rewritten keeps its spilled
	 * findings (the count says so). */
	if (r->sp && r->sp->count)
		(void)retain_spilled(r, keep, ctx);
	fl__result_filter(r, retain_one, &rc);
	return fl_result_count(r);
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
