/*
 * The public API only (fidelint/fidelint.h): checkers, facts, checking
 * buffers and files, results and reports. Error paths give the documented
 * code and a message naming what failed; one failed document never spoils
 * the checker for the next.
 */
#define _POSIX_C_SOURCE 200809L

#include <fidelint/fidelint.h>

#include "test.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------- helpers */

static fl_checker *shared;

/* A checker with default options, shared by the tests that do not need
 * a fresh one. */
static fl_checker *checker(void)
{
	if (!shared) {
		int rc = fl_checker_new(&shared, NULL);
		CHECK_EQ_INT(rc, 0);
		if (rc < 0) {
			fprintf(stderr, "fl_checker_new: %s\n",
			        fl_checker_error(shared));
			fl_checker_free(shared);
			shared = NULL;
		}
	}
	return shared;
}

static fl_checker *new_checker(size_t max_file_size)
{
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	fl_checker *c = NULL;
	int rc;
	o.max_file_size = max_file_size;
	rc = fl_checker_new(&c, &o);
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "fl_checker_new: %s\n", fl_checker_error(c));
		fl_checker_free(c);
		return NULL;
	}
	return c;
}

/* Checks text (NUL-terminated) with lang (NULL: from path or detected). */
static int check_text(fl_result **out, fl_checker *c, const char *path,
                      const char *text, const char *lang)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	o.lang = lang;
	return fl_check_buffer(out, c, path, text, strlen(text), &o);
}

/* Checks text that must be accepted; NULL after reporting on failure. */
static fl_result *check_ok(fl_checker *c, const char *path, const char *text,
                           const char *lang)
{
	fl_result *r = NULL;
	int rc = check_text(&r, c, path, text, lang);
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "fl_check_buffer(%s): %s\n", path,
		        fl_checker_error(c));
		return NULL;
	}
	CHECK(r != NULL);
	return r;
}

static size_t count_rule(const fl_result *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < fl_result_count(r); i++)
		n += strcmp(fl_result_finding(r, i)->rule, rule) == 0;
	return n;
}

static const fl_finding *find_rule(const fl_result *r, const char *rule)
{
	for (size_t i = 0; i < fl_result_count(r); i++)
		if (strcmp(fl_result_finding(r, i)->rule, rule) == 0)
			return fl_result_finding(r, i);
	return NULL;
}

static void dump(const fl_result *r)
{
	for (size_t i = 0; i < fl_result_count(r); i++) {
		const fl_finding *f = fl_result_finding(r, i);
		fprintf(stderr, "  %zu:%zu %s %s \"%s\"\n", f->line, f->column,
		        f->rule, fl_severity_name(f->severity), f->text);
	}
}

/* A fresh temporary folder (path in a static buffer). */
static const char *temp_dir(void)
{
	static char buf[4][64];
	static int which;
	char *d = buf[which++ & 3];
	snprintf(d, 64, "/tmp/fl_test_api.XXXXXX");
	if (!mkdtemp(d)) {
		CHECK(!"mkdtemp");
		return NULL;
	}
	return d;
}

static bool write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f)
		ok = fclose(f) == 0 && ok;
	if (!ok)
		CHECK(!"write_file");
	return ok;
}

static fl_facts *load_facts(const char *yaml)
{
	fl_facts *f = NULL;
	int rc;
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	if (!f)
		return NULL;
	rc = fl_facts_load_buffer(f, "mem.yaml", yaml, strlen(yaml));
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "facts: %s\n", fl_facts_error(f));
		fl_facts_free(f);
		return NULL;
	}
	return f;
}

/* Byte offset of code point col (1-based) in UTF-8 s, or (size_t)-1. */
static size_t byte_of_column(const char *s, size_t col)
{
	size_t cp = 1;
	for (size_t i = 0;; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (cp == col)
				return i;
			if (!s[i])
				return (size_t)-1;
			cp++;
		}
	}
}

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* ------------------------------------------------------------- handles */

static void test_free_accepts_null(void)
{
	fl_checker_free(NULL);
	fl_facts_free(NULL);
	fl_result_free(NULL);
	fl_report_free(NULL);
	CHECK_EQ_STR(fl_checker_error(NULL), "");
	CHECK(fl_error_name(FL_EENCODING) != NULL);
	CHECK_EQ_STR(fl_version(), FL_VERSION);
}

