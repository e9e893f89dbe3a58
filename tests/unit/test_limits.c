/*
 * Limits on pattern work, seen through the public API: a forbid pattern
 * of the facts or a rule pack's pattern that needs more work than its
 * limits allow (one search over the match limit, or all the searches of a
 * document over its budget) is reported as an error finding that names
 * the pattern, the rule or term and the file it comes from; the rest of
 * the check goes on.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, symlink */

#include <fidelint/fidelint.h>

#include "test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static fl_checker *new_checker(const char *data_dir)
{
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	fl_checker *chk = NULL;

	o.data_dir = data_dir;
	if (fl_checker_new(&chk, &o) < 0) {
		fprintf(stderr, "checker: %s\n", fl_checker_error(chk));
		CHECK(!"fl_checker_new");
		fl_checker_free(chk);
		return NULL;
	}
	return chk;
}

static fl_facts *load(const char *yaml)
{
	fl_facts *f = NULL;
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	if (f &&
	    fl_facts_load_buffer(f, "limits.yaml", yaml, strlen(yaml)) < 0) {
		fprintf(stderr, "facts: %s\n", fl_facts_error(f));
		CHECK(!"fl_facts_load_buffer");
	}
	return f;
}

/* Checks text (language lang) with facts f; NULL when the check fails. */
static fl_result *check(fl_checker *chk, const fl_facts *f, const char *text,
                        size_t len, const char *lang)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *r = NULL;
	int rc;

	o.lang = lang;
	fl_checker_set_facts(chk, f);
	rc = fl_check_buffer(&r, chk, "doc.txt", text, len, &o);
	CHECK_EQ_INT(rc, 0);
	if (rc < 0)
		fprintf(stderr, "check: %s\n", fl_checker_error(chk));
	return r;
}

/* The only finding of rule in r whose message holds `part`, or NULL. */
static const fl_finding *find(const fl_result *r, const char *rule,
                              const char *part)
{
	const fl_finding *hit = NULL;
	for (size_t i = 0; r && i < fl_result_count(r); i++) {
		const fl_finding *x = fl_result_finding(r, i);
		if (strcmp(x->rule, rule) == 0 && strstr(x->message, part)) {
			CHECK(hit == NULL);
			hit = x;
		}
	}
	return hit;
}

/* Number of findings of rule in r. */
static size_t count(const fl_result *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; r && i < fl_result_count(r); i++)
		n += strcmp(fl_result_finding(r, i)->rule, rule) == 0;
	return n;
}

/* A text of about n bytes on one line, with many 'a' and no "QQQ". */
static char *long_line(size_t n, size_t *len)
{
	static const char unit[] = "banana and a cat ";
	char *t = malloc(n + sizeof(unit) + 1);
	size_t k = 0;

	if (!t)
		return NULL;
	while (k < n) {
		memcpy(t + k, unit, sizeof(unit) - 1);
		k += sizeof(unit) - 1;
	}
	t[k++] = '\n';
	t[k] = '\0';
	*len = k;
	return t;
}

static void test_forbid_over_the_match_limit(void)
{
	/* Exponential backtracking in one search: the match limit. */
	fl_checker *chk = new_checker(NULL);
	fl_facts *f = load("version: 1\nterms:\n"
	                   "  - source: pitch\n"
	                   "    expect: {en: [proposal]}\n"
	                   "    forbid: {en: ['^(\\w+\\s?)*$']}\n"
	                   "  - source: deal\n"
	                   "    forbid: {en: [agreement]}\n");
	const char text[] =
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaa agreement!\n";
	fl_result *r = NULL;
	const fl_finding *x;

	if (!chk || !f)
		goto cleanup;
	r = check(chk, f, text, sizeof(text) - 1, "en");
	x = find(r, "term.forbidden", "limits on pattern work");
	CHECK(x != NULL);
	if (x) {
		CHECK_EQ_INT(x->severity, FL_SEVERITY_ERROR);
		CHECK_EQ_INT(x->line, 0);
		CHECK_EQ_STR(x->text, "pitch");
		CHECK_CONTAINS(x->message, "forbid pattern '^(\\w+\\s?)*$'");
		CHECK_CONTAINS(x->message, "of term 'pitch' for en");
		CHECK_CONTAINS(x->message, "(limits.yaml:3)");
	}
	/* The other term is still checked, and term.missing leaves the
	 * stopped term alone (term.forbidden spoke for it). */
	CHECK(find(r, "term.forbidden", "'agreement' is a wrong rendering") !=
	      NULL);
	CHECK(find(r, "term.missing", "") == NULL);
cleanup:
	fl_result_free(r);
	fl_facts_free(f);
	fl_checker_free(chk);
}

