#include "test.h"
#include "util/regexp.h"

static char err[FL_ERRMSG_SIZE];

static fl_regexp *compile(const char *pattern, unsigned flags)
{
	fl_regexp *re = NULL;
	err[0] = '\0';
	if (fl_regexp_compile(&re, pattern, strlen(pattern), flags, err,
	                      sizeof(err)) < 0)
		return NULL;
	return re;
}

static int search(const fl_regexp *re, const char *s, size_t start, size_t *ms,
                  size_t *me)
{
	return fl_regexp_search(re, s, strlen(s), start, ms, me);
}

static void test_basic_search(void)
{
	fl_regexp *re = compile("b+c", 0);
	size_t s = 99, e = 99;

	CHECK(re != NULL);
	CHECK_EQ_INT(search(re, "aabbbcd", 0, &s, &e), 1);
	CHECK_EQ_INT(s, 2);
	CHECK_EQ_INT(e, 6);
	CHECK_EQ_INT(search(re, "aaaa", 0, &s, &e), 0);
	/* The start offset skips earlier matches. */
	CHECK_EQ_INT(search(re, "bc bbc", 1, &s, &e), 1);
	CHECK_EQ_INT(s, 3);
	CHECK_EQ_INT(e, 6);
	CHECK_EQ_INT(search(re, "bc", 2, &s, &e), 0);
	/* The subject is len bytes, not up to a NUL. */
	CHECK_EQ_INT(fl_regexp_search(re, "xbcx", 2, 0, &s, &e), 0);
	CHECK_EQ_INT(fl_regexp_search(re, "xbcx", 3, 0, &s, &e), 1);
	fl_regexp_free(re);
	fl_regexp_free(NULL);
}

static void test_pattern_length(void)
{
	fl_regexp *re = NULL;
	size_t s, e;

	/* Only the first two bytes of "abz" are the pattern. */
	CHECK_EQ_INT(fl_regexp_compile(&re, "abz", 2, 0, err, sizeof(err)), 0);
	CHECK_EQ_INT(search(re, "xaby", 0, &s, &e), 1);
	CHECK_EQ_INT(e - s, 2);
	fl_regexp_free(re);
}

static void test_unicode_properties(void)
{
	fl_regexp *re = compile("\\bوانغ\\b", 0);
	size_t s, e;
	const char *text = "قال وانغ إن";

	CHECK(re != NULL);
	CHECK_EQ_INT(search(re, text, 0, &s, &e), 1);
	CHECK_EQ_INT(s, strlen("قال "));
	CHECK_EQ_INT(e, strlen("قال وانغ"));
	/* With UCP, Arabic letters are word characters: no boundary inside
	 * "ووانغ" (with the conjunction attached). */
	CHECK_EQ_INT(search(re, "قال ووانغ", 0, &s, &e), 0);
	fl_regexp_free(re);

	re = compile("^\\w+$", 0);
	CHECK_EQ_INT(search(re, "rotulação", 0, &s, &e), 1);
	CHECK_EQ_INT(e, strlen("rotulação"));
	fl_regexp_free(re);

	/* '.' is one code point, not one byte. */
	re = compile("^.$", 0);
	CHECK_EQ_INT(search(re, "ج", 0, &s, &e), 1);
	fl_regexp_free(re);
}

static void test_case_insensitive(void)
{
	fl_regexp *re = compile("ÉCOLE", FL_REGEXP_ICASE);
	size_t s, e;

	CHECK(re != NULL);
	CHECK_EQ_INT(search(re, "une école", 0, &s, &e), 1);
	CHECK_EQ_INT(s, 4);
	fl_regexp_free(re);

	re = compile("ÉCOLE", 0);
	CHECK_EQ_INT(search(re, "une école", 0, &s, &e), 0);
	fl_regexp_free(re);
}

static void test_empty_match(void)
{
	fl_regexp *re = compile("x*", 0);
	size_t s = 9, e = 9;

	CHECK_EQ_INT(search(re, "abc", 1, &s, &e), 1);
	CHECK_EQ_INT(s, 1);
	CHECK_EQ_INT(e, 1);
	/* An empty subject may still match an empty pattern. */
	CHECK_EQ_INT(fl_regexp_search(re, NULL, 0, 0, &s, &e), 1);
	fl_regexp_free(re);
}

static void test_bad_pattern(void)
{
	fl_regexp *re = (fl_regexp *)&re;

	CHECK_EQ_INT(fl_regexp_compile(&re, "a(b", 3, 0, err, sizeof(err)),
	             FL_EPARSE);
	CHECK(re == NULL);
	CHECK_EQ_STR(err, "offset 3: missing closing parenthesis");

	CHECK_EQ_INT(fl_regexp_compile(&re, "[z-a]", 5, 0, err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "offset 3: range out of order");

	/* Invalid UTF-8 in the pattern is a pattern error. */
	CHECK_EQ_INT(fl_regexp_compile(&re, "a\xff", 2, 0, err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "offset 1: UTF-8 error");
}

static void test_bad_arguments(void)
{
	fl_regexp *re = compile("a", 0);
	size_t s, e;

	CHECK_EQ_INT(fl_regexp_search(re, "abc", 3, 4, &s, &e), FL_EINVAL);
	/* Offset 1 is inside the two-byte "é". */
	CHECK_EQ_INT(search(re, "éa", 1, &s, &e), FL_EINVAL);
	CHECK_EQ_INT(search(re, "x\xffz a", 0, &s, &e), FL_EENCODING);
	CHECK_EQ_INT(fl_regexp_search(NULL, "a", 1, 0, &s, &e), FL_EINVAL);
	fl_regexp_free(re);
}

static void test_trusted_utf8(void)
{
	fl_regexp *re = compile("a", FL_REGEXP_TRUSTED_UTF8);
	size_t s, e;

	CHECK(re != NULL);
	CHECK_EQ_INT(search(re, "éa", 0, &s, &e), 1);
	CHECK_EQ_INT(s, 2);
	fl_regexp_free(re);
}

static void test_match_limit(void)
{
	/* Nested quantifiers on a subject that almost matches: exponential
	 * backtracking, which the match limit must stop. */
	fl_regexp *re = compile("^(\\w+\\s?)*$", 0);
	char subject[64];
	size_t s, e;

	CHECK(re != NULL);
	memset(subject, 'a', sizeof(subject) - 2);
	subject[sizeof(subject) - 2] = '!';
	subject[sizeof(subject) - 1] = '\0';
	CHECK_EQ_INT(search(re, subject, 0, &s, &e), FL_ELIMIT);
	/* The same pattern is fine on ordinary text. */
	CHECK_EQ_INT(search(re, "one two three", 0, &s, &e), 1);
	fl_regexp_free(re);
}

TESTS(T(test_basic_search), T(test_pattern_length), T(test_unicode_properties),
      T(test_case_insensitive), T(test_empty_match), T(test_bad_pattern),
      T(test_bad_arguments), T(test_trusted_utf8), T(test_match_limit))
