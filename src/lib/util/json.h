/*
 * The JSON module: the only file that includes <jansson.h>.
 *
 * A thin wrapper over jansson for two jobs:
 *  - building a tree and dumping it (the json report): objects keep their
 *    keys in insertion order, non-ASCII UTF-8 is written raw (never \u
 *    escaped), quotes, backslashes and control characters are escaped;
 *  - parsing a buffer into a read-only tree (JSONL input), with errors as
 *    "line:col: message".
 *
 * A fl_json is one JSON value. A value made by fl_json_object/fl_json_array
 * or fl_json_parse is a root the caller frees with fl_json_free; values
 * reached through a root (children made by the *_new_* builders, getters)
 * are borrowed from it and die with it.
 */
#ifndef FL_UTIL_JSON_H
#define FL_UTIL_JSON_H

#include "../common.h"
#include "buf.h"

typedef struct fl_json fl_json;

typedef enum {
	FL_JSON_NULL,
	FL_JSON_BOOL,
	FL_JSON_INTEGER,
	FL_JSON_REAL,
	FL_JSON_STRING,
	FL_JSON_ARRAY,
	FL_JSON_OBJECT
} fl_json_type;

/* Largest indentation fl_json_dump accepts. */
#define FL_JSON_MAX_INDENT 31

/* ------------------------------------------------------------- building */

/*
 * Makes an empty object or array (a root).
 * *out: caller frees with fl_json_free. Returns 0 or FL_ENOMEM.
 */
int fl_json_object(fl_json **out);
int fl_json_array(fl_json **out);

/* Releases a root and everything under it; NULL is accepted. */
void fl_json_free(fl_json *v);

/*
 * Object setters: key and value are copied. A new key goes after the
 * existing ones; setting an existing key replaces its value in place.
 * Keys and strings should be UTF-8; invalid sequences are stored as U+FFFD
 * so that the output stays valid JSON. fl_json_set_str with a NULL value
 * sets null.
 * Returns 0, FL_EINVAL (obj not an object, NULL key) or FL_ENOMEM.
 */
int fl_json_set_str(fl_json *obj, const char *key, const char *value);
int fl_json_set_int(fl_json *obj, const char *key, long long value);
int fl_json_set_null(fl_json *obj, const char *key);
int fl_json_set_bool(fl_json *obj, const char *key, bool value);

/*
 * Makes an empty object or array as the value of key in obj.
 * *out: borrowed from obj. Returns 0, FL_EINVAL or FL_ENOMEM.
 */
int fl_json_set_new_object(fl_json **out, fl_json *obj, const char *key);
int fl_json_set_new_array(fl_json **out, fl_json *obj, const char *key);

/*
 * Array appenders, as the object setters (a NULL string appends null).
 * Returns 0, FL_EINVAL (arr not an array) or FL_ENOMEM.
 */
int fl_json_append_str(fl_json *arr, const char *value);
int fl_json_append_int(fl_json *arr, long long value);
int fl_json_append_null(fl_json *arr);

/* Appends an empty object or array to arr; *out borrowed from arr. */
int fl_json_append_new_object(fl_json **out, fl_json *arr);
int fl_json_append_new_array(fl_json **out, fl_json *arr);

/*
 * Serializes v. indent 0: one line without spaces (for JSONL); 1 to
 * FL_JSON_MAX_INDENT: one member per line, indented by that many spaces.
 * No trailing newline. Keys in insertion order, UTF-8 raw.
 * *out: NUL-terminated, caller frees with free(); *len its length (may be
 * NULL). Returns 0, FL_EINVAL (indent too large) or FL_ENOMEM.
 */
int fl_json_dump(char **out, size_t *len, const fl_json *v, unsigned indent);

/*
 * Appends s to out as one JSON string, byte for byte as fl_json_dump
 * writes a string value made of s (invalid UTF-8 repaired to U+FFFD; '"',
 * '\\' and the control characters escaped, \b \f \n \r \t by name and
 * the others as \u00XX; the rest raw), or null when s is NULL: for a
 * writer that streams a document it would otherwise build as a tree.
 * Returns 0 or FL_ENOMEM (out then holds part of the string).
 */
int fl_json_put_str(fl_buf *out, const char *s);

/* -------------------------------------------------------------- parsing */

/*
 * Parses one JSON text (any value at the top, e.g. one JSONL line) from
 * data (need not be NUL-terminated). Duplicate keys and "\u0000" in strings
 * are refused.
 * *out: caller frees with fl_json_free; NULL on failure.
 * On failure err (errlen bytes) gets "line:col: message" (1-based, col in
 * code points as jansson counts them) and the return is FL_EPARSE,
 * FL_EENCODING (invalid UTF-8), FL_ELIMIT (nested deeper than jansson's
 * 2048 levels) or FL_ENOMEM.
 */
int fl_json_parse(fl_json **out, const char *data, size_t len, char *err,
                  size_t errlen);

/* ------------------------------------------------------------- reading */

/* Type of v (NULL counts as FL_JSON_NULL). */
fl_json_type fl_json_typeof(const fl_json *v);

/* Member key of obj, or NULL when absent or obj is not an object;
 * borrowed from obj. */
const fl_json *fl_json_get(const fl_json *obj, const char *key);

/* Number of elements of an array or members of an object; 0 otherwise. */
size_t fl_json_size(const fl_json *v);

/* Element i of an array, or NULL when out of range or not an array. */
const fl_json *fl_json_at(const fl_json *arr, size_t i);

/*
 * Calls cb for each member of obj in document order; stops early and
 * returns the first non-zero value cb returns. key, value: borrowed.
 * Returns 0, cb's value, or FL_EINVAL when obj is not an object.
 */
typedef int (*fl_json_member_cb)(const char *key, const fl_json *value,
                                 void *payload);
int fl_json_foreach(const fl_json *obj, fl_json_member_cb cb, void *payload);

/*
 * String value of v (NUL-terminated UTF-8, without NUL inside) and its
 * length in bytes (len may be NULL); NULL when v is not a string.
 * Borrowed from v.
 */
const char *fl_json_str(const fl_json *v, size_t *len);

/* Integer value of v. Returns 0, or FL_EINVAL when v is not an integer. */
int fl_json_int(long long *out, const fl_json *v);

/* Number value of v, integer or real. Returns 0 or FL_EINVAL. */
int fl_json_number(double *out, const fl_json *v);

/* Boolean value of v. Returns 0 or FL_EINVAL. */
int fl_json_bool(bool *out, const fl_json *v);

#endif
