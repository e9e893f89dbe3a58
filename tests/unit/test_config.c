/*
 * .fidelint.yaml and rule selection: the most specific selector wins,
 * ignore wins a tie, severities re-level (or drop) findings, unknown
 * rules are refused with a suggestion; a configuration is found by
 * walking up, its globs match paths below its folder, {stem} drops a
 * language tag, later entries win; bad files are refused with their
 * place; accepted words are known to every dictionary.
 */
#define _POSIX_C_SOURCE 200809L

#include "config/config.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_policy(void)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_severity s = FL_SEVERITY_ERROR;

	CHECK(fl__policy_keep(&o, "name.missing", &s)); /* nothing said */
	o.select = "name., number.mismatch";
	CHECK(fl__policy_keep(&o, "name.missing", &s));
	CHECK(fl__policy_keep(&o, "number.mismatch", &s));
	CHECK(!fl__policy_keep(&o, "number.missing", &s));
	CHECK(!fl__policy_keep(&o, "spell.unknown", &s));
	/* "name" names name.missing, but not a rule "names.x" */
	o.select = "name";
	CHECK(fl__policy_keep(&o, "name.case", &s));
	CHECK(!fl__policy_keep(&o, "names.x", &s));
	/* the more specific wins; ignore wins a tie */
	o.select = "name.missing";
	o.ignore = "name.";
	CHECK(fl__policy_keep(&o, "name.missing", &s));
	CHECK(!fl__policy_keep(&o, "name.case", &s));
	o.select = "all";
	o.ignore = "name.case";
	CHECK(!fl__policy_keep(&o, "name.case", &s));
	o.select = "name.case";
	CHECK(!fl__policy_keep(&o, "name.case", &s));
	/* severities: most specific, then last */
	o.select = NULL;
	o.ignore = NULL;
	o.severity = "name.=info, name.missing=warning";
	s = FL_SEVERITY_ERROR;
	CHECK(fl__policy_keep(&o, "name.missing", &s));
	CHECK_EQ_INT(s, FL_SEVERITY_WARNING);
	s = FL_SEVERITY_ERROR;
	CHECK(fl__policy_keep(&o, "name.case", &s));
	CHECK_EQ_INT(s, FL_SEVERITY_INFO);
	o.severity = "spell.unknown=off";
	CHECK(!fl__policy_keep(&o, "spell.unknown", &s));
}

static void test_validate(void)
{
	fl_checker *chk = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	o.select = "name., number.mismatch, all";
	o.severity = "name.missing=info";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), 0);
	o.select = "nmae.missing";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), FL_EINVAL);
	CHECK_CONTAINS(fl_checker_error(chk), "did you mean 'name.missing'");
	o.select = NULL;
	o.ignore = "nmae.";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), FL_EINVAL);
	CHECK_CONTAINS(fl_checker_error(chk), "'name.'");
	o.ignore = "name.missing=info";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), FL_EINVAL);
	o.ignore = NULL;
	o.severity = "name.missing=loud";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), FL_EINVAL);
	CHECK_CONTAINS(fl_checker_error(chk), "loud");
	o.severity = "name.missing";
	CHECK_EQ_INT(fl_checker_validate_rules(chk, &o), FL_EINVAL);
	fl_checker_free(chk);
}

/* Writes data to dir/name. */
static void put(const char *dir, const char *name, const char *data)
{
	char p[512];
	FILE *f;
	int n = snprintf(p, sizeof(p), "%s/%s", dir, name);
	CHECK(n > 0 && (size_t)n < sizeof(p));
	f = fopen(p, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(data, f);
		fclose(f);
	}
}

