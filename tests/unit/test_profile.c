#define _POSIX_C_SOURCE 200809L /* mkdtemp, opendir */

#include "lang/profile.h"
#include "lang/tag.h"
#include "test.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char err[FL_ERRMSG_SIZE];

static int parse(fl__profile **p, const char *yaml, const char *dicts_dir)
{
	err[0] = '\0';
	return fl__profile_parse(p, "t.yaml", yaml, strlen(yaml), dicts_dir,
	                         err, sizeof(err));
}

/* A fresh data folder with an empty dicts/ in it; caller frees. */
static char *make_data_dir(void)
{
	char tmpl[] = "/tmp/fl_profile_XXXXXX";
	char sub[4096];

	if (!mkdtemp(tmpl))
		return NULL;
	snprintf(sub, sizeof(sub), "%s/dicts", tmpl);
	if (mkdir(sub, 0700) != 0)
		return NULL;
	return strdup(tmpl);
}

static void put(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/dicts/%s", dir, name);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

static void remove_file(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/dicts/%s", dir, name);
	unlink(path);
}

/* Removes dir/dicts/... and dir (the tests make nothing deeper). */
static void remove_data_dir(char *dir)
{
	char path[4096];
	DIR *d;
	struct dirent *e;

	if (!dir)
		return;
	snprintf(path, sizeof(path), "%s/dicts", dir);
	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				remove_file(dir, e->d_name);
		}
		closedir(d);
	}
	rmdir(path);
	rmdir(dir);
	free(dir);
}

static void test_tag_canonicalize(void)
{
	static const char *const good[][2] = {
	    {"pt_br", "pt-BR"},
	    {"EN", "en"},
	    {"ar", "ar"},
	    {"sr-latn-rs", "sr-Latn-RS"},
	    {"ZH_hant_tw", "zh-Hant-TW"},
	    {"es-419", "es-419"},
	    {"de-CH-1996", "de-CH-1996"},
	    {"en-a-bc-de", "en-a-bc-de"},
	    {"fil", "fil"},
	};
	static const char *const bad[] = {
	    "",      "p",  "english",        "pt-",   "-pt",   "pt--BR",
	    "pt BR", "1x", "pt-verylongsub", "pt.BR", "pt/BR", "ع",
	};
	char out[FL_TAG_MAX];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		CHECK_EQ_INT(fl__tag_canonicalize(out, sizeof(out), good[i][0]),
		             0);
		CHECK_EQ_STR(out, good[i][1]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = fl__tag_canonicalize(out, sizeof(out), bad[i]);
		if (rc != FL_EINVAL)
			fprintf(stderr, "accepted bad tag '%s'\n", bad[i]);
		CHECK_EQ_INT(rc, FL_EINVAL);
	}
	/* Too long for the buffer: refused, never cut. */
	CHECK_EQ_INT(fl__tag_canonicalize(out, 5, "pt-BR"), FL_EINVAL);
	CHECK_EQ_INT(fl__tag_canonicalize(out, 6, "pt-BR"), 0);

	CHECK(fl__tag_equal("pt-BR", "PT_br"));
	CHECK(!fl__tag_equal("pt-BR", "pt"));
	CHECK(!fl__tag_equal("pt", "pt-BR"));
	CHECK_EQ_INT(fl__tag_language_len("pt-BR"), 2);
	CHECK_EQ_INT(fl__tag_language_len("fil"), 3);
	CHECK(fl__tag_equal_n("pt-BR", 2, "pt"));
	CHECK(!fl__tag_equal_n("pt-BR", 2, "pa"));
}

