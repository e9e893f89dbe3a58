#include "json.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A fl_json is a json_t; the struct is never defined, only cast. */
static json_t *J(fl_json *v)
{
	return (json_t *)(void *)v;
}

static const json_t *CJ(const fl_json *v)
{
	return (const json_t *)(const void *)v;
}

static fl_json *W(json_t *v)
{
	return (fl_json *)(void *)v;
}

static const fl_json *CW(const json_t *v)
{
	return (const fl_json *)(const void *)v;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 when the
 * bytes there are not one (overlong, surrogate, beyond U+10FFFF, cut). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		len = 2;
		cp = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		cp = c & 0x0F;
	} else if (c < 0xF5) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

/*
 * Copies s into *out with every invalid UTF-8 byte replaced by U+FFFD, or
 * sets *out to NULL when s is valid as it is (the common case).
 */
static int utf8_repair(char **out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cap;
	char *copy, *w;

	*out = NULL;
	while (i < n) {
		size_t k = utf8_seq(p + i, n - i);
		if (!k)
			break;
		i += k;
	}
	if (i == n)
		return 0;
	/* Each bad byte grows to 3 bytes at most. */
	if (fl__mul_overflow(n, 3, &cap) || fl__add_overflow(cap, 1, &cap))
		return FL_ENOMEM;
	copy = malloc(cap);
	if (!copy)
		return FL_ENOMEM;
	w = copy;
	for (i = 0; i < n;) {
		size_t k = utf8_seq(p + i, n - i);
		if (k) {
			memcpy(w, p + i, k);
			w += k;
			i += k;
		} else {
			memcpy(w, "\xEF\xBF\xBD", 3);
			w += 3;
			i++;
		}
	}
	*w = '\0';
	*out = copy;
	return 0;
}

/* Makes a jansson string of s (repaired when not UTF-8), or null for NULL.
 * NULL on allocation failure. */
static json_t *make_string(const char *s)
{
	char *fixed = NULL;
	json_t *v;
	size_t n;

	if (!s)
		return json_null();
	n = strlen(s);
	if (utf8_repair(&fixed, s, n) < 0)
		return NULL;
	v = fixed ? json_string_nocheck(fixed) : json_stringn_nocheck(s, n);
	free(fixed);
	return v;
}

/* Sets key in obj to v, taking v (also on failure). */
static int set_value(fl_json *obj, const char *key, json_t *v)
{
	char *fixed = NULL;
	int error = 0;

	if (!obj || !key || !json_is_object(J(obj))) {
		json_decref(v);
		return FL_EINVAL;
	}
	if (!v)
		return FL_ENOMEM;
	if (utf8_repair(&fixed, key, strlen(key)) < 0) {
		json_decref(v);
		return FL_ENOMEM;
	}
	/* json_object_set_new_nocheck steals v even when it fails. */
	if (json_object_set_new_nocheck(J(obj), fixed ? fixed : key, v) < 0)
		error = FL_ENOMEM;
	free(fixed);
	return error;
}

/* Appends v to arr, taking v (also on failure). */
static int append_value(fl_json *arr, json_t *v)
{
	if (!arr || !json_is_array(J(arr))) {
		json_decref(v);
		return FL_EINVAL;
	}
	if (!v)
		return FL_ENOMEM;
	/* json_array_append_new steals v even when it fails. */
	if (json_array_append_new(J(arr), v) < 0)
		return FL_ENOMEM;
	return 0;
}

int fl_json_object(fl_json **out)
{
	json_t *v = json_object();
	*out = W(v);
	return v ? 0 : FL_ENOMEM;
}

int fl_json_array(fl_json **out)
{
	json_t *v = json_array();
	*out = W(v);
	return v ? 0 : FL_ENOMEM;
}

void fl_json_free(fl_json *v)
{
	if (v)
		json_decref(J(v));
}

int fl_json_set_str(fl_json *obj, const char *key, const char *value)
{
	return set_value(obj, key, make_string(value));
}

int fl_json_set_int(fl_json *obj, const char *key, long long value)
{
	return set_value(obj, key, json_integer((json_int_t)value));
}

int fl_json_set_null(fl_json *obj, const char *key)
{
	return set_value(obj, key, json_null());
}

int fl_json_set_bool(fl_json *obj, const char *key, bool value)
{
	return set_value(obj, key, json_boolean(value));
}

int fl_json_set_new_object(fl_json **out, fl_json *obj, const char *key)
{
	json_t *v = json_object();
	int error = set_value(obj, key, v);
	*out = error < 0 ? NULL : W(v);
	return error;
}

int fl_json_set_new_array(fl_json **out, fl_json *obj, const char *key)
{
	json_t *v = json_array();
	int error = set_value(obj, key, v);
	*out = error < 0 ? NULL : W(v);
	return error;
}

int fl_json_append_str(fl_json *arr, const char *value)
{
	return append_value(arr, make_string(value));
}

int fl_json_append_int(fl_json *arr, long long value)
{
	return append_value(arr, json_integer((json_int_t)value));
}

int fl_json_append_null(fl_json *arr)
{
	return append_value(arr, json_null());
}

int fl_json_append_new_object(fl_json **out, fl_json *arr)
{
	json_t *v = json_object();
	int error = append_value(arr, v);
	*out = error < 0 ? NULL : W(v);
	return error;
}

int fl_json_append_new_array(fl_json **out, fl_json *arr)
{
	json_t *v = json_array();
	int error = append_value(arr, v);
	*out = error < 0 ? NULL : W(v);
	return error;
}

