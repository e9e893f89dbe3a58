/*
 * The YAML module: the only file that includes <yaml.h> (libyaml).
 * Parses one YAML document into a small tree whose nodes keep their
 * 1-based line and column, so that loaders can report "file:line:col".
 * Aliases and anchors are refused (no expansion bombs), and so are tags
 * ("!custom"); nesting is limited to FL_YAML_MAX_DEPTH. A leading UTF-8
 * byte order mark is skipped.
 */
#ifndef FL_UTIL_YAML_H
#define FL_UTIL_YAML_H

#include "../common.h"

#define FL_YAML_MAX_DEPTH 64

typedef enum { FL_YAML_SCALAR, FL_YAML_SEQ, FL_YAML_MAP } fl_yaml_type;

typedef struct fl_yaml_node {
	fl_yaml_type type;
	size_t line; /* 1-based */
	size_t col;  /* 1-based, in bytes as libyaml counts (code points) */
	char *str;   /* scalar text, NUL-terminated; NULL for collections */
	size_t len;
	bool quoted; /* scalar was written in quotes (never null/bool) */
	struct fl_yaml_node **items; /* SEQ: elements; MAP: key, value, ... */
	size_t count;                /* number of entries in items */
} fl_yaml_node;

typedef struct fl_yaml_doc fl_yaml_doc;

/*
 * Parses data (need not be NUL-terminated). *out: caller frees with
 * fl_yaml_free. On failure err gets "line:col: problem" and the return is
 * FL_EPARSE, FL_ELIMIT (nesting deeper than FL_YAML_MAX_DEPTH) or
 * FL_ENOMEM; invalid UTF-8 gives FL_EENCODING and "byte offset N: invalid
 * UTF-8". An empty document gives a NULL root. Scalars are kept as text
 * (no int/bool/null typing beyond fl_yaml_is_null).
 */
int fl_yaml_parse(fl_yaml_doc **out, const char *data, size_t len, char *err,
                  size_t errlen);

/* Root node, or NULL for an empty document; borrowed from doc. */
const fl_yaml_node *fl_yaml_root(const fl_yaml_doc *doc);

void fl_yaml_free(fl_yaml_doc *doc);

/* Value for key in a MAP node, or NULL. */
const fl_yaml_node *fl_yaml_map_get(const fl_yaml_node *map, const char *key);

/* True when a plain (unquoted) scalar means null: "", "~", "null". */
bool fl_yaml_is_null(const fl_yaml_node *n);

/*
 * Checks that data is UTF-8 (no overlong forms, surrogates or code points
 * above U+10FFFF). Returns 0, or FL_EENCODING with *bad_offset set to the
 * byte offset of the first bad sequence.
 */
int fl_yaml_check_utf8(const char *data, size_t len, size_t *bad_offset);

/*
 * Helpers for loaders of YAML files (facts, language profiles), so that
 * every schema error reads the same way.
 */

/* Writes "path:line:col: message" about n ("path: message" when n is NULL)
 * into err and returns code. */
int fl_yaml_fail(char *err, size_t errlen, int code, const char *path,
                 const fl_yaml_node *n, const char *fmt, ...) FL_PRINTF(6, 7);

/* Fails (FL_EPARSE) with "unknown key 'k' in WHAT (expected a, b, ...)" at
 * the first key of the MAP node not in `allowed` (NULL-terminated). */
int fl_yaml_check_keys(const fl_yaml_node *map, const char *const *allowed,
                       const char *what, const char *path, char *err,
                       size_t errlen);

/* Copies a non-empty string scalar without NUL bytes into *out (caller
 * frees); otherwise fails (FL_EPARSE) with "'key' must be a non-empty
 * string". */
int fl_yaml_string(char **out, const fl_yaml_node *n, const char *key,
                   const char *path, char *err, size_t errlen);

/* As fl_yaml_string for a sequence of strings or a single string: *out is
 * a non-NULL array of *count copies (caller frees with fl_yaml_strv_free). */
int fl_yaml_strings(char ***out, size_t *count, const fl_yaml_node *n,
                    const char *key, const char *path, char *err,
                    size_t errlen);

/* Frees an array of count strings and the array; NULL is accepted. */
void fl_yaml_strv_free(char **v, size_t count);

#endif
