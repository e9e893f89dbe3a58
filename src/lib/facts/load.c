/*
 * Loading a facts file: YAML through util/yaml, checked against the schema
 * key by key so that every mistake is reported as "path:line:col: problem"
 * naming what was expected. The loaded facts own copies of every string;
 * the YAML tree is freed before returning.
 */
#define _POSIX_C_SOURCE 200809L /* newlocale, uselocale */

#include "facts.h"

#include "../lang/tag.h"
#include "../text/text.h"
#include "../util/map.h"
#include "../util/regexp.h"
#include "../util/yaml.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Largest facts file accepted, in bytes. */
#define FL_FACTS_MAX_SIZE ((size_t)16 * 1024 * 1024)

/* Where a form of an entity (name, alias, rendering) is written. */
typedef struct {
	size_t entity;
	const char *what; /* "name", "alias", "rendering" */
	const fl_yaml_node *node;
} form_at;

typedef struct {
	fl_facts *f;
	const char *path;
	fl_map names;   /* entity name -> index in f->entities */
	bool extracted; /* origin: extracted */
	size_t entity_cap, number_cap, term_cap;
	/* Forms by match key, to refuse two entities one text cannot tell
	 * apart: names and aliases (every language), renderings by language
	 * ("lang\0key") and by key alone. Values: index in forms + 1. */
	fl_map any_key, lang_key, rendering_key;
	form_at *forms;
	size_t form_count, form_cap;
} loader;

/* Every schema error of this file: "path:line:col: ..." about node n. */
#define FAIL(ld, n, ...)                                                       \
	fl_yaml_fail((ld)->f->err, sizeof((ld)->f->err), FL_EPARSE,            \
	             (ld)->path, (n), __VA_ARGS__)
#define NOMEM(ld)                                                              \
	fl_yaml_fail((ld)->f->err, sizeof((ld)->f->err), FL_ENOMEM,            \
	             (ld)->path, NULL, "out of memory")

static const char *const top_keys[] = {"version", "story",    "source_lang",
                                       "origin",  "entities", "numbers",
                                       "terms",   NULL};
static const char *const entity_keys[] = {"name",       "kind",  "aliases",
                                          "renderings", "count", NULL};
static const char *const number_keys[] = {"value", "unit", "about", NULL};
static const char *const term_keys[] = {"source", "expect", "forbid", NULL};

static const char *const kind_names[] = {
    [FL_KIND_PERSON] = "person",   [FL_KIND_ORG] = "org",
    [FL_KIND_PRODUCT] = "product", [FL_KIND_PLACE] = "place",
    [FL_KIND_WORK] = "work",       [FL_KIND_OTHER] = "other",
};

const char *fl_entity_kind_name(fl_entity_kind kind)
{
	if ((unsigned)kind >= FL_ARRAY_SIZE(kind_names))
		return "?";
	return kind_names[kind];
}

/* The kind named s (one of kind_names) into *out; false when s names
 * none. */
static bool kind_of(const char *s, fl_entity_kind *out)
{
	for (size_t i = 0; i < FL_ARRAY_SIZE(kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (fl_entity_kind)i;
			return true;
		}
	return false;
}

/* ------------------------------------------------------------ disposal */

static void lang_strings_dispose(fl__lang_strings *list, size_t count)
{
	if (!list)
		return;
	for (size_t i = 0; i < count; i++) {
		free(list[i].lang);
		fl_yaml_strv_free(list[i].items, list[i].count);
	}
	free(list);
}

static void entity_dispose(fl__entity *e)
{
	free(e->name);
	fl_yaml_strv_free(e->aliases, e->alias_count);
	lang_strings_dispose(e->renderings, e->rendering_count);
}

static void number_dispose(fl__number *n)
{
	free(n->raw);
	free(n->unit);
	free(n->about);
}

static void term_dispose(fl__term *t)
{
	free(t->source);
	lang_strings_dispose(t->expect, t->expect_count);
	lang_strings_dispose(t->forbid, t->forbid_count);
}

/* Returns facts to the empty state of fl_facts_new, keeping the message. */
static void facts_clear(fl_facts *f)
{
	for (size_t i = 0; i < f->entity_count; i++)
		entity_dispose(&f->entities[i]);
	for (size_t i = 0; i < f->number_count; i++)
		number_dispose(&f->numbers[i]);
	for (size_t i = 0; i < f->term_count; i++)
		term_dispose(&f->terms[i]);
	free(f->entities);
	free(f->numbers);
	free(f->terms);
	free(f->path);
	free(f->story);
	free(f->source_lang);
	f->entities = NULL;
	f->numbers = NULL;
	f->terms = NULL;
	f->entity_count = f->number_count = f->term_count = 0;
	f->path = f->story = f->source_lang = NULL;
	f->version = 0;
	f->loaded = false;
}

/* ------------------------------------------------------- public handle */

int fl_facts_new(fl_facts **out)
{
	if (!out)
		return FL_EINVAL;
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : FL_ENOMEM;
}

void fl_facts_free(fl_facts *facts)
{
	if (!facts)
		return;
	facts_clear(facts);
	free(facts);
}

const char *fl_facts_error(const fl_facts *facts)
{
	return facts ? facts->err : "";
}

size_t fl_facts_entity_count(const fl_facts *facts)
{
	return facts ? facts->entity_count : 0;
}

size_t fl_facts_number_count(const fl_facts *facts)
{
	return facts ? facts->number_count : 0;
}

size_t fl_facts_term_count(const fl_facts *facts)
{
	return facts ? facts->term_count : 0;
}

const char *fl_facts_story(const fl_facts *facts)
{
	return facts ? facts->story : NULL;
}

const char *fl_facts_source_lang(const fl_facts *facts)
{
	return facts ? facts->source_lang : NULL;
}

int fl_facts_entity(fl_entity_info *out, const fl_facts *facts, size_t i)
{
	const fl__entity *e;

	if (!out || !facts || i >= facts->entity_count)
		return FL_EINVAL;
	e = &facts->entities[i];
	out->name = e->name;
	out->kind = e->kind;
	out->aliases = (const char *const *)e->aliases;
	out->alias_count = e->alias_count;
	out->count = e->count;
	return 0;
}

const fl__lang_strings *fl__lang_strings_find(const fl__lang_strings *list,
                                              size_t count, const char *lang)
{
	size_t n;

	if (!list || !lang)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		if (fl__tag_equal(list[i].lang, lang))
			return &list[i];
	}
	n = fl__tag_language_len(lang);
	if (n == 0 || lang[n] == '\0')
		return NULL;
	for (size_t i = 0; i < count; i++) {
		if (fl__tag_equal_n(lang, n, list[i].lang))
			return &list[i];
	}
	return NULL;
}

