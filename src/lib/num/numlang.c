/*
 * Loads a language's number data (rules/numbers/<tag>.yaml) into lookup
 * maps keyed by match keys, so the recogniser never scans word lists.
 */
#define _POSIX_C_SOURCE 200809L /* strtod in the C locale is enough */

#include "numlang.h"

#include "units.h"

#include "../lang/tag.h"
#include "../util/buf.h"
#include "../util/yaml.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FL_NUMLANG_MAX_SIZE ((size_t)1024 * 1024)

static const char *const keys[] = {
    "lang",         "decimal",   "group",     "scales",        "words",
    "currencies",   "percent",   "approx",    "connectors",    "units",
    "duals",        "months",    "day_parts", "time_before",   "time_after",
    "ordinals",     "centuries", "range",     "hour_words",    "clitics",
    "decades",      "vague",     "weekdays",  "ordinal_words", "endings",
    "dual_endings", "joiners",   "half",      "subunits",      "half_before",
    "fractions",    "glued",     NULL};

static void lits_dispose(fl__litlist *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].key);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

void fl__numlang_free(fl__numlang *nl)
{
	if (!nl)
		return;
	for (size_t i = 0; i < nl->currencies.cap; i++)
		if (nl->currencies.slots[i].key)
			free((void *)nl->currencies.slots[i].value);
	fl_map_dispose(&nl->currencies);
	fl_map_dispose(&nl->scales);
	fl_map_dispose(&nl->words);
	fl_map_dispose(&nl->percent);
	fl_map_dispose(&nl->approx);
	fl_map_dispose(&nl->connectors);
	fl_map_dispose(&nl->duals);
	fl_map_dispose(&nl->months);
	fl_map_dispose(&nl->time_before);
	fl_map_dispose(&nl->centuries);
	fl_map_dispose(&nl->hour_words);
	lits_dispose(&nl->units);
	lits_dispose(&nl->day_parts);
	lits_dispose(&nl->time_after);
	lits_dispose(&nl->ordinals);
	lits_dispose(&nl->range);
	lits_dispose(&nl->clitics);
	lits_dispose(&nl->decades);
	fl_map_dispose(&nl->vague);
	lits_dispose(&nl->weekdays);
	fl_map_dispose(&nl->ordinal_words);
	lits_dispose(&nl->endings);
	lits_dispose(&nl->dual_endings);
	fl_map_dispose(&nl->joiners);
	lits_dispose(&nl->half);
	fl_map_dispose(&nl->subunits);
	lits_dispose(&nl->half_before);
	fl_map_dispose(&nl->fractions);
	lits_dispose(&nl->glued);
	free(nl->decimal);
	free(nl->group);
	free(nl);
}

/* The marks of a list of one-character strings, as UTF-16 units. */
static int marks(uint16_t **out, size_t *count, const fl_yaml_node *n,
                 const char *key, const char *path, char *err, size_t errlen)
{
	char **v = NULL;
	size_t c = 0;
	int error;

	*out = NULL;
	*count = 0;
	if (!n)
		return 0;
	if ((error = fl_yaml_strings(&v, &c, n, key, path, err, errlen)) < 0)
		return error;
	*out = calloc(c + 1, sizeof(**out));
	if (!*out) {
		fl_yaml_strv_free(v, c);
		return FL_ENOMEM;
	}
	for (size_t i = 0; i < c; i++) {
		uint16_t *k;
		size_t kn;
		if ((error = fl__match_key_utf8(&k, &kn, v[i], strlen(v[i]))) <
		    0)
			break;
		if (kn != 1) {
			free(k);
			error = fl_yaml_fail(
			    err, errlen, FL_EPARSE, path, n,
			    "'%s' takes single characters, not '%s'", key,
			    v[i]);
			break;
		}
		(*out)[(*count)++] = k[0];
		free(k);
	}
	fl_yaml_strv_free(v, c);
	return error;
}

/* A list of phrases into m (value 1); a phrase's words are joined by one
 * space in its key, as the recogniser builds them from tokens. */
static int phrases(fl_map *m, const fl_yaml_node *n, const char *key,
                   const char *path, char *err, size_t errlen)
{
	char **v = NULL;
	size_t c = 0;
	int error;

	if (!n)
		return 0;
	if ((error = fl_yaml_strings(&v, &c, n, key, path, err, errlen)) < 0)
		return error;
	for (size_t i = 0; i < c && error == 0; i++)
		error = fl__map_put_key(m, v[i], 1);
	fl_yaml_strv_free(v, c);
	return error;
}

/* A map word -> number (scales, words). Values are stored as doubles in
 * the uintptr_t slot through memcpy (both are 8 bytes here; checked). */
