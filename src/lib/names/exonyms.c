#include "exonyms.h"

#include "../text/text.h"
#include "../util/map.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#define NAME_MAX_UTF8 256 /* bytes of one name; longer ones are skipped */
#define PLACE_NAMES   24  /* names of one place on one side */
#define MAX_LOCALES   48  /* the target locale and its regional ones */

typedef struct {
	size_t first, count; /* target names, into x->names */
} place;

struct fl__exonyms {
	fl_map by_key; /* English match key (no full stops) -> place id + 1 */
	place *places;
	size_t place_count, place_cap;
	char **names;
	size_t name_count, name_cap;
};

/* The names of one place on one side, as UTF-8, deduplicated. */
typedef struct {
	char s[PLACE_NAMES][NAME_MAX_UTF8];
	size_t n;
} name_set;

static void set_add(name_set *ns, const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (len > 0 && *s == ' ')
		s++, len--;
	if (len == 0 || len >= NAME_MAX_UTF8 || ns->n == PLACE_NAMES)
		return;
	for (size_t i = 0; i < ns->n; i++)
		if (strlen(ns->s[i]) == len && memcmp(ns->s[i], s, len) == 0)
			return;
	memcpy(ns->s[ns->n], s, len);
	ns->s[ns->n++][len] = '\0';
}

/* The initialism of a name of two or more words of three letters or more
 * in a cased script, as a name too: "European Union" -> "EU", "União
 * Europeia" -> "UE", "Organisation des Nations unies" -> "ONU". */
static void add_initials(name_set *ns, const UChar *u, int32_t n)
{
	UChar ini[16];
	int32_t k = 0;
	for (int32_t i = 0; i < n;) {
		int32_t j = i, letters = 0;
		UChar32 first;
		U16_GET(u, 0, i, n, first);
		while (j < n && u[j] != ' ' && u[j] != '-')
			j++, letters++;
		if (letters >= 3) {
			if (!u_hasBinaryProperty(first, UCHAR_CASED) ||
			    first > 0xFFFF || k == 15)
				return;
			ini[k++] = (UChar)u_toupper(first);
		}
		i = j + 1;
	}
	if (k >= 2) {
		char b[16 * 3 + 1];
		int32_t len = 0;
		UErrorCode st = U_ZERO_ERROR;
		u_strToUTF8(b, (int32_t)sizeof(b), &len, ini, k, &st);
		if (U_SUCCESS(st) && len > 0 && len < (int32_t)sizeof(b))
			set_add(ns, b, (size_t)len);
	}
}

/* Adds UTF-16 name u[0,n) to ns (and its initialism when asked); "Myanmar
 * (Burma)" also as "Myanmar" and "Burma". */
static void set_add_u16(name_set *ns, const UChar *u, int32_t n, bool initials)
{
	char b[NAME_MAX_UTF8];
	int32_t len = 0;
	UErrorCode st = U_ZERO_ERROR;
	const char *open;

	if (n <= 0)
		return;
	u_strToUTF8(b, (int32_t)sizeof(b), &len, u, n, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ||
	    len <= 0 || len >= (int32_t)sizeof(b))
		return;
	set_add(ns, b, (size_t)len);
	if (initials)
		add_initials(ns, u, n);
	open = strstr(b, " (");
	if (open && b[len - 1] == ')') {
		set_add(ns, b, (size_t)(open - b));
		set_add(ns, open + 2, (size_t)(b + len - 1 - (open + 2)));
	}
}

/* The match key of UTF-8 name s with full stops removed ("U.S." -> "us"),
 * into *key (caller frees). Returns 0, FL_EENCODING or FL_ENOMEM. */
static int place_key(uint16_t **key, size_t *n, const char *s)
{
	char b[NAME_MAX_UTF8];
	size_t len = 0;
	for (; *s && len + 1 < sizeof(b); s++)
		if (*s != '.')
			b[len++] = *s;
	b[len] = '\0';
	*key = NULL;
	*n = 0;
	if (*s)
		return FL_EENCODING; /* too long to be a place name */
	return fl__match_key_utf8(key, n, b, len);
}

/* Records a place with English names en and target names tg (those the
 * target writes as English does are left out). Returns 0 or FL_ENOMEM. */
