#include "facts/facts.h"
#include "test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static char path_buf[4096];

/* Path of a file under tests/data/facts. */
static const char *data_path(const char *name)
{
	const char *dir = getenv("FL_TEST_DATA");
	snprintf(path_buf, sizeof(path_buf), "%s/facts/%s", dir ? dir : "data",
	         name);
	return path_buf;
}

static fl_facts *new_facts(void)
{
	fl_facts *f = NULL;
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	return f;
}

/* Loads a bad file and checks the code, that the message starts with
 * "path:<where>: " (where is "line:col" or "" for no place) and holds
 * `phrase`, and that the facts stayed empty. */
static void check_bad_file(const char *name, int code, const char *where,
                           const char *phrase)
{
	fl_facts *f = new_facts();
	const char *path = data_path(name);
	char prefix[4200];
	const char *msg;

	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_load_file(f, path), code);
	msg = fl_facts_error(f);
	snprintf(prefix, sizeof(prefix), "%s:%s%s", path, where,
	         where[0] ? ": " : " ");
	if (strncmp(msg, prefix, strlen(prefix)) != 0) {
		fprintf(stderr,
		        "%s: message \"%s\" does not start with \"%s\"\n", name,
		        msg, prefix);
		CHECK(!"message prefix");
	}
	CHECK_CONTAINS(msg, phrase);
	CHECK_EQ_INT(fl_facts_entity_count(f), 0);
	CHECK_EQ_INT(fl_facts_number_count(f), 0);
	CHECK_EQ_INT(fl_facts_term_count(f), 0);
	CHECK(fl_facts_story(f) == NULL);
	CHECK(fl_facts_source_lang(f) == NULL);
	fl_facts_free(f);
}

/* Loads a buffer expected to fail; returns the message (static copy). */
static const char *load_bad(const char *yaml, int code)
{
	static char msg[FL_ERRMSG_SIZE];
	fl_facts *f = new_facts();

	if (!f)
		return "";
	CHECK_EQ_INT(fl_facts_load_buffer(f, "mem.yaml", yaml, strlen(yaml)),
	             code);
	CHECK_EQ_INT(fl_facts_entity_count(f), 0);
	snprintf(msg, sizeof(msg), "%s", fl_facts_error(f));
	fl_facts_free(f);
	return msg;
}

static void check_renderings(const fl_facts *f, size_t i, const char *lang,
                             size_t want, const char *first)
{
	const char *const *r = (const char *const *)&r;
	size_t n = 99;

	CHECK_EQ_INT(fl_facts_entity_renderings(&r, &n, f, i, lang), 0);
	CHECK_EQ_INT(n, want);
	if (want == 0)
		CHECK(r == NULL);
	else if (r && n == want)
		CHECK_EQ_STR(r[0], first);
}

