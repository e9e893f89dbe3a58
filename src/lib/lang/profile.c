/*
 * Language profiles from <data_dir>/dicts/<tag>.yaml. Each file is parsed
 * on its own (fl__profile_parse); the loader then checks file names
 * against tags and fills unset keys from the `inherit` parent.
 *
 * Inside a parsed profile a list or map that was given, even empty, has a
 * non-NULL array, and spell_severity is 0 while unset: that is how
 * inheritance tells "not given" from "given as empty".
 */
#define _POSIX_C_SOURCE 200809L /* opendir, stat */

#include "profile.h"

#include "../util/yaml.h"
#include "tag.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest profile file accepted, in bytes. */
#define FL_PROFILE_MAX_SIZE ((size_t)1024 * 1024)

static const char *const profile_keys[] = {
    "lang",    "name",        "script",   "hunspell",     "accept",
    "foreign", "extra_words", "prefixes", "common_words", "spell_severity",
    "inherit", "repeatable",  "suffixes", "articles",     "name_letters",
    "respell", NULL};

typedef struct {
	const char *path;
	const char *dicts_dir;
	char *err;
	size_t errlen;
} parser;

#define FAIL(ps, n, ...)                                                       \
	fl_yaml_fail((ps)->err, (ps)->errlen, FL_EPARSE, (ps)->path, (n),      \
	             __VA_ARGS__)
#define NOMEM(ps)                                                              \
	fl_yaml_fail((ps)->err, (ps)->errlen, FL_ENOMEM, (ps)->path, NULL,     \
	             "out of memory")

static void foreign_free(fl__foreign_dict *f, size_t count)
{
	if (!f)
		return;
	for (size_t i = 0; i < count; i++) {
		free(f[i].script);
		free(f[i].dict);
	}
	free(f);
}

/* The profile's lists of strings, by key: one table for reading them,
 * inheriting them and freeing them. */
static const struct {
	const char *key;
	size_t off, count_off;
} string_lists[] = {
    {"hunspell", offsetof(fl__profile, hunspell),
     offsetof(fl__profile, hunspell_count)},
    {"accept", offsetof(fl__profile, accept),
     offsetof(fl__profile, accept_count)},
    {"prefixes", offsetof(fl__profile, prefixes),
     offsetof(fl__profile, prefix_count)},
    {"common_words", offsetof(fl__profile, common_words),
     offsetof(fl__profile, common_count)},
    {"repeatable", offsetof(fl__profile, repeatable),
     offsetof(fl__profile, repeatable_count)},
    {"suffixes", offsetof(fl__profile, suffixes),
     offsetof(fl__profile, suffix_count)},
    {"articles", offsetof(fl__profile, articles),
     offsetof(fl__profile, article_count)},
    {"respell", offsetof(fl__profile, respell),
     offsetof(fl__profile, respell_count)},
    {"name_letters", offsetof(fl__profile, name_letters),
     offsetof(fl__profile, name_letter_count)},
};

/* The list of p at string_lists[i], and its count. */
static char ***list_of(fl__profile *p, size_t i, size_t **count)
{
	*count = (size_t *)((char *)p + string_lists[i].count_off);
	return (char ***)((char *)p + string_lists[i].off);
}

void fl__profile_free(fl__profile *p)
{
	if (!p)
		return;
	free(p->tag);
	free(p->name);
	free(p->script);
	for (size_t i = 0; i < FL_ARRAY_SIZE(string_lists); i++) {
		size_t *count;
		char ***arr = list_of(p, i, &count);
		fl_yaml_strv_free(*arr, *count);
	}
	foreign_free(p->foreign, p->foreign_count);
	free(p->extra_words);
	free(p->inherit);
	free(p->path);
	free(p);
}

void fl__profiles_dispose(fl__profile_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++)
		fl__profile_free(set->items[i]);
	free(set->items);
	set->items = NULL;
	set->count = 0;
}

const fl__profile *fl__profiles_find(const fl__profile_set *set,
                                     const char *tag)
{
	size_t n;

	if (!set || !tag)
		return NULL;
	for (size_t i = 0; i < set->count; i++) {
		if (fl__tag_equal(set->items[i]->tag, tag))
			return set->items[i];
	}
	n = fl__tag_language_len(tag);
	if (n == 0 || tag[n] == '\0')
		return NULL;
	for (size_t i = 0; i < set->count; i++) {
		if (fl__tag_equal_n(tag, n, set->items[i]->tag))
			return set->items[i];
	}
	return NULL;
}