static int add_place(fl__exonyms *x, const name_set *en, const name_set *tg)
{
	size_t first = x->name_count, id = x->place_count;
	int error = 0;

	for (size_t i = 0; i < tg->n; i++) {
		bool same = false;
		for (size_t j = 0; j < en->n && !same; j++)
			same = strcmp(tg->s[i], en->s[j]) == 0;
		if (same)
			continue;
		if (fl__grow((void **)&x->names, &x->name_cap,
		             x->name_count + 1, sizeof(*x->names)) < 0 ||
		    !(x->names[x->name_count] = fl__strdup(tg->s[i])))
			return FL_ENOMEM;
		x->name_count++;
	}
	if (x->name_count == first)
		return 0;
	if (fl__grow((void **)&x->places, &x->place_cap, id + 1,
	             sizeof(*x->places)) < 0)
		return FL_ENOMEM;
	x->places[id].first = first;
	x->places[id].count = x->name_count - first;
	x->place_count++;
	for (size_t j = 0; j < en->n && error == 0; j++) {
		uint16_t *k;
		size_t kn;
		uintptr_t *slot;
		if ((error = place_key(&k, &kn, en->s[j])) < 0) {
			error = error == FL_ENOMEM ? error : 0;
			continue;
		}
		/* The first place to claim a name keeps it: regions come
		 * before cities. */
		if (kn) {
			slot = fl_map_slot_of(&x->by_key, k, kn * sizeof(*k),
			                      (uintptr_t)id + 1, NULL);
			if (!slot)
				error = FL_ENOMEM;
		}
		free(k);
	}
	return error;
}

/* A region's names in one locale: long and short display names, and the
 * CLDR variant ("Countries%variant" of the region bundle). A locale with no
 * name for the region gets the code back as its long name: then none. */
static void region_names(name_set *ns, const ULocaleDisplayNames *lng,
                         const ULocaleDisplayNames *shrt,
                         const UResourceBundle *variants, const char *code)
{
	UChar b[128], c16[16];
	const ULocaleDisplayNames *ld[2] = {lng, shrt};
	bool grouping;
	int32_t cn = (int32_t)strlen(code);

	if (cn >= 16)
		return;
	/* Initialisms only for groupings and continents (EU -> UE): of a
	 * territory or a city they are mostly something else ("AI" of
	 * Ascension Island). */
	{
		UErrorCode st = U_ZERO_ERROR;
		const URegion *r = uregion_getRegionFromCode(code, &st);
		grouping =
		    U_SUCCESS(st) && r && uregion_getType(r) != URGN_TERRITORY;
	}
	u_uastrcpy(c16, code);
	for (size_t i = 0; i < 2; i++) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t n =
		    ld[i] ? uldn_regionDisplayName(ld[i], code, b, 128, &st)
		          : 0;
		if (U_FAILURE(st) || n <= 0 || n >= 128)
			continue;
		if (i == 0 && n == cn && u_strncmp(b, c16, cn) == 0)
			return;
		set_add_u16(ns, b, n, grouping);
	}
	if (variants) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t n = 0;
		const UChar *v = ures_getStringByKey(variants, code, &n, &st);
		if (U_SUCCESS(st))
			set_add_u16(ns, v, n, grouping);
	}
}

/* The region bundle's "Countries%variant" table of locale, or NULL. */
static UResourceBundle *open_variants(UResourceBundle **bundle,
                                      const char *locale)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *t;
	*bundle = ures_open(U_ICUDATA_NAME "-region", locale, &st);
	if (U_FAILURE(st))
		return NULL;
	t = ures_getByKey(*bundle, "Countries%variant", NULL, &st);
	if (U_FAILURE(st)) {
		ures_close(t);
		return NULL;
	}
	return t;
}

/* The target locale and, for a bare language ("pt"), its regional locales
 * ("pt_PT", "pt_AO"): a translator of the language may follow any of
 * them (Macedônia, Macedónia). Returns how many were written to out. */
static size_t target_locales(char out[][32], size_t cap, const char *locale)
{
	size_t n = 0, ll = strlen(locale);
	if (ll == 0 || ll >= 32 || cap == 0)
		return 0;
	memcpy(out[n++], locale, ll + 1);
	if (strchr(locale, '_'))
		return n;
	for (int32_t i = 0; i < uloc_countAvailable() && n < cap; i++) {
		const char *a = uloc_getAvailable(i);
		size_t al = strlen(a);
		/* "pt_PT", "ar_001": a region, no script or variant */
		if (al < 32 && strncmp(a, locale, ll) == 0 && a[ll] == '_' &&
		    !strchr(a + ll + 1, '_') && strlen(a + ll + 1) <= 3)
			memcpy(out[n++], a, al + 1);
	}
	return n;
}