static void test_good_file(void)
{
	fl_facts *f = new_facts();
	fl_entity_info e;

	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_load_file(f, data_path("good.yaml")), 0);
	CHECK_EQ_STR(fl_facts_error(f), "");
	CHECK_EQ_STR(fl_facts_story(f), "meta-scale-ai");
	/* Tags are canonicalised. */
	CHECK_EQ_STR(fl_facts_source_lang(f), "en-US");
	CHECK_EQ_INT(fl_facts_entity_count(f), 7);
	CHECK_EQ_INT(fl_facts_number_count(f), 3);
	CHECK_EQ_INT(fl_facts_term_count(f), 2);

	CHECK_EQ_INT(fl_facts_entity(&e, f, 0), 0);
	CHECK_EQ_STR(e.name, "Surge");
	CHECK_EQ_INT(e.kind, FL_KIND_ORG);
	CHECK_EQ_INT(e.alias_count, 1);
	CHECK(e.alias_count == 1 && strcmp(e.aliases[0], "Surge AI") == 0);
	CHECK_EQ_INT(e.count, 5);
	CHECK_EQ_INT(f->entities[0].line, 6);
	check_renderings(f, 0, "ar", 1, "سيرج");

	/* The flow-style entity. */
	CHECK_EQ_INT(fl_facts_entity(&e, f, 1), 0);
	CHECK_EQ_STR(e.name, "Alexandr Wang");
	CHECK_EQ_INT(e.kind, FL_KIND_PERSON);
	CHECK(e.alias_count == 1 && strcmp(e.aliases[0], "Wang") == 0);
	CHECK_EQ_INT(e.count, -1);
	CHECK_EQ_INT(f->entities[1].line, 11);
	check_renderings(f, 1, "ar", 2, "ألكسندر وانغ");
	check_renderings(f, 1, "pt", 0, NULL);

	/* Single strings stand for one-element lists. */
	CHECK_EQ_INT(fl_facts_entity(&e, f, 2), 0);
	CHECK(e.alias_count == 1 &&
	      strcmp(e.aliases[0], "Meta Platforms") == 0);
	check_renderings(f, 2, "ar", 1, "ميتا");
	/* Fallback from a region to its language, not the other way. */
	check_renderings(f, 2, "ar-EG", 1, "ميتا");
	check_renderings(f, 2, "AR", 1, "ميتا");
	check_renderings(f, 2, "pt-BR", 1, "Meta");
	check_renderings(f, 2, "pt_br", 1, "Meta");
	check_renderings(f, 2, "pt", 0, NULL);
	CHECK_EQ_STR(f->entities[2].renderings[1].lang, "pt-BR");

	CHECK_EQ_INT(fl_facts_entity(&e, f, 3), 0);
	CHECK_EQ_INT(e.kind, FL_KIND_PRODUCT);
	CHECK_EQ_INT(e.count, 0);
	CHECK_EQ_INT(e.alias_count, 0);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 4), 0);
	CHECK_EQ_INT(e.kind, FL_KIND_PLACE);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 5), 0);
	CHECK_EQ_STR(e.name, "1984");
	CHECK_EQ_INT(e.kind, FL_KIND_WORK);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 6), 0);
	CHECK_EQ_INT(e.kind, FL_KIND_OTHER);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 7), FL_EINVAL);

	CHECK(f->numbers[0].value == 14300000000.0);
	CHECK_EQ_STR(f->numbers[0].raw, "14300000000");
	CHECK_EQ_STR(f->numbers[0].unit, "USD");
	CHECK_EQ_STR(f->numbers[0].about, "Meta investment");
	CHECK(f->numbers[1].value == 49.0);
	CHECK(f->numbers[1].about == NULL);
	CHECK(f->numbers[2].value == -2500.0);
	CHECK(f->numbers[2].unit == NULL);
	CHECK_EQ_INT(f->numbers[1].line, 28);

	CHECK_EQ_STR(f->terms[0].source, "data labeling");
	CHECK_EQ_INT(f->terms[0].expect_count, 2);
	CHECK_EQ_STR(f->terms[0].expect[1].lang, "ar");
	CHECK_EQ_STR(f->terms[0].expect[1].items[0], "تصنيف البيانات");
	CHECK_EQ_INT(f->terms[0].forbid_count, 2);
	CHECK_EQ_STR(f->terms[0].forbid[0].items[0],
	             "etiquetagem\\s+de\\s+dados");
	CHECK_EQ_STR(f->terms[0].forbid[1].items[0], "وسم");
	CHECK_EQ_INT(f->terms[1].expect_count, 0);
	CHECK_EQ_INT(f->terms[1].line, 35);

	/* Loading again into loaded facts is refused and changes nothing. */
	CHECK_EQ_INT(fl_facts_load_file(f, data_path("good.yaml")), FL_EINVAL);
	CHECK_CONTAINS(fl_facts_error(f), "already loaded");
	CHECK_EQ_INT(fl_facts_entity_count(f), 7);
	fl_facts_free(f);
}

static void test_bad_files(void)
{
	check_bad_file("unknown_key_top.yaml", FL_EPARSE, "3:1",
	               "unknown key 'entitys' in facts file (expected version, "
	               "story, source_lang, origin, entities, numbers, terms)");
	check_bad_file("unknown_key_entity.yaml", FL_EPARSE, "4:5",
	               "unknown key 'nmae' in entity (expected name, kind, "
	               "aliases, renderings, count)");
	check_bad_file("wrong_type.yaml", FL_EPARSE, "4:12",
	               "'count' must be a non-negative integer");
	check_bad_file("missing_name.yaml", FL_EPARSE, "4:5",
	               "missing required key 'name' in entity");
	check_bad_file("bad_version.yaml", FL_EPARSE, "1:10",
	               "unsupported 'version' 2 (expected 1");
	check_bad_file("duplicate_entity.yaml", FL_EPARSE, "6:12",
	               "entity 'Surge' already defined at line 4");
	check_bad_file("duplicate_key.yaml", FL_EPARSE, "5:5",
	               "duplicate key 'name'");
	check_bad_file("bad_tag.yaml", FL_EPARSE, "6:7",
	               "invalid language tag 'arabic' in 'renderings'");
	check_bad_file("bad_regex.yaml", FL_EPARSE, "5:25",
	               "invalid pattern 'etiquet(agem' in 'forbid' for pt: "
	               "offset 12: missing closing parenthesis");
	check_bad_file("bad_utf8.yaml", FL_EENCODING, "",
	               "invalid UTF-8 at byte offset 21");
	check_bad_file("alias.yaml", FL_EPARSE, "3:5",
	               "anchors and aliases are not supported");
	check_bad_file("empty.yaml", FL_EPARSE, "", "no facts (empty file)");
	check_bad_file("top_list.yaml", FL_EPARSE, "1:1",
	               "the top level must be a mapping");
	check_bad_file("no-such-file.yaml", FL_EIO, "", "cannot open");
}

