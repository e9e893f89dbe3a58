/*
 * .fidelint.yaml, a project's configuration, found by walking up from a
 * checked file (as ruff, eslint and Vale find theirs):
 *
 *   version: 1
 *   fail_on: warning                 # error, warning, info, never
 *   select: [name., number.]         # rules reported (default: all)
 *   ignore: [spell.unknown]
 *   severity: {name.missing: info}   # re-levelled (or off)
 *   accept: [Llama, Surge]           # words every dictionary accepts
 *   files:                           # in order; later entries win
 *     - glob: "content/x*.pt.md"   # relative to the config folder;
 *                                    # "**" matches any folders
 *       lang: pt
 *       facts: "facts/{stem}.yaml"   # or source: "{dir}/{stem}.en.md"
 *       partial: false
 *       input: markdown
 *       select/ignore/severity/fail_on, as above, for these files
 *
 * In facts and source, {dir} is the file's folder, {name} its name
 * without the extension, {stem} that without a language tag at its end
 * ("story.pt-BR.md": story), {lang} the entry's lang; paths are relative
 * to the config's folder.
 */
#define _GNU_SOURCE /* realpath, memrchr */

#include "config.h"

#include "../util/buf.h"
#include "../util/yaml.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
	char **globs;
	size_t glob_count;
	fl_file_settings set; /* what the entry sets (NULL / -1: nothing) */
} entry;

struct fl_config {
	char *path; /* the file */
	char *dir;  /* its folder, absolute */
	fl_file_settings top;
	char **accept;
	size_t accept_count;
	size_t max_languages; /* "max_languages", when has_max_languages */
	bool has_max_languages;
	entry *entries;
	size_t entry_count;
	char err[FL_ERRMSG_SIZE];
};

static const char *const top_keys[] = {"version", "fail_on",       "select",
                                       "ignore",  "severity",      "accept",
                                       "files",   "max_languages", NULL};
static const char *const entry_keys[] = {
    "glob",  "lang",   "facts",  "source",   "source_lang", "partial",
    "input", "select", "ignore", "severity", "fail_on",     NULL};

void fl_file_settings_dispose(fl_file_settings *s)
{
	if (!s)
		return;
	free(s->lang);
	free(s->facts);
	free(s->source);
	free(s->source_lang);
	free(s->input);
	free(s->select);
	free(s->ignore);
	free(s->severity);
	free(s->fail_on);
	free(s->config);
	memset(s, 0, sizeof(*s));
	s->partial = -1;
}

void fl_config_free(fl_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->entry_count; i++) {
		for (size_t g = 0; g < cfg->entries[i].glob_count; g++)
			free(cfg->entries[i].globs[g]);
		free(cfg->entries[i].globs);
		fl_file_settings_dispose(&cfg->entries[i].set);
	}
	free(cfg->entries);
	for (size_t i = 0; i < cfg->accept_count; i++)
		free(cfg->accept[i]);
	free(cfg->accept);
	fl_file_settings_dispose(&cfg->top);
	free(cfg->path);
	free(cfg->dir);
	free(cfg);
}

const char *fl_config_error(const fl_config *cfg)
{
	return cfg ? cfg->err : "";
}

/* A scalar or a list of scalars as one comma-separated string *out. */
static int list_or_string(char **out, const fl_yaml_node *n, const char *key,
                          const fl_config *cfg, char *err)
{
	fl_buf b = FL_BUF_INIT;

	if (n->type == FL_YAML_SCALAR)
		return fl_yaml_string(out, n, key, cfg->path, err,
		                      FL_ERRMSG_SIZE);
	if (n->type != FL_YAML_SEQ)
		return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
		                    n, "'%s' is a rule id or a list of them",
		                    key);
	for (size_t i = 0; i < n->count; i++) {
		const fl_yaml_node *it = n->items[i];
		if (it->type != FL_YAML_SCALAR || !it->str[0]) {
			fl_buf_dispose(&b);
			return fl_yaml_fail(
			    err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path, it,
			    "'%s' lists rule ids (strings)", key);
		}
		if ((i && fl_buf_putc(&b, ',') < 0) ||
		    fl_buf_puts(&b, it->str) < 0) {
			fl_buf_dispose(&b);
			return FL_ENOMEM;
		}
	}
	*out = fl_buf_detach(&b);
	return *out ? 0 : FL_ENOMEM;
}