int fl_facts_entity_renderings(const char *const **out, size_t *count,
                               const fl_facts *facts, size_t i,
                               const char *lang)
{
	const fl__entity *e;
	const fl__lang_strings *s;

	if (!out || !count)
		return FL_EINVAL;
	*out = NULL;
	*count = 0;
	if (!facts || !lang || i >= facts->entity_count)
		return FL_EINVAL;
	e = &facts->entities[i];
	s = fl__lang_strings_find(e->renderings, e->rendering_count, lang);
	if (s && s->count) {
		*out = (const char *const *)s->items;
		*count = s->count;
	}
	return 0;
}

/* -------------------------------------------------------------- schema */

static bool is_null(const fl_yaml_node *n)
{
	return !n || fl_yaml_is_null(n);
}

static const char *type_word(const fl_yaml_node *n)
{
	if (n->type == FL_YAML_SEQ)
		return "a list";
	if (n->type == FL_YAML_MAP)
		return "a mapping";
	return fl_yaml_is_null(n) ? "empty" : "a string";
}

/* A plain scalar of decimal digits that fits in a long. */
static int parse_count(loader *ld, long *out, const fl_yaml_node *n,
                       const char *key)
{
	long v = 0;

	if (n->type != FL_YAML_SCALAR || n->quoted || n->len == 0)
		goto bad;
	for (size_t i = 0; i < n->len; i++) {
		int d = n->str[i] - '0';
		if (d < 0 || d > 9)
			goto bad;
		if (v > (LONG_MAX - d) / 10)
			return FAIL(ld, n, "'%s' is too large (%s)", key,
			            n->str);
		v = v * 10 + d;
	}
	*out = v;
	return 0;

bad:
	if (n->type == FL_YAML_SCALAR)
		return FAIL(ld, n,
		            "'%s' must be a non-negative integer, not '%s'",
		            key, n->str);
	return FAIL(ld, n, "'%s' must be a non-negative integer, not %s", key,
	            type_word(n));
}

/* Shape of a decimal number: [+-] digits [. digits] [e [+-] digits], with
 * digits on at least one side of the point. Hex, inf and nan, which strtod
 * would take, are not numbers in a facts file. */
static bool is_decimal(const char *s)
{
	size_t digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits++;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++, digits++;
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* strtod in the "C" locale, whatever locale the application set, so that
 * "1.5" means the same everywhere. */
static int strtod_c(double *out, const char *s)
{
	locale_t c, old;
	char *end;

	c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c)
		return FL_ENOMEM;
	old = uselocale(c);
	*out = strtod(s, &end);
	uselocale(old);
	freelocale(c);
	return *end == '\0' ? 0 : FL_EPARSE;
}