static void test_failure_leaves_facts_empty_and_reusable(void)
{
	fl_facts *f = new_facts();

	if (!f)
		return;
	/* The entities before the duplicate were loaded, then dropped. */
	CHECK_EQ_INT(fl_facts_load_file(f, data_path("duplicate_entity.yaml")),
	             FL_EPARSE);
	CHECK_EQ_INT(fl_facts_entity_count(f), 0);
	CHECK(f->entities == NULL);
	CHECK(!f->loaded);
	CHECK_EQ_INT(fl_facts_load_file(f, data_path("good.yaml")), 0);
	CHECK_EQ_INT(fl_facts_entity_count(f), 7);
	CHECK_EQ_STR(fl_facts_error(f), "");
	fl_facts_free(f);
}

static void test_buffer_type_errors(void)
{
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities:\n  - name: X\n"
	             "    aliases: {a: b}\n",
	             FL_EPARSE),
	    "mem.yaml:4:14: 'aliases' must be a list of strings or one "
	    "string, not a mapping");
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities:\n  - name: X\n"
	             "    renderings: [a]\n",
	             FL_EPARSE),
	    "mem.yaml:4:17: 'renderings' must be a mapping of language "
	    "tags to lists of strings (e.g. {ar: [...]}), not a list");
	CHECK_EQ_STR(load_bad("version: 1\nentities:\n  - name: X\n"
	                      "    kind: company\n",
	                      FL_EPARSE),
	             "mem.yaml:4:11: 'kind' must be one of person, org, "
	             "product, place, work, other; not 'company'");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n- {name: X, count: -1}\n",
	             FL_EPARSE),
	    "mem.yaml:3:20: 'count' must be a non-negative integer");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n- {name: X, count: '3'}\n",
	             FL_EPARSE),
	    "mem.yaml:3:20: 'count' must be a non-negative integer");
	CHECK_CONTAINS(load_bad("version: 1\nentities:\n"
	                        "- {name: X, count: 99999999999999999999999}\n",
	                        FL_EPARSE),
	               "mem.yaml:3:20: 'count' is too large");
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities:\n- {name: ''}\n", FL_EPARSE),
	    "mem.yaml:3:10: 'name' must be a non-empty string, not "
	    "empty");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n- {name: [a]}\n", FL_EPARSE),
	    "mem.yaml:3:10: 'name' must be a non-empty string, not a "
	    "list");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n- {name: \"a\\0b\"}\n", FL_EPARSE),
	    "mem.yaml:3:10: 'name' must not contain NUL");
	CHECK_EQ_STR(load_bad("version: 1\nentities:\n- Surge\n", FL_EPARSE),
	             "mem.yaml:3:3: an entity must be a mapping with at least "
	             "'name', not a string");
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities: {name: x}\n", FL_EPARSE),
	    "mem.yaml:2:11: 'entities' must be a list of entities, not a "
	    "mapping");
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities:\n- name: X\n"
	             "  renderings: {ar: [a, [b]]}\n",
	             FL_EPARSE),
	    "mem.yaml:4:24: items of 'renderings' must be strings, not a "
	    "list");
	CHECK_CONTAINS(load_bad("version: 1\nentities:\n- name: X\n"
	                        "  renderings: {pt_br: a, pt-BR: b}\n",
	                        FL_EPARSE),
	               "mem.yaml:4:26: language pt-BR given twice in "
	               "'renderings' (first at line 4)");
}