/* ------------------------------------------------------------- parsing */

static const char *type_word(const fl_yaml_node *n)
{
	if (n->type == FL_YAML_SEQ)
		return "a list";
	if (n->type == FL_YAML_MAP)
		return "a mapping";
	return fl_yaml_is_null(n) ? "empty" : "a string";
}

static int parse_tag(parser *ps, char **out, const fl_yaml_node *n,
                     const char *key)
{
	char tag[FL_TAG_MAX];

	if (n->type != FL_YAML_SCALAR || strlen(n->str) != n->len ||
	    fl__tag_canonicalize(tag, sizeof(tag), n->str) < 0)
		return FAIL(ps, n,
		            "'%s' must be a language tag such as pt or pt-BR, "
		            "not %s%s%s",
		            key, n->type == FL_YAML_SCALAR ? "'" : "",
		            n->type == FL_YAML_SCALAR ? n->str : type_word(n),
		            n->type == FL_YAML_SCALAR ? "'" : "");
	if (!(*out = fl__strdup(tag)))
		return NOMEM(ps);
	return 0;
}

/* An ISO 15924 code: four letters, written title-case ("Latn"). */
static int parse_script(parser *ps, char **out, const fl_yaml_node *n,
                        const char *where)
{
	char code[5];

	if (n->type != FL_YAML_SCALAR || n->len != 4)
		goto bad;
	for (size_t i = 0; i < 4; i++) {
		char c = n->str[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c < 'a' || c > 'z')
			goto bad;
		code[i] = i == 0 ? (char)(c - 32) : c;
	}
	code[4] = '\0';
	if (!(*out = fl__strdup(code)))
		return NOMEM(ps);
	return 0;

bad:
	return FAIL(ps, n,
	            "invalid script code %s%s%s in '%s' (expected an ISO 15924 "
	            "code such as Latn or Arab)",
	            n->type == FL_YAML_SCALAR ? "'" : "",
	            n->type == FL_YAML_SCALAR ? n->str : type_word(n),
	            n->type == FL_YAML_SCALAR ? "'" : "", where);
}

static int parse_foreign(parser *ps, fl__profile *p, const fl_yaml_node *n)
{
	fl__foreign_dict *list;
	size_t pairs, k = 0;
	int error = 0;

	if (n->type != FL_YAML_MAP)
		return FAIL(ps, n,
		            "'foreign' must be a mapping of script codes to "
		            "dictionary names (e.g. {Latn: en_US}), not %s",
		            type_word(n));
	pairs = n->count / 2;
	/* One more, so that an empty mapping still counts as given. */
	if (!(list = calloc(pairs + 1, sizeof(*list))))
		return NOMEM(ps);
	for (k = 0; k < pairs;) {
		const fl_yaml_node *key = n->items[2 * k];
		fl__foreign_dict *f = &list[k];

		k++;
		if ((error = parse_script(ps, &f->script, key, "foreign")) < 0)
			goto cleanup;
		for (size_t j = 0; j + 1 < k; j++) {
			if (strcmp(list[j].script, f->script) == 0) {
				error =
				    FAIL(ps, key,
				         "script %s given twice in 'foreign'",
				         f->script);
				goto cleanup;
			}
		}
		if ((error = fl_yaml_string(&f->dict, n->items[2 * k - 1],
		                            "foreign", ps->path, ps->err,
		                            ps->errlen)) < 0)
			goto cleanup;
	}
	p->foreign = list;
	p->foreign_count = k;
	list = NULL;

cleanup:
	foreign_free(list, k);
	return error;
}

static int parse_severity(parser *ps, fl_severity *out, const fl_yaml_node *n)
{
	if (n->type == FL_YAML_SCALAR && fl_severity_parse(out, n->str) == 0)
		return 0;
	return FAIL(
	    ps, n,
	    "'spell_severity' must be info, warning or error, not %s%s%s",
	    n->type == FL_YAML_SCALAR ? "'" : "",
	    n->type == FL_YAML_SCALAR ? n->str : type_word(n),
	    n->type == FL_YAML_SCALAR ? "'" : "");
}

/* extra_words names a file relative to dicts/; it must exist now, so that
 * a typo is found when the profile loads rather than at the first check. */