/* severity: {ID: LEVEL, ...} as "ID=LEVEL,...". */
static int severity_map(char **out, const fl_yaml_node *n, const fl_config *cfg,
                        char *err)
{
	fl_buf b = FL_BUF_INIT;

	if (n->type != FL_YAML_MAP)
		return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
		                    n,
		                    "'severity' maps rule ids to info, "
		                    "warning, error or off");
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const fl_yaml_node *k = n->items[i], *v = n->items[i + 1];
		fl_severity sev;
		if (v->type != FL_YAML_SCALAR ||
		    (strcmp(v->str, "off") != 0 &&
		     fl_severity_parse(&sev, v->str) < 0)) {
			fl_buf_dispose(&b);
			return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE,
			                    cfg->path, v,
			                    "the severity of '%s' is info, "
			                    "warning, error or off",
			                    k->str ? k->str : "?");
		}
		if (fl_buf_printf(&b, "%s%s=%s", i ? "," : "", k->str, v->str) <
		    0) {
			fl_buf_dispose(&b);
			return FL_ENOMEM;
		}
	}
	*out = fl_buf_detach(&b);
	return *out ? 0 : FL_ENOMEM;
}

/* The keys of map m shared by the top level and entries into *s. */
static int read_settings(fl_file_settings *s, const fl_yaml_node *m,
                         const fl_config *cfg, char *err)
{
	const fl_yaml_node *n;
	int error = 0;

	if ((n = fl_yaml_map_get(m, "fail_on"))) {
		fl_severity sev;
		if ((error = fl_yaml_string(&s->fail_on, n, "fail_on",
		                            cfg->path, err, FL_ERRMSG_SIZE)) <
		    0)
			return error;
		if (strcmp(s->fail_on, "never") != 0 &&
		    fl_severity_parse(&sev, s->fail_on) < 0)
			return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE,
			                    cfg->path, n,
			                    "'fail_on' is error, warning, info "
			                    "or never");
	}
	if ((n = fl_yaml_map_get(m, "select")) &&
	    (error = list_or_string(&s->select, n, "select", cfg, err)) < 0)
		return error;
	if ((n = fl_yaml_map_get(m, "ignore")) &&
	    (error = list_or_string(&s->ignore, n, "ignore", cfg, err)) < 0)
		return error;
	if ((n = fl_yaml_map_get(m, "severity")) &&
	    (error = severity_map(&s->severity, n, cfg, err)) < 0)
		return error;
	return 0;
}