static int numbers_map(fl_map *m, const fl_yaml_node *n, const char *key,
                       const char *path, char *err, size_t errlen)
{
	if (!n)
		return 0;
	if (n->type != FL_YAML_MAP)
		return fl_yaml_fail(
		    err, errlen, FL_EPARSE, path, n,
		    "'%s' must be a mapping of words to numbers", key);
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const fl_yaml_node *k = n->items[i], *v = n->items[i + 1];
		char *end = NULL;
		double d;
		uintptr_t bits;
		int error;
		if (v->type != FL_YAML_SCALAR || !v->str[0])
			return fl_yaml_fail(err, errlen, FL_EPARSE, path, v,
			                    "'%s' values must be numbers", key);
		d = strtod(v->str, &end);
		if (*end || !isfinite(d) || d < 0)
			return fl_yaml_fail(err, errlen, FL_EPARSE, path, v,
			                    "'%s': '%s' is not a number", key,
			                    v->str);
		memcpy(&bits, &d, sizeof(bits));
		if ((error = fl__map_put_key(m, k->str, bits)) < 0)
			return error;
	}
	return 0;
}

static int currency_map(fl_map *m, const fl_yaml_node *n, const char *path,
                        char *err, size_t errlen)
{
	if (!n)
		return 0;
	if (n->type != FL_YAML_MAP)
		return fl_yaml_fail(
		    err, errlen, FL_EPARSE, path, n,
		    "'currencies' must be a mapping of words and "
		    "signs to ISO 4217 codes");
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const fl_yaml_node *v = n->items[i + 1];
		char *code;
		int error;
		if (v->type != FL_YAML_SCALAR || strlen(v->str) != 3)
			return fl_yaml_fail(err, errlen, FL_EPARSE, path, v,
			                    "a currency code has three letters "
			                    "(USD, EUR), not '%s'",
			                    v->type == FL_YAML_SCALAR ? v->str
			                                              : "");
		if (!(code = fl__strdup(v->str)))
			return FL_ENOMEM;
		if ((error = fl__map_put_key(m, n->items[i]->str,
		                             (uintptr_t)code)) < 0) {
			free(code);
			return error;
		}
	}
	return 0;
}

static int lit_cmp(const void *a, const void *b)
{
	const fl__lit *x = a, *y = b;
	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

static int lit_add(fl__litlist *l, size_t *cap, const char *s, uintptr_t v)
{
	fl__lit *it;
	size_t need;
	if (fl__add_overflow(l->count, 1, &need) ||
	    fl__grow((void **)&l->items, cap, need, sizeof(*l->items)) < 0)
		return FL_ENOMEM;
	it = &l->items[l->count];
	if (fl__match_key_utf8(&it->key, &it->n, s, strlen(s)) < 0)
		return FL_ENOMEM;
	it->v = v;
	if (it->n == 0) {
		free(it->key);
		return 0;
	}
	l->count++;
	return 0;
}

/* What a value of a phrase map becomes (units, day parts); 0 when bad. */
typedef uintptr_t (*lit_value_fn)(const char *s);

static uintptr_t unit_value(const char *s)
{
	return (uintptr_t)fl__unit_find(s);
}

static uintptr_t day_part_value(const char *s)
{
	static const char *const parts[] = {"am", "pm", "noon", "night"};
	for (size_t i = 0; i < FL_ARRAY_SIZE(parts); i++)
		if (strcmp(s, parts[i]) == 0)
			return i + 1;
	return 0;
}

/*
 * A list of phrases (value 1) or, with fn, a mapping phrase -> value,
 * into l sorted longest first. what names the values in messages.
 */
static int lits(fl__litlist *l, const fl_yaml_node *n, const char *key,
                lit_value_fn fn, const char *what, const char *path, char *err,
                size_t errlen)
{
	size_t cap = 0;
	int error = 0;

	if (!n)
		return 0;
	if (!fn) {
		char **v = NULL;
		size_t c = 0;
		if ((error = fl_yaml_strings(&v, &c, n, key, path, err,
		                             errlen)) < 0)
			return error;
		for (size_t i = 0; i < c && error == 0; i++)
			error = lit_add(l, &cap, v[i], 1);
		fl_yaml_strv_free(v, c);
	} else if (n->type != FL_YAML_MAP) {
		return fl_yaml_fail(err, errlen, FL_EPARSE, path, n,
		                    "'%s' must be a mapping of words to %s",
		                    key, what);
	} else {
		for (size_t i = 0; i + 1 < n->count && error == 0; i += 2) {
			const fl_yaml_node *v = n->items[i + 1];
			uintptr_t x =
			    v->type == FL_YAML_SCALAR ? fn(v->str) : 0;
			if (!x)
				return fl_yaml_fail(
				    err, errlen, FL_EPARSE, path, v,
				    "'%s': '%s' is not one of the %s", key,
				    v->type == FL_YAML_SCALAR ? v->str : "",
				    what);
			error = lit_add(l, &cap, n->items[i]->str, x);
		}
	}
	if (l->count)
		qsort(l->items, l->count, sizeof(*l->items), lit_cmp);
	return error;
}

/* A mapping word -> unit code, into a key map. */
static int unit_map(fl_map *m, const fl_yaml_node *n, const char *key,
                    const char *path, char *err, size_t errlen)
{
	if (!n)
		return 0;
	if (n->type != FL_YAML_MAP)
		return fl_yaml_fail(err, errlen, FL_EPARSE, path, n,
		                    "'%s' must be a mapping of words to units",
		                    key);
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const fl_yaml_node *v = n->items[i + 1];
		const fl__unit *u =
		    v->type == FL_YAML_SCALAR ? fl__unit_find(v->str) : NULL;
		int error;
		if (!u)
			return fl_yaml_fail(
			    err, errlen, FL_EPARSE, path, v,
			    "'%s': '%s' is not a known unit", key,
			    v->type == FL_YAML_SCALAR ? v->str : "");
		if ((error = fl__map_put_key(m, n->items[i]->str,
		                             (uintptr_t)u)) < 0)
			return error;
	}
	return 0;
}