typedef struct {
	ULocaleDisplayNames *lng, *shrt;
	UResourceBundle *bundle, *variants;
} region_src;

static void region_src_open(region_src *r, const char *locale)
{
	UDisplayContext shortcx[] = {UDISPCTX_LENGTH_SHORT};
	UErrorCode st = U_ZERO_ERROR, s2 = U_ZERO_ERROR;
	r->lng = uldn_open(locale, ULDN_STANDARD_NAMES, &st);
	r->shrt = uldn_openForContext(locale, shortcx, 1, &s2);
	if (U_FAILURE(st))
		r->lng = NULL;
	if (U_FAILURE(s2))
		r->shrt = NULL;
	r->variants = open_variants(&r->bundle, locale);
}

static void region_src_close(region_src *r)
{
	uldn_close(r->lng);
	uldn_close(r->shrt);
	ures_close(r->variants);
	ures_close(r->bundle);
}

/*
 * Whether regional locale `locale` has data of its own in ICU's bundle
 * `data` (U_ICUDATA_NAME "-region", "-zone"): one of the tables named
 * there, not empty, in its own bundle. A locale with none of them names
 * every place as the locale it inherits from does, and that one is among
 * the target locales already (the bare language, or a regional one: pt_AO
 * inherits pt_PT's; CLDR's parents of a regional locale are the language
 * and its other regional locales): asking it again (about 300 regions,
 * long and short, and 450 cities, each through locale fallback) would
 * only repeat their names. Most are so: 25 of the 28 regional Arabic
 * locales have no region names of their own, 10 of the 11 Portuguese
 * ones. The tables built are the same (compared for 18 languages).
 */
static bool own_names(const char *data, const char *locale,
                      const char *const *tables, size_t count)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *b = ures_openDirect(data, locale, &st);
	bool own = false;

	if (U_FAILURE(st)) {
		ures_close(b);
		/* No bundle of its own: it inherits everything. Any other
		 * failure: ask it, as before. */
		return st != U_MISSING_RESOURCE_ERROR;
	}
	for (size_t i = 0; i < count && !own; i++) {
		UErrorCode s2 = U_ZERO_ERROR;
		UResourceBundle *t = ures_getByKey(b, tables[i], NULL, &s2);
		own = U_SUCCESS(s2) && ures_getSize(t) > 0;
		ures_close(t);
	}
	ures_close(b);
	return own;
}

/* own_names of the region bundle: display names and their variants. */
static bool own_region_names(const char *locale)
{
	static const char *const tables[] = {"Countries", "Countries%short",
	                                     "Countries%variant"};
	return own_names(U_ICUDATA_NAME "-region", locale, tables,
	                 FL_ARRAY_SIZE(tables));
}

static int add_regions(fl__exonyms *x, char (*locales)[32], size_t nloc)
{
	region_src en, tg[MAX_LOCALES];
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *all = NULL, *codes = NULL;
	int error = 0;

	region_src_open(&en, "en");
	for (size_t i = 0; i < nloc; i++) {
		/* the first is the target itself: always asked */
		if (i == 0 || own_region_names(locales[i]))
			region_src_open(&tg[i], locales[i]);
		else
			memset(&tg[i], 0, sizeof(tg[i]));
	}
	/* Every region English has a name for: territories, the numeric
	 * UN M.49 regions (continents), EU, EZ, UN. */
	all = ures_open(U_ICUDATA_NAME "-region", "en", &st);
	codes = ures_getByKey(all, "Countries", NULL, &st);
	while (U_SUCCESS(st) && ures_hasNext(codes) && error == 0) {
		UErrorCode s2 = U_ZERO_ERROR;
		UResourceBundle *r = ures_getNextResource(codes, NULL, &s2);
		const char *code = U_SUCCESS(s2) ? ures_getKey(r) : NULL;
		name_set ens, tgs;
		ens.n = tgs.n = 0;
		/* ZZ is "Unknown Region". */
		if (code && strcmp(code, "ZZ") != 0) {
			region_names(&ens, en.lng, en.shrt, en.variants, code);
			for (size_t i = 0; i < nloc; i++)
				region_names(&tgs, tg[i].lng, tg[i].shrt,
				             tg[i].variants, code);
			error = add_place(x, &ens, &tgs);
		}
		ures_close(r);
	}
	ures_close(codes);
	ures_close(all);
	region_src_close(&en);
	for (size_t i = 0; i < nloc; i++)
		region_src_close(&tg[i]);
	return error;
}