static void test_forbid_over_the_document_budget(void)
{
	/* No single search is expensive; together they read the line once
	 * per 'a'. Stopped by the budget, at about linear cost. */
	fl_checker *chk = new_checker(NULL);
	fl_facts *f = load("version: 1\nterms:\n  - source: x\n"
	                   "    forbid: {en: ['a(?=[^\\n]*QQQ)|zzz']}\n");
	size_t len = 0;
	char *text = long_line(300000, &len);
	fl_result *r = NULL;
	const fl_finding *x;

	if (!chk || !f || !text)
		goto cleanup;
	r = check(chk, f, text, len, "en");
	x = find(r, "term.forbidden", "limits on pattern work");
	CHECK(x != NULL);
	if (x)
		CHECK_CONTAINS(x->message, "forbid pattern "
		                           "'a(?=[^\\n]*QQQ)|zzz' of term 'x' "
		                           "for en (limits.yaml:3)");
	/* On a short line the same pattern works as written. */
	fl_result_free(r);
	r = check(chk, f, "a cat, a QQQ\n", 13, "en");
	CHECK(find(r, "term.forbidden", "limits") == NULL);
	CHECK_EQ_INT(count(r, "term.forbidden"), 3);
cleanup:
	free(text);
	fl_result_free(r);
	fl_facts_free(f);
	fl_checker_free(chk);
}

/* ----------------------------------------------------------- rule packs */

static char tmp_dir[256];

/* A data folder: the repository's, with rules/packs holding only an
 * English pack whose one rule is expensive. Returns its path or NULL. */
static const char *pack_data_dir(void)
{
	const char *repo = getenv("FIDELINT_DATA_DIR");
	char path[512], target[512];
	DIR *d;
	struct dirent *e;
	FILE *f;

	if (!repo)
		return NULL;
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/fl-limits-XXXXXX");
	if (!mkdtemp(tmp_dir))
		return NULL;
	snprintf(path, sizeof(path), "%s/dicts", tmp_dir);
	snprintf(target, sizeof(target), "%s/dicts", repo);
	if (symlink(target, path) < 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/rules", tmp_dir);
	if (mkdir(path, 0700) < 0)
		return NULL;
	snprintf(target, sizeof(target), "%s/rules", repo);
	if (!(d = opendir(target)))
		return NULL;
	while ((e = readdir(d))) {
		char from[1024], to[1024];
		if (e->d_name[0] == '.' || strcmp(e->d_name, "packs") == 0)
			continue;
		snprintf(from, sizeof(from), "%s/%s", target, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", path, e->d_name);
		if (symlink(from, to) < 0)
			break;
	}
	closedir(d);
	snprintf(path, sizeof(path), "%s/rules/packs", tmp_dir);
	if (mkdir(path, 0700) < 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/rules/packs/en.yaml", tmp_dir);
	if (!(f = fopen(path, "w")))
		return NULL;
	fputs("pack: en\nrules:\n"
	      "  - id: text.en.look-far\n"
	      "    pattern: 'a(?=[^\\n]*QQQ)'\n"
	      "    severity: warning\n"
	      "    message: an a before QQQ\n"
	      "    rationale: a test of the budget\n"
	      "    examples: {match: [a QQQ], no_match: [a b]}\n",
	      f);
	fclose(f);
	return tmp_dir;
}

/* Removes what pack_data_dir made (links, the pack, the folders). */
static void remove_data_dir(void)
{
	char path[512];
	DIR *d;
	struct dirent *e;

	if (!tmp_dir[0])
		return;
	snprintf(path, sizeof(path), "%s/rules/packs/en.yaml", tmp_dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/rules/packs", tmp_dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/rules", tmp_dir);
	if ((d = opendir(path))) {
		while ((e = readdir(d))) {
			char link[1024];
			if (e->d_name[0] == '.')
				continue;
			snprintf(link, sizeof(link), "%s/%s", path, e->d_name);
			unlink(link);
		}
		closedir(d);
	}
	rmdir(path);
	snprintf(path, sizeof(path), "%s/dicts", tmp_dir);
	unlink(path);
	rmdir(tmp_dir);
	tmp_dir[0] = '\0';
}

static void test_pack_rule_over_the_budget(void)
{
	const char *dir = pack_data_dir();
	fl_checker *chk = NULL;
	size_t len = 0;
	char *text = long_line(300000, &len);
	fl_result *r = NULL;
	const fl_finding *x;

	CHECK(dir != NULL);
	if (!dir || !text || !(chk = new_checker(dir)))
		goto cleanup;
	r = check(chk, NULL, text, len, "en");
	x = find(r, "text.en.look-far", "limits on pattern work");
	CHECK(x != NULL);
	if (x) {
		CHECK_EQ_INT(x->severity, FL_SEVERITY_WARNING);
		CHECK_EQ_INT(x->line, 0);
		CHECK_CONTAINS(x->message, "the pattern of rule "
		                           "text.en.look-far (");
		CHECK_CONTAINS(x->message, "rules/packs/en.yaml:3)");
	}
	fl_result_free(r);
	/* Where it can, the rule finds its matches. */
	r = check(chk, NULL, "a b a QQQ\n", 10, "en");
	CHECK(find(r, "text.en.look-far", "limits") == NULL);
	CHECK_EQ_INT(count(r, "text.en.look-far"), 2);
cleanup:
	fl_result_free(r);
	fl_checker_free(chk);
	free(text);
	remove_data_dir();
}

TESTS(T(test_forbid_over_the_match_limit),
      T(test_forbid_over_the_document_budget),
      T(test_pack_rule_over_the_budget))