/* Reads exactly n digits of s into *v. */
static bool digits_n(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* "15:00", "7:55" */
static bool parse_time(fl__number *num, const char *s)
{
	size_t n = strlen(s), c = n >= 4 ? n - 3 : 0;
	int h, m;
	if ((n != 4 && n != 5) || s[c] != ':' || !digits_n(s, c, &h) ||
	    !digits_n(s + c + 1, 2, &m) || h > 24 || m > 59)
		return false;
	num->shape = FL_NUMSHAPE_TIME;
	num->value = h * 60 + m;
	return true;
}

/* "2005-05-30", "--10-01" (day and month), "2018-06" (month and year). */
static bool parse_date(fl__number *num, const char *s)
{
	size_t n = strlen(s);
	int y = 0, m = 0, d = 0;
	if (n == 10 && s[4] == '-' && s[7] == '-' && digits_n(s, 4, &y) &&
	    digits_n(s + 5, 2, &m) && digits_n(s + 8, 2, &d))
		;
	else if (n == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-' &&
	         digits_n(s + 2, 2, &m) && digits_n(s + 5, 2, &d))
		;
	else if (n == 7 && s[4] == '-' && digits_n(s, 4, &y) &&
	         digits_n(s + 5, 2, &m))
		;
	else
		return false;
	if (m < 1 || m > 12 || d > 31 || (n != 7 && d < 1) ||
	    (n == 7 && s[0] != '-' && d != 0))
		return false;
	num->shape = FL_NUMSHAPE_DATE;
	num->year = (int16_t)y;
	num->month = (int8_t)m;
	num->day = (int8_t)d;
	num->value = y * 10000.0 + m * 100 + d;
	return true;
}

/* "27-29", "1950-1953", "2.5-4": two decimals joined by one hyphen. */
static int parse_range(loader *ld, fl__number *num, const char *s)
{
	const char *dash = strchr(s, '-');
	char low[64];
	double a, b;
	int error;
	if (!dash || dash == s || (size_t)(dash - s) >= sizeof(low) ||
	    strchr(dash + 1, '-'))
		return 1;
	memcpy(low, s, (size_t)(dash - s));
	low[dash - s] = '\0';
	if (!is_decimal(low) || !is_decimal(dash + 1))
		return 1;
	if ((error = strtod_c(&a, low)) == FL_ENOMEM ||
	    (error == 0 && (error = strtod_c(&b, dash + 1)) == FL_ENOMEM))
		return NOMEM(ld);
	if (error < 0 || !isfinite(a) || !isfinite(b))
		return 1;
	num->shape = FL_NUMSHAPE_RANGE;
	num->value = a;
	num->value2 = b;
	return 0;
}

static int parse_number_value(loader *ld, fl__number *num,
                              const fl_yaml_node *n)
{
	double v;
	int error;

	if (n->type == FL_YAML_SCALAR && !fl_yaml_is_null(n) &&
	    strlen(n->str) == n->len && !is_decimal(n->str)) {
		/* Not a plain number: a time, a date or a range. */
		if (parse_time(num, n->str) || parse_date(num, n->str) ||
		    (error = parse_range(ld, num, n->str)) == 0)
			goto raw;
		if (error < 0)
			return error;
	}
	if (n->type != FL_YAML_SCALAR || n->quoted || fl_yaml_is_null(n) ||
	    strlen(n->str) != n->len || !is_decimal(n->str)) {
		if (n->type == FL_YAML_SCALAR && n->quoted &&
		    is_decimal(n->str))
			return FAIL(ld, n,
			            "'value' must be a number (integer or "
			            "decimal, unquoted), not '%s'",
			            n->str);
		if (n->type == FL_YAML_SCALAR && !fl_yaml_is_null(n))
			return FAIL(
			    ld, n,
			    "'value' must be a number (14300000000, 2.5), a "
			    "range (27-29), a time (15:00) or a date "
			    "(2005-05-30, --10-01, 2018-06), not '%s'",
			    n->str);
		return FAIL(
		    ld, n,
		    "'value' must be a number (integer or decimal), not %s",
		    type_word(n));
	}
	if ((error = strtod_c(&v, n->str)) == FL_ENOMEM)
		return NOMEM(ld);
	if (error < 0 || !isfinite(v))
		return FAIL(ld, n, "'value' is out of range (%s)", n->str);
	num->value = v;
raw:
	if (!(num->raw = fl__strndup(n->str, n->len)))
		return NOMEM(ld);
	return 0;
}

/* Canonicalises a language tag given as a mapping key. */
static int parse_tag(loader *ld, char **out, const fl_yaml_node *n,
                     const char *where)
{
	char tag[FL_TAG_MAX];

	if (n->type != FL_YAML_SCALAR || strlen(n->str) != n->len ||
	    fl__tag_canonicalize(tag, sizeof(tag), n->str) < 0)
		return FAIL(
		    ld, n,
		    "invalid language tag '%s' in '%s' (expected a BCP 47 "
		    "tag such as en, ar or pt-BR)",
		    n->str ? n->str : "", where);
	if (!(*out = fl__strdup(tag)))
		return NOMEM(ld);
	return 0;
}

/* Checks that every pattern of one language compiles, so that a bad one
 * is reported where it is written rather than when a check runs. */
static int check_patterns(loader *ld, const fl_yaml_node *list,
                          const fl__lang_strings *s, const char *key)
{
	for (size_t i = 0; i < s->count; i++) {
		const fl_yaml_node *at =
		    list->type == FL_YAML_SEQ ? list->items[i] : list;
		fl_regexp *re = NULL;
		char msg[FL_ERRMSG_SIZE];
		int error = fl_regexp_compile(
		    &re, s->items[i], strlen(s->items[i]), 0, msg, sizeof(msg));
		fl_regexp_free(re);
		if (error == FL_ENOMEM)
			return NOMEM(ld);
		if (error < 0)
			return FAIL(ld, at,
			            "invalid pattern '%s' in '%s' for %s: %s",
			            s->items[i], key, s->lang, msg);
	}
	return 0;
}

/* A mapping of language tag -> list of strings (or one string). */
static int parse_lang_map(loader *ld, fl__lang_strings **out, size_t *count,
                          const fl_yaml_node *n, const char *key, bool patterns)
{
	fl__lang_strings *list = NULL;
	size_t k = 0, pairs;
	int error = 0;

	*out = NULL;
	*count = 0;
	if (n->type != FL_YAML_MAP)
		return FAIL(
		    ld, n,
		    "'%s' must be a mapping of language tags to lists of "
		    "strings (e.g. {ar: [...]}), not %s",
		    key, type_word(n));
	pairs = n->count / 2;
	if (pairs == 0)
		return 0;
	if (!(list = calloc(pairs, sizeof(*list))))
		return NOMEM(ld);
	for (k = 0; k < pairs;) {
		const fl_yaml_node *tagn = n->items[2 * k];
		const fl_yaml_node *val = n->items[2 * k + 1];
		fl__lang_strings *s = &list[k];

		/* Counted before parsing, so cleanup frees a partial entry. */
		k++;
		if ((error = parse_tag(ld, &s->lang, tagn, key)) < 0)
			goto cleanup;
		/* "pt_br" and "pt-BR" are one language: refuse both. */
		for (size_t j = 0; j + 1 < k; j++) {
			if (strcmp(list[j].lang, s->lang) == 0) {
				error = FAIL(
				    ld, tagn,
				    "language %s given twice in '%s' (first "
				    "at line %zu)",
				    s->lang, key, n->items[2 * j]->line);
				goto cleanup;
			}
		}
		if ((error = fl_yaml_strings(&s->items, &s->count, val, key,
		                             ld->path, ld->f->err,
		                             sizeof(ld->f->err))) < 0)
			goto cleanup;
		if (patterns && (error = check_patterns(ld, val, s, key)) < 0)
			goto cleanup;
	}
	*out = list;
	*count = k;
	list = NULL;

cleanup:
	lang_strings_dispose(list, k);
	return error;
}

static int parse_kind(loader *ld, fl_entity_kind *out, const fl_yaml_node *n)
{
	if (n->type == FL_YAML_SCALAR) {
		if (kind_of(n->str, out))
			return 0;
		return FAIL(
		    ld, n,
		    "'kind' must be one of person, org, product, place, "
		    "work, other; not '%s'",
		    n->str);
	}
	return FAIL(ld, n,
	            "'kind' must be one of person, org, product, place, work, "
	            "other; not %s",
	            type_word(n));
}

static int parse_entity(loader *ld, fl__entity *e, const fl_yaml_node *n)
{
	const fl_yaml_node *v;
	int error;

	e->kind = FL_KIND_OTHER;
	e->count = -1;
	e->line = n->line;
	if (n->type != FL_YAML_MAP)
		return FAIL(ld, n,
		            "an entity must be a mapping with at least 'name', "
		            "not %s",
		            type_word(n));
	if ((error = fl_yaml_check_keys(n, entity_keys, "entity", ld->path,
	                                ld->f->err, sizeof(ld->f->err))) < 0)
		return error;
	if (!(v = fl_yaml_map_get(n, "name")))
		return FAIL(ld, n, "missing required key 'name' in entity");
	if ((error = fl_yaml_string(&e->name, v, "name", ld->path, ld->f->err,
	                            sizeof(ld->f->err))) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "kind")) && !is_null(v) &&
	    (error = parse_kind(ld, &e->kind, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "aliases")) && !is_null(v) &&
	    (error =
	         fl_yaml_strings(&e->aliases, &e->alias_count, v, "aliases",
	                         ld->path, ld->f->err, sizeof(ld->f->err))) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "renderings")) && !is_null(v) &&
	    (error = parse_lang_map(ld, &e->renderings, &e->rendering_count, v,
	                            "renderings", false)) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "count")) && !is_null(v) &&
	    (error = parse_count(ld, &e->count, v, "count")) < 0)
		return error;
	return 0;
}

