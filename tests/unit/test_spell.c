/*
 * The hunspell module: verdicts, added words, and a cache that stays
 * bounded however many distinct words a run asks about.
 */
#include "test.h"

#include "spell/spell.h"

#include <stdio.h>
#include <stdlib.h>

static fl__speller *open_en(void)
{
	const char *dp = getenv("FIDELINT_DICT_PATH");
	char err[512] = "";
	fl__speller *sp = NULL;

	CHECK_EQ_INT(fl__speller_open(&sp,
	                              dp && *dp ? dp : "/usr/share/hunspell",
	                              "en_US", NULL, 0, err, sizeof(err)),
	             0);
	if (!sp)
		fprintf(stderr, "en_US: %s\n", err);
	return sp;
}

static void test_verdicts(void)
{
	fl__speller *sp = open_en();

	if (!sp)
		return;
	CHECK_EQ_INT(fl__speller_check(sp, "house", 5), 1);
	CHECK_EQ_INT(fl__speller_check(sp, "hxqzv", 5), 0);
	CHECK_EQ_INT(fl__speller_check(sp, "", 0), 0);
	CHECK_EQ_INT(fl__speller_add(sp, "hxqzv"), 0);
	CHECK_EQ_INT(fl__speller_check(sp, "hxqzv", 5), 1);
	fl__speller_free(sp);
}

/* Three times the cache's bound in distinct words: the cache never holds
 * more than its bound, and the verdicts are the same after it starts
 * again (an added word stays known). */
static void test_cache_bounded(void)
{
	fl__speller *sp = open_en();
	size_t max = fl__speller_cache_max(), most = 0;
	char w[32];

	if (!sp)
		return;
	CHECK_EQ_INT(fl__speller_add(sp, "zzqadded"), 0);
	for (size_t i = 0; i < 3 * max; i++) {
		int n = snprintf(w, sizeof(w), "qz%zux", i);
		CHECK_EQ_INT(fl__speller_check(sp, w, (size_t)n), 0);
		if (fl__speller_cached(sp) > most)
			most = fl__speller_cached(sp);
	}
	CHECK(most <= max);
	CHECK(most > max / 2);
	CHECK_EQ_INT(fl__speller_check(sp, "house", 5), 1);
	CHECK_EQ_INT(fl__speller_check(sp, "zzqadded", 8), 1);
	fl__speller_free(sp);
}

TESTS(T(test_verdicts), T(test_cache_bounded))
