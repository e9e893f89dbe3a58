/*
 * Rule packs: the loader's messages for every kind of bad pack (exact
 * text, with file, line and column), conditions and examples, the
 * UTF-8 <-> UTF-16 map used to place matches, and the public rule list.
 */
#include "checks/pattern_scan.h"
#include "rules/pack.h"
#include "test.h"

#include <fidelint/fidelint.h>
#include <stdlib.h>
#include <string.h>

/* Parses y as pack "p/ar.yaml"; returns the code, message in err. */
static int parse(fl__ruleset *s, const char *y, char *err, size_t n)
{
	return fl__ruleset_parse(s, "p/ar.yaml", "ar", y, strlen(y), err, n);
}

/* Expects y to fail with FL_EPARSE and exactly message want. */
static void bad(const char *y, const char *want)
{
	fl__ruleset s = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	CHECK_EQ_INT(parse(&s, y, err, sizeof(err)), FL_EPARSE);
	CHECK_EQ_STR(err, want);
	CHECK_EQ_INT(s.count, 0);
	fl__ruleset_dispose(&s);
}

#define RULE(id, pat)                                                          \
	"  - id: " id "\n    pattern: " pat "\n    severity: error\n"          \
	"    message: m\n    rationale: r\n    examples: {match: [a]}\n"

static void test_good_pack(void)
{
	fl__ruleset s = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	const char *y = "pack: ar\nrules:\n" RULE(
	    "text.ar.one",
	    "a") "  - id: term.ar.two\n"
	         "    pattern: 'b+'\n    caseless: true\n    severity: info\n"
	         "    message: m2\n    suggestion: s\n    rationale: r2\n"
	         "    when: {facts_lack_entity: [X], lang: ar_eg}\n"
	         "    examples: {match: [B], no_match: [c]}\n";
	CHECK_EQ_INT(parse(&s, y, err, sizeof(err)), 0);
	CHECK_EQ_STR(err, "");
	CHECK_EQ_INT(s.count, 2);
	if (s.count == 2) {
		CHECK_EQ_STR(s.rules[1].id, "term.ar.two");
		CHECK(s.rules[1].caseless);
		CHECK_EQ_INT(s.rules[1].severity, FL_SEVERITY_INFO);
		CHECK_EQ_STR(s.rules[1].suggestion, "s");
		CHECK_EQ_STR(s.rules[1].langs.items[0], "ar-EG");
		CHECK_EQ_INT(s.rules[1].line, 9);
		CHECK_EQ_INT(
		    fl__rule_test_examples(&s.rules[1], err, sizeof(err)), 0);
		CHECK(fl__rule_applies_to(&s.rules[0], "ar"));
		CHECK(!fl__rule_applies_to(&s.rules[0], "he"));
		/* lang: ar-EG narrows the rule to that variety. */
		CHECK(fl__rule_applies_to(&s.rules[1], "ar-EG"));
		CHECK(!fl__rule_applies_to(&s.rules[1], "ar"));
	}
	fl__ruleset_dispose(&s);
}

static void test_syntax_error(void)
{
	bad("pack: ar\nrules: [\n",
	    "p/ar.yaml:3:1: did not find expected node content (while "
	    "parsing a flow node at line 3)");
}

static void test_bad_regex(void)
{
	bad("pack: ar\nrules:\n" RULE("text.ar.x", "'a('"),
	    "p/ar.yaml:4:14: invalid pattern in rule 'text.ar.x': offset 2: "
	    "missing closing parenthesis");
	bad("pack: ar\nrules:\n  - id: text.ar.x\n    pattern: a\n"
	    "    severity: error\n    message: m\n    rationale: r\n"
	    "    when: {facts_have_entity_matching: '[a'}\n"
	    "    examples: {match: [a]}\n",
	    "p/ar.yaml:8:40: invalid pattern in rule 'text.ar.x': offset 2: "
	    "missing terminating ] for character class");
}