static void test_buffer_numbers_and_terms(void)
{
	CHECK_EQ_STR(
	    load_bad("version: 1\nnumbers:\n- {value: '5'}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' must be a number (integer or "
	    "decimal, unquoted), not '5'");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: 0x10}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' must be a number");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: .inf}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' must be a number");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: 1.5x}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' must be a number");
	/* Times, dates and ranges have shapes of their own. */
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: '25:10'}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' must be a number (14300000000, 2.5), a "
	    "range (27-29), a time (15:00) or a date (2005-05-30, --10-01, "
	    "2018-06), not '25:10'");
	CHECK_CONTAINS(load_bad("version: 1\nnumbers:\n- {value: 2005-13-01}\n",
	                        FL_EPARSE),
	               "not '2005-13-01'");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: 1-2-3}\n", FL_EPARSE),
	    "not '1-2-3'");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: '--13-01'}\n", FL_EPARSE),
	    "not '--13-01'");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: 1e999}\n", FL_EPARSE),
	    "mem.yaml:3:11: 'value' is out of range");
	CHECK_EQ_STR(
	    load_bad("version: 1\nnumbers:\n- {unit: USD}\n", FL_EPARSE),
	    "mem.yaml:3:3: missing required key 'value' in number");
	CHECK_CONTAINS(
	    load_bad("version: 1\nnumbers:\n- {value: 1, units: x}\n",
	             FL_EPARSE),
	    "mem.yaml:3:14: unknown key 'units' in number (expected "
	    "value, unit, about)");
	CHECK_EQ_STR(
	    load_bad("version: 1\nterms:\n- {expect: {pt: x}}\n", FL_EPARSE),
	    "mem.yaml:3:3: missing required key 'source' in term");
	CHECK_CONTAINS(
	    load_bad("version: 1\nterms:\n- {source: x, forbid: y}\n",
	             FL_EPARSE),
	    "mem.yaml:3:23: 'forbid' must be a mapping of language "
	    "tags");
	CHECK_CONTAINS(
	    load_bad("version: 1\nterms:\n- {source: x, expected: y}\n",
	             FL_EPARSE),
	    "mem.yaml:3:15: unknown key 'expected' in term (expected "
	    "source, expect, forbid)");
	CHECK_CONTAINS(load_bad("version: 1\nterms:\n"
	                        "- {source: x, forbid: {1x: a}}\n",
	                        FL_EPARSE),
	               "mem.yaml:3:24: invalid language tag '1x' in 'forbid'");
	/* A single pattern, not in a list, is checked at its own place. */
	CHECK_CONTAINS(
	    load_bad("version: 1\nterms:\n"
	             "- {source: x, forbid: {pt: '*a'}}\n",
	             FL_EPARSE),
	    "mem.yaml:3:28: invalid pattern '*a' in 'forbid' for pt: "
	    "offset 0:");
}

static void test_buffer_top_level(void)
{
	CHECK_EQ_STR(
	    load_bad("story: x\n", FL_EPARSE),
	    "mem.yaml:1:1: missing required key 'version' in facts file "
	    "(expected 'version: 1')");
	CHECK_CONTAINS(load_bad("version: 1.0\n", FL_EPARSE),
	               "mem.yaml:1:10: unsupported 'version' 1.0");
	CHECK_CONTAINS(load_bad("version: [1]\n", FL_EPARSE),
	               "mem.yaml:1:10: unsupported 'version' a list");
	CHECK_CONTAINS(
	    load_bad("version: 1\nsource_lang: english\n", FL_EPARSE),
	    "mem.yaml:2:14: invalid language tag 'english' in "
	    "'source_lang'");
	CHECK_CONTAINS(load_bad("version: 1\nstory: {a: b}\n", FL_EPARSE),
	               "mem.yaml:2:8: 'story' must be a non-empty string");
	CHECK_EQ_STR(load_bad("just text\n", FL_EPARSE),
	             "mem.yaml:1:1: the top level must be a mapping (version, "
	             "story, source_lang, entities, numbers, terms), not a "
	             "string");
	CHECK_EQ_STR(load_bad("---\n", FL_EPARSE),
	             "mem.yaml: no facts (empty file)");
	CHECK_EQ_STR(load_bad("# nothing\n", FL_EPARSE),
	             "mem.yaml: no facts (empty file)");
	CHECK_CONTAINS(load_bad("version: 1\nentities: [\n", FL_EPARSE),
	               "mem.yaml:3:1: ");
	CHECK_EQ_STR(load_bad("version: 1\n\xc3(\n", FL_EENCODING),
	             "mem.yaml: invalid UTF-8 at byte offset 11");
}

