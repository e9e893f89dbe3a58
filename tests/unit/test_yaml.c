#include "test.h"
#include "util/yaml.h"

#include <stdlib.h>

static char err[FL_ERRMSG_SIZE];

static int parse(fl_yaml_doc **doc, const char *s)
{
	err[0] = '\0';
	return fl_yaml_parse(doc, s, strlen(s), err, sizeof(err));
}

static void test_tree_and_positions(void)
{
	const char *src = "version: 1\n"
	                  "list:\n"
	                  "  - a\n"
	                  "  - 'b'\n"
	                  "map: {x: \"y\", z: ~}\n"
	                  "empty:\n";
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root, *list, *map, *v;

	CHECK_EQ_INT(parse(&doc, src), 0);
	root = fl_yaml_root(doc);
	CHECK(root != NULL);
	if (!root)
		return;
	CHECK_EQ_INT(root->type, FL_YAML_MAP);
	CHECK_EQ_INT(root->count, 8);
	CHECK_EQ_INT(root->line, 1);
	CHECK_EQ_INT(root->col, 1);

	v = fl_yaml_map_get(root, "version");
	CHECK(v && v->type == FL_YAML_SCALAR);
	CHECK_EQ_STR(v->str, "1");
	CHECK_EQ_INT(v->len, 1);
	CHECK_EQ_INT(v->line, 1);
	CHECK_EQ_INT(v->col, 10);
	CHECK(!v->quoted);

	list = fl_yaml_map_get(root, "list");
	CHECK(list && list->type == FL_YAML_SEQ && list->count == 2);
	if (list && list->count == 2) {
		CHECK_EQ_STR(list->items[0]->str, "a");
		CHECK_EQ_INT(list->items[0]->line, 3);
		CHECK_EQ_INT(list->items[0]->col, 5);
		CHECK_EQ_STR(list->items[1]->str, "b");
		CHECK(list->items[1]->quoted);
		CHECK(!list->items[0]->quoted);
	}

	map = fl_yaml_map_get(root, "map");
	CHECK(map && map->type == FL_YAML_MAP);
	if (map) {
		/* Flow collections start at their bracket. */
		CHECK_EQ_INT(map->line, 5);
		CHECK_EQ_INT(map->col, 6);
		CHECK_EQ_STR(fl_yaml_map_get(map, "x")->str, "y");
		CHECK(fl_yaml_is_null(fl_yaml_map_get(map, "z")));
		CHECK(!fl_yaml_is_null(fl_yaml_map_get(map, "x")));
		CHECK(fl_yaml_map_get(map, "nope") == NULL);
	}
	CHECK(fl_yaml_is_null(fl_yaml_map_get(root, "empty")));
	CHECK(fl_yaml_map_get(root, "missing") == NULL);
	/* map_get on a non-mapping finds nothing. */
	CHECK(fl_yaml_map_get(list, "a") == NULL);
	fl_yaml_free(doc);
}

static void test_null_and_quoted(void)
{
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;

	CHECK_EQ_INT(parse(&doc, "- ~\n- null\n- NULL\n- ''\n- \"null\"\n- x\n"
	                         "- |\n  t\n"),
	             0);
	root = fl_yaml_root(doc);
	CHECK(root && root->count == 7);
	if (root && root->count == 7) {
		CHECK(fl_yaml_is_null(root->items[0]));
		CHECK(fl_yaml_is_null(root->items[1]));
		CHECK(fl_yaml_is_null(root->items[2]));
		/* Quoted scalars are strings, even empty or "null". */
		CHECK(!fl_yaml_is_null(root->items[3]));
		CHECK(!fl_yaml_is_null(root->items[4]));
		CHECK(!fl_yaml_is_null(root->items[5]));
		CHECK(root->items[6]->quoted);
		CHECK_EQ_STR(root->items[6]->str, "t\n");
	}
	fl_yaml_free(doc);
}

static void test_columns_count_code_points(void)
{
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;

	/* "سيرج" is 4 code points but 8 bytes. */
	CHECK_EQ_INT(parse(&doc, "[سيرج, b]"), 0);
	root = fl_yaml_root(doc);
	CHECK(root && root->count == 2);
	if (root && root->count == 2) {
		CHECK_EQ_STR(root->items[0]->str, "سيرج");
		CHECK_EQ_INT(root->items[0]->len, 8);
		CHECK_EQ_INT(root->items[1]->col, 8);
	}
	fl_yaml_free(doc);
}

