/*
 * The bilingual lexicon (rules/lexicon/en-<lang>.tsv): parsing, look-ups,
 * bad files, and the shipped files' words the name.literal check relies on.
 */
#include "lang/bilingual.h"
#include "test.h"

#include <stdlib.h>

static void test_parse_and_get(void)
{
	static const char data[] = "# comment\n"
	                           "scale\tescala\n"
	                           "scale\tbalança\n"
	                           "surge\tonda\n";
	fl__bilex *bl = NULL;
	const char *r[4];
	char err[256] = "";

	CHECK_EQ_INT(fl__bilex_parse(&bl, "mem.tsv", data, sizeof(data) - 1,
	                             err, sizeof(err)),
	             0);
	CHECK_EQ_INT(fl__bilex_get(bl, "Scale", 5, r, 4), 2);
	CHECK_EQ_STR(r[0], "escala");
	CHECK_EQ_STR(r[1], "balança");
	CHECK_EQ_INT(fl__bilex_get(bl, "surge", 5, r, 1), 1);
	CHECK_EQ_STR(r[0], "onda");
	CHECK_EQ_INT(fl__bilex_get(bl, "scale", 5, r, 1), 2); /* all counted */
	CHECK_EQ_INT(fl__bilex_get(bl, "meta", 4, r, 4), 0);
	CHECK_EQ_INT(fl__bilex_get(NULL, "meta", 4, r, 4), 0);
	fl__bilex_free(bl);
	fl__bilex_free(NULL);
}

static void test_bad_files(void)
{
	fl__bilex *bl = NULL;
	char err[256] = "";
	static const char no_tab[] = "scale escala\n";
	static const char unsorted[] = "scale\ta\nsurge\tb\nscale\tc\n";

	CHECK_EQ_INT(fl__bilex_parse(&bl, "x.tsv", no_tab, sizeof(no_tab) - 1,
	                             err, sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "x.tsv:1: a line is 'english<TAB>rendering'");
	CHECK(bl == NULL);
	CHECK_EQ_INT(fl__bilex_parse(&bl, "y.tsv", unsorted,
	                             sizeof(unsorted) - 1, err, sizeof(err)),
	             FL_EPARSE);
	CHECK_EQ_STR(err, "y.tsv:3: 'scale' is not sorted (its lines must be "
	                  "together)");
}

/* The shipped lexicons load and know the words of typical brand names. */
static void test_shipped(void)
{
	static const struct {
		const char *lang, *word, *rendering;
	} w[] = {{"pt-BR", "scale", "escala"},   {"pt", "ai", "ia"},
	         {"ar", "scale", "مقياس"},       {"ar", "surge", "طفرة"},
	         {"fr", "business", "affaires"}, {"he", "surge", "נחשול"},
	         {"de", "play", "spiel"}};
	const char *dd = getenv("FIDELINT_DATA_DIR");

	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++) {
		fl__bilex *bl = NULL;
		const char *r[64];
		char err[256] = "";
		size_t n;
		bool found = false;
		CHECK_EQ_INT(fl__bilex_load(&bl, dd ? dd : "..", "en",
		                            w[i].lang, err, sizeof(err)),
		             0);
		CHECK(bl != NULL);
		n = fl__bilex_get(bl, w[i].word, strlen(w[i].word), r, 64);
		for (size_t k = 0; k < n && k < 64; k++)
			found |= strcmp(r[k], w[i].rendering) == 0;
		if (!found)
			fprintf(stderr, "  %s: %s has no rendering %s\n",
			        w[i].lang, w[i].word, w[i].rendering);
		CHECK(found);
		fl__bilex_free(bl);
	}
}

TESTS(T(test_parse_and_get), T(test_bad_files), T(test_shipped))
