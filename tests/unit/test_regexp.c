#include "test.h"
#include "util/regexp.h"

#include <stdint.h>
#include <stdlib.h>

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

/* Every match of re in s, left to right, with one budget; returns the
 * last search's code and the number of matches in *found. */
static int scan_all(const fl_regexp *re, const char *s, size_t len,
                    uint64_t *budget, size_t *found)
{
	size_t at = 0, ms, me;
	int rc;

	*found = 0;
	while ((rc = fl_regexp_search_budget(re, s, len, at, &ms, &me,
	                                     budget)) == 1) {
		(*found)++;
		at = me > ms ? me : me + 1;
		if (at > len)
			return 0;
	}
	return rc;
}

static void test_budget_counts_work(void)
{
	fl_regexp *re = compile("b", 0);
	uint64_t budget = 1000, before;
	size_t s, e, found;

	CHECK(re != NULL);
	/* Same answers as the search without a budget, and work is spent. */
	CHECK_EQ_INT(fl_regexp_search_budget(re, "aab", 3, 0, &s, &e, &budget),
	             1);
	CHECK_EQ_INT(s, 2);
	CHECK(budget < 1000);
	before = budget;
	CHECK_EQ_INT(fl_regexp_search_budget(re, "aab", 3, 3, &s, &e, &budget),
	             0);
	CHECK(budget <= before);
	/* A spent budget refuses at once; NULL means no count. */
	budget = 0;
	CHECK_EQ_INT(fl_regexp_search_budget(re, "aab", 3, 0, &s, &e, &budget),
	             FL_ELIMIT);
	CHECK_EQ_INT(fl_regexp_search_budget(re, "aab", 3, 0, &s, &e, NULL), 1);
	fl_regexp_free(re);

	/* An ordinary pattern over a whole text stays far inside the budget
	 * of the text's length. */
	re = compile("\\b(?:and|with)\\s+\\p{Lu}", 0);
	CHECK(re != NULL);
	{
		static char text[20000];
		const char *line =
		    "Surge and Mercor met with Scale on Monday. ";
		size_t n = strlen(line), len = 0;
		while (len + n < sizeof(text)) {
			memcpy(text + len, line, n);
			len += n;
		}
		budget = fl_regexp_budget(len);
		CHECK_EQ_INT(scan_all(re, text, len, &budget, &found), 0);
		CHECK_EQ_INT(found, 2 * (len / n));
		CHECK(budget > fl_regexp_budget(len) / 2);
	}
	fl_regexp_free(re);
}

static void test_budget_stops_quadratic_scans(void)
{
	/* Each match attempt at an 'a' reads to the end of the line: no
	 * search hits the match limit, but all of them together read the
	 * line once per 'a'. The budget of the text's length stops them. */
	fl_regexp *re = compile("a(?=[^\\n]*QQQ)|zzz", 0);
	size_t len = 200000, found;
	char *text = malloc(len + 1);
	uint64_t budget;

	CHECK(re != NULL && text != NULL);
	if (!re || !text)
		goto cleanup;
	for (size_t i = 0; i < len; i++)
		text[i] = i % 4 == 0 ? 'a' : 'b';
	text[len] = '\0';
	budget = fl_regexp_budget(len);
	CHECK_EQ_INT(scan_all(re, text, len, &budget, &found), FL_ELIMIT);
	CHECK_EQ_INT(budget, 0);
	CHECK_EQ_INT(found, 0);
	/* On a short text the same pattern finds its matches. */
	budget = fl_regexp_budget(9);
	CHECK_EQ_INT(scan_all(re, "a b a QQQ", 9, &budget, &found), 0);
	CHECK_EQ_INT(found, 2);
cleanup:
	free(text);
	fl_regexp_free(re);
}

static void test_budget_is_linear(void)
{
	CHECK_EQ_INT(fl_regexp_budget(0), FL_REGEXP_BUDGET_BASE);
	CHECK_EQ_INT(fl_regexp_budget(1000),
	             1000u * FL_REGEXP_BUDGET_PER_BYTE + FL_REGEXP_BUDGET_BASE);
	CHECK(fl_regexp_budget(SIZE_MAX) >= fl_regexp_budget(SIZE_MAX / 2));
}

TESTS(T(test_basic_search), T(test_pattern_length), T(test_unicode_properties),
      T(test_case_insensitive), T(test_empty_match), T(test_bad_pattern),
      T(test_bad_arguments), T(test_trusted_utf8), T(test_match_limit),
      T(test_budget_counts_work), T(test_budget_stops_quadratic_scans),
      T(test_budget_is_linear))