int fl_json_dump(char **out, size_t *len, const fl_json *v, unsigned indent)
{
	size_t flags = JSON_PRESERVE_ORDER | JSON_ENCODE_ANY;
	char *s;

	*out = NULL;
	if (len)
		*len = 0;
	if (!v || indent > FL_JSON_MAX_INDENT)
		return FL_EINVAL;
	flags |= indent ? JSON_INDENT(indent) : JSON_COMPACT;
	s = json_dumps(CJ(v), flags);
	if (!s)
		return FL_ENOMEM;
	*out = s;
	if (len)
		*len = strlen(s);
	return 0;
}

int fl_json_put_str(fl_buf *out, const char *s)
{
	/* the characters escaped by name, and their names */
	static const char by_name[] = "\"\\\b\f\n\r\t", names[] = "\"\\bfnrt";
	char *fixed = NULL;
	const char *p, *run;
	int error;

	if (!s)
		return fl_buf_puts(out, "null");
	if ((error = utf8_repair(&fixed, s, strlen(s))) < 0)
		return error;
	if (fixed)
		s = fixed;
	error = fl_buf_putc(out, '"');
	/* jansson's dump_string: the same escapes, \u with capitals */
	for (p = run = s; *p && error == 0; p++) {
		unsigned char c = (unsigned char)*p;
		const char *named;
		char seq[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		named = c ? strchr(by_name, c) : NULL;
		if (named) {
			seq[0] = '\\';
			seq[1] = names[named - by_name];
			seq[2] = '\0';
		} else {
			snprintf(seq, sizeof(seq), "\\u%04X", c);
		}
		if ((error = fl_buf_put(out, run, (size_t)(p - run))) == 0)
			error = fl_buf_puts(out, seq);
		run = p + 1;
	}
	if (error == 0 && (error = fl_buf_put(out, run, strlen(run))) == 0)
		error = fl_buf_putc(out, '"');
	free(fixed);
	return error;
}

int fl_json_parse(fl_json **out, const char *data, size_t len, char *err,
                  size_t errlen)
{
	json_error_t jerr;
	json_t *v;
	int error;

	*out = NULL;
	if (!data && len)
		return fl__fail(err, errlen, FL_EINVAL, "0:0: no data");
	memset(&jerr, 0, sizeof(jerr));
	v = json_loadb(data ? data : "", len,
	               JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (v) {
		*out = W(v);
		return 0;
	}
	switch (json_error_code(&jerr)) {
	case json_error_out_of_memory:
		error = FL_ENOMEM;
		break;
	case json_error_stack_overflow:
		error = FL_ELIMIT;
		break;
	case json_error_invalid_utf8:
		error = FL_EENCODING;
		break;
	default:
		error = FL_EPARSE;
		break;
	}
	return fl__fail(err, errlen, error, "%d:%d: %s",
	                jerr.line > 0 ? jerr.line : 1,
	                jerr.column > 0 ? jerr.column : 1, jerr.text);
}

fl_json_type fl_json_typeof(const fl_json *v)
{
	if (!v)
		return FL_JSON_NULL;
	switch (json_typeof(CJ(v))) {
	case JSON_OBJECT:
		return FL_JSON_OBJECT;
	case JSON_ARRAY:
		return FL_JSON_ARRAY;
	case JSON_STRING:
		return FL_JSON_STRING;
	case JSON_INTEGER:
		return FL_JSON_INTEGER;
	case JSON_REAL:
		return FL_JSON_REAL;
	case JSON_TRUE:
	case JSON_FALSE:
		return FL_JSON_BOOL;
	case JSON_NULL:
	default:
		return FL_JSON_NULL;
	}
}

const fl_json *fl_json_get(const fl_json *obj, const char *key)
{
	if (!obj || !key || !json_is_object(CJ(obj)))
		return NULL;
	return CW(json_object_get(CJ(obj), key));
}

size_t fl_json_size(const fl_json *v)
{
	if (!v)
		return 0;
	if (json_is_array(CJ(v)))
		return json_array_size(CJ(v));
	if (json_is_object(CJ(v)))
		return json_object_size(CJ(v));
	return 0;
}

const fl_json *fl_json_at(const fl_json *arr, size_t i)
{
	if (!arr || !json_is_array(CJ(arr)))
		return NULL;
	return CW(json_array_get(CJ(arr), i));
}

int fl_json_foreach(const fl_json *obj, fl_json_member_cb cb, void *payload)
{
	/* jansson's iterators take a non-const object but do not modify it. */
	json_t *o = (json_t *)(void *)(uintptr_t)(const void *)obj;
	void *it;

	if (!obj || !cb || !json_is_object(o))
		return FL_EINVAL;
	for (it = json_object_iter(o); it; it = json_object_iter_next(o, it)) {
		int rc = cb(json_object_iter_key(it),
		            CW(json_object_iter_value(it)), payload);
		if (rc)
			return rc;
	}
	return 0;
}

const char *fl_json_str(const fl_json *v, size_t *len)
{
	if (len)
		*len = 0;
	if (!v || !json_is_string(CJ(v)))
		return NULL;
	if (len)
		*len = json_string_length(CJ(v));
	return json_string_value(CJ(v));
}

int fl_json_int(long long *out, const fl_json *v)
{
	if (!v || !json_is_integer(CJ(v)))
		return FL_EINVAL;
	*out = (long long)json_integer_value(CJ(v));
	return 0;
}

int fl_json_number(double *out, const fl_json *v)
{
	if (!v || !json_is_number(CJ(v)))
		return FL_EINVAL;
	*out = json_number_value(CJ(v));
	return 0;
}

int fl_json_bool(bool *out, const fl_json *v)
{
	if (!v || !json_is_boolean(CJ(v)))
		return FL_EINVAL;
	*out = json_is_true(CJ(v));
	return 0;
}