/* Fails on form `at` (a string of entity ld->forms[...]) written the same
 * way, once case and marks are aside, as `first`, a form of another
 * entity. */
static int ambiguous(loader *ld, const form_at *at, const form_at *first)
{
	return FAIL(ld, at->node,
	            "ambiguous %s '%s': the %s '%s' of another entity, at "
	            "%s:%zu:%zu, is the same once case and marks are set "
	            "aside, so a text naming it could not tell the two "
	            "entities apart; make them one entity (the other form an "
	            "alias) or remove one",
	            at->what, at->node->str, first->what, first->node->str,
	            ld->path, first->node->line, first->node->col);
}

/*
 * Records form node (a string scalar) of entity `entity` under its match
 * key in map (for a rendering, with its language in front) and checks it
 * against the forms of other entities in map and in `other` (NULL: none).
 * Returns 0 or a negative code.
 */
static int add_form_key(loader *ld, size_t entity, const char *what,
                        const fl_yaml_node *node, const char *lang, fl_map *map,
                        fl_map *other)
{
	uint16_t *key = NULL, *full = NULL;
	size_t n, lang_len = lang ? strlen(lang) + 1 : 0, need;
	uintptr_t *slot, v;
	form_at at = {entity, what, node};
	int error = 0;

	if ((error = fl__match_key_utf8(&key, &n, node->str, node->len)) < 0)
		return error == FL_ENOMEM ? NOMEM(ld)
		                          : FAIL(ld, node, "not UTF-8");
	if (other && fl_map_get(other, key, n * sizeof(*key), &v) &&
	    ld->forms[v - 1].entity != entity) {
		error = ambiguous(ld, &at, &ld->forms[v - 1]);
		goto cleanup;
	}
	/* For a rendering, the language's bytes and a NUL, then the key. */
	if (fl__add_overflow(n * sizeof(*key), lang_len, &need) ||
	    !(full = malloc(need ? need : 1))) {
		error = NOMEM(ld);
		goto cleanup;
	}
	if (lang_len)
		memcpy(full, lang, lang_len);
	memcpy((char *)full + lang_len, key, n * sizeof(*key));
	if (!(slot = fl_map_slot_of(map, full, need, 0, NULL))) {
		error = NOMEM(ld);
		goto cleanup;
	}
	if (*slot) {
		if (ld->forms[*slot - 1].entity != entity)
			error = ambiguous(ld, &at, &ld->forms[*slot - 1]);
		goto cleanup;
	}
	if (fl__add_overflow(ld->form_count, 1, &need) ||
	    fl__grow((void **)&ld->forms, &ld->form_cap, need,
	             sizeof(*ld->forms)) < 0) {
		error = NOMEM(ld);
		goto cleanup;
	}
	ld->forms[ld->form_count++] = at;
	*slot = ld->form_count;
	/* A rendering is also known by its key alone, for names and aliases
	 * of later entities (accepted in every language). */
	if (lang &&
	    !(slot = fl_map_slot_of(&ld->rendering_key, key, n * sizeof(*key),
	                            ld->form_count, NULL)))
		error = NOMEM(ld);
cleanup:
	free(key);
	free(full);
	return error;
}

/* Calls add_form_key for each string of node (a list or one string). */
static int add_form_keys(loader *ld, size_t entity, const char *what,
                         const fl_yaml_node *node, const char *lang,
                         fl_map *map, fl_map *other)
{
	size_t n = node->type == FL_YAML_SEQ ? node->count : 1;
	int error = 0;

	for (size_t i = 0; i < n && error == 0; i++)
		error = add_form_key(ld, entity, what,
		                     node->type == FL_YAML_SEQ ? node->items[i]
		                                               : node,
		                     lang, map, other);
	return error;
}

/*
 * Refuses entity `entity` (parsed from node n) when one of its forms is,
 * by match key, a form of an earlier entity: "Surge" and "SURGE", an
 * alias equal to another entity's name, one rendering for two entities
 * in one language. Every lookup is by hash: linear in the facts.
 */
static int check_forms(loader *ld, size_t entity, const fl_yaml_node *n)
{
	const fl__entity *e = &ld->f->entities[entity];
	const fl_yaml_node *v;
	int error;

	if ((error =
	         add_form_keys(ld, entity, "name", fl_yaml_map_get(n, "name"),
	                       NULL, &ld->any_key, &ld->rendering_key)) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "aliases")) && !is_null(v) &&
	    (error = add_form_keys(ld, entity, "alias", v, NULL, &ld->any_key,
	                           &ld->rendering_key)) < 0)
		return error;
	if (!(v = fl_yaml_map_get(n, "renderings")) || is_null(v))
		return 0;
	/* parse_lang_map keeps the mapping's order. */
	for (size_t k = 0; k < e->rendering_count && 2 * k + 1 < v->count; k++)
		if ((error = add_form_keys(ld, entity, "rendering",
		                           v->items[2 * k + 1],
		                           e->renderings[k].lang, &ld->lang_key,
		                           &ld->any_key)) < 0)
			return error;
	return 0;
}

static int add_entity(loader *ld, const fl_yaml_node *n)
{
	fl_facts *f = ld->f;
	fl__entity e = {0};
	uintptr_t *slot;
	bool inserted;
	size_t need;
	int error;

	if ((error = parse_entity(ld, &e, n)) < 0)
		goto cleanup;
	/* Names are compared exactly: "Surge" and "surge" may be two
	 * entities in some languages, and the author decides. */
	slot = fl_map_slot_of(&ld->names, e.name, strlen(e.name),
	                      f->entity_count, &inserted);
	if (!slot) {
		error = NOMEM(ld);
		goto cleanup;
	}
	if (!inserted) {
		error = FAIL(ld, fl_yaml_map_get(n, "name"),
		             "entity '%s' already defined at line %zu", e.name,
		             f->entities[*slot].line);
		goto cleanup;
	}
	if (fl__add_overflow(f->entity_count, 1, &need) ||
	    fl__grow((void **)&f->entities, &ld->entity_cap, need,
	             sizeof(*f->entities)) < 0) {
		error = NOMEM(ld);
		goto cleanup;
	}
	e.extracted = ld->extracted;
	f->entities[f->entity_count++] = e;
	return check_forms(ld, f->entity_count - 1, n);

cleanup:
	entity_dispose(&e);
	return error;
}