static void test_checker_without_dicts(void)
{
	const char *dir = temp_dir();
	char sub[128];
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	fl_checker *c = NULL;

	if (!dir)
		return;
	/* No dicts/ at all. */
	o.data_dir = dir;
	CHECK_EQ_INT(fl_checker_new(&c, &o), FL_EIO);
	CHECK(c != NULL);
	CHECK_CONTAINS(fl_checker_error(c), dir);
	CHECK_CONTAINS(fl_checker_error(c), "dicts");
	fl_checker_free(c);
	c = NULL;

	/* dicts/ without any profile. */
	snprintf(sub, sizeof(sub), "%s/dicts", dir);
	CHECK_EQ_INT(mkdir(sub, 0700), 0);
	CHECK_EQ_INT(fl_checker_new(&c, &o), FL_EIO);
	CHECK(c != NULL);
	CHECK_CONTAINS(fl_checker_error(c), sub);
	fl_checker_free(c);
	rmdir(sub);
	rmdir(dir);

	/* A folder that does not exist. */
	c = NULL;
	o.data_dir = "/nonexistent/fidelint-data";
	CHECK_EQ_INT(fl_checker_new(&c, &o), FL_EIO);
	CHECK_CONTAINS(fl_checker_error(c), "/nonexistent/fidelint-data");
	fl_checker_free(c);

	/* A wrong options version is refused. */
	c = NULL;
	o.version = 99;
	CHECK_EQ_INT(fl_checker_new(&c, &o), FL_EINVAL);
	fl_checker_free(c);
}

/* ------------------------------------------------------------ languages */

static void test_unknown_lang(void)
{
	fl_checker *c = checker();
	fl_result *r = (fl_result *)&r;
	char tag[32];
	if (!c)
		return;
	CHECK_EQ_INT(check_text(&r, c, "story.txt", "The team moved.", "xx"),
	             FL_ELANG);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "'xx'");
	CHECK_CONTAINS(fl_checker_error(c), "story.txt");

	CHECK_EQ_INT(fl_checker_lang_from_tag(tag, sizeof(tag), c, "xx"),
	             FL_ELANG);
	CHECK_CONTAINS(fl_checker_error(c), "xx");
	CHECK_EQ_INT(
	    fl_checker_lang_from_tag(tag, sizeof(tag), c, "not a tag!"),
	    FL_ELANG);
	CHECK_EQ_INT(fl_checker_lang_from_tag(tag, sizeof(tag), c, "pt_br"), 0);
	CHECK_EQ_STR(tag, "pt-BR");
	CHECK_EQ_INT(fl_checker_lang_from_tag(tag, sizeof(tag), c, "AR"), 0);
	CHECK_EQ_STR(tag, "ar");
}

static void check_path_lang(fl_checker *c, const char *path, const char *want)
{
	char tag[32] = "";
	int rc = fl_checker_lang_from_path(tag, sizeof(tag), c, path);
	if (!want) {
		CHECK_EQ_INT(rc, FL_ELANG);
		return;
	}
	CHECK_EQ_INT(rc, 0);
	if (strcmp(tag, want) != 0)
		fprintf(stderr, "path %s: got \"%s\", want \"%s\"\n", path, tag,
		        want);
	CHECK_EQ_STR(tag, want);
}

static void test_lang_from_path(void)
{
	fl_checker *c = checker();
	fl_result *r;
	if (!c)
		return;
	check_path_lang(c, "story.ar.txt", "ar");
	/* "mt" has no profile: the next part before it is taken. */
	check_path_lang(c, "ar.mt.txt", "ar");
	check_path_lang(c, "pt-BR/story.txt", "pt-BR");
	check_path_lang(c, "out/pt-BR/story.txt", "pt-BR");
	check_path_lang(c, "story_fr.md", "fr");
	check_path_lang(c, "story_pt-BR.md", "pt-BR");
	check_path_lang(c, "dir/x.he.md", "he");
	/* The extension alone names no language. */
	check_path_lang(c, "story.de", NULL);
	check_path_lang(c, "notes.txt", NULL);
	CHECK_CONTAINS(fl_checker_error(c), "notes.txt");

	/* The path decides over the text when no lang is given. */
	if ((r = check_ok(c, "story_fr.md", "The team said that it was done.",
	                  NULL))) {
		CHECK_EQ_STR(fl_result_lang(r), "fr");
		CHECK_EQ_STR(fl_result_path(r), "story_fr.md");
		fl_result_free(r);
	}
	/* An explicit lang decides over the path. */
	if ((r = check_ok(c, "story.ar.txt", "The team said that it was done.",
	                  "en"))) {
		CHECK_EQ_STR(fl_result_lang(r), "en");
		fl_result_free(r);
	}
}

