/*
 * Loading rule packs: YAML through util/yaml, checked key by key so that
 * every mistake reads "path:line:col: problem"; patterns compiled through
 * util/regexp (UTF and UCP always on, JIT when the platform has it).
 */
#define _POSIX_C_SOURCE 200809L /* scandir */

#include "pack.h"

#include "../lang/tag.h"
#include "../util/buf.h"
#include "../util/map.h"
#include "../util/yaml.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Largest pack file accepted, in bytes. */
#define FL_PACK_MAX_SIZE ((size_t)4 * 1024 * 1024)

static const char *const top_keys[] = {"pack", "rules", NULL};
static const char *const rule_keys[] = {
    "id",         "pattern",   "caseless", "severity", "message",
    "suggestion", "rationale", "when",     "examples", NULL};
static const char *const when_keys[] = {"facts_lack_entity",
                                        "facts_have_entity",
                                        "facts_have_entity_matching",
                                        "facts_have_term",
                                        "lang",
                                        NULL};
static const char *const example_keys[] = {"match", "no_match", NULL};

typedef struct {
	fl__ruleset *set;
	const char *path;
	const char *tag;
	char *err;
	size_t errlen;
	fl_map ids; /* id of every rule of the set -> its index */
} loader;

#define FAIL(ld, n, ...)                                                       \
	fl_yaml_fail((ld)->err, (ld)->errlen, FL_EPARSE, (ld)->path, (n),      \
	             __VA_ARGS__)
#define NOMEM(ld)                                                              \
	fl_yaml_fail((ld)->err, (ld)->errlen, FL_ENOMEM, (ld)->path, NULL,     \
	             "out of memory")

static void strv_dispose(fl__strv *v)
{
	fl_yaml_strv_free(v->items, v->count);
	v->items = NULL;
	v->count = 0;
}

static void rule_dispose(fl__rule *r)
{
	free(r->id);
	free(r->pattern);
	free(r->message);
	free(r->suggestion);
	free(r->rationale);
	free(r->entity_matching);
	strv_dispose(&r->lack_entity);
	strv_dispose(&r->have_entity);
	strv_dispose(&r->have_term);
	strv_dispose(&r->langs);
	strv_dispose(&r->ex_match);
	strv_dispose(&r->ex_no_match);
	fl_regexp_free(r->re);
	fl_regexp_free(r->entity_re);
	free(r->path);
	free(r->pack);
	memset(r, 0, sizeof(*r));
}

void fl__ruleset_dispose(fl__ruleset *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++)
		rule_dispose(&set->rules[i]);
	free(set->rules);
	set->rules = NULL;
	set->count = set->cap = 0;
}

static const char *type_word(const fl_yaml_node *n)
{
	if (n->type == FL_YAML_SEQ)
		return "a list";
	if (n->type == FL_YAML_MAP)
		return "a mapping";
	return fl_yaml_is_null(n) ? "empty" : "a string";
}

/* ------------------------------------------------------------- fields */

/* A rule id is FAMILY.LANG.SLUG: family term, name or text; LANG the
 * pack's tag in lower case ("pt", "pt-br"); slug of a-z, 0-9 and inner
 * '-'. The family lets reports group findings; LANG keeps ids of two
 * packs apart. */
