/* The JSON module: building, dumping, parsing. */
#include "test.h"
#include "util/buf.h"
#include "util/json.h"

#include <stdlib.h>

/* Dumps v with indent and compares the text with want. */
static void check_dump(const fl_json *v, unsigned indent, const char *want)
{
	char *s = NULL;
	size_t len = 0;

	CHECK_EQ_INT(fl_json_dump(&s, &len, v, indent), 0);
	CHECK_EQ_STR(s, want);
	if (s)
		CHECK_EQ_INT(len, strlen(s));
	free(s);
}

static void test_escaping(void)
{
	fl_json *o = NULL;

	CHECK_EQ_INT(fl_json_object(&o), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "q", "say \"hi\" \\ / ok"), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "c", "a\nb\tc\rd\x01\x1f"), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "k\"ey", "v"), 0);
	check_dump(o, 0,
	           "{\"q\":\"say \\\"hi\\\" \\\\ / ok\","
	           "\"c\":\"a\\nb\\tc\\rd\\u0001\\u001F\",\"k\\\"ey\":\"v\"}");
	fl_json_free(o);
}

static void test_raw_utf8(void)
{
	fl_json *o = NULL;

	CHECK_EQ_INT(fl_json_object(&o), 0);
	/* Arabic, Portuguese, an emoji (4 bytes): all written raw. */
	CHECK_EQ_INT(
	    fl_json_set_str(o, "ar", "\xd8\xb3\xd9\x8a\xd8\xb1\xd8\xac"), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "pt", "informa\xc3\xa7\xc3\xa3o"), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "e", "\xf0\x9f\x98\x80"), 0);
	check_dump(
	    o, 0,
	    "{\"ar\":\"\xd8\xb3\xd9\x8a\xd8\xb1\xd8\xac\","
	    "\"pt\":\"informa\xc3\xa7\xc3\xa3o\",\"e\":\"\xf0\x9f\x98\x80\"}");
	fl_json_free(o);
}

static void test_invalid_utf8_repaired(void)
{
	fl_json *a = NULL;

	CHECK_EQ_INT(fl_json_array(&a), 0);
	/* A stray byte, a cut sequence, an overlong "/" and a surrogate. */
	CHECK_EQ_INT(fl_json_append_str(a, "a\xff"
	                                   "b"),
	             0);
	CHECK_EQ_INT(fl_json_append_str(a, "x\xd8"), 0);
	CHECK_EQ_INT(fl_json_append_str(a, "\xc0\xaf"), 0);
	CHECK_EQ_INT(fl_json_append_str(a, "\xed\xa0\x80"), 0);
	check_dump(a, 0,
	           "[\"a\xef\xbf\xbd"
	           "b\",\"x\xef\xbf\xbd\",\"\xef\xbf\xbd\xef\xbf\xbd\","
	           "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"]");
	fl_json_free(a);
}

static void test_order_and_types(void)
{
	fl_json *o = NULL, *child = NULL, *arr = NULL, *inner = NULL;

	CHECK_EQ_INT(fl_json_object(&o), 0);
	CHECK_EQ_INT(fl_json_set_int(o, "z", 1), 0);
	CHECK_EQ_INT(fl_json_set_null(o, "a"), 0);
	CHECK_EQ_INT(fl_json_set_str(o, "m", NULL), 0);
	CHECK_EQ_INT(fl_json_set_bool(o, "b", true), 0);
	CHECK_EQ_INT(fl_json_set_new_object(&child, o, "o"), 0);
	CHECK_EQ_INT(fl_json_set_int(child, "neg", -42), 0);
	CHECK_EQ_INT(fl_json_set_new_array(&arr, o, "arr"), 0);
	CHECK_EQ_INT(fl_json_append_int(arr, 7), 0);
	CHECK_EQ_INT(fl_json_append_null(arr), 0);
	CHECK_EQ_INT(fl_json_append_str(arr, "s"), 0);
	CHECK_EQ_INT(fl_json_append_new_object(&inner, arr), 0);
	CHECK_EQ_INT(fl_json_append_new_array(&inner, arr), 0);
	/* Replacing keeps the place. */
	CHECK_EQ_INT(fl_json_set_int(o, "z", 2), 0);
	check_dump(o, 0,
	           "{\"z\":2,\"a\":null,\"m\":null,\"b\":true,"
	           "\"o\":{\"neg\":-42},\"arr\":[7,null,\"s\",{},[]]}");
	check_dump(child, 2, "{\n  \"neg\": -42\n}");
	check_dump(arr, 1, "[\n 7,\n null,\n \"s\",\n {},\n []\n]");
	fl_json_free(o);
}