static void check_detect(fl_checker *c, const char *text, const char *want)
{
	fl_result *r = check_ok(c, "notes.txt", text, NULL);
	if (!r)
		return;
	if (strcmp(fl_result_lang(r), want) != 0)
		fprintf(stderr, "detected \"%s\", want \"%s\" for: %s\n",
		        fl_result_lang(r), want, text);
	CHECK_EQ_STR(fl_result_lang(r), want);
	fl_result_free(r);
}

static void test_detect_lang(void)
{
	fl_checker *c = checker();
	if (!c)
		return;
	check_detect(
	    c,
	    "O governo anunciou que a empresa n\xC3\xA3o vai pagar os "
	    "impostos este ano, segundo o ministro. Ele disse tamb\xC3\xA9m "
	    "que isso foi decidido pela equipe.",
	    "pt");
	/* הממשלה אמרה כי החברה לא תשלם את המסים השנה, לפי השר. */
	check_detect(
	    c,
	    "\xD7\x94\xD7\x9E\xD7\x9E\xD7\xA9\xD7\x9C\xD7\x94 \xD7\x90"
	    "\xD7\x9E\xD7\xA8\xD7\x94 \xD7\x9B\xD7\x99 \xD7\x94\xD7\x97"
	    "\xD7\x91\xD7\xA8\xD7\x94 \xD7\x9C\xD7\x90 \xD7\xAA\xD7\xA9"
	    "\xD7\x9C\xD7\x9D \xD7\x90\xD7\xAA \xD7\x94\xD7\x9E\xD7\xA1"
	    "\xD7\x99\xD7\x9D \xD7\x94\xD7\xA9\xD7\xA0\xD7\x94, \xD7\x9C"
	    "\xD7\xA4\xD7\x99 \xD7\x94\xD7\xA9\xD7\xA8.",
	    "he");
	/* قالت الحكومة إن الشركة لن تدفع الضرائب هذا العام، وفقا للوزير. */
	check_detect(
	    c,
	    "\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA \xD8\xA7\xD9\x84\xD8\xAD"
	    "\xD9\x83\xD9\x88\xD9\x85\xD8\xA9 \xD8\xA5\xD9\x86 \xD8\xA7"
	    "\xD9\x84\xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \xD9\x84\xD9\x86 "
	    "\xD8\xAA\xD8\xAF\xD9\x81\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xB6"
	    "\xD8\xB1\xD8\xA7\xD8\xA6\xD8\xA8 \xD9\x87\xD8\xB0\xD8\xA7 "
	    "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85\xD8\x8C \xD9\x88"
	    "\xD9\x81\xD9\x82\xD8\xA7 \xD9\x84\xD9\x84\xD9\x88\xD8\xB2"
	    "\xD9\x8A\xD8\xB1. Meta OpenAI",
	    "ar");
	check_detect(c,
	             "Die Regierung hat gesagt, dass das Unternehmen in diesem "
	             "Jahr keine Steuern zahlen wird, und der Minister ist "
	             "nicht einverstanden.",
	             "de");
	check_detect(c,
	             "The government said that the company will not pay its "
	             "taxes this year, according to the minister, who was "
	             "not pleased.",
	             "en");
	check_detect(c,
	             "Le gouvernement a d\xC3\xA9"
	             "clar\xC3\xA9 que l'entreprise "
	             "ne paiera pas ses imp\xC3\xB4ts cette ann\xC3\xA9"
	             "e, selon "
	             "le ministre, et il est tr\xC3\xA8s content.",
	             "fr");
}

static void test_undetectable(void)
{
	fl_checker *c = checker();
	fl_result *r = (fl_result *)&r;
	if (!c)
		return;
	CHECK_EQ_INT(
	    check_text(&r, c, "numbers.txt", "123 456, 7.8 -- (9)!\n", NULL),
	    FL_ELANG);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "numbers.txt");
	CHECK_CONTAINS(fl_checker_error(c), "--lang");
	/* Empty, too. */
	r = (fl_result *)&r;
	CHECK_EQ_INT(check_text(&r, c, "empty.txt", "", NULL), FL_ELANG);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "--lang");
	/* Latin letters but no frequent word of any Latin-script language:
	 * no arbitrary guess. */
	r = (fl_result *)&r;
	CHECK_EQ_INT(check_text(&r, c, "names.txt",
	                        "Meta OpenAI Google Anthropic.\n", NULL),
	             FL_ELANG);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "Latn");
	/* With a lang the same text is fine. */
	if ((r = check_ok(c, "numbers.txt", "123 456, 7.8 -- (9)!\n", "en"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
}

/* ---------------------------------------------------------- bad input */

static void test_missing_file(void)
{
	fl_checker *c = checker();
	fl_result *r = (fl_result *)&r;
	const char *path = "/nonexistent/fidelint/story.en.txt";
	if (!c)
		return;
	CHECK_EQ_INT(fl_check_file(&r, c, path, NULL), FL_EIO);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), path);
}