static int parse_extra_words(parser *ps, fl__profile *p, const fl_yaml_node *n)
{
	char *name = NULL, *full = NULL;
	struct stat st;
	size_t dlen, nlen, total;
	int error;

	if ((error = fl_yaml_string(&name, n, "extra_words", ps->path, ps->err,
	                            ps->errlen)) < 0)
		return error;
	if (name[0] == '/' || !ps->dicts_dir) {
		full = name;
		name = NULL;
	} else {
		dlen = strlen(ps->dicts_dir);
		nlen = strlen(name);
		if (fl__add_overflow(dlen, nlen, &total) ||
		    fl__add_overflow(total, 2, &total) ||
		    !(full = malloc(total))) {
			error = NOMEM(ps);
			goto cleanup;
		}
		memcpy(full, ps->dicts_dir, dlen);
		full[dlen] = '/';
		memcpy(full + dlen + 1, name, nlen + 1);
	}
	if (stat(full, &st) != 0) {
		error = fl_yaml_fail(ps->err, ps->errlen, FL_EIO, ps->path, n,
		                     "extra_words file %s cannot be read: %s",
		                     full, strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		error = fl_yaml_fail(
		    ps->err, ps->errlen, FL_EIO, ps->path, n,
		    "extra_words file %s is not a regular file", full);
		goto cleanup;
	}
	p->extra_words = full;
	full = NULL;

cleanup:
	free(name);
	free(full);
	return error;
}

static int cmp_prefix(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);

	/* Longest first, so that the first prefix that matches is the
	 * longest one; ties in byte order for a stable result. */
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return strcmp(x, y);
}

/* Reads the string lists of the profile; null values mean "not given". */
static int parse_lists(parser *ps, fl__profile *p, const fl_yaml_node *root)
{
	int error;

	for (size_t i = 0; i < FL_ARRAY_SIZE(string_lists); i++) {
		const fl_yaml_node *v =
		    fl_yaml_map_get(root, string_lists[i].key);
		size_t *count;
		char ***arr = list_of(p, i, &count);

		if (!v || fl_yaml_is_null(v))
			continue;
		if ((error = fl_yaml_strings(arr, count, v, string_lists[i].key,
		                             ps->path, ps->err, ps->errlen)) <
		    0)
			return error;
	}
	if (p->prefixes)
		qsort(p->prefixes, p->prefix_count, sizeof(*p->prefixes),
		      cmp_prefix);
	return 0;
}

/* Each `respell` item is "from>to", both sides small ASCII letters (to may
 * be empty): a spelling convention of the language for foreign names. */
static int check_respell(parser *ps, const fl__profile *p,
                         const fl_yaml_node *v)
{
	for (size_t i = 0; i < p->respell_count; i++) {
		const char *r = p->respell[i], *gt = strchr(r, '>');
		bool ok = gt && gt > r && !strchr(gt + 1, '>');
		for (const char *q = r; ok && *q; q++)
			ok = q == gt || (*q >= 'a' && *q <= 'z') ||
			     (*q == '$' && q + 1 == gt && q > r);
		if (!ok)
			return FAIL(ps, v,
			            "respell item '%s' must be 'from>to' in "
			            "small ASCII letters, the left side "
			            "optionally ending in '$' for the end of a "
			            "word (e.g. 'w>v', 'i$>y')",
			            r);
	}
	return 0;
}