static void test_parse_full_profile(void)
{
	char *dir = make_data_dir();
	char dicts[4096], expect_extra[4200];
	fl__profile *p = NULL;
	const char *yaml = "lang: ar\n"
	                   "name: Arabic\n"
	                   "script: arab\n"
	                   "hunspell: [ar]\n"
	                   "accept: en_US\n"
	                   "foreign: {Latn: en_US, cyrl: ru_RU}\n"
	                   "extra_words: ar.dic\n"
	                   "prefixes: [و, ب, ال, وال, ل]\n"
	                   "common_words: [في, من]\n"
	                   "spell_severity: info\n";

	CHECK(dir != NULL);
	if (!dir)
		return;
	put(dir, "ar.dic", "1\nسيرج\n");
	snprintf(dicts, sizeof(dicts), "%s/dicts", dir);
	snprintf(expect_extra, sizeof(expect_extra), "%s/ar.dic", dicts);

	CHECK_EQ_INT(parse(&p, yaml, dicts), 0);
	CHECK_EQ_STR(err, "");
	CHECK(p != NULL);
	if (p) {
		CHECK_EQ_STR(p->tag, "ar");
		CHECK_EQ_STR(p->name, "Arabic");
		CHECK_EQ_STR(p->script, "Arab");
		CHECK_EQ_STR(p->path, "t.yaml");
		CHECK(p->hunspell_count == 1 && !strcmp(p->hunspell[0], "ar"));
		CHECK(p->accept_count == 1 && !strcmp(p->accept[0], "en_US"));
		CHECK_EQ_INT(p->foreign_count, 2);
		if (p->foreign_count == 2) {
			CHECK_EQ_STR(p->foreign[0].script, "Latn");
			CHECK_EQ_STR(p->foreign[0].dict, "en_US");
			CHECK_EQ_STR(p->foreign[1].script, "Cyrl");
			CHECK_EQ_STR(p->foreign[1].dict, "ru_RU");
		}
		CHECK_EQ_STR(p->extra_words, expect_extra);
		/* Longest first (by bytes), ties in byte order. */
		CHECK_EQ_INT(p->prefix_count, 5);
		if (p->prefix_count == 5) {
			CHECK_EQ_STR(p->prefixes[0], "وال");
			CHECK_EQ_STR(p->prefixes[1], "ال");
			CHECK(strlen(p->prefixes[2]) == 2 &&
			      strlen(p->prefixes[4]) == 2);
			CHECK(strcmp(p->prefixes[2], p->prefixes[3]) < 0);
			CHECK(strcmp(p->prefixes[3], p->prefixes[4]) < 0);
		}
		CHECK_EQ_INT(p->common_count, 2);
		CHECK_EQ_INT(p->spell_severity, FL_SEVERITY_INFO);
		CHECK(p->inherit == NULL);
	}
	fl__profile_free(p);
	fl__profile_free(NULL);
	remove_data_dir(dir);
}

static void test_parse_defaults(void)
{
	fl__profile *p = NULL;

	CHECK_EQ_INT(parse(&p, "lang: pt_br\n", NULL), 0);
	if (p) {
		CHECK_EQ_STR(p->tag, "pt-BR");
		CHECK(p->name == NULL);
		CHECK(p->hunspell == NULL && p->hunspell_count == 0);
		CHECK(p->prefixes == NULL);
		CHECK(p->foreign == NULL);
		CHECK(p->extra_words == NULL);
		CHECK_EQ_INT(p->spell_severity, FL_SEVERITY_WARNING);
	}
	fl__profile_free(p);

	/* Given but empty is not the same as not given. */
	CHECK_EQ_INT(parse(&p, "lang: pt\nprefixes: []\nhunspell: ~\n", NULL),
	             0);
	if (p) {
		CHECK(p->prefixes != NULL && p->prefix_count == 0);
		CHECK(p->hunspell == NULL);
	}
	fl__profile_free(p);

	/* With a parent, severity waits for the loader. */
	CHECK_EQ_INT(parse(&p, "lang: pt-BR\ninherit: pt\n", NULL), 0);
	if (p) {
		CHECK_EQ_STR(p->inherit, "pt");
		CHECK_EQ_INT(p->spell_severity, 0);
	}
	fl__profile_free(p);
}