static void test_file_size_limit(void)
{
	fl_checker *c = new_checker(16);
	const char *dir = temp_dir();
	char path[128];
	const char *big = "The team moved to a new office in the city.\n";
	fl_result *r = (fl_result *)&r;

	if (!c || !dir) {
		fl_checker_free(c);
		return;
	}
	snprintf(path, sizeof(path), "%s/story.en.txt", dir);
	if (write_file(path, big, strlen(big))) {
		CHECK_EQ_INT(fl_check_file(&r, c, path, NULL), FL_ELIMIT);
		CHECK(r == NULL);
		CHECK_CONTAINS(fl_checker_error(c), path);
		CHECK_CONTAINS(fl_checker_error(c), "16");
	}
	r = (fl_result *)&r;
	CHECK_EQ_INT(check_text(&r, c, "mem.en.txt", big, NULL), FL_ELIMIT);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "mem.en.txt");
	/* Exactly at the limit is accepted. */
	{
		fl_result *ok = NULL;
		CHECK_EQ_INT(
		    fl_check_buffer(&ok, c, "mem.en.txt", big, 16, NULL), 0);
		fl_result_free(ok);
	}
	/* A file at the limit is accepted too. */
	if (write_file(path, big, 16)) {
		fl_result *ok = NULL;
		CHECK_EQ_INT(fl_check_file(&ok, c, path, NULL), 0);
		fl_result_free(ok);
	}
	unlink(path);
	rmdir(dir);
	fl_checker_free(c);
}

static void test_invalid_utf8(void)
{
	fl_checker *c = checker();
	fl_result *r = (fl_result *)&r;
	static const char bad[] = "Hello there \xC0\xAF world";
	if (!c)
		return;
	CHECK_EQ_INT(
	    fl_check_buffer(&r, c, "bad.en.txt", bad, sizeof(bad) - 1, NULL),
	    FL_EENCODING);
	CHECK(r == NULL);
	CHECK_CONTAINS(fl_checker_error(c), "bad.en.txt");
	CHECK_CONTAINS(fl_checker_error(c), "byte offset 12");
	/* Without a language in the path: still an encoding failure. */
	CHECK_EQ_INT(
	    fl_check_buffer(&r, c, "bad.txt", bad, sizeof(bad) - 1, NULL),
	    FL_EENCODING);
	CHECK_CONTAINS(fl_checker_error(c), "byte offset");
}

static void test_bad_arguments(void)
{
	fl_checker *c = checker();
	fl_result *r = (fl_result *)&r;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	if (!c)
		return;
	CHECK_EQ_INT(fl_check_buffer(&r, c, "x.en.txt", NULL, 5, NULL),
	             FL_EINVAL);
	CHECK(r == NULL);
	o.version = 42;
	CHECK_EQ_INT(fl_check_buffer(&r, c, "x.en.txt", "abc", 3, &o),
	             FL_EINVAL);
	/* NULL data of length 0 is an empty document. */
	r = NULL;
	CHECK_EQ_INT(fl_check_buffer(&r, c, "x.en.txt", NULL, 0, NULL), 0);
	if (r)
		CHECK_EQ_INT(fl_result_count(r), 0);
	fl_result_free(r);
}

/* The reference result of the recovery test. */
static const char GOOD[] =
    "The team of Scale Scale moved.\nThen the team moved again.\n";

static void check_good_result(const fl_result *r)
{
	const fl_finding *f;
	CHECK_EQ_INT(fl_result_count(r), 1);
	f = fl_result_finding(r, 0);
	if (!f)
		return;
	CHECK_EQ_STR(f->rule, "text.repeated");
	CHECK_EQ_INT(f->line, 1);
	CHECK_EQ_INT(f->column, 13);
	CHECK_EQ_STR(f->text, "Scale Scale");
	CHECK_EQ_STR(fl_result_lang(r), "en");
}