static void test_optional_nulls_and_minimal(void)
{
	const char *yaml = "version: 1\nstory:\nentities:\n"
	                   "  - {name: X, kind: ~, aliases: , renderings: }\n"
	                   "numbers: ~\nterms: []\n";
	fl_facts *f = new_facts();
	fl_entity_info e;

	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_load_buffer(f, "min.yaml", yaml, strlen(yaml)),
	             0);
	CHECK_EQ_STR(fl_facts_error(f), "");
	CHECK(fl_facts_story(f) == NULL);
	CHECK(fl_facts_source_lang(f) == NULL);
	CHECK_EQ_INT(fl_facts_entity_count(f), 1);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 0), 0);
	CHECK_EQ_INT(e.kind, FL_KIND_OTHER);
	CHECK_EQ_INT(e.alias_count, 0);
	check_renderings(f, 0, "ar", 0, NULL);
	CHECK_EQ_INT(fl_facts_number_count(f), 0);
	CHECK_EQ_INT(fl_facts_term_count(f), 0);
	fl_facts_free(f);
}

/* fl_facts_merge: what dst lacks is added, dst wins, a copy is deep. */
static void test_merge(void)
{
	const char *a =
	    "version: 1\nentities:\n"
	    "  - {name: Meta, kind: org, renderings: {ar: [ميتا]}}\n"
	    "numbers:\n  - {value: 5, unit: year}\n";
	const char *b = "version: 1\norigin: extracted\nentities:\n"
	                "  - {name: META, kind: other, count: 3}\n"
	                "  - {name: Surge, kind: other, aliases: [Surge AI], "
	                "count: 2}\n"
	                "numbers:\n  - {value: 5, unit: year}\n"
	                "  - {value: '15:00'}\n  - {value: 5, unit: month}\n";
	fl_facts *dst = new_facts(), *src = new_facts(), *empty = new_facts();
	fl_entity_info e;

	if (!dst || !src || !empty)
		return;
	CHECK_EQ_INT(fl_facts_load_buffer(dst, "a.yaml", a, strlen(a)), 0);
	CHECK_EQ_INT(fl_facts_load_buffer(src, "b.yaml", b, strlen(b)), 0);
	CHECK_EQ_INT(fl_facts_merge(empty, src), FL_EINVAL); /* not loaded */
	CHECK_EQ_INT(fl_facts_merge(dst, src), 0);
	CHECK_EQ_INT(fl_facts_entity_count(dst), 2);
	CHECK_EQ_INT(fl_facts_entity(&e, dst, 0), 0);
	CHECK_EQ_STR(e.name, "Meta"); /* dst's Meta, not src's META */
	CHECK_EQ_INT(e.kind, FL_KIND_ORG);
	check_renderings(dst, 0, "ar", 1, "ميتا");
	CHECK_EQ_INT(fl_facts_entity(&e, dst, 1), 0);
	CHECK_EQ_STR(e.name, "Surge");
	CHECK_EQ_INT(e.count, 2);
	CHECK_EQ_INT(e.alias_count, 1);
	CHECK(dst->entities[1].extracted);
	CHECK(!dst->entities[0].extracted);
	/* 5 years is dst's already; 15:00 and 5 months are new */
	CHECK_EQ_INT(fl_facts_number_count(dst), 3);
	CHECK_EQ_INT(dst->numbers[1].shape, FL_NUMSHAPE_TIME);
	CHECK_EQ_STR(dst->numbers[2].unit, "month");
	/* deep copies: dst outlives src */
	fl_facts_free(src);
	CHECK_EQ_INT(fl_facts_entity(&e, dst, 1), 0);
	CHECK_EQ_STR(e.aliases[0], "Surge AI");
	fl_facts_free(dst);
	fl_facts_free(empty);
}

static void test_buffer_not_nul_terminated(void)
{
	const char yaml[] = "version: 1\nstory: abc!!!";
	fl_facts *f = new_facts();

	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_load_buffer(f, "b", yaml, strlen(yaml) - 3), 0);
	CHECK_EQ_STR(fl_facts_story(f), "abc");
	fl_facts_free(f);
}

