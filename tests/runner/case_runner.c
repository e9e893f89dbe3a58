/*
 * Runs data-driven test files through the library or through the CLI and
 * compares the findings with what the file expects (cmark spec tests and
 * PCRE2's testinput/testoutput are the model).
 *
 *   case_runner lib FILE.case...            each case via the public API
 *   case_runner cli FIDELINT FILE.case...   each case via the program, JSON
 *
 * A .case file holds cases; each case is a set of sections:
 *
 *   === NAME                      starts a case
 *   --- facts                     a facts file (YAML), optional
 *   --- text LANG [partial]       the translation, in language LANG
 *   --- expect                    every finding, in report order, one a line:
 *   LINE:COL RULE SEVERITY "TEXT" [-> "SUGGESTION"]
 *   --- expect-some               the same format; these must be present,
 *                                 others may be too (golden files)
 *   --- expect-none               RULE [SEVERITY] ["TEXT"]: none may match
 *   --- text-file PATH LANG [partial]   the translation is a file (relative
 *                                       to the repository), not inline
 *   --- facts-file PATH           the facts are a file of the repository
 *   --- source [LANG]             the original, line-aligned with the text:
 *                                 checked as `check --source --aligned`
 *                                 (LANG: of the original, default en)
 *   --- input FORMAT [LANG]       the text (inline or file) is in FORMAT
 *                                 (xliff, po, ...): `check --input FORMAT`
 *                                 (LANG: of the originals it holds)
 *
 * In lib mode every finding of every case must also be one its rule may
 * give: a rule of fl_checker_rules (the registry of checks, the packs)
 * whose severity_set holds the finding's severity. A finding that is not
 * fails the case ("not in the registry"), whatever the case expects.
 *
 * Prints one line per case and "N passed, N failed" at the end.
 */
#include <fidelint/fidelint.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
	char *name;
	char *facts;      /* inline YAML or NULL */
	char *facts_file; /* path or NULL */
	char *text;       /* inline text or NULL */
	char *text_file;  /* path or NULL */
	char *source;     /* aligned original, inline, or NULL */
	char source_lang[32];
	char lang[32];
	char input[32]; /* --- input FORMAT, "" when none */
	bool partial;
	char *expect;      /* exact list, or NULL */
	char *expect_some; /* subset, or NULL */
	char *expect_none; /* forbidden patterns, or NULL */
	int line;          /* line of "===" in the case file */
} test_case;

static const char *root = ".";

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = (cap + 4096) * 2;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static char *path_in_root(const char *rel)
{
	size_t n = strlen(root) + strlen(rel) + 2;
	char *p = malloc(n);
	if (!p)
		abort();
	snprintf(p, n, "%s/%s", root, rel);
	return p;
}

static void append(char **dst, const char *line, size_t n)
{
	size_t old = *dst ? strlen(*dst) : 0;
	*dst = realloc(*dst, old + n + 2);
	if (!*dst)
		abort();
	memcpy(*dst + old, line, n);
	(*dst)[old + n] = '\n';
	(*dst)[old + n + 1] = '\0';
}

static void free_case(test_case *c)
{
	free(c->name);
	free(c->facts);
	free(c->facts_file);
	free(c->text);
	free(c->text_file);
	free(c->source);
	free(c->expect);
	free(c->expect_some);
	free(c->expect_none);
	memset(c, 0, sizeof(*c));
}

/* Parses "LANG [partial]" after a section keyword. */
static void parse_lang(test_case *c, const char *rest)
{
	char word[32];
	int off = 0, n;
	while (sscanf(rest + off, "%31s%n", word, &n) == 1) {
		if (strcmp(word, "partial") == 0)
			c->partial = true;
		else
			snprintf(c->lang, sizeof(c->lang), "%s", word);
		off += n;
	}
}