static void test_recovers_after_failures(void)
{
	fl_checker *c = new_checker(4096);
	fl_result *r = NULL;
	char big[5000];
	static const char bad[] = "Fine start \xFF";
	if (!c)
		return;
	/* A good document first: warms the caches. */
	if ((r = check_ok(c, "a.en.txt", GOOD, NULL))) {
		check_good_result(r);
		fl_result_free(r);
	}
	/* Then one failure of each kind... */
	CHECK_EQ_INT(
	    fl_check_buffer(&r, c, "b.en.txt", bad, sizeof(bad) - 1, NULL),
	    FL_EENCODING);
	CHECK_EQ_INT(fl_check_file(&r, c, "/nonexistent/c.en.txt", NULL),
	             FL_EIO);
	CHECK_EQ_INT(check_text(&r, c, "d.txt", "42 43 44", NULL), FL_ELANG);
	CHECK_EQ_INT(check_text(&r, c, "e.txt", GOOD, "zz"), FL_ELANG);
	memset(big, 'a', sizeof(big));
	CHECK_EQ_INT(fl_check_buffer(&r, c, "f.en.txt", big, sizeof(big), NULL),
	             FL_ELIMIT);
	/* ...and the next document is checked as before. */
	if ((r = check_ok(c, "g.en.txt", GOOD, NULL))) {
		check_good_result(r);
		CHECK_EQ_STR(fl_result_path(r), "g.en.txt");
		fl_result_free(r);
	}
	/* Other languages too, after a failure with no language known yet. */
	CHECK_EQ_INT(check_text(&r, c, "h.txt", "!!!", NULL), FL_ELANG);
	if ((r = check_ok(c, "i.pt.txt",
	                  "Ele disse que a empresa a empresa vai crescer.",
	                  NULL))) {
		CHECK_EQ_INT(count_rule(r, "text.repeated"), 1);
		fl_result_free(r);
	}
	/* A failed file does not stop a file after it either. */
	{
		const char *dir = temp_dir();
		char path[128];
		if (dir) {
			snprintf(path, sizeof(path), "%s/j.en.txt", dir);
			if (write_file(path, GOOD, sizeof(GOOD) - 1)) {
				CHECK_EQ_INT(
				    fl_check_file(
				        &r, c, "/nonexistent/k.en.txt", NULL),
				    FL_EIO);
				CHECK_EQ_INT(fl_check_file(&r, c, path, NULL),
				             0);
				if (r)
					check_good_result(r);
				fl_result_free(r);
				r = NULL;
				unlink(path);
			}
			rmdir(dir);
		}
	}
	fl_checker_free(c);
}

/* ------------------------------------------------------------- results */

static const char SORT_FACTS[] = "version: 1\n"
                                 "entities:\n"
                                 "  - {name: OpenAI, kind: org}\n"
                                 "  - {name: Mercor, kind: org, count: 2}\n"
                                 "  - {name: Surge, kind: org}\n";

/* Findings on three lines, in several rules, with two placeless ones. */
static const char SORT_TEXT[] =
    "Later the Openai team met Scale Scale people.\n"
    "The team of Product Product moved. The Openai board agreed.\n"
    "Openai and the the board.\n";

static void test_findings_sorted(void)
{
	fl_checker *c = checker();
	fl_facts *f = load_facts(SORT_FACTS);
	fl_result *r;
	size_t n, placeless = 0, lines_seen = 0, last_line = (size_t)-1;

	if (!c || !f) {
		fl_facts_free(f);
		return;
	}
	fl_checker_set_facts(c, f);
	r = check_ok(c, "sort.en.txt", SORT_TEXT, NULL);
	fl_checker_set_facts(c, NULL);
	if (!r) {
		fl_facts_free(f);
		return;
	}
	n = fl_result_count(r);
	CHECK(n >= 6);
	for (size_t i = 0; i < n; i++) {
		const fl_finding *a = fl_result_finding(r, i);
		if (a->line == 0) {
			placeless++;
			CHECK_EQ_INT(a->column, 0);
			CHECK(a->context == NULL);
		}
		if (a->line != last_line)
			lines_seen++;
		last_line = a->line;
		if (i == 0)
			continue;
		{
			const fl_finding *b = fl_result_finding(r, i - 1);
			bool ordered = b->line < a->line ||
			               (b->line == a->line &&
			                (b->column < a->column ||
			                 (b->column == a->column &&
			                  strcmp(b->rule, a->rule) <= 0)));
			if (!ordered) {
				fprintf(stderr,
				        "findings %zu and %zu out of order:\n",
				        i - 1, i);
				dump(r);
			}
			CHECK(ordered);
		}
	}
	/* Mercor and Surge are missing; each placeless finding comes first. */
	CHECK_EQ_INT(placeless, 2);
	CHECK_EQ_INT(count_rule(r, "name.missing"), 2);
	if (n > 1) {
		CHECK_EQ_INT(fl_result_finding(r, 0)->line, 0);
		CHECK_EQ_INT(fl_result_finding(r, 1)->line, 0);
	}
	CHECK_EQ_INT(count_rule(r, "name.case"), 3);
	CHECK_EQ_INT(count_rule(r, "text.repeated"), 3);
	/* Placeless group plus three lines. */
	CHECK_EQ_INT(lines_seen, 4);
	CHECK(fl_result_finding(r, n) == NULL);
	fl_result_free(r);
	fl_facts_free(f);
}