/* The exemplar city of zone key zk ("Europe:London") in zone strings zs,
 * into ns; derive: when CLDR gives none, the zone id's last part with
 * spaces ("Mexico_City" -> "Mexico City"). */
static void city_name(name_set *ns, UResourceBundle *zs, const char *zk,
                      bool derive)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *z = zs ? ures_getByKey(zs, zk, NULL, &st) : NULL;
	int32_t n = 0;
	const UChar *ec =
	    U_SUCCESS(st) && z ? ures_getStringByKey(z, "ec", &n, &st) : NULL;
	if (U_SUCCESS(st) && ec) {
		set_add_u16(ns, ec, n, false);
	} else if (derive) {
		const char *last = strrchr(zk, ':');
		char b[NAME_MAX_UTF8];
		size_t len = 0;
		for (last = last ? last + 1 : zk; *last && len + 1 < sizeof(b);
		     last++)
			b[len++] = *last == '_' ? ' ' : *last;
		set_add(ns, b, len);
	}
	ures_close(z);
}

static int add_cities(fl__exonyms *x, char (*locales)[32], size_t nloc)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *eb = ures_open(U_ICUDATA_NAME "-zone", "en", &st);
	UResourceBundle *ez = ures_getByKey(eb, "zoneStrings", NULL, &st);
	UResourceBundle *tb[MAX_LOCALES], *tz[MAX_LOCALES];
	UEnumeration *ids = NULL;
	int error = 0;

	for (size_t i = 0; i < nloc; i++) {
		static const char *const zones[] = {"zoneStrings"};
		UErrorCode s2 = U_ZERO_ERROR;
		tb[i] = tz[i] = NULL;
		/* the first is the target itself: always asked */
		if (i > 0 && !own_names(U_ICUDATA_NAME "-zone", locales[i],
		                        zones, FL_ARRAY_SIZE(zones)))
			continue;
		tb[i] = ures_open(U_ICUDATA_NAME "-zone", locales[i], &s2);
		tz[i] = ures_getByKey(tb[i], "zoneStrings", NULL, &s2);
		if (U_FAILURE(s2)) {
			ures_close(tz[i]);
			tz[i] = NULL;
		}
	}
	if (U_SUCCESS(st))
		ids = ucal_openTimeZoneIDEnumeration(
		    UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, &st);
	while (U_SUCCESS(st) && error == 0) {
		int32_t n = 0;
		const char *id = uenum_next(ids, &n, &st);
		char zk[NAME_MAX_UTF8];
		name_set ens, tgs;
		if (!id || U_FAILURE(st))
			break;
		if (n <= 0 || (size_t)n >= sizeof(zk))
			continue;
		for (int32_t i = 0; i <= n; i++)
			zk[i] = id[i] == '/' ? ':' : id[i];
		ens.n = tgs.n = 0;
		city_name(&ens, ez, zk, true);
		for (size_t i = 0; i < nloc; i++)
			city_name(&tgs, tz[i], zk, false);
		error = add_place(x, &ens, &tgs);
	}
	uenum_close(ids);
	for (size_t i = 0; i < nloc; i++) {
		ures_close(tz[i]);
		ures_close(tb[i]);
	}
	ures_close(ez);
	ures_close(eb);
	return error;
}

int fl__exonyms_new(fl__exonyms **out, const char *locale)
{
	fl__exonyms *x = calloc(1, sizeof(*x));
	char locales[MAX_LOCALES][32];
	size_t nloc = target_locales(locales, MAX_LOCALES, locale);
	int error;

	*out = NULL;
	if (!x)
		return FL_ENOMEM;

	if ((error = add_regions(x, locales, nloc)) < 0 ||
	    (error = add_cities(x, locales, nloc)) < 0) {
		fl__exonyms_free(x);
		return error;
	}
	*out = x;
	return 0;
}

void fl__exonyms_free(fl__exonyms *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->name_count; i++)
		free(x->names[i]);
	free(x->names);
	free(x->places);
	fl_map_dispose(&x->by_key);
	free(x);
}

size_t fl__exonyms_get(const fl__exonyms *x, const char *name,
                       char *const **out)
{
	uint16_t *k;
	size_t kn;
	uintptr_t v = 0;
	bool found;

	*out = NULL;
	if (!x || place_key(&k, &kn, name) < 0)
		return 0;
	found = kn && fl_map_get(&x->by_key, k, kn * sizeof(*k), &v);
	free(k);
	if (!found)
		return 0;
	*out = x->names + x->places[v - 1].first;
	return x->places[v - 1].count;
}
