/*
 * Exonyms: what a target language calls a place the English original
 * names, from the CLDR data that ICU ships (no list of our own):
 *
 *   - territory and region names (ICU's region display names, long, short
 *     and variant): Italy -> Itália, United States / US -> Estados Unidos,
 *     EUA; the EU, the UN and the continents are regions too ("EU", "UN",
 *     "150" Europe, "002" Africa), and of those groupings the initialisms
 *     count as names on both sides (EU -> UE);
 *   - exemplar cities of the time zones (the zoneStrings resource):
 *     London -> Londres, Mexico City -> Cidade do México.
 *
 * A name is looked up by its match key with full stops removed, so "U.S."
 * and "U.K." find "US" and "UK". Besides the text module, this is the only
 * part of the library that calls ICU directly (its resource bundles).
 */
#ifndef FL_NAMES_EXONYMS_H
#define FL_NAMES_EXONYMS_H

#include "../common.h"

typedef struct fl__exonyms fl__exonyms;

/*
 * Builds the table of the target ICU locale `locale` ("pt", "pt_BR", "ar")
 * against English. *out: caller frees with fl__exonyms_free; an empty table
 * when ICU has no data for the locale. Returns 0 or FL_ENOMEM.
 */
int fl__exonyms_new(fl__exonyms **out, const char *locale);

void fl__exonyms_free(fl__exonyms *x);

/*
 * The target language's names for English place name `name` (UTF-8, NUL-
 * terminated): *out gets a borrowed array of NUL-terminated UTF-8 strings,
 * valid while x lives. Returns how many (0 when the name is no place ICU
 * knows, or the target calls it as English does).
 */
size_t fl__exonyms_get(const fl__exonyms *x, const char *name,
                       char *const **out);

#endif