static void test_count_severity(void)
{
	fl_checker *c = checker();
	fl_facts *f = load_facts(SORT_FACTS);
	fl_result *r;
	size_t errors = 0, warnings = 0, infos = 0;

	if (!c || !f) {
		fl_facts_free(f);
		return;
	}
	fl_checker_set_facts(c, f);
	r = check_ok(c, "sort.en.txt", SORT_TEXT, NULL);
	fl_checker_set_facts(c, NULL);
	if (r) {
		for (size_t i = 0; i < fl_result_count(r); i++) {
			fl_severity s = fl_result_finding(r, i)->severity;
			errors += s == FL_SEVERITY_ERROR;
			warnings += s == FL_SEVERITY_WARNING;
			infos += s == FL_SEVERITY_INFO;
		}
		CHECK_EQ_INT(fl_result_count_severity(r, FL_SEVERITY_ERROR),
		             errors);
		CHECK_EQ_INT(fl_result_count_severity(r, FL_SEVERITY_WARNING),
		             warnings);
		CHECK_EQ_INT(fl_result_count_severity(r, FL_SEVERITY_INFO),
		             infos);
		CHECK_EQ_INT(errors + warnings + infos, fl_result_count(r));
		/* name.missing and name.case are errors, text.repeated a
		 * warning. */
		CHECK(errors >= 5);
		CHECK(warnings >= 3);
		CHECK_EQ_INT(fl_result_count_severity(r, (fl_severity)7), 0);
		fl_result_free(r);
	}
	/* No findings: zero of every severity. */
	if ((r = check_ok(c, "clean.en.txt", "The team moved.", NULL))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		CHECK_EQ_INT(fl_result_count_severity(r, FL_SEVERITY_ERROR), 0);
		CHECK_EQ_INT(fl_result_count_severity(r, FL_SEVERITY_WARNING),
		             0);
		fl_result_free(r);
	}
	fl_facts_free(f);
}