static void test_unknown_key(void)
{
	bad("pack: ar\nrules:\n  - id: text.ar.x\n    pattern: a\n"
	    "    severity: error\n    message: m\n    rationale: r\n"
	    "    colour: red\n    examples: {match: [a]}\n",
	    "p/ar.yaml:8:5: unknown key 'colour' in rule (expected id, "
	    "pattern, caseless, severity, message, suggestion, rationale, "
	    "when, examples)");
	bad("pack: ar\nversion: 1\n",
	    "p/ar.yaml:2:1: unknown key 'version' in rule pack (expected "
	    "pack, rules)");
	bad("pack: ar\nrules:\n  - id: text.ar.x\n    pattern: a\n"
	    "    severity: error\n    message: m\n    rationale: r\n"
	    "    when: {facts_lacks: [X]}\n    examples: {match: [a]}\n",
	    "p/ar.yaml:8:12: unknown key 'facts_lacks' in 'when' (expected "
	    "facts_lack_entity, facts_have_entity, "
	    "facts_have_entity_matching, facts_have_term, lang)");
}

static void test_duplicate_id(void)
{
	bad("pack: ar\nrules:\n" RULE("text.ar.x", "a") RULE("text.ar.x", "b"),
	    "p/ar.yaml:9:9: duplicate rule id 'text.ar.x' (first at "
	    "p/ar.yaml:3)");
}

static void test_bad_severity(void)
{
	bad("pack: ar\nrules:\n  - id: text.ar.x\n    pattern: a\n"
	    "    severity: fatal\n    message: m\n    rationale: r\n"
	    "    examples: {match: [a]}\n",
	    "p/ar.yaml:5:15: bad severity 'fatal' in rule 'text.ar.x' "
	    "(expected error, warning or info)");
}

static void test_bad_shapes(void)
{
	bad("pack: ar\nrules:\n" RULE("Text.ar.x", "a"),
	    "p/ar.yaml:3:9: bad rule id 'Text.ar.x' (expected "
	    "FAMILY.ar.SLUG: family term, name or text; slug of a-z, 0-9 "
	    "and '-')");
	bad("pack: ar\nrules:\n" RULE("text.he.x", "a"),
	    "p/ar.yaml:3:9: bad rule id 'text.he.x' (expected "
	    "FAMILY.ar.SLUG: family term, name or text; slug of a-z, 0-9 "
	    "and '-')");
	bad("pack: he\nrules: []\n",
	    "p/ar.yaml:1:7: 'pack' must be the language of the file name, "
	    "'ar'");
	bad("pack: ar\nrules:\n  - {id: text.ar.x, pattern: a, severity: "
	    "error, message: m, rationale: r}\n",
	    "p/ar.yaml:3:5: rule 'text.ar.x' needs at least one example in "
	    "'examples: {match: [...]}'");
	bad("pack: ar\nrules:\n  - {id: text.ar.x, severity: error}\n",
	    "p/ar.yaml:3:5: missing required key 'pattern' in rule "
	    "'text.ar.x'");
	bad("pack: ar\nrules:\n  - {id: text.ar.x, pattern: a, severity: "
	    "error, message: m, rationale: r, caseless: yes, examples: "
	    "{match: [a]}}\n",
	    "p/ar.yaml:3:86: 'caseless' must be true or false, not 'yes'");
	bad("pack: ar\nrules: {}\n",
	    "p/ar.yaml:2:8: 'rules' must be a list of rules, not a mapping");
}

