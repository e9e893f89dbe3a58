/*
 * The YAML module on libyaml's event parser. Events are turned into a tree
 * of fl_yaml_node with a stack of open collections; every node keeps the
 * 1-based position of its first character so that loaders can point at it.
 */
#include "yaml.h"

#include "map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct fl_yaml_doc {
	fl_yaml_node *root;
};

/* An open collection: the node, the capacity of its items and, for a
 * mapping, its keys (so that duplicates are found without a scan). */
typedef struct {
	fl_yaml_node *node;
	size_t cap;
	fl_map keys;
} frame;

typedef struct {
	fl_yaml_doc *doc;
	frame stack[FL_YAML_MAX_DEPTH];
	size_t depth;
	int documents;
	char *err;
	size_t errlen;
} builder;

int fl_yaml_check_utf8(const char *data, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 2;
			cp = c & 0x1F;
			min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 3;
			cp = c & 0x0F;
			min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 4;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			goto bad;
		}
		if (len - i < n)
			goto bad;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* Overlong forms and surrogates would let two spellings of one
		 * text compare unequal; refuse them like libyaml does. */
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += n;
	}
	return 0;

bad:
	if (bad_offset)
		*bad_offset = i;
	return FL_EENCODING;
}

static int fail_mark(builder *b, int code, const yaml_mark_t *mark,
                     const char *fmt, ...) FL_PRINTF(4, 5);

static int fail_mark(builder *b, int code, const yaml_mark_t *mark,
                     const char *fmt, ...)
{
	char msg[FL_ERRMSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return fl__fail(b->err, b->errlen, code, "%zu:%zu: %s", mark->line + 1,
	                mark->column + 1, msg);
}

static void free_node(fl_yaml_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->count; i++)
		free_node(n->items[i]);
	free(n->items);
	free(n->str);
	free(n);
}

static fl_yaml_node *new_node(fl_yaml_type type, const yaml_mark_t *mark)
{
	fl_yaml_node *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	n->type = type;
	n->line = mark->line + 1;
	n->col = mark->column + 1;
	return n;
}

/* Adds n to the innermost open collection (or makes it the root). On
 * failure n is not attached and stays the caller's to free. */
static int attach(builder *b, fl_yaml_node *n, const yaml_mark_t *mark)
{
	frame *f;
	fl_yaml_node *parent;
	size_t need;

	if (b->depth == 0) {
		b->doc->root = n;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	parent = f->node;
	if (parent->type == FL_YAML_MAP && parent->count % 2 == 0) {
		bool inserted;
		if (n->type != FL_YAML_SCALAR)
			return fail_mark(b, FL_EPARSE, mark,
			                 "mapping keys must be plain strings, "
			                 "not lists or mappings");
		if (!fl_map_slot_of(&f->keys, n->str, n->len, 0, &inserted))
			return fl__fail(b->err, b->errlen, FL_ENOMEM,
			                "out of memory");
		if (!inserted)
			return fail_mark(b, FL_EPARSE, mark,
			                 "duplicate key '%s'", n->str);
	}
	if (fl__add_overflow(parent->count, 1, &need) ||
	    fl__grow((void **)&parent->items, &f->cap, need,
	             sizeof(*parent->items)) < 0)
		return fl__fail(b->err, b->errlen, FL_ENOMEM, "out of memory");
	parent->items[parent->count++] = n;
	return 0;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
	fl_yaml_node *n;
	int error;

	n = new_node(FL_YAML_SCALAR, &ev->start_mark);
	if (!n)
		return fl__fail(b->err, b->errlen, FL_ENOMEM, "out of memory");
	n->str = fl__strndup((const char *)ev->data.scalar.value,
	                     ev->data.scalar.length);
	if (!n->str) {
		free(n);
		return fl__fail(b->err, b->errlen, FL_ENOMEM, "out of memory");
	}
	n->len = ev->data.scalar.length;
	/* Block scalars (| and >) count as quoted too: they are never null. */
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	if ((error = attach(b, n, &ev->start_mark)) < 0)
		free_node(n);
	return error;
}

static int on_collection_start(builder *b, const yaml_event_t *ev,
                               fl_yaml_type type)
{
	fl_yaml_node *n;
	frame *f;
	int error;

	if (b->depth >= FL_YAML_MAX_DEPTH)
		return fail_mark(b, FL_ELIMIT, &ev->start_mark,
		                 "nesting deeper than %d levels",
		                 FL_YAML_MAX_DEPTH);
	n = new_node(type, &ev->start_mark);
	if (!n)
		return fl__fail(b->err, b->errlen, FL_ENOMEM, "out of memory");
	if ((error = attach(b, n, &ev->start_mark)) < 0) {
		free_node(n);
		return error;
	}
	f = &b->stack[b->depth++];
	f->node = n;
	f->cap = 0;
	memset(&f->keys, 0, sizeof(f->keys));
	return 0;
}

static void on_collection_end(builder *b)
{
	/* libyaml balances start and end events, so depth is never 0 here. */
	if (b->depth > 0) {
		b->depth--;
		fl_map_dispose(&b->stack[b->depth].keys);
	}
}

/* Converts an offset into a 1-based line and column, for reader errors,
 * which libyaml reports by offset only. */
static void offset_to_mark(yaml_mark_t *mark, const char *data, size_t len,
                           size_t offset)
{
	mark->line = 0;
	mark->column = 0;
	mark->index = offset;
	for (size_t i = 0; i < offset && i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '\n' ||
		    (c == '\r' && (i + 1 >= len || data[i + 1] != '\n'))) {
			mark->line++;
			mark->column = 0;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			mark->column++;
		}
	}
}

