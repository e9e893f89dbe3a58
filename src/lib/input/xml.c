/*
 * The one wrapper of libxml2's XML parser (xml.h). libxml2 builds its tree
 * from the bytes; this module then walks that tree and the bytes together
 * (the tree says what comes next, the bytes where it is) and builds the
 * readers' tree with byte offsets. A document libxml2 accepted is
 * well-formed, so the walk only has to find markup it knows is there; if
 * the two ever disagree, the file is refused rather than misplaced.
 */
#include "xml.h"

#include "../util/buf.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ arena */

typedef struct block {
	struct block *next;
	size_t used, cap;
	max_align_t mem[];
} block;

/* n bytes (zeroed) from the arena at *a; NULL when out of memory. */
static void *arena_alloc(void **a, size_t n)
{
	block *b = *a;
	size_t al = sizeof(max_align_t);

	if (fl__add_overflow(n, al - 1, &n))
		return NULL;
	n -= n % al;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536, total;
		if (fl__add_overflow(sizeof(block), cap, &total) ||
		    !(b = calloc(1, total)))
			return NULL;
		b->cap = cap;
		b->next = *a;
		*a = b;
	}
	b->used += n;
	return (char *)b->mem + b->used - n;
}

/* A NUL-terminated copy of s[0,n) in the arena. */
static char *arena_strndup(void **a, const char *s, size_t n)
{
	char *p;
	if (n == SIZE_MAX || !(p = arena_alloc(a, n + 1)))
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void arena_free(void *a)
{
	for (block *b = a, *next; b; b = next) {
		next = b->next;
		free(b);
	}
}

/* ----------------------------------------------------------- messages */

int fl__xml_fail(const fl__xml_doc *d, char *err, size_t errlen, int code,
                 size_t off, const char *fmt, ...)
{
	size_t line = 1, col = 1, n;
	va_list ap;

	if (d->map.start)
		fl__linemap_pos(&d->map, off, &line, &col);
	n = (size_t)snprintf(err, errlen, "%s:%zu:%zu: ", d->path, line, col);
	if (n < errlen) {
		va_start(ap, fmt);
		fl__vfail(err + n, errlen - n, code, fmt, ap);
		va_end(ap);
	}
	return code;
}

/* ----------------------------------------------------------- the walk */

typedef struct {
	fl__xml_doc *d;
	size_t pos; /* where the walk is in the file */
	char *err;
	size_t errlen;
} walk;

static int lost(walk *w)
{
	return fl__xml_fail(w->d, w->err, w->errlen, FL_EPARSE,
	                    w->pos < w->d->len ? w->pos : w->d->len,
	                    "the XML parser read this file otherwise than "
	                    "fidelint can place it (a fidelint bug: please "
	                    "report it with the file)");
}

static bool at(const walk *w, const char *s)
{
	size_t n = strlen(s);
	return w->d->len - w->pos >= n &&
	       memcmp(w->d->data + w->pos, s, n) == 0;
}

/* Moves past the next occurrence of s; false when there is none. */
static bool past(walk *w, const char *s)
{
	size_t n = strlen(s);
	for (size_t p = w->pos; w->d->len - p >= n; p++)
		if (memcmp(w->d->data + p, s, n) == 0) {
			w->pos = p + n;
			return true;
		}
	return false;
}

static void skip_space(walk *w)
{
	while (w->pos < w->d->len && strchr(" \t\r\n", w->d->data[w->pos]) &&
	       w->d->data[w->pos])
		w->pos++;
}

/* Moves past the quoted string at pos (its closing quote); false when it
 * does not close. */
static bool past_quoted(walk *w)
{
	const char *q = memchr(w->d->data + w->pos + 1, w->d->data[w->pos],
	                       w->d->len - w->pos - 1);
	if (!q)
		return false;
	w->pos = (size_t)(q - w->d->data) + 1;
	return true;
}

/* Moves past the markup at pos ("<" up to its ">"), quoted strings
 * skipped; with subset, a DOCTYPE's internal subset ("[...]", its
 * comments and processing instructions) too. */
static bool past_markup(walk *w, bool subset)
{
	while (w->pos < w->d->len) {
		char c = w->d->data[w->pos];
		if (c == '"' || c == '\'') {
			if (!past_quoted(w))
				return false;
		} else if (c == '>') {
			w->pos++;
			return true;
		} else if (subset && c == '[') {
			w->pos++;
			while (w->pos < w->d->len &&
			       w->d->data[w->pos] != ']') {
				c = w->d->data[w->pos];
				if (at(w, "<!--")) {
					if (!past(w, "-->"))
						return false;
				} else if (at(w, "<?")) {
					if (!past(w, "?>"))
						return false;
				} else if (c == '"' || c == '\'') {
					if (!past_quoted(w))
						return false;
				} else {
					w->pos++;
				}
			}
			w->pos++;
		} else {
			w->pos++;
		}
	}
	return false;
}

/* Appends node n under parent, after *last. */
static void link_node(fl__xml_node *parent, fl__xml_node **last,
                      fl__xml_node *n)
{
	n->parent = parent;
	if (*last)
		(*last)->next = n;
	else if (parent)
		parent->child = n;
	*last = n;
}

/* A text node of s[0,n) standing for the file's bytes [off, end). */
static int add_text(walk *w, fl__xml_node *parent, fl__xml_node **last,
                    const char *s, size_t n, size_t off, size_t end)
{
	fl__xml_node *t = arena_alloc(&w->d->arena, sizeof(*t));
	if (!t)
		return FL_ENOMEM;
	t->kind = FL__XML_TEXT;
	t->text = s;
	t->len = n;
	t->offset = off;
	t->end = end;
	link_node(parent, last, t);
	return 0;
}

/* The UTF-8 bytes of code point c into u (4 bytes); their count, 0 when c
 * is no character. */
static size_t utf8_put(char *u, unsigned long c)
{
	if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	if (c < 0x80) {
		u[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | (c >> 18));
	u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	u[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The number in digits s[0,n) of base 10 or 16 (leading zeros allowed);
 * ULONG_MAX when they are not digits or it is over 8 digits long. */
static unsigned long parse_code(const char *s, size_t n, int base)
{
	unsigned long v = 0;
	if (n == 0)
		return ULONG_MAX;
	while (n > 1 && s[0] == '0') {
		s++;
		n--;
	}
	if (n > 8)
		return ULONG_MAX;
	for (size_t i = 0; i < n; i++) {
		int d;
		char c = s[i];
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return ULONG_MAX;
		v = v * (unsigned long)base + (unsigned long)d;
	}
	return v;
}

/* What the reference at pos ("&...;") decodes to, into u; its byte count
 * (0: not a reference of character data), *end past the ';'. */
static size_t reference(const walk *w, char *u, size_t *end)
{
	static const char *const names[][2] = {{"amp", "&"},
	                                       {"lt", "<"},
	                                       {"gt", ">"},
	                                       {"quot", "\""},
	                                       {"apos", "'"}};
	const char *s = w->d->data + w->pos + 1, *semi;
	size_t n = w->d->len - w->pos - 1;

	if (!(semi = memchr(s, ';', n)))
		return 0;
	n = (size_t)(semi - s);
	*end = (size_t)(semi - w->d->data) + 1;
	if (n >= 2 && s[0] == '#')
		return utf8_put(u, s[1] == 'x' ? parse_code(s + 2, n - 2, 16)
		                               : parse_code(s + 1, n - 1, 10));
	for (size_t i = 0; i < FL_ARRAY_SIZE(names); i++)
		if (strlen(names[i][0]) == n &&
		    memcmp(s, names[i][0], n) == 0) {
			u[0] = names[i][1][0];
			return 1;
		}
	return 0;
}

/*
 * Walks the bytes of character data whose decoded content is s[0,n)
 * (CDATA: no references), adding its text nodes under parent.
 */
static int walk_chars(walk *w, fl__xml_node *parent, fl__xml_node **last,
                      const char *s, size_t n, bool cdata)
{
	const char *data = w->d->data;
	size_t i = 0;
	int error;

	while (i < n) {
		size_t start = w->pos;
		if (w->pos >= w->d->len)
			return lost(w);
		if (!cdata && data[w->pos] == '&') {
			char u[4], *copy;
			size_t end, k = reference(w, u, &end);
			if (k == 0 || k > n - i || memcmp(s + i, u, k) != 0)
				return lost(w);
			if (!(copy = arena_strndup(&w->d->arena, u, k)))
				return FL_ENOMEM;
			if ((error = add_text(w, parent, last, copy, k, start,
			                      end)) < 0)
				return error;
			w->pos = end;
			i += k;
		} else if (data[w->pos] == '\r') {
			if (s[i] != '\n')
				return lost(w);
			w->pos +=
			    w->pos + 1 < w->d->len && data[w->pos + 1] == '\n'
			        ? 2
			        : 1;
			if ((error = add_text(w, parent, last, "\n", 1, start,
			                      w->pos)) < 0)
				return error;
			i++;
		} else {
			while (i < n && w->pos < w->d->len &&
			       data[w->pos] == s[i] && data[w->pos] != '\r' &&
			       (cdata || data[w->pos] != '&')) {
				w->pos++;
				i++;
			}
			if (w->pos == start)
				return lost(w);
			if ((error = add_text(w, parent, last, data + start,
			                      w->pos - start, start, w->pos)) <
			    0)
				return error;
		}
	}
	return 0;
}

/* The attributes of x into n; an entity of a DTD in one is refused. */
static int walk_attrs(walk *w, fl__xml_node *n, const xmlNode *x)
{
	const fl__xml_attr **tail = &n->attrs;
	fl_buf v = FL_BUF_INIT;
	int error = 0;

	for (const xmlAttr *a = x->properties; a && error == 0; a = a->next) {
		fl__xml_attr *na = arena_alloc(&w->d->arena, sizeof(*na));
		fl_buf_clear(&v);
		for (const xmlNode *c = a->children; c && error == 0;
		     c = c->next) {
			if (c->type == XML_TEXT_NODE && c->content)
				error =
				    fl_buf_puts(&v, (const char *)c->content);
			else if (c->type == XML_ENTITY_REF_NODE)
				error = fl__xml_fail(
				    w->d, w->err, w->errlen, FL_EPARSE,
				    n->offset,
				    "the attribute %s uses the entity &%s; "
				    "of a DTD, which fidelint does not expand",
				    (const char *)a->name,
				    (const char *)c->name);
		}
		if (error < 0)
			break;
		if (!na ||
		    !(na->name =
		          arena_strndup(&w->d->arena, (const char *)a->name,
		                        strlen((const char *)a->name))) ||
		    !(na->ns =
		          a->ns && a->ns->href
		              ? arena_strndup(&w->d->arena,
		                              (const char *)a->ns->href,
		                              strlen((const char *)a->ns->href))
		              : "") ||
		    !(na->value = arena_strndup(&w->d->arena,
		                                v.ptr ? v.ptr : "", v.len))) {
			error = FL_ENOMEM;
			break;
		}
		*tail = na;
		tail = &na->next;
	}
	fl_buf_dispose(&v);
	return error;
}

static int walk_nodes(walk *w, fl__xml_node *parent, const xmlNode *first,
                      int depth);

/* The element x, whose start tag is at pos. */
static int walk_element(walk *w, fl__xml_node *parent, fl__xml_node **last,
                        const xmlNode *x, int depth)
{
	const char *data = w->d->data, *prefix = NULL;
	size_t name_at, name_len, plen = 0, nlen;
	fl__xml_node *n;
	bool empty;
	int error;

	if (depth > 1000)
		return fl__xml_fail(w->d, w->err, w->errlen, FL_ELIMIT, w->pos,
		                    "elements nested deeper than 1000");
	if (w->pos >= w->d->len || data[w->pos] != '<')
		return lost(w);
	if (x->ns && x->ns->prefix) {
		prefix = (const char *)x->ns->prefix;
		plen = strlen(prefix);
	}
	nlen = strlen((const char *)x->name);
	/* the name as written: [prefix:]name */
	name_at = w->pos + 1;
	name_len = 0;
	while (name_at + name_len < w->d->len &&
	       !strchr(" \t\r\n/>", data[name_at + name_len]) &&
	       data[name_at + name_len])
		name_len++;
	if (name_len != (plen ? plen + 1 : 0) + nlen ||
	    (plen && (memcmp(data + name_at, prefix, plen) != 0 ||
	              data[name_at + plen] != ':')) ||
	    memcmp(data + name_at + name_len - nlen, x->name, nlen) != 0)
		return lost(w);
	if (!(n = arena_alloc(&w->d->arena, sizeof(*n))))
		return FL_ENOMEM;
	n->kind = FL__XML_ELEMENT;
	n->offset = w->pos;
	if (!(n->name =
	          arena_strndup(&w->d->arena, (const char *)x->name, nlen)) ||
	    !(n->ns =
	          x->ns && x->ns->href
	              ? arena_strndup(&w->d->arena, (const char *)x->ns->href,
	                              strlen((const char *)x->ns->href))
	              : ""))
		return FL_ENOMEM;
	link_node(parent, last, n);
	if (!past_markup(w, false))
		return lost(w);
	n->tag_end = w->pos;
	empty = data[w->pos - 2] == '/';
	if ((error = walk_attrs(w, n, x)) < 0)
		return error;
	if (empty) {
		if (x->children)
			return lost(w);
	} else {
		if ((error = walk_nodes(w, n, x->children, depth + 1)) < 0)
			return error;
		skip_space(w);
		if (!at(w, "</") || w->d->len - w->pos - 2 < name_len ||
		    memcmp(data + w->pos + 2, data + name_at, name_len) != 0)
			return lost(w);
		w->pos += 2 + name_len;
		skip_space(w);
		if (!at(w, ">"))
			return lost(w);
		w->pos++;
	}
	n->end = w->pos;
	return 0;
}

/* The nodes first, first->next... (children of parent; at the top when
 * parent is NULL), whose markup starts at pos. */
static int walk_nodes(walk *w, fl__xml_node *parent, const xmlNode *first,
                      int depth)
{
	fl__xml_node *last = NULL;
	int error = 0;

	for (const xmlNode *x = first; x && error == 0; x = x->next) {
		const char *c = (const char *)x->content;
		/* (white space the parser kept is a text node, and read) */
		if (x->type != XML_TEXT_NODE)
			skip_space(w);
		switch (x->type) {
		case XML_ELEMENT_NODE:
			error = walk_element(w, parent, &last, x, depth);
			if (!parent && error == 0)
				w->d->root = last;
			break;
		case XML_TEXT_NODE:
			if (!parent)
				break;
			error = walk_chars(w, parent, &last, c ? c : "",
			                   c ? strlen(c) : 0, false);
			break;
		case XML_CDATA_SECTION_NODE:
			if (!at(w, "<![CDATA["))
				return lost(w);
			w->pos += 9;
			if ((error = walk_chars(w, parent, &last, c ? c : "",
			                        c ? strlen(c) : 0, true)) < 0)
				return error;
			if (!at(w, "]]>"))
				return lost(w);
			w->pos += 3;
			break;
		case XML_COMMENT_NODE:
			if (!at(w, "<!--") || !past(w, "-->"))
				return lost(w);
			break;
		case XML_PI_NODE:
			if (!at(w, "<?") || !past(w, "?>"))
				return lost(w);
			break;
		case XML_DTD_NODE:
			if (!at(w, "<!DOCTYPE") || !past_markup(w, true))
				return lost(w);
			break;
		case XML_ENTITY_REF_NODE:
			return fl__xml_fail(
			    w->d, w->err, w->errlen, FL_EPARSE, w->pos,
			    "the entity &%s; of a DTD is used here; fidelint "
			    "does not expand a DTD's entities",
			    (const char *)x->name);
		default:
			return lost(w);
		}
	}
	return error;
}

/* ------------------------------------------------------------- parsing */

/* Whether libxml2 read the bytes as they are: no declared encoding but
 * UTF-8 (or its subset ASCII). */
static bool utf8_encoding(const xmlChar *enc)
{
	static const char *const ok[] = {"UTF-8", "UTF8", "US-ASCII", "ASCII"};
	if (!enc)
		return true;
	for (size_t i = 0; i < FL_ARRAY_SIZE(ok); i++)
		if (fl__ascii_casecmp((const char *)enc, ok[i]) == 0)
			return true;
	return false;
}

/* The code of a libxml2 error. */
static int error_code(const xmlError *e)
{
	const char *m = e->message ? e->message : "";
	if (e->code == XML_ERR_NO_MEMORY)
		return FL_ENOMEM;
	if (e->code == XML_ERR_ENTITY_LOOP || strstr(m, "XML_PARSE_HUGE") ||
	    strstr(m, "Excessive depth") || strstr(m, "too large") ||
	    strstr(m, "too long"))
		return FL_ELIMIT;
	if (e->code == XML_ERR_UNSUPPORTED_ENCODING ||
	    e->code == XML_ERR_INVALID_ENCODING || strstr(m, "UTF-8") ||
	    strstr(m, "encoding"))
		return FL_EENCODING;
	return FL_EPARSE;
}

/* Records the first error (and the first in the document itself). */
typedef struct {
	char doc[512], any[512];
	int doc_line, doc_col, doc_code, any_line, any_col, any_code;
	bool have_doc, have_any;
} first_errors;

static void keep_error(char *dst, size_t n, int *line, int *col, int *code,
                       const xmlError *e)
{
	size_t k;
	snprintf(dst, n, "%s", e->message ? e->message : "error");
	/* libxml2's messages end with a line end, some hold one */
	for (k = 0; dst[k]; k++)
		if (dst[k] == '\n' || dst[k] == '\r')
			dst[k] = ' ';
	while (k > 0 && dst[k - 1] == ' ')
		dst[--k] = '\0';
	*line = e->line;
	*col = e->int2;
	*code = error_code(e);
}

static void on_structured_error(void *ctx, xmlErrorPtr e)
{
	first_errors *s = ctx;
	if (!e || e->level < XML_ERR_ERROR || e->domain == XML_FROM_NAMESPACE)
		return;
	if (!s->have_any) {
		keep_error(s->any, sizeof(s->any), &s->any_line, &s->any_col,
		           &s->any_code, e);
		s->have_any = true;
	}
	if (!s->have_doc && e->file) {
		keep_error(s->doc, sizeof(s->doc), &s->doc_line, &s->doc_col,
		           &s->doc_code, e);
		s->have_doc = true;
	}
}

int fl__xml_parse(fl__xml_doc *d, const char *path, const char *data,
                  size_t len, const char *root, const char *format, char *err,
                  size_t errlen)
{
	xmlStructuredErrorFunc saved_fn;
	void *saved_ctx;
	first_errors errs;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	walk w;
	int error = 0;

	memset(d, 0, sizeof(*d));
	memset(&errs, 0, sizeof(errs));
	d->path = path;
	d->data = data;
	d->len = len;
	if ((error = fl__linemap_init(&d->map, data, len)) < 0)
		return fl__fail(err, errlen, error, "%s: out of memory", path);
	if (len == 0) {
		error = fl__xml_fail(d, err, errlen, FL_EPARSE, 0,
		                     "an empty file, not XML");
		goto cleanup;
	}
	if (len > INT_MAX) {
		error =
		    fl__xml_fail(d, err, errlen, FL_ELIMIT, 0,
		                 "an XML file of more than %d bytes", INT_MAX);
		goto cleanup;
	}
	/* UTF-16 and UTF-32 (a BOM, or a NUL among the first bytes) */
	if ((unsigned char)data[0] == 0xFE || (unsigned char)data[0] == 0xFF ||
	    memchr(data, 0, len < 4 ? len : 4)) {
		error = fl__xml_fail(d, err, errlen, FL_EENCODING, 0,
		                     "XML in UTF-16 or UTF-32: fidelint reads "
		                     "XML in UTF-8");
		goto cleanup;
	}
	xmlInitParser();
	/* libxml2 reports through this thread's handler while parsing: to
	 * us, not to stderr */
	saved_fn = xmlStructuredError;
	saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&errs, on_structured_error);
	if ((ctxt = xmlNewParserCtxt()))
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
		                        XML_PARSE_NONET | XML_PARSE_NOERROR |
		                            XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
	if (!ctxt) {
		error =
		    fl__fail(err, errlen, FL_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	if (!doc) {
		bool own = errs.have_doc;
		int line = own ? errs.doc_line : errs.any_line;
		int col = own ? errs.doc_col : errs.any_col;
		error = !errs.have_any ? FL_EPARSE
		        : own          ? errs.doc_code
		                       : errs.any_code;
		if (error == FL_ENOMEM)
			fl__fail(err, errlen, error, "%s: out of memory", path);
		else
			fl__fail(err, errlen, error, "%s:%d:%d: %s: %s", path,
			         line > 0 ? line : 1, col > 0 ? col : 1,
			         error == FL_ELIMIT ? "over a limit of the XML "
			                              "parser"
			         : error == FL_EENCODING
			             ? "not XML in UTF-8"
			             : "not well-formed XML",
			         !errs.have_any ? "the parser gave up"
			         : own          ? errs.doc
			                        : errs.any);
		goto cleanup;
	}
	if (!utf8_encoding(doc->encoding)) {
		error = fl__xml_fail(d, err, errlen, FL_EENCODING, 0,
		                     "XML in %s: fidelint reads XML in UTF-8",
		                     (const char *)doc->encoding);
		goto cleanup;
	}
	w.d = d;
	w.pos = 0;
	w.err = err;
	w.errlen = errlen;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		w.pos = 3;
	if (at(&w, "<?xml") && w.pos + 5 < len &&
	    strchr(" \t\r\n?", data[w.pos + 5]) && !past(&w, "?>"))
		error = lost(&w);
	if (error == 0)
		error = walk_nodes(&w, NULL, doc->children, 0);
	if (error == 0 && !d->root)
		error = lost(&w);
	if (error == 0 && strcmp(d->root->name, root) != 0)
		error = fl__xml_fail(d, err, errlen, FL_EPARSE, d->root->offset,
		                     "not %s: the root element is <%s>, %s's "
		                     "is <%s>",
		                     format, d->root->name, format, root);
cleanup:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	if (error < 0)
		fl__xml_dispose(d);
	return error;
}

void fl__xml_dispose(fl__xml_doc *d)
{
	if (!d)
		return;
	arena_free(d->arena);
	fl__linemap_dispose(&d->map);
	d->arena = NULL;
	d->root = NULL;
}

/* ---------------------------------------------------------- accessors */

const char *fl__xml_attr_get(const fl__xml_node *n, const char *ns,
                             const char *name)
{
	if (!n)
		return NULL;
	for (const fl__xml_attr *a = n->attrs; a; a = a->next)
		if (strcmp(a->name, name) == 0 &&
		    strcmp(a->ns, ns ? ns : "") == 0)
			return a->value;
	return NULL;
}

bool fl__xml_is(const fl__xml_node *n, const char *ns, const char *name)
{
	return n && n->kind == FL__XML_ELEMENT && strcmp(n->name, name) == 0 &&
	       strcmp(n->ns, ns ? ns : "") == 0;
}

const fl__xml_node *fl__xml_child(const fl__xml_node *n, const char *name)
{
	for (const fl__xml_node *c = n ? n->child : NULL; c; c = c->next)
		if (fl__xml_is(c, n->ns, name))
			return c;
	return NULL;
}

void fl__xml_set_lang(char *dst, const char *tag)
{
	if (tag && strlen(tag) < FL_TAG_MAX)
		strcpy(dst, tag);
}

/* ----------------------------------------------------------- segments */

/* One thing of a segment's side, in order: text, a character, a code. */
typedef struct {
	enum { ITEM_TEXT, ITEM_CHAR, ITEM_CODE } kind;
	const char *s; /* ITEM_TEXT */
	size_t n, off;
	char u[4];                 /* ITEM_CHAR's bytes */
	const fl__xml_node *code;  /* ITEM_CODE */
	const fl__xml_inline *row; /* ITEM_CODE */
} item;

typedef struct {
	item *v;
	size_t count, cap;
} items;

static int push(items *it, const item *x)
{
	if (fl__grow((void **)&it->v, &it->cap, it->count + 1, sizeof(*it->v)) <
	    0)
		return FL_ENOMEM;
	it->v[it->count++] = *x;
	return 0;
}

static const fl__xml_inline *row_of(const fl__xml_node *c, const char *ns,
                                    const fl__xml_inline *table, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fl__xml_is(c, ns, table[i].name))
			return &table[i];
	return NULL;
}

/* The items of el's content (elements in namespace ns as table says). */
static int collect(items *it, const fl__xml_node *el, const char *ns,
                   const fl__xml_inline *table, size_t n)
{
	int error = 0;

	for (const fl__xml_node *c = el->child; c && error == 0; c = c->next) {
		const fl__xml_inline *row;
		item x;
		memset(&x, 0, sizeof(x));
		x.off = c->offset;
		if (c->kind == FL__XML_TEXT) {
			x.kind = ITEM_TEXT;
			x.s = c->text;
			x.n = c->len;
			error = push(it, &x);
			continue;
		}
		row = row_of(c, ns, table, n);
		if (!row || row->kind == FL__XML_WRAP) {
			error = collect(it, c, ns, table, n);
		} else if (row->kind == FL__XML_CODE) {
			x.kind = ITEM_CODE;
			x.code = c;
			x.row = row;
			error = push(it, &x);
		} else if (row->kind == FL__XML_CHAR) {
			const char *hex = fl__xml_attr_get(c, NULL, row->attrs);
			x.kind = ITEM_CHAR;
			x.n = hex ? utf8_put(x.u,
			                     parse_code(hex, strlen(hex), 16))
			          : 0;
			if (x.n)
				error = push(it, &x);
		}
	}
	return error;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the items hold no text but white space and no code. */
static bool blank(const items *it)
{
	for (size_t i = 0; i < it->count; i++) {
		const item *x = &it->v[i];
		if (x->kind != ITEM_TEXT)
			return false;
		for (size_t k = 0; k < x->n; k++)
			if (!is_space(x->s[k]))
				return false;
	}
	return true;
}

/* Leaves out the white space at both ends of the items. */
static void trim(items *it)
{
	for (size_t i = 0; i < it->count && it->v[i].kind == ITEM_TEXT; i++) {
		item *x = &it->v[i];
		while (x->n && is_space(x->s[0])) {
			x->s++;
			x->n--;
			x->off++;
		}
		if (x->n)
			break;
	}
	for (size_t i = it->count; i > 0 && it->v[i - 1].kind == ITEM_TEXT;
	     i--) {
		item *x = &it->v[i - 1];
		while (x->n && is_space(x->s[x->n - 1]))
			x->n--;
		if (x->n)
			break;
	}
}

/* Whether xml:space="preserve" holds at element n. */
static bool preserve(const fl__xml_node *n)
{
	for (; n; n = n->parent) {
		const char *v = fl__xml_attr_get(n, FL__XML_NS, "space");
		if (v)
			return strcmp(v, "preserve") == 0;
	}
	return false;
}

/* Appends to b s[0,n), cut to at most max bytes at a character's start. */
static int put_cut(fl_buf *b, const char *s, size_t n, size_t max)
{
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return fl_buf_put(b, s, n);
}

/* The key and display of code element c (row's kind CODE). */
static int code_names(fl_buf *key, fl_buf *display, const fl__xml_doc *d,
                      const fl__xml_node *c, const fl__xml_inline *row)
{
	const char *a = row->attrs, *v = NULL;
	size_t n;
	int error;

	while (a && *a && !v) {
		char name[32];
		size_t k = strcspn(a, " ");
		if (k < sizeof(name)) {
			memcpy(name, a, k);
			name[k] = '\0';
			v = fl__xml_attr_get(c, NULL, name);
		}
		a += k + (a[k] == ' ');
	}
	fl_buf_clear(key);
	fl_buf_clear(display);
	if ((error = fl_buf_puts(key, row->name)) < 0 ||
	    (v && ((error = fl_buf_putc(key, ':')) < 0 ||
	           (error = fl_buf_puts(key, v)) < 0)))
		return error;
	/* as written when short and on one line: the element, else its
	 * start tag, else its name */
	for (int pass = 0; pass < 2; pass++) {
		n = (pass ? c->tag_end : c->end) - c->offset;
		if (n <= 80 && !memchr(d->data + c->offset, '\n', n) &&
		    !memchr(d->data + c->offset, '\r', n))
			return fl_buf_put(display, d->data + c->offset, n);
	}
	if ((error = fl_buf_putc(display, '<')) < 0 ||
	    (error = put_cut(display, c->name, strlen(c->name), 64)) < 0)
		return error;
	return fl_buf_puts(display, "/>");
}

/* Puts the items into t. */
static int put_items(fl__segtext *t, const items *it, const fl__xml_doc *d)
{
	fl_buf key = FL_BUF_INIT, display = FL_BUF_INIT;
	int error = 0;

	for (size_t i = 0; i < it->count && error == 0; i++) {
		const item *x = &it->v[i];
		if (x->kind == ITEM_TEXT)
			error = fl__segtext_put(t, x->s, x->n, x->off);
		else if (x->kind == ITEM_CHAR)
			error = fl__segtext_put(t, x->u, x->n, x->off);
		else if ((error = code_names(&key, &display, d, x->code,
		                             x->row)) == 0)
			error = fl__segtext_code(t, 1, key.ptr, display.ptr,
			                         x->off);
	}
	fl_buf_dispose(&key);
	fl_buf_dispose(&display);
	return error;
}

/* The items of element el's content, trimmed unless preserved. */
static int side_items(items *it, const fl__xml_node *el,
                      const fl__xml_inline *table, size_t n)
{
	int error = collect(it, el, el->ns, table, n);
	if (error == 0 && !preserve(el))
		trim(it);
	return error;
}

int fl__xml_add_segment(fl__segbuf *b, const fl__xml_doc *d, const char *id,
                        const fl__xml_node *source, const fl__xml_node *target,
                        const fl__xml_inline *table, size_t n, unsigned flags)
{
	items si = {0}, ti = {0};
	fl__segtext s, t;
	fl_segment *seg;
	int error;

	fl__segtext_init(&s, &d->map);
	fl__segtext_init(&t, &d->map);
	if ((error = side_items(&ti, target, table, n)) < 0 || blank(&ti))
		goto cleanup;
	if ((error = put_items(&t, &ti, d)) < 0 ||
	    (source && ((error = side_items(&si, source, table, n)) < 0 ||
	                (error = put_items(&s, &si, d)) < 0)) ||
	    (error = fl__segbuf_add(b, &seg)) < 0)
		goto cleanup;
	seg->flags = flags;
	if ((id && !(seg->id = fl__segbuf_strndup(b, id, strlen(id)))) ||
	    (error = fl__segtext_finish(&t, b, &seg->target)) < 0 ||
	    (source && (error = fl__segtext_finish(&s, b, &seg->source)) < 0)) {
		error = error < 0 ? error : FL_ENOMEM;
		goto cleanup;
	}
	/* an empty original still has its place: after its start tag */
	if (source && !seg->source.anchor_count) {
		fl_anchor *a = fl__segbuf_alloc(b, sizeof(*a));
		if (!a) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		fl__linemap_pos(&d->map, source->tag_end, &a->line, &a->column);
		seg->source.anchors = a;
		seg->source.anchor_count = 1;
	}
cleanup:
	fl__segtext_dispose(&s);
	fl__segtext_dispose(&t);
	free(si.v);
	free(ti.v);
	return error;
}
