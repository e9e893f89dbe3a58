#define _GNU_SOURCE /* memmem */

/*
 * What every reader shares: the segment list and its memory (segbuf),
 * byte offsets to line:column (linemap), and one side of a segment built
 * with its anchors and codes (segtext).
 */
#include "input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Keeps p (malloc'd) owned by b; frees it on failure. */
static int keep(fl__segbuf *b, void *p)
{
	if (!p)
		return FL_ENOMEM;
	if (fl__grow((void **)&b->blocks, &b->block_cap, b->block_count + 1,
	             sizeof(*b->blocks)) < 0) {
		free(p);
		return FL_ENOMEM;
	}
	b->blocks[b->block_count++] = p;
	return 0;
}

void fl__segbuf_dispose(fl__segbuf *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->block_count; i++)
		free(b->blocks[i]);
	free(b->blocks);
	free(b->seg);
	free(b->facts_path);
	free(b->source_path);
	free(b->supp);
	memset(b, 0, sizeof(*b));
}

int fl__segbuf_add(fl__segbuf *b, fl_segment **out)
{
	if (fl__grow((void **)&b->seg, &b->cap, b->count + 1, sizeof(*b->seg)) <
	    0)
		return FL_ENOMEM;
	*out = &b->seg[b->count++];
	memset(*out, 0, sizeof(**out));
	return 0;
}

void *fl__segbuf_alloc(fl__segbuf *b, size_t n)
{
	void *p = calloc(1, n ? n : 1);
	return keep(b, p) == 0 ? p : NULL;
}