static bool id_ok(const char *id, const char *tag)
{
	static const char *const families[] = {"term.", "name.", "text."};
	const char *p = NULL;
	size_t n = strlen(tag);

	for (size_t i = 0; i < FL_ARRAY_SIZE(families); i++)
		if (strncmp(id, families[i], 5) == 0)
			p = id + 5;
	if (!p)
		return false;
	for (size_t i = 0; i < n; i++, p++) {
		char c = tag[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (*p != c)
			return false;
	}
	if (*p++ != '.' || !*p || *p == '-')
		return false;
	for (; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') ||
		          (*p >= '0' && *p <= '9') ||
		          (*p == '-' && p[1] && p[1] != '-');
		if (!ok)
			return false;
	}
	return true;
}

static int parse_bool(loader *ld, bool *out, const fl_yaml_node *n,
                      const char *key)
{
	if (n->type == FL_YAML_SCALAR && !n->quoted) {
		if (strcmp(n->str, "true") == 0) {
			*out = true;
			return 0;
		}
		if (strcmp(n->str, "false") == 0) {
			*out = false;
			return 0;
		}
	}
	return FAIL(ld, n, "'%s' must be true or false, not %s%s%s", key,
	            n->type == FL_YAML_SCALAR ? "'" : "",
	            n->type == FL_YAML_SCALAR ? n->str : type_word(n),
	            n->type == FL_YAML_SCALAR ? "'" : "");
}

/* An optional list of strings (or one string) under key of map. */
static int opt_strings(loader *ld, fl__strv *out, const fl_yaml_node *map,
                       const char *key)
{
	const fl_yaml_node *v = fl_yaml_map_get(map, key);

	if (!v || fl_yaml_is_null(v))
		return 0;
	return fl_yaml_strings(&out->items, &out->count, v, key, ld->path,
	                       ld->err, ld->errlen);
}

/* An optional string under key of map. */
static int opt_string(loader *ld, char **out, const fl_yaml_node *map,
                      const char *key)
{
	const fl_yaml_node *v = fl_yaml_map_get(map, key);

	if (!v || fl_yaml_is_null(v))
		return 0;
	return fl_yaml_string(out, v, key, ld->path, ld->err, ld->errlen);
}

/* A required string under key of map. */
static int req_string(loader *ld, char **out, const fl_yaml_node *map,
                      const char *key, const char *id)
{
	const fl_yaml_node *v = fl_yaml_map_get(map, key);

	if (!v)
		return FAIL(ld, map, "missing required key '%s' in rule%s%s%s",
		            key, id ? " '" : "", id ? id : "", id ? "'" : "");
	return fl_yaml_string(out, v, key, ld->path, ld->err, ld->errlen);
}

static int compile(loader *ld, fl_regexp **out, const char *pattern,
                   unsigned flags, const fl_yaml_node *at, const char *id)
{
	char msg[FL_ERRMSG_SIZE];
	int error = fl_regexp_compile(out, pattern, strlen(pattern), flags, msg,
	                              sizeof(msg));
	if (error == FL_ENOMEM)
		return NOMEM(ld);
	if (error < 0)
		return FAIL(ld, at, "invalid pattern in rule '%s': %s", id,
		            msg);
	return 0;
}

static int parse_when(loader *ld, fl__rule *r, const fl_yaml_node *n)
{
	const fl_yaml_node *v;
	int error;

	if (n->type != FL_YAML_MAP)
		return FAIL(ld, n,
		            "'when' must be a mapping of conditions (%s, ...), "
		            "not %s",
		            when_keys[0], type_word(n));
	if ((error = fl_yaml_check_keys(n, when_keys, "'when'", ld->path,
	                                ld->err, ld->errlen)) < 0 ||
	    (error = opt_strings(ld, &r->lack_entity, n, "facts_lack_entity")) <
	        0 ||
	    (error = opt_strings(ld, &r->have_entity, n, "facts_have_entity")) <
	        0 ||
	    (error = opt_strings(ld, &r->have_term, n, "facts_have_term")) <
	        0 ||
	    (error = opt_string(ld, &r->entity_matching, n,
	                        "facts_have_entity_matching")) < 0 ||
	    (error = opt_strings(ld, &r->langs, n, "lang")) < 0)
		return error;
	if (r->entity_matching &&
	    (error = compile(ld, &r->entity_re, r->entity_matching, 0,
	                     fl_yaml_map_get(n, "facts_have_entity_matching"),
	                     r->id)) < 0)
		return error;
	/* Tags are written canonically, so that the check compares them
	 * with the document's tag as fidelint writes it. */
	v = fl_yaml_map_get(n, "lang");
	for (size_t i = 0; i < r->langs.count; i++) {
		char tag[FL_TAG_MAX];
		const fl_yaml_node *at =
		    v->type == FL_YAML_SEQ ? v->items[i] : v;
		if (fl__tag_canonicalize(tag, sizeof(tag), r->langs.items[i]) <
		    0)
			return FAIL(ld, at,
			            "invalid language tag '%s' in 'lang' "
			            "(expected a BCP 47 tag such as pt-BR)",
			            r->langs.items[i]);
		if (strlen(tag) <= strlen(r->langs.items[i]))
			strcpy(r->langs.items[i], tag);
	}
	return 0;
}

static int parse_examples(loader *ld, fl__rule *r, const fl_yaml_node *n)
{
	int error;

	if (n->type != FL_YAML_MAP)
		return FAIL(ld, n,
		            "'examples' must be a mapping with 'match' and "
		            "'no_match' lists, not %s",
		            type_word(n));
	if ((error = fl_yaml_check_keys(n, example_keys, "'examples'", ld->path,
	                                ld->err, ld->errlen)) < 0 ||
	    (error = opt_strings(ld, &r->ex_match, n, "match")) < 0 ||
	    (error = opt_strings(ld, &r->ex_no_match, n, "no_match")) < 0)
		return error;
	return 0;
}

/* The rule of the set with this id, or NULL (a map, not a scan of the
 * set, which made loading quadratic in rules). */
static const fl__rule *find_rule(const loader *ld, const char *id)
{
	uintptr_t i;
	if (fl_map_get(&ld->ids, id, strlen(id), &i))
		return &ld->set->rules[i];
	return NULL;
}

static int parse_rule(loader *ld, fl__rule *r, const fl_yaml_node *n)
{
	const fl_yaml_node *v, *idn;
	int error;

	r->line = n->line;
	if (n->type != FL_YAML_MAP)
		return FAIL(ld, n,
		            "a rule must be a mapping with id, pattern, "
		            "severity, message and rationale, not %s",
		            type_word(n));
	if ((error = fl_yaml_check_keys(n, rule_keys, "rule", ld->path, ld->err,
	                                ld->errlen)) < 0 ||
	    (error = req_string(ld, &r->id, n, "id", NULL)) < 0)
		return error;
	idn = fl_yaml_map_get(n, "id");
	if (!id_ok(r->id, ld->tag))
		return FAIL(ld, idn,
		            "bad rule id '%s' (expected FAMILY.%s.SLUG: family "
		            "term, name or text; slug of a-z, 0-9 and '-')",
		            r->id, ld->tag);
	{
		const fl__rule *other = find_rule(ld, r->id);
		if (other)
			return FAIL(ld, idn,
			            "duplicate rule id '%s' (first at %s:%zu)",
			            r->id, other->path, other->line);
	}
	if ((error = req_string(ld, &r->pattern, n, "pattern", r->id)) < 0 ||
	    (error = req_string(ld, &r->message, n, "message", r->id)) < 0 ||
	    (error = req_string(ld, &r->rationale, n, "rationale", r->id)) <
	        0 ||
	    (error = opt_string(ld, &r->suggestion, n, "suggestion")) < 0)
		return error;
	if (!(v = fl_yaml_map_get(n, "severity")))
		return FAIL(ld, n,
		            "missing required key 'severity' in rule '%s'",
		            r->id);
	if (v->type != FL_YAML_SCALAR ||
	    fl_severity_parse(&r->severity, v->str) < 0)
		return FAIL(ld, v,
		            "bad severity %s%s%s in rule '%s' (expected error, "
		            "warning or info)",
		            v->type == FL_YAML_SCALAR ? "'" : "",
		            v->type == FL_YAML_SCALAR ? v->str : type_word(v),
		            v->type == FL_YAML_SCALAR ? "'" : "", r->id);
	if ((v = fl_yaml_map_get(n, "caseless")) && !fl_yaml_is_null(v) &&
	    (error = parse_bool(ld, &r->caseless, v, "caseless")) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "when")) && !fl_yaml_is_null(v) &&
	    (error = parse_when(ld, r, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(n, "examples")) && !fl_yaml_is_null(v) &&
	    (error = parse_examples(ld, r, v)) < 0)
		return error;
	/* Every rule carries proof of what it is meant to catch. */
	if (r->ex_match.count == 0)
		return FAIL(ld, v ? v : n,
		            "rule '%s' needs at least one example in "
		            "'examples: {match: [...]}'",
		            r->id);
	if ((error = compile(ld, &r->re, r->pattern,
	                     (r->caseless ? FL_REGEXP_ICASE : 0) |
	                         FL_REGEXP_TRUSTED_UTF8,
	                     fl_yaml_map_get(n, "pattern"), r->id)) < 0)
		return error;
	if (!(r->path = fl__strdup(ld->path)) ||
	    !(r->pack = fl__strdup(ld->tag)))
		return NOMEM(ld);
	return 0;
}