static void test_misuse(void)
{
	fl_json *o = NULL, *a = NULL, *child = (fl_json *)&o;
	char *s = (char *)"x";

	CHECK_EQ_INT(fl_json_object(&o), 0);
	CHECK_EQ_INT(fl_json_array(&a), 0);
	CHECK_EQ_INT(fl_json_set_str(a, "k", "v"), FL_EINVAL);
	CHECK_EQ_INT(fl_json_set_str(o, NULL, "v"), FL_EINVAL);
	CHECK_EQ_INT(fl_json_append_int(o, 1), FL_EINVAL);
	CHECK_EQ_INT(fl_json_set_new_object(&child, a, "k"), FL_EINVAL);
	CHECK(child == NULL);
	CHECK_EQ_INT(fl_json_dump(&s, NULL, o, FL_JSON_MAX_INDENT + 1),
	             FL_EINVAL);
	CHECK(s == NULL);
	fl_json_free(o);
	fl_json_free(a);
	fl_json_free(NULL);
}

static int count_members(const char *key, const fl_json *value, void *payload)
{
	fl_buf *b = payload;
	(void)value;
	fl_buf_puts(b, key);
	fl_buf_putc(b, ',');
	return strcmp(key, "stop") == 0 ? 7 : 0;
}

static void test_parse(void)
{
	const char *text = "{\"name\": \"Surge\", \"n\": 12, \"x\": 1.5, "
	                   "\"ok\": false, \"list\": [\"a\", \"\xd8\xb3\"], "
	                   "\"nil\": null}";
	fl_json *v = NULL;
	const fl_json *list;
	fl_buf keys = FL_BUF_INIT;
	char err[256] = "";
	long long n = 0;
	double d = 0;
	bool b = true;
	size_t len = 0;

	CHECK_EQ_INT(fl_json_parse(&v, text, strlen(text), err, sizeof err), 0);
	CHECK_EQ_STR(err, "");
	CHECK_EQ_INT(fl_json_typeof(v), FL_JSON_OBJECT);
	CHECK_EQ_INT(fl_json_size(v), 6);
	CHECK_EQ_STR(fl_json_str(fl_json_get(v, "name"), &len), "Surge");
	CHECK_EQ_INT(len, 5);
	CHECK(fl_json_str(fl_json_get(v, "n"), NULL) == NULL);
	CHECK_EQ_INT(fl_json_int(&n, fl_json_get(v, "n")), 0);
	CHECK_EQ_INT(n, 12);
	CHECK_EQ_INT(fl_json_int(&n, fl_json_get(v, "x")), FL_EINVAL);
	CHECK_EQ_INT(fl_json_number(&d, fl_json_get(v, "x")), 0);
	CHECK(d == 1.5);
	CHECK_EQ_INT(fl_json_number(&d, fl_json_get(v, "n")), 0);
	CHECK(d == 12.0);
	CHECK_EQ_INT(fl_json_bool(&b, fl_json_get(v, "ok")), 0);
	CHECK(!b);
	CHECK_EQ_INT(fl_json_typeof(fl_json_get(v, "ok")), FL_JSON_BOOL);
	CHECK_EQ_INT(fl_json_typeof(fl_json_get(v, "nil")), FL_JSON_NULL);
	CHECK(fl_json_get(v, "nil") != NULL);
	CHECK(fl_json_get(v, "absent") == NULL);
	list = fl_json_get(v, "list");
	CHECK_EQ_INT(fl_json_typeof(list), FL_JSON_ARRAY);
	CHECK_EQ_INT(fl_json_size(list), 2);
	CHECK_EQ_STR(fl_json_str(fl_json_at(list, 1), NULL), "\xd8\xb3");
	CHECK(fl_json_at(list, 2) == NULL);
	CHECK(fl_json_at(v, 0) == NULL);
	CHECK(fl_json_get(list, "a") == NULL);

	CHECK_EQ_INT(fl_json_foreach(v, count_members, &keys), 0);
	CHECK_EQ_STR(keys.ptr, "name,n,x,ok,list,nil,");
	CHECK_EQ_INT(fl_json_foreach(list, count_members, &keys), FL_EINVAL);
	fl_json_free(v);

	/* Early stop returns the callback's value. */
	v = NULL;
	fl_buf_clear(&keys);
	text = "{\"a\":1,\"stop\":2,\"c\":3}";
	CHECK_EQ_INT(fl_json_parse(&v, text, strlen(text), err, sizeof err), 0);
	CHECK_EQ_INT(fl_json_foreach(v, count_members, &keys), 7);
	CHECK_EQ_STR(keys.ptr, "a,stop,");
	fl_json_free(v);
	fl_buf_dispose(&keys);

	/* Scalars at the top are accepted (one JSONL value per line). */
	v = NULL;
	CHECK_EQ_INT(fl_json_parse(&v, "42", 2, err, sizeof err), 0);
	CHECK_EQ_INT(fl_json_int(&n, v), 0);
	CHECK_EQ_INT(n, 42);
	fl_json_free(v);
}