static int parser_error(builder *b, const yaml_parser_t *p, const char *data,
                        size_t len)
{
	yaml_mark_t mark;
	const char *problem = p->problem ? p->problem : "syntax error";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return fl__fail(b->err, b->errlen, FL_ENOMEM, "out of memory");
	case YAML_READER_ERROR:
		/* UTF-8 was checked before parsing; what is left are
		 * characters YAML does not allow, such as control codes. */
		if (strstr(problem, "UTF-8") || strstr(problem, "Unicode"))
			return fl__fail(b->err, b->errlen, FL_EENCODING,
			                "byte offset %zu: invalid UTF-8",
			                p->problem_offset);
		offset_to_mark(&mark, data, len, p->problem_offset);
		return fail_mark(b, FL_EPARSE, &mark, "%s (U+%04X)", problem,
		                 (unsigned)p->problem_value);
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		if (p->context)
			return fail_mark(b, FL_EPARSE, &p->problem_mark,
			                 "%s (%s at line %zu)", problem,
			                 p->context, p->context_mark.line + 1);
		return fail_mark(b, FL_EPARSE, &p->problem_mark, "%s", problem);
	default:
		return fl__fail(b->err, b->errlen, FL_EPARSE, "%s", problem);
	}
}

/* A node with an explicit tag ("!custom", "!!str"): refused, since the
 * loaders give every value its meaning by the key, and a tag would be
 * silently dropped. libyaml gives the tag resolved ("!!str" as
 * "tag:yaml.org,2002:str"). */
static int fail_tag(builder *b, const yaml_event_t *ev, const yaml_char_t *tag)
{
	return fail_mark(b, FL_EPARSE, &ev->start_mark,
	                 "tags such as '%s' are not supported (write the value "
	                 "without a tag)",
	                 (const char *)tag);
}