static int parse_root(parser *ps, fl__profile *p, const fl_yaml_node *root)
{
	const fl_yaml_node *v;
	int error;

	if (root->type != FL_YAML_MAP)
		return FAIL(
		    ps, root,
		    "a language profile must be a mapping with at least "
		    "'lang', not %s",
		    type_word(root));
	if ((error = fl_yaml_check_keys(root, profile_keys, "language profile",
	                                ps->path, ps->err, ps->errlen)) < 0)
		return error;
	if (!(v = fl_yaml_map_get(root, "lang")))
		return FAIL(ps, root,
		            "missing required key 'lang' in language profile "
		            "(its language tag)");
	if ((error = parse_tag(ps, &p->tag, v, "lang")) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "name")) && !fl_yaml_is_null(v) &&
	    (error = fl_yaml_string(&p->name, v, "name", ps->path, ps->err,
	                            ps->errlen)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "script")) && !fl_yaml_is_null(v) &&
	    (error = parse_script(ps, &p->script, v, "script")) < 0)
		return error;
	if ((error = parse_lists(ps, p, root)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "respell")) &&
	    (error = check_respell(ps, p, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "foreign")) && !fl_yaml_is_null(v) &&
	    (error = parse_foreign(ps, p, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "extra_words")) && !fl_yaml_is_null(v) &&
	    (error = parse_extra_words(ps, p, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "spell_severity")) &&
	    !fl_yaml_is_null(v) &&
	    (error = parse_severity(ps, &p->spell_severity, v)) < 0)
		return error;
	if ((v = fl_yaml_map_get(root, "inherit")) && !fl_yaml_is_null(v)) {
		if ((error = parse_tag(ps, &p->inherit, v, "inherit")) < 0)
			return error;
		if (strcmp(p->inherit, p->tag) == 0)
			return FAIL(ps, v,
			            "a profile cannot inherit from itself");
	}
	/* Without a parent the default applies now; with one, the loader
	 * takes the parent's value first. */
	if (!p->inherit && !p->spell_severity)
		p->spell_severity = FL_SEVERITY_WARNING;
	return 0;
}

int fl__profile_parse(fl__profile **out, const char *path, const char *data,
                      size_t len, const char *dicts_dir, char *err,
                      size_t errlen)
{
	parser ps = {path ? path : "<profile>", dicts_dir, err, errlen};
	fl__profile *p = NULL;
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	char msg[FL_ERRMSG_SIZE];
	size_t bad;
	int error;

	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	if (!data && len)
		return fl__fail(err, errlen, FL_EINVAL, "%s: no data", ps.path);
	/* FL_EPARSE rather than FL_EENCODING: to the caller a profile that
	 * is not UTF-8 is simply malformed. */
	if (fl_yaml_check_utf8(data, len, &bad) < 0)
		return fl__fail(err, errlen, FL_EPARSE,
		                "%s: invalid UTF-8 at byte offset %zu", ps.path,
		                bad);
	if ((error = fl_yaml_parse(&doc, data, len, msg, sizeof(msg))) < 0) {
		bool at = msg[0] >= '0' && msg[0] <= '9';
		if (error != FL_ENOMEM)
			error = FL_EPARSE;
		fl__fail(err, errlen, error, "%s:%s%s", ps.path, at ? "" : " ",
		         msg);
		goto cleanup;
	}
	root = fl_yaml_root(doc);
	if (!root || fl_yaml_is_null(root)) {
		error = fl__fail(err, errlen, FL_EPARSE,
		                 "%s: empty profile (expected at least 'lang')",
		                 ps.path);
		goto cleanup;
	}
	if (!(p = calloc(1, sizeof(*p))) || !(p->path = fl__strdup(ps.path))) {
		error = NOMEM(&ps);
		goto cleanup;
	}
	if ((error = parse_root(&ps, p, root)) < 0)
		goto cleanup;
	*out = p;
	p = NULL;

cleanup:
	fl__profile_free(p);
	fl_yaml_free(doc);
	return error;
}

/* ------------------------------------------------------------- loading */

static int strv_copy(char ***out, size_t *count, char *const *src, size_t n)
{
	char **v;
	size_t total;

	if (fl__add_overflow(n, 1, &total) ||
	    !(v = fl__reallocarray(NULL, total, sizeof(*v))))
		return FL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (!(v[i] = fl__strdup(src[i]))) {
			fl_yaml_strv_free(v, i);
			return FL_ENOMEM;
		}
	}
	*out = v;
	*count = n;
	return 0;
}

static int copy_str(char **dst, const char *src)
{
	if (*dst || !src)
		return 0;
	return (*dst = fl__strdup(src)) ? 0 : FL_ENOMEM;
}

/* Fills the keys child did not set from parent (already resolved). */
static int inherit_from(fl__profile *child, const fl__profile *parent)
{
	int error = 0;

	if ((error = copy_str(&child->name, parent->name)) < 0 ||
	    (error = copy_str(&child->script, parent->script)) < 0 ||
	    (error = copy_str(&child->extra_words, parent->extra_words)) < 0)
		return error;
	for (size_t i = 0; i < FL_ARRAY_SIZE(string_lists); i++) {
		size_t *cn, *pn;
		char ***cv = list_of(child, i, &cn);
		char ***pv = list_of((fl__profile *)parent, i, &pn);
		if (!*cv && *pv && (error = strv_copy(cv, cn, *pv, *pn)) < 0)
			return error;
	}
	if (!child->foreign && parent->foreign) {
		size_t n = parent->foreign_count;
		if (!(child->foreign = calloc(n + 1, sizeof(*child->foreign))))
			return FL_ENOMEM;
		for (size_t i = 0; i < n; i++) {
			child->foreign_count = i + 1;
			if (!(child->foreign[i].script =
			          fl__strdup(parent->foreign[i].script)) ||
			    !(child->foreign[i].dict =
			          fl__strdup(parent->foreign[i].dict)))
				return FL_ENOMEM;
		}
	}
	if (!child->spell_severity)
		child->spell_severity = parent->spell_severity;
	return 0;
}