static int parse_root(loader *ld, const fl_yaml_node *root)
{
	const fl_yaml_node *v, *list;
	char tag[FL_TAG_MAX];
	int error;

	if (!root || root->type != FL_YAML_MAP)
		return FAIL(ld, root,
		            "a rule pack must be a mapping with 'pack' and "
		            "'rules'%s%s",
		            root ? ", not " : "", root ? type_word(root) : "");
	if ((error = fl_yaml_check_keys(root, top_keys, "rule pack", ld->path,
	                                ld->err, ld->errlen)) < 0)
		return error;
	if (!(v = fl_yaml_map_get(root, "pack")))
		return FAIL(ld, root,
		            "missing required key 'pack' (expected "
		            "'pack: %s')",
		            ld->tag);
	if (v->type != FL_YAML_SCALAR ||
	    fl__tag_canonicalize(tag, sizeof(tag), v->str) < 0 ||
	    strcmp(tag, ld->tag) != 0)
		return FAIL(ld, v,
		            "'pack' must be the language of the file name, "
		            "'%s'",
		            ld->tag);
	list = fl_yaml_map_get(root, "rules");
	if (!list || fl_yaml_is_null(list))
		return 0;
	if (list->type != FL_YAML_SEQ)
		return FAIL(ld, list, "'rules' must be a list of rules, not %s",
		            type_word(list));
	for (size_t i = 0; i < ld->set->count; i++)
		if (fl_map_put(&ld->ids, ld->set->rules[i].id,
		               strlen(ld->set->rules[i].id), i) < 0)
			return NOMEM(ld);
	for (size_t i = 0; i < list->count; i++) {
		fl__rule r = {0};
		size_t need;
		if ((error = parse_rule(ld, &r, list->items[i])) < 0) {
			rule_dispose(&r);
			return error;
		}
		if (fl__add_overflow(ld->set->count, 1, &need) ||
		    fl__grow((void **)&ld->set->rules, &ld->set->cap, need,
		             sizeof(*ld->set->rules)) < 0) {
			rule_dispose(&r);
			return NOMEM(ld);
		}
		ld->set->rules[ld->set->count++] = r;
		if (fl_map_put(&ld->ids, r.id, strlen(r.id),
		               ld->set->count - 1) < 0)
			return NOMEM(ld);
	}
	return 0;
}