static void test_set_facts_null_clears(void)
{
	fl_checker *c = new_checker(0);
	fl_facts *f = load_facts("version: 1\nentities:\n"
	                         "  - {name: Surge, kind: org, count: 2}\n");
	static const char text[] = "The team moved to a new office.";
	fl_result *r;

	if (!c || !f) {
		fl_checker_free(c);
		fl_facts_free(f);
		return;
	}
	CHECK_EQ_INT(fl_checker_set_facts(c, f), 0);
	if ((r = check_ok(c, "a.en.txt", text, NULL))) {
		const fl_finding *m = find_rule(r, "name.missing");
		CHECK_EQ_INT(count_rule(r, "name.missing"), 1);
		if (m) {
			CHECK_EQ_STR(m->text, "Surge");
			CHECK_EQ_INT(m->severity, FL_SEVERITY_ERROR);
			CHECK_EQ_INT(m->line, 0);
		}
		fl_result_free(r);
	}
	CHECK_EQ_INT(fl_checker_set_facts(c, NULL), 0);
	if ((r = check_ok(c, "a.en.txt", text, NULL))) {
		CHECK_EQ_INT(count_rule(r, "name.missing"), 0);
		fl_result_free(r);
	}
	/* The facts can be freed once cleared: the checker keeps nothing. */
	fl_facts_free(f);
	if ((r = check_ok(c, "a.en.txt", text, NULL))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
	/* New facts after clearing are used. */
	f = load_facts(
	    "version: 1\nentities:\n  - {name: Mercor, kind: org}\n");
	if (f) {
		fl_checker_set_facts(c, f);
		if ((r = check_ok(c, "a.en.txt", text, NULL))) {
			const fl_finding *m = find_rule(r, "name.missing");
			CHECK_EQ_INT(count_rule(r, "name.missing"), 1);
			if (m)
				CHECK_EQ_STR(m->text, "Mercor");
			fl_result_free(r);
		}
		fl_checker_set_facts(c, NULL);
		fl_facts_free(f);
	}
	fl_checker_free(c);
}

/* A long line of `cps` code points (or a little more) with "Scale Scale"
 * at code point column `at`; the emoji make columns and bytes differ. */
static char *long_line(size_t at, size_t cps)
{
	static const char unit[] = "the team \xF0\x9F\x98\x80 "; /* 11 cps */
	size_t cap = cps * 4 + 64, len = 0, col = 1;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	while (col + 11 <= at) {
		memcpy(s + len, unit, sizeof(unit) - 1);
		len += sizeof(unit) - 1;
		col += 11;
	}
	while (col < at) {
		s[len++] = ' ';
		col++;
	}
	memcpy(s + len, "Scale Scale ", 12);
	len += 12;
	col += 12;
	while (col < cps) {
		memcpy(s + len, unit, sizeof(unit) - 1);
		len += sizeof(unit) - 1;
		col += 11;
	}
	memcpy(s + len, "end.\nNext line.\n", 17);
	return s;
}

static void check_window(size_t at)
{
	fl_checker *c = checker();
	char *text = long_line(at, 5000);
	fl_result *r;
	const fl_finding *f;

	if (!c || !text) {
		free(text);
		return;
	}
	r = check_ok(c, "long.en.txt", text, NULL);
	free(text);
	if (!r)
		return;
	CHECK_EQ_INT(fl_result_count(r), 1);
	f = find_rule(r, "text.repeated");
	CHECK(f != NULL);
	if (f) {
		size_t cps, b;
		CHECK_EQ_INT(f->line, 1);
		CHECK_EQ_INT(f->column, at);
		CHECK_EQ_INT(f->end_column, at + 11);
		CHECK_EQ_STR(f->text, "Scale Scale");
		CHECK(f->context != NULL);
		if (!f->context) {
			fl_result_free(r);
			return;
		}
		cps = code_points(f->context);
		/* A window, not the whole 5,000-character line. */
		CHECK(cps < 5000);
		CHECK(cps >= strlen("Scale Scale"));
		CHECK(f->context_column >= 1);
		CHECK(f->context_column + 11 - 1 <= cps);
		b = byte_of_column(f->context, f->context_column);
		CHECK(b != (size_t)-1);
		if (b != (size_t)-1 &&
		    strncmp(f->context + b, "Scale Scale", 11) != 0) {
			fprintf(
			    stderr,
			    "at %zu: context_column %zu points at \"%.20s\"\n",
			    at, f->context_column, f->context + b);
			CHECK(!"context_column points at the finding");
		}
		/* Near the start of the line the window starts with the line.
		 */
		if (at < 100)
			CHECK_EQ_INT(f->context_column, at);
	}
	fl_result_free(r);
}

static void test_long_line_context(void)
{
	check_window(3001);
	check_window(12);
	check_window(4990);
	check_window(161);
	check_window(162);
}

static void test_short_line_context(void)
{
	fl_checker *c = checker();
	fl_result *r;
	if (!c)
		return;
	if ((r = check_ok(c, "s.en.txt",
	                  "First line.\r\nWe met Meta meta people.", NULL))) {
		const fl_finding *f = find_rule(r, "text.repeated");
		CHECK(f != NULL);
		if (f) {
			CHECK_EQ_INT(f->line, 2);
			CHECK_EQ_INT(f->column, 8);
			CHECK_EQ_INT(f->end_line, 2);
			CHECK_EQ_INT(f->end_column, 17);
			CHECK_EQ_STR(f->context, "We met Meta meta people.");
			CHECK_EQ_INT(f->context_column, 8);
			CHECK_EQ_STR(f->suggestion, "Meta");
			CHECK(f->message && f->message[0]);
		}
		fl_result_free(r);
	}
}

/* -------------------------------------------------------- files, facts */

static void test_check_file(void)
{
	fl_checker *c = checker();
	const char *dir = temp_dir();
	char path[128];
	/* BOM and CRLF: the finding is on line 2, column 13. */
	static const char text[] = "\xEF\xBB\xBFHeadline here.\r\n"
	                           "The team of Scale Scale moved.\r\n";
	fl_result *r = NULL;
	if (!c || !dir)
		return;
	snprintf(path, sizeof(path), "%s/story.en.txt", dir);
	if (write_file(path, text, sizeof(text) - 1)) {
		CHECK_EQ_INT(fl_check_file(&r, c, path, NULL), 0);
		if (r) {
			const fl_finding *f = find_rule(r, "text.repeated");
			CHECK_EQ_STR(fl_result_path(r), path);
			CHECK_EQ_STR(fl_result_lang(r), "en");
			CHECK(f != NULL);
			if (f) {
				CHECK_EQ_INT(f->line, 2);
				CHECK_EQ_INT(f->column, 13);
				CHECK_EQ_STR(f->context,
				             "The team of Scale Scale moved.");
			}
		}
		fl_result_free(r);
		unlink(path);
	}
	rmdir(dir);
}

static void test_facts_api(void)
{
	fl_facts *f =
	    load_facts("version: 1\nstory: s1\nsource_lang: en\n"
	               "entities:\n"
	               "  - {name: Surge, kind: org, aliases: [Surge AI],"
	               " count: 3, renderings: {pt: [Surge]}}\n"
	               "  - {name: Alexandr Wang, kind: person}\n");
	fl_entity_info e;
	const char *const *rend = NULL;
	size_t n = 0;
	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_entity_count(f), 2);
	CHECK_EQ_STR(fl_facts_story(f), "s1");
	CHECK_EQ_STR(fl_facts_source_lang(f), "en");
	CHECK_EQ_STR(fl_facts_error(f), "");
	CHECK_EQ_INT(fl_facts_entity(&e, f, 0), 0);
	CHECK_EQ_STR(e.name, "Surge");
	CHECK_EQ_INT(e.kind, FL_KIND_ORG);
	CHECK_EQ_INT(e.count, 3);
	CHECK_EQ_INT(e.alias_count, 1);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 2), FL_EINVAL);
	/* pt-BR falls back to pt. */
	CHECK_EQ_INT(fl_facts_entity_renderings(&rend, &n, f, 0, "pt-BR"), 0);
	CHECK_EQ_INT(n, 1);
	CHECK_EQ_INT(fl_facts_entity_renderings(&rend, &n, f, 9, "pt"),
	             FL_EINVAL);
	/* Loading twice is refused and keeps what was loaded. */
	CHECK_EQ_INT(fl_facts_load_buffer(f, "again.yaml", "version: 1\n", 11),
	             FL_EINVAL);
	CHECK_CONTAINS(fl_facts_error(f), "again.yaml");
	CHECK_EQ_INT(fl_facts_entity_count(f), 2);
	fl_facts_free(f);

	/* A missing facts file names its path. */
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	if (f) {
		CHECK_EQ_INT(fl_facts_load_file(f, "/nonexistent/facts.yaml"),
		             FL_EIO);
		CHECK_CONTAINS(fl_facts_error(f), "/nonexistent/facts.yaml");
		fl_facts_free(f);
	}
}