static int add_number(loader *ld, const fl_yaml_node *n)
{
	fl_facts *f = ld->f;
	fl__number num = {0};
	const fl_yaml_node *v;
	size_t need;
	int error;

	num.line = n->line;
	num.extracted = ld->extracted;
	if (n->type != FL_YAML_MAP) {
		error =
		    FAIL(ld, n,
		         "a number must be a mapping with at least 'value', "
		         "not %s",
		         type_word(n));
		goto cleanup;
	}
	if ((error = fl_yaml_check_keys(n, number_keys, "number", ld->path,
	                                f->err, sizeof(f->err))) < 0)
		goto cleanup;
	if (!(v = fl_yaml_map_get(n, "value"))) {
		error = FAIL(ld, n, "missing required key 'value' in number");
		goto cleanup;
	}
	if ((error = parse_number_value(ld, &num, v)) < 0)
		goto cleanup;
	if ((v = fl_yaml_map_get(n, "unit")) && !is_null(v) &&
	    (error = fl_yaml_string(&num.unit, v, "unit", ld->path, f->err,
	                            sizeof(f->err))) < 0)
		goto cleanup;
	if ((v = fl_yaml_map_get(n, "about")) && !is_null(v) &&
	    (error = fl_yaml_string(&num.about, v, "about", ld->path, f->err,
	                            sizeof(f->err))) < 0)
		goto cleanup;
	if (fl__add_overflow(f->number_count, 1, &need) ||
	    fl__grow((void **)&f->numbers, &ld->number_cap, need,
	             sizeof(*f->numbers)) < 0) {
		error = NOMEM(ld);
		goto cleanup;
	}
	f->numbers[f->number_count++] = num;
	return 0;

cleanup:
	number_dispose(&num);
	return error;
}

static int add_term(loader *ld, const fl_yaml_node *n)
{
	fl_facts *f = ld->f;
	fl__term t = {0};
	const fl_yaml_node *v;
	size_t need;
	int error;

	t.line = n->line;
	if (n->type != FL_YAML_MAP) {
		error = FAIL(ld, n,
		             "a term must be a mapping with at least 'source', "
		             "not %s",
		             type_word(n));
		goto cleanup;
	}
	if ((error = fl_yaml_check_keys(n, term_keys, "term", ld->path, f->err,
	                                sizeof(f->err))) < 0)
		goto cleanup;
	if (!(v = fl_yaml_map_get(n, "source"))) {
		error = FAIL(ld, n, "missing required key 'source' in term");
		goto cleanup;
	}
	if ((error = fl_yaml_string(&t.source, v, "source", ld->path, f->err,
	                            sizeof(f->err))) < 0)
		goto cleanup;
	if ((v = fl_yaml_map_get(n, "expect")) && !is_null(v) &&
	    (error = parse_lang_map(ld, &t.expect, &t.expect_count, v, "expect",
	                            false)) < 0)
		goto cleanup;
	if ((v = fl_yaml_map_get(n, "forbid")) && !is_null(v) &&
	    (error = parse_lang_map(ld, &t.forbid, &t.forbid_count, v, "forbid",
	                            true)) < 0)
		goto cleanup;
	if (fl__add_overflow(f->term_count, 1, &need) ||
	    fl__grow((void **)&f->terms, &ld->term_cap, need,
	             sizeof(*f->terms)) < 0) {
		error = NOMEM(ld);
		goto cleanup;
	}
	f->terms[f->term_count++] = t;
	return 0;

cleanup:
	term_dispose(&t);
	return error;
}

/* Calls add for each item of the list under key; null means none. */
static int each_item(loader *ld, const fl_yaml_node *root, const char *key,
                     const char *what,
                     int (*add)(loader *, const fl_yaml_node *))
{
	const fl_yaml_node *list = fl_yaml_map_get(root, key);
	int error;

	if (is_null(list))
		return 0;
	if (list->type != FL_YAML_SEQ)
		return FAIL(ld, list, "'%s' must be a list of %s, not %s", key,
		            what, type_word(list));
	for (size_t i = 0; i < list->count; i++) {
		if ((error = add(ld, list->items[i])) < 0)
			return error;
	}
	return 0;
}

static int parse_version(loader *ld, const fl_yaml_node *root)
{
	const fl_yaml_node *v = fl_yaml_map_get(root, "version");

	if (!v)
		return FAIL(ld, root,
		            "missing required key 'version' in facts file "
		            "(expected 'version: 1')");
	/* 'version: "1"' is what a user means by version 1: accepted. */
	if (v->type != FL_YAML_SCALAR || strcmp(v->str, "1") != 0)
		return FAIL(
		    ld, v,
		    "unsupported 'version' %s (expected 1, the only facts "
		    "format version)",
		    v->type == FL_YAML_SCALAR ? v->str : type_word(v));
	ld->f->version = 1;
	return 0;
}