static void test_handles_and_arguments(void)
{
	fl_facts *f = new_facts();
	const char *const *r;
	size_t n;
	fl_entity_info e;

	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_PERSON), "person");
	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_ORG), "org");
	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_PRODUCT), "product");
	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_PLACE), "place");
	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_WORK), "work");
	CHECK_EQ_STR(fl_entity_kind_name(FL_KIND_OTHER), "other");
	CHECK_EQ_STR(fl_entity_kind_name((fl_entity_kind)42), "?");

	CHECK_EQ_STR(fl_facts_error(f), "");
	CHECK_EQ_INT(fl_facts_entity_count(f), 0);
	CHECK_EQ_INT(fl_facts_entity(&e, f, 0), FL_EINVAL);
	CHECK_EQ_INT(fl_facts_entity_renderings(&r, &n, f, 0, "ar"), FL_EINVAL);
	CHECK_EQ_INT(fl_facts_load_buffer(NULL, "x", "", 0), FL_EINVAL);
	CHECK_EQ_INT(fl_facts_load_file(f, NULL), FL_EINVAL);
	CHECK_EQ_INT(fl_facts_entity_count(NULL), 0);
	fl_facts_free(f);
	fl_facts_free(NULL);
}

static void test_lang_strings_find(void)
{
	char *a[] = {"a"}, *b[] = {"b"}, *c[] = {"c"};
	fl__lang_strings list[] = {
	    {"pt", a, 1}, {"pt-BR", b, 1}, {"sr-Latn", c, 1}};

	CHECK(fl__lang_strings_find(list, 3, "pt-BR") == &list[1]);
	CHECK(fl__lang_strings_find(list, 3, "PT-br") == &list[1]);
	CHECK(fl__lang_strings_find(list, 3, "pt_BR") == &list[1]);
	CHECK(fl__lang_strings_find(list, 3, "pt-PT") == &list[0]);
	CHECK(fl__lang_strings_find(list, 3, "pt") == &list[0]);
	CHECK(fl__lang_strings_find(list, 3, "sr-Latn-RS") == NULL);
	CHECK(fl__lang_strings_find(list, 3, "sr") == NULL);
	CHECK(fl__lang_strings_find(list, 3, "p") == NULL);
	CHECK(fl__lang_strings_find(list + 1, 2, "pt") == NULL);
	CHECK(fl__lang_strings_find(NULL, 0, "pt") == NULL);
	CHECK(fl__lang_strings_find(list, 3, NULL) == NULL);
}

static void test_ambiguous_entities_refused(void)
{
	/* Names differing only in case: one text cannot tell them apart. */
	CHECK_EQ_STR(
	    load_bad("version: 1\nentities:\n  - name: Surge\n"
	             "  - name: SURGE\n",
	             FL_EPARSE),
	    "mem.yaml:4:11: ambiguous name 'SURGE': the name 'Surge' of "
	    "another entity, at mem.yaml:3:11, is the same once case and "
	    "marks are set aside, so a text naming it could not tell the two "
	    "entities apart; make them one entity (the other form an alias) "
	    "or remove one");
	/* An alias equal to another entity's name, either way round. */
	CHECK_CONTAINS(load_bad("version: 1\nentities:\n  - name: Surge AI\n"
	                        "  - name: Surge\n    aliases: [surge ai]\n",
	                        FL_EPARSE),
	               "mem.yaml:5:15: ambiguous alias 'surge ai': the name "
	               "'Surge AI' of another entity, at mem.yaml:3:11,");
	CHECK_CONTAINS(load_bad("version: 1\nentities:\n"
	                        "  - {name: Scale, aliases: Meta}\n"
	                        "  - {name: Meta}\n",
	                        FL_EPARSE),
	               "mem.yaml:4:12: ambiguous name 'Meta': the alias 'Meta' "
	               "of another entity, at mem.yaml:3:28,");
	/* Marks: the match key drops Arabic vowel marks. */
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n"
	             "  - {name: A, renderings: {ar: [\xd8\xb3\xd9\x8e"
	             "\xd9\x8a\xd8\xb1\xd8\xac]}}\n"
	             "  - {name: B, renderings: {ar: \xd8\xb3\xd9\x8a"
	             "\xd8\xb1\xd8\xac}}\n",
	             FL_EPARSE),
	    "mem.yaml:4:32: ambiguous rendering");
	/* A rendering equal to another entity's name, in any language. */
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n"
	             "  - {name: Play AI, renderings: {pt: [Meta]}}\n"
	             "  - {name: Meta}\n",
	             FL_EPARSE),
	    "mem.yaml:4:12: ambiguous name 'Meta': the rendering "
	    "'Meta' of another entity, at mem.yaml:3:39,");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n"
	             "  - {name: Meta}\n"
	             "  - {name: Play AI, renderings: {pt: [meta]}}\n",
	             FL_EPARSE),
	    "mem.yaml:4:39: ambiguous rendering 'meta': the name "
	    "'Meta' of another entity, at mem.yaml:3:12,");
	{
		/* Not ambiguous: one entity's own forms may repeat; the same
		 * rendering in two languages of two entities; different
		 * names. */
		fl_facts *f = new_facts();
		const char *ok = "version: 1\nentities:\n"
		                 "  - {name: Surge, aliases: [SURGE, Surge], "
		                 "renderings: {pt: [Surge], ar: [X1]}}\n"
		                 "  - {name: Serge, renderings: {fr: [X1]}}\n";
		if (f) {
			CHECK_EQ_INT(
			    fl_facts_load_buffer(f, "ok.yaml", ok, strlen(ok)),
			    0);
			CHECK_EQ_STR(fl_facts_error(f), "");
			CHECK_EQ_INT(fl_facts_entity_count(f), 2);
			fl_facts_free(f);
		}
	}
}