static void test_not_nul_terminated(void)
{
	const char src[] = "a: 1\nb: 2\ngarbage: [";
	fl_yaml_doc *doc = NULL;

	/* Only the first 10 bytes count; the broken rest is never read. */
	CHECK_EQ_INT(fl_yaml_parse(&doc, src, 10, err, sizeof(err)), 0);
	CHECK(fl_yaml_root(doc) && fl_yaml_root(doc)->count == 4);
	fl_yaml_free(doc);
}

static void test_empty_document(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, ""), 0);
	CHECK(doc != NULL);
	CHECK(fl_yaml_root(doc) == NULL);
	fl_yaml_free(doc);

	CHECK_EQ_INT(parse(&doc, "# only a comment\n\n"), 0);
	CHECK(fl_yaml_root(doc) == NULL);
	fl_yaml_free(doc);

	CHECK_EQ_INT(fl_yaml_parse(&doc, NULL, 0, err, sizeof(err)), 0);
	CHECK(fl_yaml_root(doc) == NULL);
	fl_yaml_free(doc);
	fl_yaml_free(NULL);
}

static void test_aliases_and_anchors_refused(void)
{
	fl_yaml_doc *doc = (fl_yaml_doc *)&doc;

	CHECK_EQ_INT(parse(&doc, "a: &x 1\nb: 2\n"), FL_EPARSE);
	CHECK(doc == NULL);
	CHECK_EQ_STR(err, "1:4: anchors and aliases are not supported");

	CHECK_EQ_INT(parse(&doc, "a: 1\nb: *x\n"), FL_EPARSE);
	CHECK_EQ_STR(err, "2:4: anchors and aliases are not supported");

	CHECK_EQ_INT(parse(&doc, "a: &m {b: 1}\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "1:4: anchors and aliases");
	CHECK_EQ_INT(parse(&doc, "- &s [1]\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "1:3: anchors and aliases");
}

static void test_tags_refused(void)
{
	fl_yaml_doc *doc = (fl_yaml_doc *)&doc;

	CHECK_EQ_INT(parse(&doc, "a: !custom {b: 1}\n"), FL_EPARSE);
	CHECK(doc == NULL);
	CHECK_EQ_STR(err, "1:4: tags such as '!custom' are not supported "
	                  "(write the value without a tag)");
	CHECK_EQ_INT(parse(&doc, "a: 1\nb: !!str 2\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "2:4: tags such as 'tag:yaml.org,2002:str'");
	CHECK_EQ_INT(parse(&doc, "- !seq [1]\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "1:3: tags such as '!seq'");
}

static void test_byte_order_mark(void)
{
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;

	CHECK_EQ_INT(parse(&doc, "\xEF\xBB\xBFversion: 1\nentities:\n"
	                         "  - name: Surge\n"),
	             0);
	root = fl_yaml_root(doc);
	CHECK(root != NULL && root->type == FL_YAML_MAP);
	CHECK(fl_yaml_map_get(root, "version") != NULL);
	CHECK(fl_yaml_map_get(root, "entities") != NULL);
	fl_yaml_free(doc);
	/* Positions after it are as an editor shows them. */
	CHECK_EQ_INT(parse(&doc, "\xEF\xBB\xBF"
	                         "a: 1\na: 2\n"),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "2:1: duplicate key 'a'");
	/* Only at the start: elsewhere it is a character like any other. */
	CHECK_EQ_INT(parse(&doc, "a: \xEF\xBB\xBFx\n"), 0);
	root = fl_yaml_root(doc);
	CHECK(root != NULL && fl_yaml_map_get(root, "a") != NULL &&
	      fl_yaml_map_get(root, "a")->len == 4);
	fl_yaml_free(doc);
}

static void test_duplicate_key(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, "a: 1\nb: 2\na: 3\n"), FL_EPARSE);
	CHECK_EQ_STR(err, "3:1: duplicate key 'a'");
	CHECK(doc == NULL);

	/* Nested mappings have their own keys. */
	CHECK_EQ_INT(parse(&doc, "a: {x: 1}\nb: {x: 2, y: {x: 3}}\n"), 0);
	fl_yaml_free(doc);
	CHECK_EQ_INT(parse(&doc, "a: {x: 1, y: 2, 'x': 3}\n"), FL_EPARSE);
	CHECK_EQ_STR(err, "1:17: duplicate key 'x'");
}

static void test_non_scalar_key(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, "? [a, b]\n: 1\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "1:3: mapping keys must be plain strings");
	CHECK_EQ_INT(parse(&doc, "{{a: 1}: 2}"), FL_EPARSE);
	CHECK_CONTAINS(err, "1:2: mapping keys must be plain strings");
}

static void test_one_document_only(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, "a: 1\n---\nb: 2\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "2:1: more than one document");
	/* An explicit start of the only document is fine. */
	CHECK_EQ_INT(parse(&doc, "---\na: 1\n...\n"), 0);
	fl_yaml_free(doc);
}

static void test_depth_limit(void)
{
	char buf[2 * (FL_YAML_MAX_DEPTH + 1) + 1];
	fl_yaml_doc *doc = NULL;
	size_t n;

	/* Exactly the limit parses. */
	for (n = 0; n < FL_YAML_MAX_DEPTH; n++)
		buf[n] = '[';
	for (size_t i = 0; i < FL_YAML_MAX_DEPTH; i++)
		buf[n++] = ']';
	buf[n] = '\0';
	CHECK_EQ_INT(parse(&doc, buf), 0);
	fl_yaml_free(doc);

	/* One level more does not. */
	for (n = 0; n < FL_YAML_MAX_DEPTH + 1; n++)
		buf[n] = '[';
	for (size_t i = 0; i < FL_YAML_MAX_DEPTH + 1; i++)
		buf[n++] = ']';
	buf[n] = '\0';
	CHECK_EQ_INT(parse(&doc, buf), FL_ELIMIT);
	CHECK_EQ_STR(err, "1:65: nesting deeper than 64 levels");
	CHECK(doc == NULL);
}

static void test_syntax_errors(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, "a: [1, 2\nb: 3\n"), FL_EPARSE);
	CHECK(doc == NULL);
	CHECK_CONTAINS(err, "did not find expected ',' or ']'");
	CHECK(strncmp(err, "2:", 2) == 0 || strncmp(err, "3:", 2) == 0);

	CHECK_EQ_INT(parse(&doc, "a: 1\n  b: 2\n"), FL_EPARSE);
	CHECK_EQ_STR(err,
	             "2:4: mapping values are not allowed in this context");

	CHECK_EQ_INT(parse(&doc, "a: \"open\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "found unexpected end of stream");
}

static void test_encoding_errors(void)
{
	fl_yaml_doc *doc = NULL;

	CHECK_EQ_INT(parse(&doc, "a: \xff\n"), FL_EENCODING);
	CHECK_EQ_STR(err, "byte offset 3: invalid UTF-8");
	/* The encoding error wins even after a syntax error. */
	CHECK_EQ_INT(parse(&doc, "a: [\nb: c\xc3\n"), FL_EENCODING);
	CHECK_EQ_STR(err, "byte offset 9: invalid UTF-8");
	CHECK(doc == NULL);

	/* Valid UTF-8 that YAML still refuses: a control character. */
	CHECK_EQ_INT(parse(&doc, "a: 1\nb: x\x01y\n"), FL_EPARSE);
	CHECK_CONTAINS(err, "2:5: control characters are not allowed");
}

static void test_check_utf8(void)
{
	size_t bad = 99;

	CHECK_EQ_INT(fl_yaml_check_utf8("abc", 3, &bad), 0);
	CHECK_EQ_INT(fl_yaml_check_utf8("ألكسندر 😀", strlen("ألكسندر 😀"), &bad),
	             0);
	CHECK_EQ_INT(fl_yaml_check_utf8("ab\xc0\xaf", 4, &bad), FL_EENCODING);
	CHECK_EQ_INT(bad, 2); /* overlong '/' */
	CHECK_EQ_INT(fl_yaml_check_utf8("\xed\xa0\x80", 3, &bad), FL_EENCODING);
	CHECK_EQ_INT(bad, 0); /* surrogate */
	CHECK_EQ_INT(fl_yaml_check_utf8("x\xf4\x90\x80\x80", 5, &bad),
	             FL_EENCODING);
	CHECK_EQ_INT(bad, 1); /* above U+10FFFF */
	CHECK_EQ_INT(fl_yaml_check_utf8("xy\xe2\x82", 4, &bad), FL_EENCODING);
	CHECK_EQ_INT(bad, 2); /* truncated */
	CHECK_EQ_INT(fl_yaml_check_utf8("\xe2\x82\xac\x80", 4, &bad),
	             FL_EENCODING);
	CHECK_EQ_INT(bad, 3); /* stray continuation byte */
}

static void test_helpers(void)
{
	static const char *const keys[] = {"name", "kind", NULL};
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	char *s = NULL, **v = NULL;
	size_t n = 0;

	CHECK_EQ_INT(parse(&doc, "name: x\nkind: [a, b]\none: solo\n"
	                         "bad: [a, [b]]\nmap: {a: 1}\nq: ''\n"),
	             0);
	root = fl_yaml_root(doc);
	if (!root)
		return;
	CHECK_EQ_INT(fl_yaml_check_keys(root, keys, "entity", "f.yaml", err,
	                                sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "f.yaml:3:1: unknown key 'one' in entity (expected "
	                  "name, kind)");

	CHECK_EQ_INT(fl_yaml_string(&s, fl_yaml_map_get(root, "name"), "name",
	                            "f.yaml", err, sizeof(err)),
	             0);
	CHECK_EQ_STR(s, "x");
	free(s);
	CHECK_EQ_INT(fl_yaml_string(&s, fl_yaml_map_get(root, "kind"), "kind",
	                            "f.yaml", err, sizeof(err)),
	             FL_EPARSE);
	CHECK(s == NULL);
	CHECK_EQ_STR(err, "f.yaml:2:7: 'kind' must be a non-empty string, not "
	                  "a list");
	CHECK_EQ_INT(fl_yaml_string(&s, fl_yaml_map_get(root, "q"), "q",
	                            "f.yaml", err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "f.yaml:6:4: 'q' must be a non-empty string");

	CHECK_EQ_INT(fl_yaml_strings(&v, &n, fl_yaml_map_get(root, "kind"),
	                             "kind", "f.yaml", err, sizeof(err)),
	             0);
	CHECK_EQ_INT(n, 2);
	if (n == 2) {
		CHECK_EQ_STR(v[0], "a");
		CHECK_EQ_STR(v[1], "b");
	}
	fl_yaml_strv_free(v, n);
	CHECK_EQ_INT(fl_yaml_strings(&v, &n, fl_yaml_map_get(root, "one"),
	                             "one", "f.yaml", err, sizeof(err)),
	             0);
	CHECK_EQ_INT(n, 1);
	CHECK(v && v[0] && strcmp(v[0], "solo") == 0);
	fl_yaml_strv_free(v, n);
	CHECK_EQ_INT(fl_yaml_strings(&v, &n, fl_yaml_map_get(root, "bad"),
	                             "bad", "f.yaml", err, sizeof(err)),
	             FL_EPARSE);
	CHECK(v == NULL && n == 0);
	CHECK_EQ_STR(err, "f.yaml:4:10: items of 'bad' must be strings, not a "
	                  "list");
	CHECK_EQ_INT(fl_yaml_strings(&v, &n, fl_yaml_map_get(root, "map"),
	                             "map", "f.yaml", err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "f.yaml:5:6: 'map' must be a list of strings");

	CHECK_EQ_INT(
	    fl_yaml_fail(err, sizeof(err), FL_EIO, "p", NULL, "x %d", 7),
	    FL_EIO);
	CHECK_EQ_STR(err, "p: x 7");
	fl_yaml_free(doc);
}

TESTS(T(test_tags_refused), T(test_byte_order_mark), T(test_tree_and_positions),
      T(test_null_and_quoted), T(test_columns_count_code_points),
      T(test_not_nul_terminated), T(test_empty_document),
      T(test_aliases_and_anchors_refused), T(test_duplicate_key),
      T(test_non_scalar_key), T(test_one_document_only), T(test_depth_limit),
      T(test_syntax_errors), T(test_encoding_errors), T(test_check_utf8),
      T(test_helpers))