/* fl__key_prefix word by word, so that the vowel marks ending a word
 * before a space are taken ("ميلاً في الساعة"). */
static size_t phrase_prefix(const uint16_t *text, size_t len,
                            const uint16_t *key, size_t n)
{
	size_t i = 0, k = 0;
	while (k < n) {
		size_t e = k, m;
		while (e < n && key[e] != ' ')
			e++;
		if (!(m = fl__key_prefix(text + i, len - i, key + k, e - k)))
			return 0;
		i += m;
		k = e;
		if (k < n) { /* the space of the key: one or more in text */
			if (i >= len || (text[i] != ' ' && text[i] != 0xA0))
				return 0;
			while (i < len && (text[i] == ' ' || text[i] == 0xA0))
				i++;
			k++;
		}
	}
	return i;
}

size_t fl__lit_match(const fl__litlist *l, const uint16_t *text, size_t len,
                     uintptr_t *v)
{
	for (size_t i = 0; l && i < l->count; i++) {
		const fl__lit *it = &l->items[i];
		size_t n = phrase_prefix(text, len, it->key, it->n);
		if (n == 0)
			continue;
		if (fl__is_word_char(it->key[it->n - 1]) && n < len &&
		    fl__is_word_char(text[n]))
			continue; /* "m" is no unit in "mais" */
		*v = it->v;
		return n;
	}
	return 0;
}

