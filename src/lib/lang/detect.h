/*
 * Which language a document is in: from its path ("x.ar.txt", "ar/x.txt",
 * "x_pt-BR.md"), else from its text (main script, then frequent words of
 * the profiles sharing that script). Only languages with a profile count.
 */
#ifndef FL_LANG_DETECT_H
#define FL_LANG_DETECT_H

#include "../text/text.h"
#include "../util/map.h"
#include "profile.h"

/*
 * Guesses the tag from path. Candidates in order: the dot-separated parts
 * of the file name before its extension, last first; the part after the
 * last '_' of the stem; the parent folder's name. The first that is a tag
 * with a profile wins. Returns 0 (tag in out) or FL_ELANG.
 */
int fl__lang_from_path(char *out, size_t outlen, const fl__profile_set *set,
                       const char *path);

/* Builds the map common-word key -> bitmask of profiles (at most 64). */
int fl__lang_common_index(fl_map *out, const fl__profile_set *set);

/*
 * Guesses the document's language. Returns 0 (tag in out) or FL_ELANG
 * with a message in err.
 */
int fl__lang_detect(char *out, size_t outlen, const fl__profile_set *set,
                    const fl_map *common, const fl__doc *doc, char *err,
                    size_t errlen);

#endif