/* Loads yaml, which must succeed; returns the facts (caller frees). */
static fl_facts *load_good(const char *yaml, size_t len)
{
	fl_facts *f = new_facts();
	if (!f)
		return NULL;
	CHECK_EQ_INT(fl_facts_load_buffer(f, "mem.yaml", yaml, len), 0);
	CHECK_EQ_STR(fl_facts_error(f), "");
	return f;
}

static void test_user_spellings(void)
{
	static const char bom[] = "\xEF\xBB\xBFversion: 1\nentities:\n"
	                          "  - name: Surge\n";
	static const char quoted[] = "version: '1'\nentities:\n"
	                             "  - name: Surge\n";
	static const char one[] = "version: 1\nterms:\n- source: pitch\n"
	                          "  forbid: {pt: arremesso}\n";
	fl_facts *f;

	/* A byte order mark, as Windows editors write it. */
	if ((f = load_good(bom, sizeof(bom) - 1))) {
		CHECK_EQ_INT(fl_facts_entity_count(f), 1);
		fl_facts_free(f);
	}
	/* 'version: "1"' means version 1. */
	if ((f = load_good(quoted, sizeof(quoted) - 1))) {
		CHECK_EQ_INT(f->version, 1);
		fl_facts_free(f);
	}
	CHECK_CONTAINS(load_bad("version: '2'\n", FL_EPARSE),
	               "mem.yaml:1:10: unsupported 'version' 2 (expected 1");
	/* One pattern for a language is a list of one. */
	if ((f = load_good(one, sizeof(one) - 1))) {
		CHECK_EQ_INT(fl_facts_term_count(f), 1);
		CHECK_EQ_INT(f->terms[0].forbid_count, 1);
		CHECK_EQ_INT(f->terms[0].forbid[0].count, 1);
		CHECK_EQ_STR(f->terms[0].forbid[0].items[0], "arremesso");
		fl_facts_free(f);
	}
	/* Tags are refused where they stand, not silently dropped. */
	CHECK_EQ_STR(load_bad("version: 1\nterms:\n- source: pitch\n"
	                      "  forbid: !custom {pt: [arremesso]}\n",
	                      FL_EPARSE),
	             "mem.yaml:4:11: tags such as '!custom' are not supported "
	             "(write the value without a tag)");
	CHECK_CONTAINS(
	    load_bad("version: 1\nentities:\n- name: !!str Surge\n", FL_EPARSE),
	    "mem.yaml:3:9: tags such as");
}

TESTS(T(test_good_file), T(test_bad_files),
      T(test_failure_leaves_facts_empty_and_reusable),
      T(test_buffer_type_errors), T(test_buffer_numbers_and_terms),
      T(test_buffer_top_level), T(test_optional_nulls_and_minimal),
      T(test_buffer_not_nul_terminated), T(test_handles_and_arguments),
      T(test_merge), T(test_lang_strings_find),
      T(test_ambiguous_entities_refused), T(test_user_spellings))