static int read_entry(entry *e, const fl_yaml_node *m, const fl_config *cfg,
                      char *err)
{
	static const struct {
		const char *key;
		size_t off;
	} strings[] = {
	    {"lang", offsetof(fl_file_settings, lang)},
	    {"facts", offsetof(fl_file_settings, facts)},
	    {"source", offsetof(fl_file_settings, source)},
	    {"source_lang", offsetof(fl_file_settings, source_lang)},
	    {"input", offsetof(fl_file_settings, input)},
	};
	const fl_yaml_node *g = fl_yaml_map_get(m, "glob"), *n;
	int error;

	e->set.partial = -1;
	if (m->type != FL_YAML_MAP)
		return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
		                    m,
		                    "an entry of 'files' is a map with 'glob'");
	if ((error = fl_yaml_check_keys(m, entry_keys, "an entry of 'files'",
	                                cfg->path, err, FL_ERRMSG_SIZE)) < 0)
		return error;
	if (!g)
		return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
		                    m, "an entry of 'files' needs a 'glob'");
	if (g->type == FL_YAML_SCALAR) {
		if (!(e->globs = calloc(1, sizeof(*e->globs))))
			return FL_ENOMEM;
		if ((error = fl_yaml_string(&e->globs[0], g, "glob", cfg->path,
		                            err, FL_ERRMSG_SIZE)) < 0)
			return error;
		e->glob_count = 1;
	} else if (g->type == FL_YAML_SEQ && g->count) {
		if (!(e->globs = calloc(g->count, sizeof(*e->globs))))
			return FL_ENOMEM;
		for (size_t i = 0; i < g->count; i++, e->glob_count++)
			if ((error = fl_yaml_string(&e->globs[i], g->items[i],
			                            "glob", cfg->path, err,
			                            FL_ERRMSG_SIZE)) < 0)
				return error;
	} else {
		return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
		                    g, "'glob' is a pattern or a list of them");
	}
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		if ((n = fl_yaml_map_get(m, strings[i].key)) &&
		    (error = fl_yaml_string(
		         (char **)((char *)&e->set + strings[i].off), n,
		         strings[i].key, cfg->path, err, FL_ERRMSG_SIZE)) < 0)
			return error;
	if (e->set.input) {
		fl_input in;
		if (fl_input_parse(&in, e->set.input) < 0)
			return fl_yaml_fail(
			    err, FL_ERRMSG_SIZE, FL_EPARSE, cfg->path,
			    fl_yaml_map_get(m, "input"), "'input' is one of %s",
			    fl_input_names());
	}
	if ((n = fl_yaml_map_get(m, "partial"))) {
		if (n->type == FL_YAML_SCALAR && !n->quoted &&
		    (strcmp(n->str, "true") == 0 ||
		     strcmp(n->str, "false") == 0))
			e->set.partial = n->str[0] == 't';
		else
			return fl_yaml_fail(err, FL_ERRMSG_SIZE, FL_EPARSE,
			                    cfg->path, n,
			                    "'partial' is true or false");
	}
	return read_settings(&e->set, m, cfg, err);
}

/* The body of fl_config_load_file once the file is read. */
static int parse(fl_config *cfg, const char *data, size_t len)
{
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root, *n;
	int error;

	if ((error = fl_yaml_parse(&doc, data, len, cfg->err,
	                           sizeof(cfg->err))) < 0) {
		char msg[FL_ERRMSG_SIZE];
		snprintf(msg, sizeof(msg), "%s", cfg->err);
		fl__fail(cfg->err, sizeof(cfg->err), error, "%s:%s", cfg->path,
		         msg);
		return error;
	}
	root = fl_yaml_root(doc);
	if (!root) /* an empty file: every default */
		goto cleanup;
	if (root->type != FL_YAML_MAP) {
		error = fl_yaml_fail(cfg->err, sizeof(cfg->err), FL_EPARSE,
		                     cfg->path, root,
		                     "a configuration is a map of settings");
		goto cleanup;
	}
	if ((error =
	         fl_yaml_check_keys(root, top_keys, "the configuration",
	                            cfg->path, cfg->err, sizeof(cfg->err))) < 0)
		goto cleanup;
	if ((n = fl_yaml_map_get(root, "version")) &&
	    !(n->type == FL_YAML_SCALAR && strcmp(n->str, "1") == 0)) {
		error = fl_yaml_fail(cfg->err, sizeof(cfg->err), FL_EPARSE,
		                     cfg->path, n, "'version' is 1");
		goto cleanup;
	}
	if ((error = read_settings(&cfg->top, root, cfg, cfg->err)) < 0)
		goto cleanup;
	if ((n = fl_yaml_map_get(root, "max_languages"))) {
		/* a number of languages kept loaded, 0: no bound */
		char *end = NULL;
		unsigned long long v = 0;
		if (n->type == FL_YAML_SCALAR && n->str[0] >= '0' &&
		    n->str[0] <= '9')
			v = strtoull(n->str, &end, 10);
		if (!end || *end || v > 1000000) {
			error = fl_yaml_fail(
			    cfg->err, sizeof(cfg->err), FL_EPARSE, cfg->path, n,
			    "'max_languages' is a number of languages kept "
			    "loaded (0: no bound)");
			goto cleanup;
		}
		cfg->max_languages = (size_t)v;
		cfg->has_max_languages = true;
	}
	if ((n = fl_yaml_map_get(root, "accept"))) {
		if (n->type != FL_YAML_SEQ) {
			error = fl_yaml_fail(cfg->err, sizeof(cfg->err),
			                     FL_EPARSE, cfg->path, n,
			                     "'accept' is a list of words");
			goto cleanup;
		}
		if (n->count &&
		    !(cfg->accept = calloc(n->count, sizeof(*cfg->accept)))) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		for (size_t i = 0; i < n->count; i++, cfg->accept_count++)
			if ((error = fl_yaml_string(
			         &cfg->accept[i], n->items[i], "accept",
			         cfg->path, cfg->err, sizeof(cfg->err))) < 0)
				goto cleanup;
	}
	if ((n = fl_yaml_map_get(root, "files"))) {
		if (n->type != FL_YAML_SEQ) {
			error = fl_yaml_fail(cfg->err, sizeof(cfg->err),
			                     FL_EPARSE, cfg->path, n,
			                     "'files' is a list of entries");
			goto cleanup;
		}
		if (n->count &&
		    !(cfg->entries = calloc(n->count, sizeof(*cfg->entries)))) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		for (size_t i = 0; i < n->count; i++, cfg->entry_count++)
			if ((error = read_entry(&cfg->entries[i], n->items[i],
			                        cfg, cfg->err)) < 0)
				goto cleanup;
	}
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(cfg->err, sizeof(cfg->err), error, "%s: out of memory",
		         cfg->path);
	fl_yaml_free(doc);
	return error;
}