static int parse_root(loader *ld, const fl_yaml_node *root)
{
	fl_facts *f = ld->f;
	const fl_yaml_node *v;
	int error;

	if (root->type != FL_YAML_MAP)
		return FAIL(ld, root,
		            "the top level must be a mapping (version, story, "
		            "source_lang, entities, numbers, terms), not %s",
		            type_word(root));
	if ((error = fl_yaml_check_keys(root, top_keys, "facts file", ld->path,
	                                f->err, sizeof(f->err))) < 0)
		return error;
	if ((error = parse_version(ld, root)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "story")) && !is_null(v) &&
	    (error = fl_yaml_string(&f->story, v, "story", ld->path, f->err,
	                            sizeof(f->err))) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "source_lang")) && !is_null(v)) {
		if (v->type != FL_YAML_SCALAR)
			return FAIL(
			    ld, v,
			    "'source_lang' must be a language tag such as "
			    "en, not %s",
			    type_word(v));
		if ((error = parse_tag(ld, &f->source_lang, v, "source_lang")) <
		    0)
			return error;
	}
	/* "origin: extracted": written by fidelint extract; its entities'
	 * kinds are guesses and nothing says which names must be kept
	 * untranslated. */
	if ((v = fl_yaml_map_get(root, "origin")) && !is_null(v)) {
		if (v->type != FL_YAML_SCALAR ||
		    (strcmp(v->str, "extracted") != 0 &&
		     strcmp(v->str, "edited") != 0))
			return FAIL(ld, v,
			            "'origin' is 'extracted' or 'edited', not "
			            "'%s'",
			            v->type == FL_YAML_SCALAR ? v->str : "");
		ld->extracted = strcmp(v->str, "extracted") == 0;
	}
	if ((error = each_item(ld, root, "entities", "entities", add_entity)) <
	    0)
		return error;
	if ((error = each_item(ld, root, "numbers", "numbers", add_number)) < 0)
		return error;
	return each_item(ld, root, "terms", "terms", add_term);
}

int fl_facts_load_buffer(fl_facts *facts, const char *name, const char *data,
                         size_t len)
{
	loader ld = {0};
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	char msg[FL_ERRMSG_SIZE];
	size_t bad;
	int error;

	if (!facts)
		return FL_EINVAL;
	facts->err[0] = '\0';
	if (!name)
		name = "<buffer>";
	if (!data && len)
		return fl__fail(facts->err, sizeof(facts->err), FL_EINVAL,
		                "%s: no data", name);
	if (facts->loaded)
		return fl__fail(facts->err, sizeof(facts->err), FL_EINVAL,
		                "%s: facts already loaded from %s", name,
		                facts->path ? facts->path : "another file");
	if (len > FL_FACTS_MAX_SIZE)
		return fl__fail(facts->err, sizeof(facts->err), FL_ELIMIT,
		                "%s: file larger than the limit of %zu bytes",
		                name, FL_FACTS_MAX_SIZE);
	if (fl_yaml_check_utf8(data, len, &bad) < 0)
		return fl__fail(facts->err, sizeof(facts->err), FL_EENCODING,
		                "%s: invalid UTF-8 at byte offset %zu", name,
		                bad);

	ld.f = facts;
	ld.path = name;
	if ((error = fl_yaml_parse(&doc, data, len, msg, sizeof(msg))) < 0) {
		/* Positioned YAML messages start with "line:col: ". */
		bool at = msg[0] >= '0' && msg[0] <= '9';
		fl__fail(facts->err, sizeof(facts->err), error, "%s:%s%s", name,
		         at ? "" : " ", msg);
		goto cleanup;
	}
	root = fl_yaml_root(doc);
	if (is_null(root)) {
		error = fl__fail(facts->err, sizeof(facts->err), FL_EPARSE,
		                 "%s: no facts (empty file)", name);
		goto cleanup;
	}
	if ((error = parse_root(&ld, root)) < 0)
		goto cleanup;
	if (!(facts->path = fl__strdup(name))) {
		error = NOMEM(&ld);
		goto cleanup;
	}
	facts->loaded = true;

cleanup:
	if (error < 0)
		facts_clear(facts);
	fl_map_dispose(&ld.names);
	fl_map_dispose(&ld.any_key);
	fl_map_dispose(&ld.lang_key);
	fl_map_dispose(&ld.rendering_key);
	free(ld.forms);
	fl_yaml_free(doc);
	return error;
}

int fl_facts_load_file(fl_facts *facts, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int error;

	if (!facts)
		return FL_EINVAL;
	facts->err[0] = '\0';
	if (!path)
		return fl__fail(facts->err, sizeof(facts->err), FL_EINVAL,
		                "no path given");
	if (facts->loaded)
		return fl__fail(facts->err, sizeof(facts->err), FL_EINVAL,
		                "%s: facts already loaded from %s", path,
		                facts->path ? facts->path : "another file");
	if ((error = fl__read_file(&data, &len, path, FL_FACTS_MAX_SIZE,
	                           facts->err, sizeof(facts->err))) < 0)
		return error;
	error = fl_facts_load_buffer(facts, path, data, len);
	free(data);
	return error;
}

/* ---------------------------------------------------------------- maker */

struct fl__facts_maker {
	loader ld; /* ld.f: the facts being made */
	bool dead; /* refused or failed: only freed from now on */
};

/* Whether the loader reads s back as the writer's double-quoted scalar
 * of it (extract.c's put_quoted, which escapes every control character)
 * gives it: non-empty UTF-8 with no raw line break that YAML would fold
 * and count as a line (LS, PS) and no byte order mark. */
static bool round_trips(const char *s)
{
	size_t bad, n = s ? strlen(s) : 0;

	if (n == 0 || fl_yaml_check_utf8(s, n, &bad) < 0)
		return false;
	for (size_t i = 0; i + 2 < n; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if ((u[0] == 0xE2 && u[1] == 0x80 &&
		     (u[2] == 0xA8 || u[2] == 0xA9)) ||
		    (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF))
			return false;
	}
	return true;
}

/* Records form s of entity `entity` under its match key, as add_form_key
 * does for a name or an alias (no renderings here). Returns 0,
 * FL__FACTS_REFUSED (another entity's form has that key, or s is no
 * UTF-8) or FL_ENOMEM. */
static int maker_form(loader *ld, size_t entity, const char *s)
{
	uint16_t *key = NULL;
	uintptr_t *slot;
	bool fresh;
	size_t n;
	int error;

	if ((error = fl__match_key_utf8(&key, &n, s, strlen(s))) < 0)
		return error == FL_ENOMEM ? FL_ENOMEM : FL__FACTS_REFUSED;
	slot = fl_map_slot_of(&ld->any_key, key, n * sizeof(*key), 0, &fresh);
	free(key);
	if (!slot)
		return FL_ENOMEM;
	if (fresh) {
		*slot = (uintptr_t)entity + 1;
		return 0;
	}
	return *slot - 1 == entity ? 0 : FL__FACTS_REFUSED;
}