static int on_event(builder *b, const yaml_event_t *ev, bool *done)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (b->documents++ > 0)
			return fail_mark(b, FL_EPARSE, &ev->start_mark,
			                 "more than one document (a file holds "
			                 "one)");
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_mark(b, FL_EPARSE, &ev->start_mark,
		                 "anchors and aliases are not supported");
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			return fail_mark(
			    b, FL_EPARSE, &ev->start_mark,
			    "anchors and aliases are not supported");
		if (ev->data.scalar.tag)
			return fail_tag(b, ev, ev->data.scalar.tag);
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor)
			return fail_mark(
			    b, FL_EPARSE, &ev->start_mark,
			    "anchors and aliases are not supported");
		if (ev->data.sequence_start.tag)
			return fail_tag(b, ev, ev->data.sequence_start.tag);
		return on_collection_start(b, ev, FL_YAML_SEQ);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor)
			return fail_mark(
			    b, FL_EPARSE, &ev->start_mark,
			    "anchors and aliases are not supported");
		if (ev->data.mapping_start.tag)
			return fail_tag(b, ev, ev->data.mapping_start.tag);
		return on_collection_start(b, ev, FL_YAML_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_collection_end(b);
		return 0;
	default:
		return 0;
	}
}

int fl_yaml_parse(fl_yaml_doc **out, const char *data, size_t len, char *err,
                  size_t errlen)
{
	builder b;
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_parser = false, have_event = false, done = false;
	size_t bad;
	int error = 0;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.err = err;
	b.errlen = errlen;
	if (err && errlen)
		err[0] = '\0';
	if (!data && len)
		return fl__fail(err, errlen, FL_EINVAL, "no data");
	if (!data)
		data = "";
	/* Checked up front so that an encoding error is reported as such even
	 * when it lies after a syntax error libyaml would find first. */
	if (fl_yaml_check_utf8(data, len, &bad) < 0)
		return fl__fail(err, errlen, FL_EENCODING,
		                "byte offset %zu: invalid UTF-8", bad);
	/* A byte order mark, which editors on Windows write, is no content
	 * (libyaml, told the encoding, would take it for a character). */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}

	if (!(b.doc = calloc(1, sizeof(*b.doc))))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	if (!yaml_parser_initialize(&parser)) {
		error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	have_parser = true;
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			error = parser_error(&b, &parser, data, len);
			goto cleanup;
		}
		have_event = true;
		if ((error = on_event(&b, &event, &done)) < 0)
			goto cleanup;
		yaml_event_delete(&event);
		have_event = false;
	}

cleanup:
	if (have_event)
		yaml_event_delete(&event);
	if (have_parser)
		yaml_parser_delete(&parser);
	while (b.depth > 0)
		on_collection_end(&b);
	if (error < 0) {
		fl_yaml_free(b.doc);
		return error;
	}
	*out = b.doc;
	return 0;
}

const fl_yaml_node *fl_yaml_root(const fl_yaml_doc *doc)
{
	return doc ? doc->root : NULL;
}

void fl_yaml_free(fl_yaml_doc *doc)
{
	if (!doc)
		return;
	free_node(doc->root);
	free(doc);
}

const fl_yaml_node *fl_yaml_map_get(const fl_yaml_node *map, const char *key)
{
	size_t klen;

	if (!map || map->type != FL_YAML_MAP || !key)
		return NULL;
	klen = strlen(key);
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const fl_yaml_node *k = map->items[i];
		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return map->items[i + 1];
	}
	return NULL;
}

bool fl_yaml_is_null(const fl_yaml_node *n)
{
	if (!n || n->type != FL_YAML_SCALAR || n->quoted)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	       strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	       strcmp(n->str, "NULL") == 0;
}

int fl_yaml_fail(char *err, size_t errlen, int code, const char *path,
                 const fl_yaml_node *n, const char *fmt, ...)
{
	char msg[FL_ERRMSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!path)
		path = "<input>";
	if (n)
		return fl__fail(err, errlen, code, "%s:%zu:%zu: %s", path,
		                n->line, n->col, msg);
	return fl__fail(err, errlen, code, "%s: %s", path, msg);
}