int fl_config_load_file(fl_config **out, const char *path)
{
	fl_config *cfg = calloc(1, sizeof(*cfg));
	char *data = NULL, dir[PATH_MAX], *slash;
	size_t len;
	int error;

	*out = cfg;
	if (!cfg)
		return FL_ENOMEM;
	cfg->top.partial = -1;
	if (!(cfg->path = fl__strdup(path)))
		return FL_ENOMEM;
	if ((error = fl__read_file(&data, &len, path, (size_t)1 << 20, cfg->err,
	                           sizeof(cfg->err))) < 0)
		return error;
	if (!realpath(path, dir)) {
		free(data);
		return fl__fail(cfg->err, sizeof(cfg->err), FL_EIO,
		                "%s: cannot resolve its folder", path);
	}
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (!(cfg->dir = fl__strdup(dir))) {
		free(data);
		return FL_ENOMEM;
	}
	error = parse(cfg, data, len);
	free(data);
	return error;
}

int fl_config_find(char **out, const char *path)
{
	char dir[PATH_MAX], probe[PATH_MAX + 32];
	struct stat st;

	*out = NULL;
	if (!realpath(path && *path && strcmp(path, "-") != 0 ? path : ".",
	              dir))
		return 0; /* a file that does not exist has no config */
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(dir, '/');
		if (slash)
			*(slash == dir ? slash + 1 : slash) = '\0';
	}
	for (;;) {
		char *slash;
		snprintf(probe, sizeof(probe), "%s%s.fidelint.yaml", dir,
		         strcmp(dir, "/") == 0 ? "" : "/");
		if (access(probe, R_OK) == 0)
			return (*out = fl__strdup(probe)) ? 0 : FL_ENOMEM;
		if (strcmp(dir, "/") == 0 || !(slash = strrchr(dir, '/')))
			return 0;
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
}

/* Whether path (relative, '/'-separated) matches glob: '*' and '?' within
 * a name, "**" for any folders (none too), [..] as fnmatch. */
static bool glob_match(const char *g, const char *p)
{
	for (;;) {
		if (g[0] == '*' && g[1] == '*') {
			g += 2;
			if (*g == '/')
				g++;
			for (const char *q = p;; q++) {
				if (glob_match(g, q))
					return true;
				if (!*q)
					return false;
			}
		}
		if (*g == '*') {
			g++;
			for (const char *q = p;; q++) {
				if (glob_match(g, q))
					return true;
				if (!*q || *q == '/')
					return false;
			}
		}
		if (!*g)
			return !*p;
		if (!*p || (*g != '?' && *g != *p) || (*g == '?' && *p == '/'))
			return false;
		g++;
		p++;
	}
}

/* file's path relative to the config's folder, into rel; false when it
 * is not below it. */