int fl__ruleset_parse(fl__ruleset *set, const char *path, const char *tag,
                      const char *data, size_t len, char *err, size_t errlen)
{
	loader ld = {set, path, tag, err, errlen, FL_MAP_INIT};
	fl_yaml_doc *doc = NULL;
	char msg[FL_ERRMSG_SIZE];
	size_t before = set->count, bad;
	int error;

	if (len > FL_PACK_MAX_SIZE)
		return fl__fail(err, errlen, FL_ELIMIT,
		                "%s: file larger than the limit of %zu bytes",
		                path, FL_PACK_MAX_SIZE);
	if (fl_yaml_check_utf8(data, len, &bad) < 0)
		return fl__fail(err, errlen, FL_EENCODING,
		                "%s: invalid UTF-8 at byte offset %zu", path,
		                bad);
	if ((error = fl_yaml_parse(&doc, data, len, msg, sizeof(msg))) < 0) {
		/* Positioned YAML messages start with "line:col: ". */
		bool at = msg[0] >= '0' && msg[0] <= '9';
		fl__fail(err, errlen, error, "%s:%s%s", path, at ? "" : " ",
		         msg);
		goto cleanup;
	}
	error = parse_root(&ld, fl_yaml_root(doc));
cleanup:
	if (error < 0) {
		/* Leave the set as it was: a pack loads whole or not at all. */
		for (size_t i = before; i < set->count; i++)
			rule_dispose(&set->rules[i]);
		set->count = before;
	}
	fl_map_dispose(&ld.ids);
	fl_yaml_free(doc);
	return error;
}

int fl__ruleset_load_file(fl__ruleset *set, const char *path, char *err,
                          size_t errlen)
{
	const char *base = strrchr(path, '/');
	char *data = NULL;
	char tag[FL_TAG_MAX], name[FL_TAG_MAX];
	size_t len = 0, n;
	int error;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n < 6 || strcmp(base + n - 5, ".yaml") != 0 ||
	    n - 5 >= sizeof(name))
		return fl__fail(err, errlen, FL_EPARSE,
		                "%s: a pack is named LANG.yaml", path);
	memcpy(name, base, n - 5);
	name[n - 5] = '\0';
	if (fl__tag_canonicalize(tag, sizeof(tag), name) < 0)
		return fl__fail(err, errlen, FL_EPARSE,
		                "%s: '%s' is not a language tag (a pack is "
		                "named LANG.yaml)",
		                path, name);
	if ((error = fl__read_file(&data, &len, path, FL_PACK_MAX_SIZE, err,
	                           errlen)) < 0)
		return error;
	error = fl__ruleset_parse(set, path, tag, data, len, err, errlen);
	free(data);
	return error;
}