/* A bad pack leaves the rules loaded before it untouched. */
static void test_all_or_nothing(void)
{
	fl__ruleset s = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	CHECK_EQ_INT(parse(&s, "pack: ar\nrules:\n" RULE("text.ar.a", "a"), err,
	                   sizeof(err)),
	             0);
	CHECK_EQ_INT(parse(&s,
	                   "pack: ar\nrules:\n" RULE("text.ar.b", "b")
	                       RULE("text.ar.c", "'('"),
	                   err, sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_INT(s.count, 1);
	fl__ruleset_dispose(&s);
}

static void test_examples_fail(void)
{
	fl__ruleset s = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	CHECK_EQ_INT(parse(&s,
	                   "pack: ar\nrules:\n  - id: text.ar.x\n"
	                   "    pattern: 'ab'\n    severity: error\n"
	                   "    message: m\n    rationale: r\n"
	                   "    examples: {match: [xab], no_match: [abc]}\n",
	                   err, sizeof(err)),
	             0);
	CHECK_EQ_INT(fl__rule_test_examples(&s.rules[0], err, sizeof(err)),
	             FL_ERROR);
	CHECK_EQ_STR(err, "p/ar.yaml:3: rule text.ar.x: example 'abc' should "
	                  "not match but does");
	fl__ruleset_dispose(&s);
}

/* Byte offsets of matches map back to UTF-16 offsets, across 2- and
 * 4-byte characters. */
static void test_scan_map(void)
{
	fl__doc d;
	fl__scan_text t;
	memset(&d, 0, sizeof(d));
	/* "aé😀b": a(1 byte) é(2) 😀(4, a surrogate pair) b(1) */
	uint16_t text[] = {'a', 0xE9, 0xD83D, 0xDE00, 'b'};
	d.text = text;
	d.len = 5;
	CHECK_EQ_INT(fl__scan_text_init(&t, &d), 0);
	CHECK_EQ_INT(t.len, 8);
	CHECK(memcmp(t.u8,
	             "a\xC3\xA9\xF0\x9F\x98\x80"
	             "b",
	             8) == 0);
	CHECK_EQ_INT(fl__scan_to16(&t, 0), 0);
	CHECK_EQ_INT(fl__scan_to16(&t, 1), 1);
	CHECK_EQ_INT(fl__scan_to16(&t, 3), 2);
	CHECK_EQ_INT(fl__scan_to16(&t, 7), 4);
	CHECK_EQ_INT(fl__scan_to16(&t, 8), 5);
	fl__scan_text_dispose(&t);
}

/* The public list: built-in rules first, pack rules with their file and
 * line, and only the packs of the language asked for. */
static void test_public_list(void)
{
	fl_checker *chk = NULL;
	fl_rule_list *all = NULL, *pt = NULL, *bad_list = NULL;
	const fl_rule_info *r;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&all, chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&pt, chk, "pt_br"), 0);
	CHECK(fl_rule_list_count(all) > fl_rule_list_count(pt));
	r = fl_rule_list_get(all, 0);
	CHECK(r && r->origin == FL_RULE_BUILTIN && r->pack == NULL);
	CHECK(fl_rule_list_find(all, "term.missing") != NULL);
	CHECK(fl_rule_list_find(all, "name.literal") != NULL);
	r = fl_rule_list_find(all, "term.ar.amnesty-for-ai");
	CHECK(r && r->origin == FL_RULE_PACK && r->line > 0 &&
	      r->match_count > 0 && r->conditions && r->rationale);
	if (r)
		CHECK_CONTAINS(r->path, "rules/packs/ar.yaml");
	CHECK(fl_rule_list_find(pt, "term.ar.amnesty-for-ai") == NULL);
	CHECK(fl_rule_list_find(pt, "text.pt.detached-hyphen") != NULL);
	CHECK(fl_rule_list_find(pt, "no.such.rule") == NULL);
	CHECK(fl_rule_list_get(pt, fl_rule_list_count(pt)) == NULL);
	CHECK_EQ_INT(fl_checker_rules(&bad_list, chk, "xx"), FL_ELANG);
	CHECK(bad_list == NULL);
	fl_rule_list_free(all);
	fl_rule_list_free(pt);
	fl_rule_list_free(NULL);
	fl_checker_free(chk);
}

/* A pack with a bad pattern among good rules: the message names the
 * file, line and column of the pattern and PCRE2's offset (in bytes) and
 * message, and no rule of the pack is kept. (That checking a document in
 * the language then fails, and other languages still pass, is tested
 * through the program in tests/cli/cli_test.sh.) */
static void test_bad_pack_file(void)
{
	const char *dir = getenv("FL_TEST_DATA");
	fl__ruleset s = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "", path[1024];

	snprintf(path, sizeof(path), "%s/packs/bad/rules/packs/ar.yaml",
	         dir ? dir : "data");
	CHECK_EQ_INT(fl__ruleset_load_file(&s, path, err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "packs/bad/rules/packs/ar.yaml:13:14: invalid "
	                    "pattern in rule 'text.ar.broken': offset 22: "
	                    "missing closing parenthesis");
	CHECK_EQ_INT(s.count, 0);
	fl__ruleset_dispose(&s);
}

TESTS(T(test_good_pack), T(test_syntax_error), T(test_bad_regex),
      T(test_unknown_key), T(test_duplicate_id), T(test_bad_severity),
      T(test_bad_shapes), T(test_all_or_nothing), T(test_examples_fail),
      T(test_scan_map), T(test_public_list), T(test_bad_pack_file))