static bool relative(char *rel, size_t n, const fl_config *cfg,
                     const char *file)
{
	char abs[PATH_MAX], dir[PATH_MAX];
	const char *slash = strrchr(file, '/');
	size_t dl = strlen(cfg->dir);

	/* the file need not exist: resolve its folder */
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - file) : 1,
	         slash ? file : ".");
	if (slash == file)
		snprintf(dir, sizeof(dir), "/");
	if (!realpath(dir, abs))
		return false;
	if (strncmp(abs, cfg->dir, dl) != 0 ||
	    (abs[dl] != '/' && abs[dl] != '\0' && strcmp(cfg->dir, "/") != 0))
		return false;
	snprintf(rel, n, "%s%s%s", abs[dl] == '/' ? abs + dl + 1 : abs + dl,
	         abs[dl] ? "/" : "", slash ? slash + 1 : file);
	return true;
}

/* Replaces *dst by a copy of src when src is set. */
static int take(char **dst, const char *src)
{
	char *c;
	if (!src)
		return 0;
	if (!(c = fl__strdup(src)))
		return FL_ENOMEM;
	free(*dst);
	*dst = c;
	return 0;
}

/* Appends selectors src to *dst (comma-separated): later ones win ties. */
static int append(char **dst, const char *src)
{
	fl_buf b = FL_BUF_INIT;
	if (!src)
		return 0;
	if ((*dst && (fl_buf_puts(&b, *dst) < 0 || fl_buf_putc(&b, ',') < 0)) ||
	    fl_buf_puts(&b, src) < 0) {
		fl_buf_dispose(&b);
		return FL_ENOMEM;
	}
	free(*dst);
	*dst = fl_buf_detach(&b);
	return *dst ? 0 : FL_ENOMEM;
}