/* Splits a case file into cases. Returns the count; *out malloc'd. */
static size_t parse_cases(test_case **out, char *data)
{
	test_case *cases = NULL;
	size_t count = 0;
	char **section = NULL;
	int lineno = 0;
	char *line = data;

	while (line && *line) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		lineno++;
		if (n >= 4 && strncmp(line, "=== ", 4) == 0) {
			cases = realloc(cases, (count + 1) * sizeof(*cases));
			if (!cases)
				abort();
			memset(&cases[count], 0, sizeof(*cases));
			cases[count].name = strndup(line + 4, n - 4);
			cases[count].line = lineno;
			count++;
			section = NULL;
		} else if (n >= 4 && strncmp(line, "--- ", 4) == 0 && count) {
			test_case *c = &cases[count - 1];
			char *hdr = strndup(line + 4, n - 4);
			char kw[32], arg[512] = "";
			int used = 0;
			sscanf(hdr, "%31s%n", kw, &used);
			snprintf(arg, sizeof(arg), "%s", hdr + used);
			if (strcmp(kw, "facts") == 0) {
				section = &c->facts;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else if (strcmp(kw, "facts-file") == 0) {
				char p[512];
				sscanf(arg, "%511s", p);
				c->facts_file = strdup(p);
				section = NULL;
			} else if (strcmp(kw, "text") == 0) {
				parse_lang(c, arg);
				section = &c->text;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else if (strcmp(kw, "text-file") == 0) {
				char p[512];
				int m = 0;
				sscanf(arg, "%511s%n", p, &m);
				c->text_file = strdup(p);
				parse_lang(c, arg + m);
				section = NULL;
			} else if (strcmp(kw, "source") == 0) {
				sscanf(arg, "%31s", c->source_lang);
				section = &c->source;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else if (strcmp(kw, "input") == 0) {
				sscanf(arg, "%31s %31s", c->input,
				       c->source_lang);
				section = NULL;
			} else if (strcmp(kw, "expect") == 0) {
				section = &c->expect;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else if (strcmp(kw, "expect-some") == 0) {
				section = &c->expect_some;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else if (strcmp(kw, "expect-none") == 0) {
				section = &c->expect_none;
				append(section, "", 0);
				(*section)[0] = '\0';
			} else {
				fprintf(stderr,
				        "line %d: unknown section '%s'\n",
				        lineno, kw);
				section = NULL;
			}
			free(hdr);
		} else if (section) {
			append(section, line, n);
		}
		line = nl ? nl + 1 : NULL;
	}
	*out = cases;
	return count;
}

/* A finding as the expect lines write it. */
static void format_finding(char *out, size_t n, size_t line, size_t col,
                           const char *rule, const char *sev, const char *text,
                           const char *sugg)
{
	if (sugg)
		snprintf(out, n, "%zu:%zu %s %s \"%s\" -> \"%s\"", line, col,
		         rule, sev, text, sugg);
	else
		snprintf(out, n, "%zu:%zu %s %s \"%s\"", line, col, rule, sev,
		         text);
}

typedef struct {
	char **lines;
	size_t count;
} strlist;

static void strlist_add(strlist *l, const char *s)
{
	l->lines = realloc(l->lines, (l->count + 1) * sizeof(*l->lines));
	if (!l->lines)
		abort();
	l->lines[l->count++] = strdup(s);
}

static void strlist_free(strlist *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->count = 0;
}

/* Non-empty, non-comment lines of a section. */
static void section_lines(strlist *out, const char *s)
{
	const char *p = s;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *l = strndup(p, n);
		char *t = l;
		while (*t == ' ' || *t == '\t')
			t++;
		if (*t && *t != '#')
			strlist_add(out, t);
		free(l);
		p = nl ? nl + 1 : NULL;
	}
}

/* ------------------------------------------------------ run via library */

/* The rules of the registry and of every pack, loaded with the first
 * checker (a rule list borrows nothing from it). */
static fl_rule_list *registry_rules;

/*
 * Whether every finding of res is one its rule may give: its id is in the
 * rule list and its severity in the rule's severity_set. Returns 0, or -1
 * with the first that is not in err.
 */
static int check_registry(fl_checker *chk, const fl_result *res, char *err,
                          size_t n)
{
	if (!registry_rules &&
	    fl_checker_rules(&registry_rules, chk, NULL) < 0) {
		snprintf(err, n, "rules: %s", fl_checker_error(chk));
		return -1;
	}
	for (size_t i = 0; i < fl_result_count(res); i++) {
		const fl_finding *f = fl_result_finding(res, i);
		const fl_rule_info *r =
		    fl_rule_list_find(registry_rules, f->rule);
		if (r && (r->severity_set & (1u << f->severity)))
			continue;
		snprintf(err, n,
		         "%zu:%zu %s %s: %s not in the registry of checks "
		         "(fl_checker_rules%s%s)",
		         f->line, f->column, f->rule,
		         fl_severity_name(f->severity),
		         r ? "this severity of the rule is" : "the rule is",
		         r ? " says " : "", r ? r->severities : "");
		return -1;
	}
	return 0;
}

static int run_lib(strlist *got, const test_case *c, char *err, size_t n)
{
	fl_checker *chk = NULL;
	fl_facts *facts = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	char *text = NULL, *path = NULL;
	size_t len = 0;
	int rc = -1;

	if (fl_checker_new(&chk, NULL) < 0) {
		snprintf(err, n, "checker: %s", fl_checker_error(chk));
		goto done;
	}
	if (c->facts || c->facts_file) {
		int e;
		fl_facts_new(&facts);
		if (c->facts_file) {
			char *fp = path_in_root(c->facts_file);
			e = fl_facts_load_file(facts, fp);
			free(fp);
		} else {
			e = fl_facts_load_buffer(facts, "case.facts", c->facts,
			                         strlen(c->facts));
		}
		if (e < 0) {
			snprintf(err, n, "facts: %s", fl_facts_error(facts));
			goto done;
		}
		fl_checker_set_facts(chk, facts);
	}
	o.lang = c->lang[0] ? c->lang : NULL;
	o.partial = c->partial;
	if (c->input[0]) {
		const char *slang = c->source_lang[0] ? c->source_lang : NULL;
		fl_input in;
		int e;
		if (fl_input_parse(&in, c->input) < 0) {
			snprintf(err, n, "bad input format '%s'", c->input);
			goto done;
		}
		if (c->text_file) {
			path = path_in_root(c->text_file);
			e = fl_check_input_file(&res, chk, path, in, slang, &o);
		} else {
			text = c->text ? c->text : "";
			e = fl_check_input_buffer(&res, chk, "case", in, text,
			                          strlen(text), slang, &o);
		}
		if (e < 0) {
			snprintf(err, n, "check: %s", fl_checker_error(chk));
			goto done;
		}
	} else if (c->text_file) {
		path = path_in_root(c->text_file);
		if (fl_check_file(&res, chk, path, &o) < 0) {
			snprintf(err, n, "check: %s", fl_checker_error(chk));
			goto done;
		}
	} else {
		text = c->text ? c->text : "";
		len = strlen(text);
		if (c->source
		        ? fl_check_aligned(
		              &res, chk, "case.txt", c->source,
		              strlen(c->source), text, len,
		              c->source_lang[0] ? c->source_lang : NULL, &o) < 0
		        : fl_check_buffer(&res, chk, "case.txt", text, len,
		                          &o) < 0) {
			snprintf(err, n, "check: %s", fl_checker_error(chk));
			goto done;
		}
	}
	for (size_t i = 0; i < fl_result_count(res); i++) {
		const fl_finding *f = fl_result_finding(res, i);
		char line[2048];
		format_finding(line, sizeof(line), f->line, f->column, f->rule,
		               fl_severity_name(f->severity), f->text,
		               f->suggestion);
		strlist_add(got, line);
	}
	if (check_registry(chk, res, err, n) < 0)
		goto done;
	rc = 0;
done:
	free(path);
	fl_result_free(res);
	fl_checker_free(chk);
	fl_facts_free(facts);
	return rc;
}

/* ---------------------------------------------------------- run via CLI */

static int write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs(data, f);
	return fclose(f);
}

static int run_cli(strlist *got, const char *bin, const test_case *c, char *err,
                   size_t n)
{
	char dir[] = "/tmp/fl_case_XXXXXX";
	char facts[256] = "", text[256], out[256], cmd[4096], src[300] = "";
	json_t *root_json = NULL;
	json_error_t jerr;
	int rc = -1, status;

	if (!mkdtemp(dir)) {
		snprintf(err, n, "mkdtemp failed");
		return -1;
	}
	if (c->facts_file) {
		char *fp = path_in_root(c->facts_file);
		snprintf(facts, sizeof(facts), "%s", fp);
		free(fp);
	} else if (c->facts) {
		snprintf(facts, sizeof(facts), "%s/facts.yaml", dir);
		write_file(facts, c->facts);
	}
	if (c->text_file) {
		char *tp = path_in_root(c->text_file);
		snprintf(text, sizeof(text), "%s", tp);
		free(tp);
	} else {
		snprintf(text, sizeof(text), "%s/case.txt", dir);
		write_file(text, c->text ? c->text : "");
	}
	if (c->input[0])
		snprintf(src, sizeof(src), " --input %s%s%s", c->input,
		         c->source_lang[0] ? " --source-lang " : "",
		         c->source_lang);
	else if (c->source) {
		char sp[256];
		snprintf(sp, sizeof(sp), "%s/source.txt", dir);
		write_file(sp, c->source);
		snprintf(src, sizeof(src), " --aligned --source '%s'", sp);
	}
	snprintf(out, sizeof(out), "%s/out.json", dir);
	snprintf(
	    cmd, sizeof(cmd),
	    "'%s' check --format json --fail-on never%s%s%s%s%s%s%s%s%s -o "
	    "'%s' '%s' 2>%s/stderr",
	    bin, facts[0] ? " --facts '" : "", facts, facts[0] ? "'" : "",
	    c->lang[0] ? " --lang " : "", c->lang,
	    c->partial ? " --partial" : "", src,
	    c->source_lang[0] && !c->input[0] ? " --source-lang " : "",
	    c->input[0] ? "" : c->source_lang, out, text, dir);
	status = system(cmd);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char ep[300];
		char *e;
		snprintf(ep, sizeof(ep), "%s/stderr", dir);
		e = slurp(ep, NULL);
		snprintf(err, n, "fidelint exited %d: %s",
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1,
		         e ? e : "");
		free(e);
		goto done;
	}
	root_json = json_load_file(out, 0, &jerr);
	if (!root_json) {
		snprintf(err, n, "bad JSON output: %s", jerr.text);
		goto done;
	}
	{
		json_t *files = json_object_get(root_json, "files");
		json_t *file = json_array_get(files, 0);
		json_t *findings = json_object_get(file, "findings");
		size_t i;
		json_t *f;
		json_array_foreach(findings, i, f)
		{
			char line[2048];
			json_t *sg = json_object_get(f, "suggestion");
			format_finding(
			    line, sizeof(line),
			    (size_t)json_integer_value(
			        json_object_get(f, "line")),
			    (size_t)json_integer_value(
			        json_object_get(f, "column")),
			    json_string_value(json_object_get(f, "rule")),
			    json_string_value(json_object_get(f, "severity")),
			    json_string_value(json_object_get(f, "text")),
			    json_is_string(sg) ? json_string_value(sg) : NULL);
			strlist_add(got, line);
		}
	}
	rc = 0;
done:
	json_decref(root_json);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return rc;
}

/* ------------------------------------------------------------- compare */

static bool has_line(const strlist *l, const char *s)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->lines[i], s) == 0)
			return true;
	return false;
}