char *fl__segbuf_strndup(fl__segbuf *b, const char *s, size_t n)
{
	char *p;
	if (n == SIZE_MAX || !(p = fl__segbuf_alloc(b, n + 1)))
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int fl__linemap_init(fl__linemap *m, const char *data, size_t len)
{
	size_t cap = 0;

	memset(m, 0, sizeof(*m));
	m->data = data;
	m->len = len;
	for (size_t p = 0;;) {
		if (fl__grow((void **)&m->start, &cap, m->count + 1,
		             sizeof(*m->start)) < 0) {
			fl__linemap_dispose(m);
			return FL_ENOMEM;
		}
		m->start[m->count++] = p;
		while (p < len && data[p] != '\n' && data[p] != '\r')
			p++;
		if (p >= len)
			break;
		p += data[p] == '\r' && p + 1 < len && data[p + 1] == '\n' ? 2
		                                                           : 1;
	}
	return 0;
}

void fl__linemap_dispose(fl__linemap *m)
{
	free(m->start);
	memset(m, 0, sizeof(*m));
}

void fl__linemap_pos(const fl__linemap *m, size_t off, size_t *line,
                     size_t *column)
{
	size_t lo = 0, hi = m->count, col = 1;

	if (off > m->len)
		off = m->len;
	/* the last line starting at or before off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (size_t p = m->count ? m->start[lo] : 0; p < off; p++)
		if (((unsigned char)m->data[p] & 0xC0) != 0x80)
			col++;
	*line = lo + 1;
	*column = col;
}

void fl__segtext_init(fl__segtext *t, const fl__linemap *m)
{
	memset(t, 0, sizeof(*t));
	t->map = m;
	t->next_off = SIZE_MAX;
}

void fl__segtext_dispose(fl__segtext *t)
{
	fl_buf_dispose(&t->text);
	fl_buf_dispose(&t->keys);
	free(t->anchors);
	free(t->codes);
	memset(t, 0, sizeof(*t));
}

/* Anchors the text's end at byte off of the file, unless the text runs on
 * there already. */
static int anchor(fl__segtext *t, size_t off)
{
	fl_anchor *a;

	if (t->next_off == off)
		return 0;
	if (fl__grow((void **)&t->anchors, &t->anchor_cap, t->anchor_count + 1,
	             sizeof(*t->anchors)) < 0)
		return FL_ENOMEM;
	a = &t->anchors[t->anchor_count++];
	a->offset = t->text.len;
	/* On from the last anchor when it is on the same line: a document on
	 * one long line with many anchors is not counted from the line's
	 * start for each. */
	if (t->anchor_count > 1 && t->last_off <= off &&
	    (a[-1].line >= t->map->count || t->map->start[a[-1].line] > off)) {
		a->line = a[-1].line;
		a->column = a[-1].column;
		for (size_t q = t->last_off; q < off; q++)
			a->column +=
			    ((unsigned char)t->map->data[q] & 0xC0) != 0x80;
	} else {
		fl__linemap_pos(t->map, off, &a->line, &a->column);
	}
	t->last_off = off;
	return 0;
}

int fl__segtext_put(fl__segtext *t, const char *s, size_t n, size_t off)
{
	int error;

	if (n == 0)
		return 0;
	if ((error = anchor(t, off)) < 0 ||
	    (error = fl_buf_put(&t->text, s, n)) < 0)
		return error;
	/* Verbatim text runs on in the file; a decoded entity is shorter
	 * than what it stands for, and the next put anchors anew. */
	t->next_off =
	    off <= t->map->len - n && memcmp(t->map->data + off, s, n) == 0
	        ? off + n
	        : SIZE_MAX;
	return 0;
}

int fl__segtext_code(fl__segtext *t, size_t n, const char *key,
                     const char *display, size_t off)
{
	fl_code *c;
	size_t at;
	int error;

	if (n == 0)
		n = 1;
	if ((error = anchor(t, off)) < 0)
		return error;
	at = t->text.len;
	for (size_t i = 0; i < n; i++)
		if ((error = fl_buf_putc(&t->text, ' ')) < 0)
			return error;
	t->next_off = SIZE_MAX;
	if (fl__grow((void **)&t->codes, &t->code_cap, t->code_count + 1,
	             sizeof(*t->codes)) < 0)
		return FL_ENOMEM;
	c = &t->codes[t->code_count++];
	c->offset = at;
	c->len = n;
	/* key and display are offsets into keys until finish */
	c->key = (const char *)(uintptr_t)t->keys.len;
	if ((error = fl_buf_put(&t->keys, key ? key : "",
	                        strlen(key ? key : "") + 1)) < 0)
		return error;
	c->display = (const char *)(uintptr_t)t->keys.len;
	if ((error = fl_buf_put(&t->keys,
	                        display ? display
	                        : key   ? key
	                                : "",
	                        strlen(display ? display
	                               : key   ? key
	                                       : "") +
	                            1)) < 0)
		return error;
	return 0;
}

int fl__segtext_finish(fl__segtext *t, fl__segbuf *b, fl_segment_text *out)
{
	char *text, *keys = NULL;
	fl_anchor *anchors = NULL;
	fl_code *codes = NULL;

	memset(out, 0, sizeof(*out));
	if (!(text = fl__segbuf_strndup(b, t->text.ptr ? t->text.ptr : "",
	                                t->text.len)))
		return FL_ENOMEM;
	if (t->anchor_count && !(anchors = fl__segbuf_alloc(
	                             b, t->anchor_count * sizeof(*anchors))))
		return FL_ENOMEM;
	if (t->code_count &&
	    (!(codes = fl__segbuf_alloc(b, t->code_count * sizeof(*codes))) ||
	     !(keys = fl__segbuf_strndup(b, t->keys.ptr, t->keys.len))))
		return FL_ENOMEM;
	if (t->anchor_count)
		memcpy(anchors, t->anchors, t->anchor_count * sizeof(*anchors));
	for (size_t i = 0; i < t->code_count; i++) {
		codes[i] = t->codes[i];
		codes[i].key = keys + (uintptr_t)t->codes[i].key;
		codes[i].display = keys + (uintptr_t)t->codes[i].display;
	}
	out->text = text;
	out->len = t->text.len;
	out->anchors = anchors;
	out->anchor_count = t->anchor_count;
	out->codes = codes;
	out->code_count = t->code_count;
	return 0;
}

fl__directive_kind fl__directive(const char *s, size_t n, const char **rules,
                                 size_t *rules_len)
{
	static const struct {
		const char *word;
		fl__directive_kind kind;
	} words[] = {
	    {"fidelint-disable-next-line", FL__DIRECTIVE_NEXT_LINE},
	    {"fidelint-disable", FL__DIRECTIVE_DISABLE},
	    {"fidelint-enable", FL__DIRECTIVE_ENABLE},
	};
	size_t i = 0;

	while (i < n &&
	       (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t w = strlen(words[k].word), e;
		if (n - i < w || memcmp(s + i, words[k].word, w) != 0 ||
		    (i + w < n && s[i + w] != ' ' && s[i + w] != '\t' &&
		     s[i + w] != '\n' && s[i + w] != '\r'))
			continue;
		i += w;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		e = i;
		while (e < n && s[e] != '\n' && s[e] != '\r')
			e++;
		while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		*rules = s + i;
		*rules_len = e - i;
		return words[k].kind;
	}
	return FL__DIRECTIVE_NONE;
}

int fl__segbuf_suppress_from(fl__segbuf *b, size_t first, const char *s,
                             size_t n)
{
	for (size_t p = 0; p < n;) {
		const char *rules;
		size_t rn, e = p;
		char *copy;
		while (e < n && s[e] != '\n')
			e++;
		if (fl__directive(s + p, e - p, &rules, &rn) ==
		    FL__DIRECTIVE_DISABLE) {
			if (!(copy = fl__segbuf_strndup(b, rules, rn)))
				return FL_ENOMEM;
			for (size_t i = first; i < b->count; i++)
				b->seg[i].suppress = copy;
			return 0;
		}
		p = e + 1;
	}
	return 0;
}

/* Adds a suppression of rules on lines first..last. */
static int suppress_lines(fl__segbuf *b, size_t first, size_t last,
                          const char *rules, size_t n)
{
	char *copy = fl__segbuf_strndup(b, rules, n);
	if (!copy || fl__grow((void **)&b->supp, &b->supp_cap,
	                      b->supp_count + 1, sizeof(*b->supp)) < 0)
		return FL_ENOMEM;
	b->supp[b->supp_count].first = first;
	b->supp[b->supp_count].last = last;
	b->supp[b->supp_count].rules = copy;
	b->supp_count++;
	return 0;
}

int fl__segbuf_comment_directives(fl__segbuf *b, const char *data, size_t len)
{
	/* an open "disable" region: its first line and rules */
	struct {
		size_t line;
		const char *rules;
		size_t n;
	} open[16];
	size_t nopen = 0, line = 1, p = 0;
	int error = 0;

	while (p + 4 <= len && error == 0) {
		const char *c = memchr(data + p, '<', len - p), *end, *rules;
		size_t rn;
		if (!c)
			break;
		for (const char *q = data + p; q < c; q++)
			line += *q == '\n';
		p = (size_t)(c - data);
		if (len - p < 4 || memcmp(c, "<!--", 4) != 0) {
			p++;
			continue;
		}
		end = memmem(c + 4, len - p - 4, "-->", 3);
		if (!end)
			break;
		switch (
		    fl__directive(c + 4, (size_t)(end - c - 4), &rules, &rn)) {
		case FL__DIRECTIVE_NEXT_LINE: {
			size_t at = line;
			for (const char *q = c; q < end; q++)
				at += *q == '\n';
			error = suppress_lines(b, at + 1, at + 1, rules, rn);
			break;
		}
		case FL__DIRECTIVE_DISABLE:
			if (nopen < sizeof(open) / sizeof(open[0])) {
				open[nopen].line = line;
				open[nopen].rules = rules;
				open[nopen].n = rn;
				nopen++;
			}
			break;
		case FL__DIRECTIVE_ENABLE:
			/* closes the last region opened with the same rules,
			 * or the last one */
			if (nopen) {
				size_t k = nopen - 1;
				for (size_t j = nopen; j-- > 0;)
					if (open[j].n == rn &&
					    memcmp(open[j].rules, rules, rn) ==
					        0) {
						k = j;
						break;
					}
				error =
				    suppress_lines(b, open[k].line, line,
				                   open[k].rules, open[k].n);
				open[k] = open[--nopen];
			}
			break;
		default:
			break;
		}
		for (const char *q = c; q < end; q++)
			line += *q == '\n';
		p = (size_t)(end - data);
	}
	for (size_t k = 0; k < nopen && error == 0; k++)
		error = suppress_lines(b, open[k].line, SIZE_MAX, open[k].rules,
		                       open[k].n);
	return error;
}