int fl_yaml_check_keys(const fl_yaml_node *map, const char *const *allowed,
                       const char *what, const char *path, char *err,
                       size_t errlen)
{
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const fl_yaml_node *k = map->items[i];
		char expected[512];
		size_t used = 0;
		bool known = false;

		for (size_t j = 0; allowed[j]; j++) {
			if (strlen(allowed[j]) == k->len &&
			    memcmp(allowed[j], k->str, k->len) == 0) {
				known = true;
				break;
			}
		}
		if (known)
			continue;
		expected[0] = '\0';
		for (size_t j = 0; allowed[j] && used < sizeof(expected); j++) {
			int n =
			    snprintf(expected + used, sizeof(expected) - used,
			             "%s%s", j ? ", " : "", allowed[j]);
			if (n < 0)
				break;
			used += (size_t)n;
		}
		return fl_yaml_fail(err, errlen, FL_EPARSE, path, k,
		                    "unknown key '%s' in %s (expected %s)",
		                    k->str, what, expected);
	}
	return 0;
}

static const char *type_word(const fl_yaml_node *n)
{
	switch (n->type) {
	case FL_YAML_SEQ:
		return "a list";
	case FL_YAML_MAP:
		return "a mapping";
	default:
		return fl_yaml_is_null(n) ? "empty" : "a scalar";
	}
}

int fl_yaml_string(char **out, const fl_yaml_node *n, const char *key,
                   const char *path, char *err, size_t errlen)
{
	*out = NULL;
	if (!n)
		return fl_yaml_fail(err, errlen, FL_EPARSE, path, NULL,
		                    "'%s' must be a non-empty string", key);
	if (n->type != FL_YAML_SCALAR || fl_yaml_is_null(n) || n->len == 0)
		return fl_yaml_fail(
		    err, errlen, FL_EPARSE, path, n,
		    "'%s' must be a non-empty string, not %s", key,
		    n->len == 0 && n->type == FL_YAML_SCALAR ? "empty"
		                                             : type_word(n));
	/* A "\0" escape would silently cut the string short in C. */
	if (strlen(n->str) != n->len)
		return fl_yaml_fail(err, errlen, FL_EPARSE, path, n,
		                    "'%s' must not contain NUL characters",
		                    key);
	if (!(*out = fl__strndup(n->str, n->len)))
		return fl_yaml_fail(err, errlen, FL_ENOMEM, path, NULL,
		                    "out of memory");
	return 0;
}

void fl_yaml_strv_free(char **v, size_t count)
{
	if (!v)
		return;
	for (size_t i = 0; i < count; i++)
		free(v[i]);
	free(v);
}

int fl_yaml_strings(char ***out, size_t *count, const fl_yaml_node *n,
                    const char *key, const char *path, char *err, size_t errlen)
{
	char **v = NULL;
	size_t items, slots, k = 0;
	int error = 0;

	*out = NULL;
	*count = 0;
	if (n && n->type == FL_YAML_MAP)
		return fl_yaml_fail(
		    err, errlen, FL_EPARSE, path, n,
		    "'%s' must be a list of strings or one string, "
		    "not a mapping",
		    key);
	items = n && n->type == FL_YAML_SEQ ? n->count : 1;
	/* One element more, so that an empty list is a non-NULL array. */
	if (fl__add_overflow(items, 1, &slots) ||
	    !(v = fl__reallocarray(NULL, slots, sizeof(*v))))
		return fl_yaml_fail(err, errlen, FL_ENOMEM, path, NULL,
		                    "out of memory");
	if (n && n->type == FL_YAML_SEQ) {
		for (k = 0; k < items; k++) {
			const fl_yaml_node *item = n->items[k];
			if (item->type != FL_YAML_SCALAR) {
				error = fl_yaml_fail(
				    err, errlen, FL_EPARSE, path, item,
				    "items of '%s' must be strings, "
				    "not %s",
				    key, type_word(item));
				goto cleanup;
			}
			if ((error = fl_yaml_string(&v[k], item, key, path, err,
			                            errlen)) < 0)
				goto cleanup;
		}
	} else {
		if ((error = fl_yaml_string(&v[0], n, key, path, err, errlen)) <
		    0)
			goto cleanup;
		k = 1;
	}
	*out = v;
	*count = k;
	v = NULL;

cleanup:
	fl_yaml_strv_free(v, k);
	return error;
}