/* A line of expect-none: RULE [SEVERITY] ["TEXT"] matches a finding when
 * each given word does. */
static bool matches_none(const char *pattern, const char *finding)
{
	char rule[128] = "", sev[32] = "", text[1024] = "";
	char frule[128], fsev[32];
	const char *q;
	int used = 0;
	size_t dummy1, dummy2;

	sscanf(pattern, "%127s%n", rule, &used);
	pattern += used;
	while (*pattern == ' ')
		pattern++;
	if (*pattern && *pattern != '"') {
		sscanf(pattern, "%31s%n", sev, &used);
		pattern += used;
		while (*pattern == ' ')
			pattern++;
	}
	if (*pattern == '"')
		snprintf(text, sizeof(text), "%s", pattern);
	if (sscanf(finding, "%zu:%zu %127s %31s", &dummy1, &dummy2, frule,
	           fsev) != 4)
		return false;
	if (strcmp(rule, "*") != 0 && strcmp(rule, frule) != 0)
		return false;
	if (sev[0] && strcmp(sev, fsev) != 0)
		return false;
	q = strchr(finding, '"');
	if (text[0] && (!q || strncmp(q, text, strlen(text)) != 0))
		return false;
	return true;
}

static bool compare(const test_case *c, const strlist *got)
{
	bool ok = true;
	if (c->expect) {
		strlist want = {0};
		section_lines(&want, c->expect);
		if (want.count != got->count)
			ok = false;
		for (size_t i = 0; ok && i < want.count; i++)
			ok = strcmp(want.lines[i], got->lines[i]) == 0;
		if (!ok) {
			fprintf(stderr, "  expected:\n");
			for (size_t i = 0; i < want.count; i++)
				fprintf(stderr, "    %s\n", want.lines[i]);
		}
		strlist_free(&want);
	}
	if (c->expect_some) {
		strlist want = {0};
		section_lines(&want, c->expect_some);
		for (size_t i = 0; i < want.count; i++) {
			if (!has_line(got, want.lines[i])) {
				fprintf(stderr, "  missing: %s\n",
				        want.lines[i]);
				ok = false;
			}
		}
		strlist_free(&want);
	}
	if (c->expect_none) {
		strlist pats = {0};
		section_lines(&pats, c->expect_none);
		for (size_t i = 0; i < pats.count; i++) {
			for (size_t j = 0; j < got->count; j++) {
				if (matches_none(pats.lines[i],
				                 got->lines[j])) {
					fprintf(stderr, "  unwanted (%s): %s\n",
					        pats.lines[i], got->lines[j]);
					ok = false;
				}
			}
		}
		strlist_free(&pats);
	}
	if (!ok) {
		fprintf(stderr, "  got:\n");
		for (size_t i = 0; i < got->count; i++)
			fprintf(stderr, "    %s\n", got->lines[i]);
	}
	return ok;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, first = 2;
	const char *mode = argc > 1 ? argv[1] : "";
	const char *bin = NULL;
	const char *r = getenv("FL_REPO_ROOT");

	if (r)
		root = r;
	if (strcmp(mode, "cli") == 0) {
		bin = argc > 2 ? argv[2] : NULL;
		first = 3;
	} else if (strcmp(mode, "lib") != 0) {
		fprintf(stderr,
		        "usage: case_runner lib|cli [FIDELINT] FILE...\n");
		return 2;
	}
	for (int a = first; a < argc; a++) {
		char *data = slurp(argv[a], NULL);
		test_case *cases = NULL;
		size_t n;
		if (!data) {
			fprintf(stderr, "%s: cannot read\n", argv[a]);
			failed++;
			continue;
		}
		n = parse_cases(&cases, data);
		if (n == 0) {
			fprintf(stderr, "%s: no cases\n", argv[a]);
			failed++;
		}
		for (size_t i = 0; i < n; i++) {
			strlist got = {0};
			char err[4096] = "";
			int rc =
			    bin ? run_cli(&got, bin, &cases[i], err,
			                  sizeof(err))
			        : run_lib(&got, &cases[i], err, sizeof(err));
			bool ok = rc == 0 && compare(&cases[i], &got);
			printf("%s %s:%d %s\n", ok ? "ok  " : "FAIL", argv[a],
			       cases[i].line, cases[i].name);
			if (rc != 0)
				fprintf(stderr, "  error: %s\n", err);
			if (ok)
				passed++;
			else
				failed++;
			strlist_free(&got);
			free_case(&cases[i]);
		}
		free(cases);
		free(data);
	}
	fl_rule_list_free(registry_rules);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