static void test_config(void)
{
	char dir[] = "/tmp/fl_config_XXXXXX", p[512], *found = NULL;
	fl_config *cfg = NULL;
	fl_file_settings s;
	char **files = NULL;
	size_t count = 0;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(p, sizeof(p), "%s/content", dir);
	CHECK_EQ_INT(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/content/news", dir);
	CHECK_EQ_INT(mkdir(p, 0700), 0);
	put(dir, ".fidelint.yaml",
	    "version: 1\nfail_on: warning\nignore: spell.unknown\n"
	    "accept: [Trupge]\nfiles:\n"
	    "  - glob: \"content/**/*.pt-BR.md\"\n    lang: pt-BR\n"
	    "    facts: \"facts/{stem}.yaml\"\n"
	    "    source: \"{dir}/{stem}.en.md\"\n    partial: true\n"
	    "    select: [name.]\n"
	    "  - glob: \"content/news/*.md\"\n    lang: pt\n"
	    "    ignore: [name.case]\n");
	put(p, "story.pt-BR.md", "x");
	put(p, "notes.txt", "x");

	/* found from a file two folders down */
	snprintf(p, sizeof(p), "%s/content/news/story.pt-BR.md", dir);
	CHECK_EQ_INT(fl_config_find(&found, p), 0);
	CHECK(found && strstr(found, ".fidelint.yaml"));
	CHECK_EQ_INT(fl_config_load_file(&cfg, found), 0);
	CHECK_EQ_INT(fl_config_settings(&s, cfg, p), 0);
	CHECK(s.matched);
	CHECK_EQ_STR(s.lang, "pt"); /* the later entry wins */
	CHECK(s.facts && strstr(s.facts, "/facts/story.yaml"));
	CHECK(s.source && strstr(s.source, "/content/news/story.en.md"));
	CHECK_EQ_INT(s.partial, 1);
	CHECK_EQ_STR(s.select, "name.");
	CHECK_EQ_STR(s.ignore, "spell.unknown,name.case");
	CHECK_EQ_STR(s.fail_on, "warning");
	fl_file_settings_dispose(&s);
	/* a file no glob matches gets the top level only */
	snprintf(p, sizeof(p), "%s/content/news/notes.txt", dir);
	CHECK_EQ_INT(fl_config_settings(&s, cfg, p), 0);
	CHECK(!s.matched && !s.lang && s.ignore);
	fl_file_settings_dispose(&s);
	/* the files it names */
	CHECK_EQ_INT(fl_config_files(&files, &count, cfg), 0);
	CHECK_EQ_INT(count, 1);
	if (count)
		CHECK(strstr(files[0], "story.pt-BR.md") != NULL);
	for (size_t i = 0; i < count; i++)
		free(files[i]);
	free(files);
	CHECK_EQ_INT(fl_config_accept_count(cfg), 1);
	fl_config_free(cfg);
	free(found);

	/* bad configurations name their place */
	put(dir, ".fidelint.yaml", "version: 1\nfiles:\n  - {lang: pt}\n");
	snprintf(p, sizeof(p), "%s/.fidelint.yaml", dir);
	CHECK_EQ_INT(fl_config_load_file(&cfg, p), FL_EPARSE);
	CHECK_CONTAINS(fl_config_error(cfg), ".fidelint.yaml:3:");
	CHECK_CONTAINS(fl_config_error(cfg), "glob");
	fl_config_free(cfg);
	put(dir, ".fidelint.yaml", "selct: [name.]\n");
	CHECK_EQ_INT(fl_config_load_file(&cfg, p), FL_EPARSE);
	CHECK_CONTAINS(fl_config_error(cfg), "unknown key 'selct'");
	fl_config_free(cfg);
	put(dir, ".fidelint.yaml", "severity: {name.missing: loud}\n");
	CHECK_EQ_INT(fl_config_load_file(&cfg, p), FL_EPARSE);
	fl_config_free(cfg);

	/* no configuration above a folder that has none */
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	CHECK_EQ_INT(system(p), 0);
	CHECK_EQ_INT(fl_config_find(&found, "/proc"), 0);
	CHECK(found == NULL);
}

static void test_accept_word(void)
{
	fl_checker *chk = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const char *text = "A empresa Qwertzuiop abriu.";
	size_t unknown = 0;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	o.lang = "pt";
	CHECK_EQ_INT(
	    fl_check_buffer(&res, chk, "a.txt", text, strlen(text), &o), 0);
	for (size_t i = 0; i < fl_result_count(res); i++)
		unknown += strcmp(fl_result_finding(res, i)->rule,
		                  "spell.unknown") == 0;
	CHECK_EQ_INT(unknown, 1);
	fl_result_free(res);
	/* accepted after the dictionaries were opened */
	CHECK_EQ_INT(fl_checker_accept_word(chk, "Qwertzuiop"), 0);
	CHECK_EQ_INT(
	    fl_check_buffer(&res, chk, "a.txt", text, strlen(text), &o), 0);
	CHECK_EQ_INT(fl_result_count(res), 0);
	fl_result_free(res);
	CHECK_EQ_INT(fl_checker_accept_word(chk, "two\nlines"), FL_EINVAL);
	fl_checker_free(chk);
}

TESTS(T(test_policy), T(test_validate), T(test_config), T(test_accept_word))