enum { TODO, ACTIVE, DONE };

static size_t find_tag(const fl__profile_set *set, const char *tag)
{
	size_t j;
	for (j = 0; j < set->count; j++) {
		if (strcmp(set->items[j]->tag, tag) == 0)
			break;
	}
	return j;
}

/* "path: inherit cycle: pt -> pt-BR -> pt", starting from profile i, which
 * is on the cycle. */
static int cycle_error(const fl__profile_set *set, size_t i, char *err,
                       size_t errlen)
{
	char chain[512];
	size_t used = 0, j = i;

	chain[0] = '\0';
	for (size_t step = 0; step <= set->count && j < set->count; step++) {
		int n = snprintf(chain + used, sizeof(chain) - used, "%s -> ",
		                 set->items[j]->tag);
		if (n < 0 || (size_t)n >= sizeof(chain) - used)
			break;
		used += (size_t)n;
		if (!set->items[j]->inherit)
			break;
		j = find_tag(set, set->items[j]->inherit);
		if (j == i)
			break;
	}
	return fl__fail(err, errlen, FL_EPARSE, "%s: inherit cycle: %s%s",
	                set->items[i]->path, chain, set->items[i]->tag);
}

static int resolve(fl__profile_set *set, size_t i, unsigned char *state,
                   char *err, size_t errlen)
{
	fl__profile *p = set->items[i];
	size_t j;
	int error;

	if (state[i] == DONE)
		return 0;
	if (state[i] == ACTIVE)
		return cycle_error(set, i, err, errlen);
	if (!p->inherit) {
		state[i] = DONE;
		return 0;
	}
	state[i] = ACTIVE;
	if ((j = find_tag(set, p->inherit)) == set->count)
		return fl__fail(err, errlen, FL_EPARSE,
		                "%s: 'inherit: %s' names no profile (expected "
		                "dicts/%s.yaml)",
		                p->path, p->inherit, p->inherit);
	if ((error = resolve(set, j, state, err, errlen)) < 0)
		return error;
	if ((error = inherit_from(p, set->items[j])) < 0)
		return fl__fail(err, errlen, error, "%s: out of memory",
		                p->path);
	if (!p->spell_severity)
		p->spell_severity = FL_SEVERITY_WARNING;
	state[i] = DONE;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Names of the *.yaml files in dir, sorted, so that errors and the
 * order of profiles do not depend on the file system. */
static int list_yaml(char ***out, size_t *count, const char *dir, char *err,
                     size_t errlen)
{
	DIR *d;
	struct dirent *ent;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int error = 0;

	*out = NULL;
	*count = 0;
	if (!(d = opendir(dir)))
		return fl__fail(err, errlen, FL_EIO, "%s: cannot open: %s", dir,
		                strerror(errno));
	while ((ent = readdir(d)) != NULL) {
		size_t len = strlen(ent->d_name);
		if (ent->d_name[0] == '.' || len <= 5 ||
		    strcmp(ent->d_name + len - 5, ".yaml") != 0)
			continue;
		if (fl__grow((void **)&names, &cap, n + 1, sizeof(*names)) <
		        0 ||
		    !(names[n] = fl__strdup(ent->d_name))) {
			error = fl__fail(err, errlen, FL_ENOMEM,
			                 "%s: out of memory", dir);
			goto cleanup;
		}
		n++;
	}
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	*out = names;
	*count = n;
	names = NULL;

cleanup:
	closedir(d);
	fl_yaml_strv_free(names, n);
	return error;
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), total;
	char *s;

	if (fl__add_overflow(la, lb, &total) ||
	    fl__add_overflow(total, 2, &total) || !(s = malloc(total)))
		return NULL;
	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

/* Reads, parses and checks one profile file against its name. */
static int load_one(fl__profile **out, const char *dicts, const char *name,
                    const fl__profile_set *set, char *err, size_t errlen)
{
	char *path = NULL, *data = NULL, *stem = NULL;
	char tag[FL_TAG_MAX];
	fl__profile *p = NULL;
	size_t len;
	int error = 0;

	*out = NULL;
	if (!(path = join(dicts, name)) ||
	    !(stem = fl__strndup(name, strlen(name) - 5))) {
		error = fl__fail(err, errlen, FL_ENOMEM, "%s: out of memory",
		                 dicts);
		goto cleanup;
	}
	if (fl__tag_canonicalize(tag, sizeof(tag), stem) < 0) {
		error =
		    fl__fail(err, errlen, FL_EPARSE,
		             "%s: file name is not a language tag (expected "
		             "e.g. pt-BR.yaml)",
		             path);
		goto cleanup;
	}
	if ((error = fl__read_file(&data, &len, path, FL_PROFILE_MAX_SIZE, err,
	                           errlen)) < 0)
		goto cleanup;
	if ((error = fl__profile_parse(&p, path, data, len, dicts, err,
	                               errlen)) < 0)
		goto cleanup;
	if (strcmp(p->tag, tag) != 0) {
		error = fl__fail(err, errlen, FL_EPARSE,
		                 "%s: 'lang: %s' does not match the file name "
		                 "(expected %s)",
		                 path, p->tag, tag);
		goto cleanup;
	}
	for (size_t i = 0; i < set->count; i++) {
		if (strcmp(set->items[i]->tag, p->tag) == 0) {
			error = fl__fail(
			    err, errlen, FL_EPARSE,
			    "%s: a second profile for %s (the first is "
			    "%s)",
			    path, p->tag, set->items[i]->path);
			goto cleanup;
		}
	}
	*out = p;
	p = NULL;

cleanup:
	fl__profile_free(p);
	free(data);
	free(stem);
	free(path);
	return error;
}

int fl__profiles_load(fl__profile_set *set, const char *data_dir, char *err,
                      size_t errlen)
{
	char *dicts = NULL, **names = NULL;
	unsigned char *state = NULL;
	size_t count = 0;
	int error = 0;

	if (!set)
		return FL_EINVAL;
	set->items = NULL;
	set->count = 0;
	if (err && errlen)
		err[0] = '\0';
	if (!data_dir)
		return fl__fail(err, errlen, FL_EINVAL, "no data folder given");
	if (!(dicts = join(data_dir, "dicts")))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	if ((error = list_yaml(&names, &count, dicts, err, errlen)) < 0)
		goto cleanup;
	if (count && !(set->items = calloc(count, sizeof(*set->items)))) {
		error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (size_t i = 0; i < count; i++) {
		fl__profile *p;
		if ((error = load_one(&p, dicts, names[i], set, err, errlen)) <
		    0)
			goto cleanup;
		set->items[set->count++] = p;
	}
	if (count && !(state = calloc(count, 1))) {
		error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (size_t i = 0; i < set->count; i++) {
		if ((error = resolve(set, i, state, err, errlen)) < 0)
			goto cleanup;
	}

cleanup:
	if (error < 0)
		fl__profiles_dispose(set);
	free(state);
	fl_yaml_strv_free(names, count);
	free(dicts);
	return error;
}

int fl__profile_respell(const fl__profile *p, const char *in, size_t n,
                        char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		const char *to = NULL;
		size_t from_len = 0, to_len;
		for (size_t r = 0; r < p->respell_count; r++) {
			const char *rule = p->respell[r];
			size_t fl = (size_t)(strchr(rule, '>') - rule);
			bool at_end = fl > 0 && rule[fl - 1] == '$';
			size_t ml = fl - at_end; /* letters to match */
			if (ml > from_len && ml <= n - i &&
			    memcmp(in + i, rule, ml) == 0 &&
			    (!at_end || i + ml == n || in[i + ml] == ' ')) {
				from_len = ml;
				to = rule + fl + 1;
			}
		}
		if (!to) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = in[i++];
			continue;
		}
		to_len = strlen(to);
		if (to_len >= cap - o)
			return -1;
		memcpy(out + o, to, to_len);
		o += to_len;
		i += from_len;
	}
	if (o >= cap)
		return -1;
	out[o] = '\0';
	return (int)o;
}