static void test_report(void)
{
	fl_checker *c = checker();
	fl_report *rep = NULL;
	fl_report_summary s;
	fl_result *r;
	char *out = NULL;
	size_t len = 0;
	fl_format fmt;

	if (!c)
		return;
	CHECK_EQ_INT(fl_report_new(&rep), 0);
	if (!rep)
		return;
	if ((r = check_ok(c, "a.en.txt", GOOD, NULL)))
		CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	if ((r = check_ok(c, "b.en.txt", "The team moved.", NULL)))
		CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	CHECK_EQ_INT(check_text(&r, c, "bad.txt", "1 2 3", NULL), FL_ELANG);
	CHECK_EQ_INT(fl_report_add_failure(rep, "bad.txt", fl_checker_error(c)),
	             0);
	fl_report_summarize(&s, rep);
	CHECK_EQ_INT(s.files, 3);
	CHECK_EQ_INT(s.failed_files, 1);
	CHECK_EQ_INT(s.warnings, 1);
	CHECK_EQ_INT(s.errors, 0);

	CHECK_EQ_INT(fl_format_parse(&fmt, "json"), 0);
	CHECK_EQ_INT(fmt, FL_FORMAT_JSON);
	CHECK_EQ_INT(fl_format_parse(&fmt, "xml"), FL_EINVAL);
	CHECK_EQ_INT(fl_report_render(&out, &len, rep, FL_FORMAT_JSON, 0), 0);
	if (out) {
		CHECK_EQ_INT(strlen(out), len);
		CHECK_CONTAINS(out, "a.en.txt");
		CHECK_CONTAINS(out, "text.repeated");
		CHECK_CONTAINS(out, "bad.txt");
		free(out);
	}
	out = NULL;
	CHECK_EQ_INT(fl_report_render(&out, &len, rep, FL_FORMAT_TEXT, 0), 0);
	if (out) {
		CHECK_CONTAINS(out, "a.en.txt");
		CHECK_CONTAINS(out, "text.repeated");
		free(out);
	}
	fl_report_free(rep);
}

static void test_free_shared(void)
{
	/* Runs last: releases the shared checker. */
	fl_checker_free(shared);
	shared = NULL;
}

TESTS(T(test_free_accepts_null), T(test_checker_without_dicts),
      T(test_unknown_lang), T(test_lang_from_path), T(test_detect_lang),
      T(test_undetectable), T(test_missing_file), T(test_file_size_limit),
      T(test_invalid_utf8), T(test_bad_arguments),
      T(test_recovers_after_failures), T(test_findings_sorted),
      T(test_count_severity), T(test_set_facts_null_clears),
      T(test_long_line_context), T(test_short_line_context), T(test_check_file),
      T(test_facts_api), T(test_report), T(test_free_shared))