int fl__facts_maker_new(fl__facts_maker **out, const char *name,
                        const char *source_lang)
{
	fl__facts_maker *m;
	char tag[FL_TAG_MAX];

	*out = NULL;
	if (!round_trips(source_lang) ||
	    fl__tag_canonicalize(tag, sizeof(tag), source_lang) < 0)
		return FL__FACTS_REFUSED;
	if (!(m = calloc(1, sizeof(*m))) || fl_facts_new(&m->ld.f) < 0) {
		free(m);
		return FL_ENOMEM;
	}
	m->ld.path = name ? name : "<buffer>";
	m->ld.extracted = true; /* "origin: extracted" */
	m->ld.f->version = 1;
	if (!(m->ld.f->source_lang = fl__strdup(tag)) ||
	    !(m->ld.f->path = fl__strdup(m->ld.path))) {
		fl__facts_maker_free(m);
		return FL_ENOMEM;
	}
	*out = m;
	return 0;
}

/* Marks m dead after a refusal or a failure; returns error. */
static int maker_fail(fl__facts_maker *m, int error)
{
	if (error != 0)
		m->dead = true;
	return error;
}

int fl__facts_maker_entity(fl__facts_maker *m, const char *name,
                           const char *kind, const char *const *aliases,
                           size_t alias_count, long count, size_t line)
{
	loader *ld = &m->ld;
	fl_facts *f = ld->f;
	fl__entity e = {0};
	uintptr_t *slot;
	bool inserted;
	size_t need, at;
	int error = 0;

	if (m->dead)
		return FL__FACTS_REFUSED;
	e.kind = FL_KIND_OTHER;
	e.count = count;
	e.line = line;
	e.extracted = ld->extracted;
	if ((kind && !kind_of(kind, &e.kind)) || !round_trips(name))
		return maker_fail(m, FL__FACTS_REFUSED);
	for (size_t a = 0; a < alias_count; a++)
		if (!round_trips(aliases[a]))
			return maker_fail(m, FL__FACTS_REFUSED);
	if (!(e.name = fl__strdup(name)) ||
	    (alias_count &&
	     !(e.aliases = calloc(alias_count + 1, sizeof(*e.aliases))))) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	for (; e.alias_count < alias_count; e.alias_count++)
		if (!(e.aliases[e.alias_count] =
		          fl__strdup(aliases[e.alias_count]))) {
			error = FL_ENOMEM;
			goto cleanup;
		}
	/* a name given twice: the loader's "already defined" */
	slot = fl_map_slot_of(&ld->names, e.name, strlen(e.name),
	                      f->entity_count, &inserted);
	if (!slot || !inserted) {
		error = slot ? FL__FACTS_REFUSED : FL_ENOMEM;
		goto cleanup;
	}
	if (fl__add_overflow(f->entity_count, 1, &need) ||
	    fl__grow((void **)&f->entities, &ld->entity_cap, need,
	             sizeof(*f->entities)) < 0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	at = f->entity_count;
	f->entities[f->entity_count++] = e;
	/* the loader's check_forms: two entities one text cannot tell
	 * apart are refused */
	if ((error = maker_form(ld, at, name)) != 0)
		return maker_fail(m, error);
	for (size_t a = 0; a < alias_count; a++)
		if ((error = maker_form(ld, at, aliases[a])) != 0)
			return maker_fail(m, error);
	return 0;

cleanup:
	entity_dispose(&e);
	return maker_fail(m, error);
}

int fl__facts_maker_number(fl__facts_maker *m, const char *value, bool quoted,
                           const char *unit, const char *about, size_t line)
{
	loader *ld = &m->ld;
	fl_facts *f = ld->f;
	fl__number num = {0};
	size_t need;
	double v;
	int error = 0;

	if (m->dead)
		return FL__FACTS_REFUSED;
	num.line = line;
	num.extracted = ld->extracted;
	for (const char *p = value; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7F ||
		    strchr("'\"#,{}[]", *p))
			return maker_fail(m, FL__FACTS_REFUSED);
	if ((unit && !round_trips(unit)) || (about && !round_trips(about)))
		return maker_fail(m, FL__FACTS_REFUSED);
	/* parse_number_value on the scalar `value` */
	if (!is_decimal(value)) {
		if (parse_time(&num, value) || parse_date(&num, value) ||
		    (error = parse_range(ld, &num, value)) == 0)
			goto raw;
		return maker_fail(m, error < 0 ? FL_ENOMEM : FL__FACTS_REFUSED);
	}
	if (quoted)
		return maker_fail(m, FL__FACTS_REFUSED);
	if ((error = strtod_c(&v, value)) == FL_ENOMEM)
		return maker_fail(m, FL_ENOMEM);
	if (error < 0 || !isfinite(v))
		return maker_fail(m, FL__FACTS_REFUSED);
	num.value = v;
raw:
	if (!(num.raw = fl__strdup(value)) ||
	    (unit && !(num.unit = fl__strdup(unit))) ||
	    (about && !(num.about = fl__strdup(about))) ||
	    fl__add_overflow(f->number_count, 1, &need) ||
	    fl__grow((void **)&f->numbers, &ld->number_cap, need,
	             sizeof(*f->numbers)) < 0) {
		number_dispose(&num);
		return maker_fail(m, FL_ENOMEM);
	}
	f->numbers[f->number_count++] = num;
	return 0;
}

void fl__facts_maker_free(fl__facts_maker *m)
{
	if (!m)
		return;
	fl_facts_free(m->ld.f);
	fl_map_dispose(&m->ld.names);
	fl_map_dispose(&m->ld.any_key);
	fl_map_dispose(&m->ld.lang_key);
	fl_map_dispose(&m->ld.rendering_key);
	free(m->ld.forms);
	free(m);
}

int fl__facts_maker_finish(fl_facts **out, fl__facts_maker *m)
{
	*out = NULL;
	if (m->dead) {
		fl__facts_maker_free(m);
		return FL_EINVAL;
	}
	m->ld.f->loaded = true;
	*out = m->ld.f;
	m->ld.f = NULL;
	fl__facts_maker_free(m);
	return 0;
}

/* ---------------------------------------------------------------- merge */

static char *dup_or_null(const char *s, bool *ok)
{
	char *d;
	if (!s)
		return NULL;
	if (!(d = fl__strdup(s)))
		*ok = false;
	return d;
}

static char **strv_dup(char *const *v, size_t n, bool *ok)
{
	char **d;
	if (n == 0)
		return NULL;
	if (!(d = calloc(n + 1, sizeof(*d)))) {
		*ok = false;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		d[i] = dup_or_null(v[i], ok);
	return d;
}

static fl__lang_strings *lang_strings_dup(const fl__lang_strings *l, size_t n,
                                          bool *ok)
{
	fl__lang_strings *d;
	if (n == 0)
		return NULL;
	if (!(d = calloc(n, sizeof(*d)))) {
		*ok = false;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		d[i].lang = dup_or_null(l[i].lang, ok);
		d[i].items = strv_dup(l[i].items, l[i].count, ok);
		d[i].count = d[i].items ? l[i].count : 0;
	}
	return d;
}

/* The key of name s in a set of names, ASCII case ignored: s in ASCII
 * lower case, into a new string (NULL when out of memory). */
static char *name_key(const char *s)
{
	char *k = fl__strdup(s);
	for (char *p = k; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

/* Puts s into names (put) or looks it up; *ok turns false when out of
 * memory. Returns whether s was found. */
static bool name_in(fl_map *names, const char *s, bool put, bool *ok)
{
	char *k = name_key(s);
	bool found = false;

	if (!k) {
		*ok = false;
		return false;
	}
	if (put)
		*ok = fl_map_put(names, k, strlen(k), 1) == 0 && *ok;
	else
		found = fl_map_get(names, k, strlen(k), NULL);
	free(k);
	return found;
}

/* Makes names the set of every name and alias of f (name_key). */
static bool names_of(fl_map *names, const fl_facts *f)
{
	bool ok = true;
	for (size_t i = 0; i < f->entity_count && ok; i++) {
		const fl__entity *e = &f->entities[i];
		name_in(names, e->name, true, &ok);
		for (size_t a = 0; a < e->alias_count && ok; a++)
			name_in(names, e->aliases[a], true, &ok);
	}
	return ok;
}

/* The key of a number in a set of numbers: equal for two numbers when
 * they have the same shape, values, date fields and unit (%a is exact;
 * adding 0.0 makes -0 and 0 one value). Into buf; NULL when too long. */
static const char *number_key(fl_buf *buf, const fl__number *n)
{
	fl_buf_clear(buf);
	if (fl_buf_printf(buf, "%d|%a|%a|%d|%d|%d|%s", n->shape, n->value + 0.0,
	                  n->value2 + 0.0, n->year, n->month, n->day,
	                  n->unit ? n->unit : "") < 0)
		return NULL;
	return buf->ptr;
}

int fl_facts_merge(fl_facts *dst, const fl_facts *src)
{
	fl__entity *ents = NULL, *ge;
	fl__number *nums = NULL, *gn;
	size_t ne = 0, nn = 0, need;
	fl_map names = FL_MAP_INIT;   /* dst's names and aliases, name_key */
	fl_map numbers = FL_MAP_INIT; /* dst's numbers, number_key */
	fl_buf key = FL_BUF_INIT;
	bool ok = true;

	if (!dst || !src || !dst->loaded)
		return FL_EINVAL;
	if (!names_of(&names, dst))
		goto nomem;
	/* The new entries are built apart and moved in at the end, so that
	 * dst is unchanged on failure. */
	if (fl__add_overflow(dst->entity_count, src->entity_count, &need) ||
	    !(ents = fl__reallocarray(NULL, need + 1, sizeof(*ents))) ||
	    fl__add_overflow(dst->number_count, src->number_count, &need) ||
	    !(nums = fl__reallocarray(NULL, need + 1, sizeof(*nums))))
		goto nomem;
	for (size_t i = 0; i < src->entity_count; i++) {
		const fl__entity *e = &src->entities[i];
		bool known = name_in(&names, e->name, false, &ok);
		for (size_t a = 0; a < e->alias_count && !known; a++)
			known = name_in(&names, e->aliases[a], false, &ok);
		if (!ok)
			goto nomem;
		if (known)
			continue;
		fl__entity *d = &ents[ne++];
		*d = *e;
		d->name = dup_or_null(e->name, &ok);
		d->aliases = strv_dup(e->aliases, e->alias_count, &ok);
		d->renderings =
		    lang_strings_dup(e->renderings, e->rendering_count, &ok);
	}
	for (size_t i = 0; i < dst->number_count; i++)
		if (!number_key(&key, &dst->numbers[i]) ||
		    fl_map_put(&numbers, key.ptr, key.len, 1) < 0)
			goto nomem;
	for (size_t i = 0; i < src->number_count; i++) {
		const fl__number *x = &src->numbers[i];
		if (!number_key(&key, x))
			goto nomem;
		if (fl_map_get(&numbers, key.ptr, key.len, NULL))
			continue;
		fl__number *d = &nums[nn++];
		*d = *x;
		d->raw = dup_or_null(x->raw, &ok);
		d->unit = dup_or_null(x->unit, &ok);
		d->about = dup_or_null(x->about, &ok);
	}
	if (!ok ||
	    !(ge = fl__reallocarray(dst->entities, dst->entity_count + ne + 1,
	                            sizeof(*ge))))
		goto nomem;
	dst->entities = ge;
	if (!(gn = fl__reallocarray(dst->numbers, dst->number_count + nn + 1,
	                            sizeof(*gn))))
		goto nomem;
	dst->numbers = gn;
	memcpy(dst->entities + dst->entity_count, ents, ne * sizeof(*ents));
	memcpy(dst->numbers + dst->number_count, nums, nn * sizeof(*nums));
	dst->entity_count += ne;
	dst->number_count += nn;
	free(ents);
	free(nums);
	fl_map_dispose(&names);
	fl_map_dispose(&numbers);
	fl_buf_dispose(&key);
	return 0;

nomem:
	fl_map_dispose(&names);
	fl_map_dispose(&numbers);
	fl_buf_dispose(&key);
	for (size_t i = 0; i < ne; i++)
		entity_dispose(&ents[i]);
	for (size_t i = 0; i < nn; i++)
		number_dispose(&nums[i]);
	free(ents);
	free(nums);
	return fl__fail(dst->err, sizeof(dst->err), FL_ENOMEM, "out of memory");
}