static void test_parse_errors(void)
{
	fl__profile *p = (fl__profile *)&p;

	CHECK_EQ_INT(parse(&p, "lang: ar\nnmae: Arabic\n", NULL), FL_EPARSE);
	CHECK(p == NULL);
	CHECK_EQ_STR(err,
	             "t.yaml:2:1: unknown key 'nmae' in language profile "
	             "(expected lang, name, script, hunspell, accept, "
	             "foreign, extra_words, prefixes, common_words, "
	             "spell_severity, inherit, repeatable, suffixes, articles, "
	             "name_letters, respell)");
	CHECK_EQ_INT(parse(&p, "name: Arabic\n", NULL), FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:1:1: missing required key 'lang'");
	CHECK_EQ_INT(parse(&p, "lang: arabic\n", NULL), FL_EPARSE);
	CHECK_EQ_STR(err, "t.yaml:1:7: 'lang' must be a language tag such as "
	                  "pt or pt-BR, not 'arabic'");
	CHECK_EQ_INT(parse(&p, "lang: ar\nhunspell: {a: b}\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err,
	               "t.yaml:2:11: 'hunspell' must be a list of strings");
	CHECK_EQ_INT(parse(&p, "lang: ar\nprefixes: [a, [b]]\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:2:15: items of 'prefixes' must be strings");
	CHECK_EQ_INT(parse(&p, "lang: ar\nspell_severity: fatal\n", NULL),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "t.yaml:2:17: 'spell_severity' must be info, warning "
	                  "or error, not 'fatal'");
	CHECK_EQ_INT(parse(&p, "lang: ar\nscript: Arabic\n", NULL), FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:2:9: invalid script code 'Arabic' in "
	                    "'script'");
	CHECK_EQ_INT(parse(&p, "lang: ar\nforeign: {Latin: en_US}\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:2:11: invalid script code 'Latin' in "
	                    "'foreign'");
	CHECK_EQ_INT(parse(&p, "lang: ar\nforeign: [en_US]\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err,
	               "t.yaml:2:10: 'foreign' must be a mapping of script "
	               "codes");
	CHECK_EQ_INT(parse(&p, "lang: ar\nforeign: {Latn: [en_US]}\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err,
	               "t.yaml:2:17: 'foreign' must be a non-empty string");
	CHECK_EQ_INT(parse(&p, "lang: ar\nforeign: {Latn: a, latn: b}\n", NULL),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:2:20: script Latn given twice");
	CHECK_EQ_INT(parse(&p, "lang: ar\ninherit: ar\n", NULL), FL_EPARSE);
	CHECK_CONTAINS(err,
	               "t.yaml:2:10: a profile cannot inherit from itself");
	CHECK_EQ_INT(
	    parse(&p, "lang: ar\nextra_words: /nonexistent/x.dic\n", NULL),
	    FL_EIO);
	CHECK_CONTAINS(err, "t.yaml:2:14: extra_words file /nonexistent/x.dic "
	                    "cannot be read");
	CHECK_EQ_INT(parse(&p, "lang: ar\nextra_words: /tmp\n", NULL), FL_EIO);
	CHECK_CONTAINS(err, "is not a regular file");
	CHECK_EQ_INT(parse(&p, "[lang, ar]\n", NULL), FL_EPARSE);
	CHECK_CONTAINS(err, "t.yaml:1:1: a language profile must be a mapping");
	CHECK_EQ_INT(parse(&p, "", NULL), FL_EPARSE);
	CHECK_EQ_STR(err, "t.yaml: empty profile (expected at least 'lang')");
	CHECK_EQ_INT(parse(&p, "lang: ar\nname: \xd8\n", NULL), FL_EPARSE);
	CHECK_EQ_STR(err, "t.yaml: invalid UTF-8 at byte offset 15");
	CHECK_EQ_INT(parse(&p, "lang: ar\nname: [x\n", NULL), FL_EPARSE);
	CHECK(strncmp(err, "t.yaml:3:1: ", 12) == 0);
	CHECK_EQ_INT(parse(&p, "lang: de\nrespell: [w-v]\n", NULL), FL_EPARSE);
	CHECK_CONTAINS(err,
	               "t.yaml:2:10: respell item 'w-v' must be 'from>to'");
	CHECK_EQ_INT(parse(&p, "lang: de\nrespell: ['W>v']\n", NULL),
	             FL_EPARSE);
	CHECK_EQ_INT(parse(&p, "lang: de\nrespell: ['$>y']\n", NULL),
	             FL_EPARSE);
	CHECK_EQ_INT(parse(&p, "lang: de\nrespell: ['a>b>c']\n", NULL),
	             FL_EPARSE);
	CHECK_EQ_INT(parse(&p, "lang: ar\nlang: pt\n", NULL), FL_EPARSE);
	CHECK_EQ_STR(err, "t.yaml:2:1: duplicate key 'lang'");
	CHECK(p == NULL);
}

/* The respell rules: longest left side first, one pass, '$' at a word's
 * end only, and a result too long for the buffer refused. */
static void test_respell(void)
{
	fl__profile *p = NULL;
	char out[32];
	CHECK_EQ_INT(parse(&p,
	                   "lang: de\nrespell: ['tsch>ch', 'sch>sh', 'w>v', "
	                   "'j>y', 'i$>y', 'x>xxxxxxxxxxxxxxxxxxxx']\n",
	                   NULL),
	             0);
	if (!p)
		return;
	CHECK_EQ_INT(
	    fl__profile_respell(p, "tschaikowski", 12, out, sizeof(out)), 10);
	CHECK_EQ_STR(out, "chaikovsky");
	CHECK_EQ_INT(fl__profile_respell(p, "iwangorod", 9, out, sizeof(out)),
	             9);
	CHECK_EQ_STR(out, "ivangorod");
	/* '$' only at the end of a word; the output is not rewritten again */
	CHECK_EQ_INT(
	    fl__profile_respell(p, "dmitri ilja", 11, out, sizeof(out)), 11);
	CHECK_EQ_STR(out, "dmitry ilya");
	CHECK_EQ_INT(fl__profile_respell(p, "xx", 2, out, sizeof(out)), -1);
	fl__profile_free(p);
}

static void test_load_with_inherit(void)
{
	char *dir = make_data_dir();
	char extra[4200];
	fl__profile_set set = {(fl__profile **)&set, 99};
	const fl__profile *p;

	CHECK(dir != NULL);
	if (!dir)
		return;
	put(dir, "pt.dic", "1\nrotulagem\n");
	put(dir, "pt.yaml",
	    "lang: pt\nname: Portuguese\nscript: Latn\n"
	    "hunspell: [pt_PT]\naccept: [en_US]\n"
	    "foreign: {Cyrl: ru_RU}\nextra_words: pt.dic\n"
	    "prefixes: [d, do]\ncommon_words: [de, que]\n"
	    "spell_severity: error\n");
	/* The child sets some keys, clears one, and inherits the rest. */
	put(dir, "pt_BR.yaml",
	    "lang: pt-BR\nname: Portuguese (Brazil)\n"
	    "hunspell: pt_BR\naccept: []\ninherit: pt\n");
	put(dir, "ar.yaml", "lang: ar\nscript: Arab\n");
	put(dir, "notes.txt", "not a profile");
	put(dir, ".hidden.yaml", "garbage: [");
	snprintf(extra, sizeof(extra), "%s/dicts/pt.dic", dir);

	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), 0);
	CHECK_EQ_STR(err, "");
	CHECK_EQ_INT(set.count, 3);
	if (set.count == 3) {
		/* Sorted by file name. */
		CHECK_EQ_STR(set.items[0]->tag, "ar");
		CHECK_EQ_STR(set.items[1]->tag, "pt");
		CHECK_EQ_STR(set.items[2]->tag, "pt-BR");
		CHECK_EQ_INT(set.items[0]->spell_severity, FL_SEVERITY_WARNING);
	}
	p = fl__profiles_find(&set, "pt-BR");
	CHECK(p != NULL);
	if (p) {
		CHECK_EQ_STR(p->name, "Portuguese (Brazil)");
		CHECK(p->hunspell_count == 1 &&
		      !strcmp(p->hunspell[0], "pt_BR"));
		CHECK(p->accept != NULL && p->accept_count == 0);
		CHECK_EQ_STR(p->script, "Latn");
		CHECK_EQ_STR(p->extra_words, extra);
		CHECK_EQ_INT(p->prefix_count, 2);
		CHECK(p->prefix_count == 2 && !strcmp(p->prefixes[0], "do"));
		CHECK_EQ_INT(p->common_count, 2);
		CHECK(p->foreign_count == 1 &&
		      !strcmp(p->foreign[0].dict, "ru_RU"));
		CHECK_EQ_INT(p->spell_severity, FL_SEVERITY_ERROR);
		CHECK(strstr(p->path, "pt_BR.yaml") != NULL);
	}
	CHECK(fl__profiles_find(&set, "PT_br") == p);
	p = fl__profiles_find(&set, "pt-PT");
	CHECK(p && strcmp(p->tag, "pt") == 0);
	CHECK(fl__profiles_find(&set, "fr") == NULL);
	CHECK(fl__profiles_find(&set, "a") == NULL);
	fl__profiles_dispose(&set);
	CHECK(set.items == NULL && set.count == 0);
	fl__profiles_dispose(&set);

	/* A missing parent names the file that asked for it. */
	put(dir, "pt_BR.yaml", "lang: pt-BR\ninherit: pt-PT\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	CHECK_CONTAINS(err, "pt_BR.yaml: 'inherit: pt-PT' names no profile");
	CHECK(set.items == NULL && set.count == 0);

	/* A cycle through two files. */
	put(dir, "pt_BR.yaml", "lang: pt-BR\ninherit: pt\n");
	put(dir, "pt.yaml", "lang: pt\ninherit: pt-BR\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	CHECK_CONTAINS(err, "/dicts/pt.yaml: inherit cycle: pt -> pt-BR -> pt");
	CHECK(set.count == 0);
	remove_data_dir(dir);
}

static void test_load_errors(void)
{
	char *dir = make_data_dir();
	char path[4200];
	fl__profile_set set = {NULL, 0};

	CHECK(dir != NULL);
	if (!dir)
		return;

	/* The tag must match the file name. */
	put(dir, "pt.yaml", "lang: pt-BR\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	snprintf(path, sizeof(path),
	         "%s/dicts/pt.yaml: 'lang: pt-BR' does not "
	         "match the file name (expected pt)",
	         dir);
	CHECK_EQ_STR(err, path);

	/* Schema errors carry the file's path and place. */
	put(dir, "pt.yaml", "lang: pt\nhunspel: [pt_PT]\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	snprintf(path, sizeof(path),
	         "%s/dicts/pt.yaml:2:1: unknown key 'hunspel'", dir);
	CHECK(strncmp(err, path, strlen(path)) == 0);

	/* extra_words is resolved in dicts/ and must exist. */
	put(dir, "pt.yaml", "lang: pt\nextra_words: missing.dic\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EIO);
	CHECK_CONTAINS(err, "pt.yaml:2:14: extra_words file ");
	CHECK_CONTAINS(err, "/dicts/missing.dic cannot be read");

	/* Two spellings of one tag. */
	put(dir, "pt.yaml", "lang: pt\n");
	put(dir, "pt-BR.yaml", "lang: pt-BR\n");
	put(dir, "pt_BR.yaml", "lang: pt-BR\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	CHECK_CONTAINS(err, "pt_BR.yaml: a second profile for pt-BR");
	remove_file(dir, "pt-BR.yaml");
	remove_file(dir, "pt_BR.yaml");

	/* Every *.yaml must be named after a tag. */
	put(dir, "README.yaml", "lang: en\n");
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), FL_EPARSE);
	CHECK_CONTAINS(err, "README.yaml: file name is not a language tag");
	remove_file(dir, "README.yaml");

	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), 0);
	CHECK_EQ_INT(set.count, 1);
	fl__profiles_dispose(&set);
	remove_data_dir(dir);

	/* No dicts/ folder at all. */
	CHECK_EQ_INT(
	    fl__profiles_load(&set, "/nonexistent/data", err, sizeof(err)),
	    FL_EIO);
	CHECK_EQ_STR(err,
	             "/nonexistent/data/dicts: cannot open: No such file or "
	             "directory");
	CHECK(set.count == 0);
}

static void test_load_empty_folder(void)
{
	char *dir = make_data_dir();
	fl__profile_set set = {NULL, 0};

	if (!dir)
		return;
	CHECK_EQ_INT(fl__profiles_load(&set, dir, err, sizeof(err)), 0);
	CHECK_EQ_INT(set.count, 0);
	CHECK(fl__profiles_find(&set, "en") == NULL);
	fl__profiles_dispose(&set);
	remove_data_dir(dir);
}

TESTS(T(test_tag_canonicalize), T(test_parse_full_profile),
      T(test_parse_defaults), T(test_parse_errors), T(test_respell),
      T(test_load_with_inherit), T(test_load_errors), T(test_load_empty_folder))