/* Loads data_dir/rules/packs/NAME.yaml when it exists. */
static int load_if_present(fl__ruleset *set, const char *data_dir,
                           const char *name, size_t name_len, char *err,
                           size_t errlen)
{
	fl_buf path = FL_BUF_INIT;
	int error = 0;

	if (fl_buf_printf(&path, "%s/rules/packs/%.*s.yaml", data_dir,
	                  (int)name_len, name) < 0)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	if (access(path.ptr, F_OK) == 0)
		error = fl__ruleset_load_file(set, path.ptr, err, errlen);
	fl_buf_dispose(&path);
	return error;
}

int fl__ruleset_load_lang(fl__ruleset *set, const char *data_dir,
                          const char *tag, char *err, size_t errlen)
{
	size_t n = fl__tag_language_len(tag);
	int error;

	if ((error = load_if_present(set, data_dir, tag, n, err, errlen)) < 0) {
		fl__ruleset_dispose(set);
		return error;
	}
	if (tag[n] && (error = load_if_present(set, data_dir, tag, strlen(tag),
	                                       err, errlen)) < 0) {
		fl__ruleset_dispose(set);
		return error;
	}
	return 0;
}

static int yaml_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 5 &&
	       strcmp(e->d_name + n - 5, ".yaml") == 0;
}

int fl__ruleset_load_all(fl__ruleset *set, const char *data_dir, char *err,
                         size_t errlen)
{
	struct dirent **names = NULL;
	fl_buf dir = FL_BUF_INIT;
	int n, error = 0;

	if (fl_buf_printf(&dir, "%s/rules/packs", data_dir) < 0)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	n = scandir(dir.ptr, &names, yaml_file, alphasort);
	if (n < 0) {
		/* No packs folder: no packs. */
		fl_buf_dispose(&dir);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		if (error == 0) {
			fl_buf p = FL_BUF_INIT;
			if (fl_buf_printf(&p, "%s/%s", dir.ptr,
			                  names[i]->d_name) < 0)
				error = fl__fail(err, errlen, FL_ENOMEM,
				                 "out of memory");
			else
				error = fl__ruleset_load_file(set, p.ptr, err,
				                              errlen);
			fl_buf_dispose(&p);
		}
		free(names[i]);
	}
	free(names);
	fl_buf_dispose(&dir);
	if (error < 0)
		fl__ruleset_dispose(set);
	return error;
}

bool fl__rule_applies_to(const fl__rule *r, const char *tag)
{
	size_t n = fl__tag_language_len(tag);

	if (!fl__tag_equal(r->pack, tag) && !fl__tag_equal_n(tag, n, r->pack))
		return false;
	if (r->langs.count == 0)
		return true;
	for (size_t i = 0; i < r->langs.count; i++)
		if (fl__tag_equal(r->langs.items[i], tag) ||
		    fl__tag_equal_n(tag, n, r->langs.items[i]))
			return true;
	return false;
}

int fl__rule_test_examples(const fl__rule *r, char *err, size_t errlen)
{
	for (int want = 1; want >= 0; want--) {
		const fl__strv *v = want ? &r->ex_match : &r->ex_no_match;
		for (size_t i = 0; i < v->count; i++) {
			const char *s = v->items[i];
			int got = fl_regexp_search(r->re, s, strlen(s), 0, NULL,
			                           NULL);
			if (got < 0)
				return fl__fail(
				    err, errlen, FL_ERROR,
				    "%s:%zu: rule %s: example '%s': "
				    "%s",
				    r->path, r->line, r->id, s,
				    fl_error_name(got));
			if (got != want)
				return fl__fail(
				    err, errlen, FL_ERROR,
				    "%s:%zu: rule %s: example '%s' %s", r->path,
				    r->line, r->id, s,
				    want ? "should match but does not"
				         : "should not match but does");
		}
	}
	return 0;
}
