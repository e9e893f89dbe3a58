/*
 * The exonym table (names/exonyms.c) built from ICU's CLDR data: a bare
 * language gets the names of its regional locales that name places their
 * own way (pt_PT for pt, ar_LY and ar_SA for ar), and only those are
 * asked; a regional target gets its own names only. The names are ICU 72's
 * (Debian 12); a later CLDR may rename a place, then these need its names.
 */
#include "names/exonyms.h"
#include "test.h"

#include <string.h>

/* Whether name is among the target names of English place en in x. */
static bool has(const fl__exonyms *x, const char *en, const char *name)
{
	char *const *names;
	size_t n = fl__exonyms_get(x, en, &names);

	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

static void test_regional_names_reach_the_language(void)
{
	fl__exonyms *x = NULL;

	CHECK_EQ_INT(fl__exonyms_new(&x, "pt"), 0);
	CHECK(has(x, "North Macedonia", "Macedônia do Norte")); /* pt */
	CHECK(has(x, "North Macedonia", "Macedónia do Norte")); /* pt_PT */
	fl__exonyms_free(x);

	x = NULL;
	CHECK_EQ_INT(fl__exonyms_new(&x, "ar"), 0);
	CHECK(has(x, "Uruguay", "أورغواي"));  /* ar */
	CHECK(has(x, "Uruguay", "أوروغواي")); /* ar_LY, ar_SA */
	fl__exonyms_free(x);
}

static void test_regional_target_has_its_own(void)
{
	fl__exonyms *x = NULL;

	CHECK_EQ_INT(fl__exonyms_new(&x, "pt_BR"), 0);
	CHECK(has(x, "North Macedonia", "Macedônia do Norte"));
	CHECK(!has(x, "North Macedonia", "Macedónia do Norte"));
	fl__exonyms_free(x);
	fl__exonyms_free(NULL);
}

TESTS(T(test_regional_names_reach_the_language),
      T(test_regional_target_has_its_own))