static bool lang_suffix(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n &&
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	if (i < 2 || i > 3)
		return false;
	if (i == n)
		return true;
	if (s[i] != '-' && s[i] != '_')
		return false;
	k = n - i - 1;
	s += i + 1;
	if (k == 2)
		return ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') &&
		       ((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z');
	return k == 3 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' &&
	       s[1] <= '9' && s[2] >= '0' && s[2] <= '9';
}

/* pattern with {dir} {name} {stem} {lang} of rel, as a path below the
 * config's folder, in *out. */
static int expand(char **out, const fl_config *cfg, const char *pattern,
                  const char *rel, const char *lang)
{
	const char *slash = strrchr(rel, '/'), *base = slash ? slash + 1 : rel;
	const char *dot = strrchr(base, '.');
	size_t name = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	size_t stem = name;
	fl_buf b = FL_BUF_INIT;
	const char *tagdot = memrchr(base, '.', name);

	/* "story.pt-BR" -> "story" when what follows the dot is a language
	 * tag: 2 or 3 letters, maybe a region (2 letters or 3 digits) */
	if (tagdot &&
	    lang_suffix(tagdot + 1, (size_t)(base + name - tagdot - 1)))
		stem = (size_t)(tagdot - base);
	if (pattern[0] != '/' && fl_buf_printf(&b, "%s/", cfg->dir) < 0)
		goto oom;
	for (const char *p = pattern; *p; p++) {
		int e = 0;
		if (strncmp(p, "{dir}", 5) == 0) {
			e = fl_buf_put(&b, rel,
			               slash ? (size_t)(slash - rel) : 0);
			if (e == 0 && !slash)
				e = fl_buf_putc(&b, '.');
			p += 4;
		} else if (strncmp(p, "{name}", 6) == 0) {
			e = fl_buf_put(&b, base, name);
			p += 5;
		} else if (strncmp(p, "{stem}", 6) == 0) {
			e = fl_buf_put(&b, base, stem);
			p += 5;
		} else if (strncmp(p, "{lang}", 6) == 0) {
			e = fl_buf_puts(&b, lang ? lang : "");
			p += 5;
		} else {
			e = fl_buf_putc(&b, *p);
		}
		if (e < 0)
			goto oom;
	}
	*out = fl_buf_detach(&b);
	return *out ? 0 : FL_ENOMEM;
oom:
	fl_buf_dispose(&b);
	return FL_ENOMEM;
}

int fl_config_settings(fl_file_settings *out, const fl_config *cfg,
                       const char *file)
{
	char rel[PATH_MAX];
	const fl_file_settings *t = &cfg->top;
	int error = 0;

	memset(out, 0, sizeof(*out));
	out->partial = -1;
	if ((error = take(&out->config, cfg->path)) < 0 ||
	    (error = take(&out->fail_on, t->fail_on)) < 0 ||
	    (error = take(&out->select, t->select)) < 0 ||
	    (error = take(&out->ignore, t->ignore)) < 0 ||
	    (error = take(&out->severity, t->severity)) < 0)
		goto cleanup;
	if (!relative(rel, sizeof(rel), cfg, file))
		return 0; /* not below the config: only its top level */
	for (size_t i = 0; i < cfg->entry_count && error == 0; i++) {
		const entry *e = &cfg->entries[i];
		const fl_file_settings *s = &e->set;
		bool hit = false;
		for (size_t g = 0; g < e->glob_count && !hit; g++)
			hit = glob_match(e->globs[g], rel);
		if (!hit)
			continue;
		out->matched = true;
		if ((error = take(&out->lang, s->lang)) < 0 ||
		    (error = take(&out->source_lang, s->source_lang)) < 0 ||
		    (error = take(&out->input, s->input)) < 0 ||
		    (error = take(&out->fail_on, s->fail_on)) < 0 ||
		    (error = append(&out->select, s->select)) < 0 ||
		    (error = append(&out->ignore, s->ignore)) < 0 ||
		    (error = append(&out->severity, s->severity)) < 0)
			break;
		if (s->partial >= 0)
			out->partial = s->partial;
		if (s->facts) {
			free(out->facts);
			out->facts = NULL;
			if ((error = expand(&out->facts, cfg, s->facts, rel,
			                    out->lang)) < 0)
				break;
		}
		if (s->source) {
			free(out->source);
			out->source = NULL;
			if ((error = expand(&out->source, cfg, s->source, rel,
			                    out->lang)) < 0)
				break;
		}
	}
cleanup:
	if (error < 0)
		fl_file_settings_dispose(out);
	return error;
}

int fl_config_max_languages(size_t *out, const fl_config *cfg)
{
	if (!cfg || !cfg->has_max_languages)
		return 0;
	*out = cfg->max_languages;
	return 1;
}

size_t fl_config_accept_count(const fl_config *cfg)
{
	return cfg->accept_count;
}

const char *fl_config_accept(const fl_config *cfg, size_t i)
{
	return i < cfg->accept_count ? cfg->accept[i] : NULL;
}

/* Adds to *v the files below folder abs (relative name rel) that an entry
 * matches. */
static int walk(char ***v, size_t *n, size_t *cap, const fl_config *cfg,
                const char *abs, const char *rel, int depth)
{
	DIR *d;
	struct dirent *de;
	int error = 0;

	if (depth > 32 || !(d = opendir(abs)))
		return 0;
	while (error == 0 && (de = readdir(d))) {
		char a[PATH_MAX], r[PATH_MAX];
		struct stat st;
		if (de->d_name[0] == '.') /* ., .., .git, hidden */
			continue;
		if (snprintf(a, sizeof(a), "%s/%s", abs, de->d_name) >=
		        (int)sizeof(a) ||
		    snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "",
		             de->d_name) >= (int)sizeof(r) ||
		    lstat(a, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			error = walk(v, n, cap, cfg, a, r, depth + 1);
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		for (size_t i = 0; i < cfg->entry_count; i++) {
			bool hit = false;
			for (size_t g = 0;
			     g < cfg->entries[i].glob_count && !hit; g++)
				hit = glob_match(cfg->entries[i].globs[g], r);
			if (!hit)
				continue;
			if (fl__grow((void **)v, cap, *n + 1, sizeof(**v)) <
			        0 ||
			    !((*v)[*n] = fl__strdup(a)))
				error = FL_ENOMEM;
			else
				(*n)++;
			break;
		}
	}
	closedir(d);
	return error;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fl_config_files(char ***out, size_t *count, fl_config *cfg)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	int error;

	*out = NULL;
	*count = 0;
	if ((error = walk(&v, &n, &cap, cfg, cfg->dir, "", 0)) < 0) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		free(v);
		return fl__fail(cfg->err, sizeof(cfg->err), error,
		                "out of memory");
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	*count = n;
	return 0;
}