int fl__numlang_parse(fl__numlang **out, const char *path, const char *data,
                      size_t len, char *err, size_t errlen)
{
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	fl__numlang *nl = NULL;
	char yerr[FL_ERRMSG_SIZE];
	int error;

	*out = NULL;
	if ((error = fl_yaml_parse(&doc, data, len, yerr, sizeof(yerr))) < 0) {
		fl__fail(err, errlen, error, "%s:%s", path, yerr);
		goto cleanup;
	}
	root = fl_yaml_root(doc);
	if (!root || root->type != FL_YAML_MAP) {
		error = fl_yaml_fail(err, errlen, FL_EPARSE, path, root,
		                     "a number file is a mapping");
		goto cleanup;
	}
	if ((error = fl_yaml_check_keys(root, keys, "number file", path, err,
	                                errlen)) < 0)
		goto cleanup;
	if (!(nl = calloc(1, sizeof(*nl)))) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	if ((error = marks(&nl->decimal, &nl->decimal_count,
	                   fl_yaml_map_get(root, "decimal"), "decimal", path,
	                   err, errlen)) < 0 ||
	    (error = marks(&nl->group, &nl->group_count,
	                   fl_yaml_map_get(root, "group"), "group", path, err,
	                   errlen)) < 0 ||
	    (error = numbers_map(&nl->scales, fl_yaml_map_get(root, "scales"),
	                         "scales", path, err, errlen)) < 0 ||
	    (error = numbers_map(&nl->words, fl_yaml_map_get(root, "words"),
	                         "words", path, err, errlen)) < 0 ||
	    (error = currency_map(&nl->currencies,
	                          fl_yaml_map_get(root, "currencies"), path,
	                          err, errlen)) < 0 ||
	    (error = phrases(&nl->percent, fl_yaml_map_get(root, "percent"),
	                     "percent", path, err, errlen)) < 0 ||
	    (error = phrases(&nl->approx, fl_yaml_map_get(root, "approx"),
	                     "approx", path, err, errlen)) < 0 ||
	    (error =
	         phrases(&nl->connectors, fl_yaml_map_get(root, "connectors"),
	                 "connectors", path, err, errlen)) < 0 ||
	    (error =
	         lits(&nl->units, fl_yaml_map_get(root, "units"), "units",
	              unit_value, "units (m, km, ft, kg, lb, C, F, year...)",
	              path, err, errlen)) < 0 ||
	    (error = unit_map(&nl->duals, fl_yaml_map_get(root, "duals"),
	                      "duals", path, err, errlen)) < 0 ||
	    (error = numbers_map(&nl->months, fl_yaml_map_get(root, "months"),
	                         "months", path, err, errlen)) < 0 ||
	    (error = lits(&nl->day_parts, fl_yaml_map_get(root, "day_parts"),
	                  "day_parts", day_part_value,
	                  "day parts (am, pm, noon, night)", path, err,
	                  errlen)) < 0 ||
	    (error =
	         phrases(&nl->time_before, fl_yaml_map_get(root, "time_before"),
	                 "time_before", path, err, errlen)) < 0 ||
	    (error = lits(&nl->time_after, fl_yaml_map_get(root, "time_after"),
	                  "time_after", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = lits(&nl->ordinals, fl_yaml_map_get(root, "ordinals"),
	                  "ordinals", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = phrases(&nl->centuries, fl_yaml_map_get(root, "centuries"),
	                     "centuries", path, err, errlen)) < 0 ||
	    (error = lits(&nl->range, fl_yaml_map_get(root, "range"), "range",
	                  NULL, NULL, path, err, errlen)) < 0 ||
	    (error = numbers_map(&nl->hour_words,
	                         fl_yaml_map_get(root, "hour_words"),
	                         "hour_words", path, err, errlen)) < 0 ||
	    (error = lits(&nl->clitics, fl_yaml_map_get(root, "clitics"),
	                  "clitics", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = lits(&nl->decades, fl_yaml_map_get(root, "decades"),
	                  "decades", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = numbers_map(&nl->vague, fl_yaml_map_get(root, "vague"),
	                         "vague", path, err, errlen)) < 0 ||
	    (error = lits(&nl->weekdays, fl_yaml_map_get(root, "weekdays"),
	                  "weekdays", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = numbers_map(&nl->ordinal_words,
	                         fl_yaml_map_get(root, "ordinal_words"),
	                         "ordinal_words", path, err, errlen)) < 0 ||
	    (error = lits(&nl->endings, fl_yaml_map_get(root, "endings"),
	                  "endings", NULL, NULL, path, err, errlen)) < 0 ||
	    (error =
	         lits(&nl->dual_endings, fl_yaml_map_get(root, "dual_endings"),
	              "dual_endings", NULL, NULL, path, err, errlen)) < 0 ||
	    (error = phrases(&nl->joiners, fl_yaml_map_get(root, "joiners"),
	                     "joiners", path, err, errlen)) < 0 ||
	    (error = lits(&nl->half, fl_yaml_map_get(root, "half"), "half",
	                  NULL, NULL, path, err, errlen)) < 0 ||
	    (error = unit_map(&nl->subunits, fl_yaml_map_get(root, "subunits"),
	                      "subunits", path, err, errlen)) < 0 ||
	    (error =
	         lits(&nl->half_before, fl_yaml_map_get(root, "half_before"),
	              "half_before", NULL, NULL, path, err, errlen)) < 0 ||
	    (error =
	         numbers_map(&nl->fractions, fl_yaml_map_get(root, "fractions"),
	                     "fractions", path, err, errlen)) < 0 ||
	    (error = lits(&nl->glued, fl_yaml_map_get(root, "glued"), "glued",
	                  NULL, NULL, path, err, errlen)) < 0)
		goto cleanup;
	*out = nl;
	nl = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "%s: out of memory", path);
	fl__numlang_free(nl);
	fl_yaml_free(doc);
	return error;
}

int fl__numlang_load(fl__numlang **out, const char *data_dir, const char *tag,
                     char *err, size_t errlen)
{
	fl_buf path = FL_BUF_INIT;
	char *data = NULL;
	size_t len, lang_len = fl__tag_language_len(tag);
	int error = 0;

	*out = NULL;
	if (fl_buf_printf(&path, "%s/rules/numbers/%s.yaml", data_dir, tag) < 0)
		return FL_ENOMEM;
	if (access(path.ptr, R_OK) != 0) {
		fl_buf_clear(&path);
		if (fl_buf_printf(&path, "%s/rules/numbers/%.*s.yaml", data_dir,
		                  (int)lang_len, tag) < 0) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		if (access(path.ptr, R_OK) != 0)
			goto cleanup; /* no number data: digits only */
	}
	if ((error = fl__read_file(&data, &len, path.ptr, FL_NUMLANG_MAX_SIZE,
	                           err, errlen)) < 0)
		goto cleanup;
	error = fl__numlang_parse(out, path.ptr, data, len, err, errlen);
cleanup:
	free(data);
	fl_buf_dispose(&path);
	return error;
}