/* Parses text, expecting failure code and a message starting with want. */
static void check_parse_error(const char *text, size_t len, int code,
                              const char *want)
{
	fl_json *v = (fl_json *)&v;
	char err[256] = "";

	CHECK_EQ_INT(fl_json_parse(&v, text, len, err, sizeof err), code);
	CHECK(v == NULL);
	if (strncmp(err, want, strlen(want)) != 0) {
		fprintf(stderr, "error \"%s\" does not start with \"%s\"\n",
		        err, want);
		CHECK(0);
	}
}

static void test_parse_errors(void)
{
	const char *two = "{\"a\": 1,\n \"b\": }";
	char deep[5000];

	check_parse_error(two, strlen(two), FL_EPARSE, "2:7: ");
	/* Columns count code points: the x after two Arabic letters. */
	check_parse_error("[1,\n\"\xd9\x85\xd9\x85\", x]", 14, FL_EPARSE,
	                  "2:7: ");
	check_parse_error("{\"a\":1,\"a\":2}", 13, FL_EPARSE,
	                  "1:10: duplicate object key");
	check_parse_error("", 0, FL_EPARSE, "1:1: ");
	check_parse_error("{\"a\":1} x", 9, FL_EPARSE,
	                  "1:9: end of file expected");
	check_parse_error("\"a\\u0000b\"", 10, FL_EPARSE, "1:10: ");
	check_parse_error("\"\xff\"", 3, FL_EENCODING, "1:1: ");
	/* The buffer need not be NUL-terminated: only len bytes are read. */
	check_parse_error("[1,2]", 3, FL_EPARSE, "1:3: ");

	memset(deep, '[', sizeof deep);
	check_parse_error(deep, sizeof deep, FL_ELIMIT, "1:");
}

/* fl_json_put_str writes what fl_json_dump writes for the same string:
 * every byte alone, each after a letter and before one, and the edge
 * cases of UTF-8 (valid, cut, overlong, surrogate, beyond U+10FFFF). */
static void check_put_same(const char *s)
{
	fl_buf b = FL_BUF_INIT;
	fl_json *a = NULL;
	char *d = NULL;

	CHECK_EQ_INT(fl_json_array(&a), 0);
	CHECK_EQ_INT(fl_json_append_str(a, s), 0);
	CHECK_EQ_INT(fl_json_dump(&d, NULL, a, 0), 0);
	CHECK_EQ_INT(fl_json_put_str(&b, s), 0);
	if (d && b.ptr && strlen(d) >= 2) {
		/* the dump is [STRING] */
		d[strlen(d) - 1] = '\0';
		CHECK_EQ_STR(b.ptr, d + 1);
	}
	free(d);
	fl_json_free(a);
	fl_buf_dispose(&b);
}

static void test_put_str_is_dump(void)
{
	static const char *const cases[] = {"",
	                                    "plain",
	                                    "Sa\303\272de",
	                                    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85",
	                                    "\xf0\x9f\x98\x80 emoji",
	                                    "cut \xe2\x82",
	                                    "overlong \xc0\xaf",
	                                    "surrogate \xed\xa0\x80",
	                                    "big \xf4\x90\x80\x80",
	                                    "\x7f del",
	                                    "a\\b\"c/d\x1b[0m"};
	fl_buf b = FL_BUF_INIT;
	char one[4];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_put_same(cases[i]);
	for (int c = 1; c < 256; c++) {
		one[0] = 'x';
		one[1] = (char)c;
		one[2] = 'y';
		one[3] = '\0';
		check_put_same(one);
		check_put_same(one + 1);
	}
	CHECK_EQ_INT(fl_json_put_str(&b, NULL), 0);
	CHECK_EQ_STR(b.ptr, "null");
	fl_buf_dispose(&b);
}

TESTS(T(test_escaping), T(test_raw_utf8), T(test_invalid_utf8_repaired),
      T(test_order_and_types), T(test_misuse), T(test_parse),
      T(test_parse_errors), T(test_put_str_is_dump))
