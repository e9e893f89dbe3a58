/*
 * The bilingual lexicon of a target language (rules/lexicon/en-<tag>.tsv,
 * made by scripts/gen-lexicon.py from Debian's FreeDict dictionaries):
 * what a dictionary gives for an English word. The name.literal check asks
 * it for the words of entity names ("scale" -> "escala", "مقياس").
 *
 * The file is kept in memory as read; only an index from each English
 * word to its lines is built at load, so a language costs one read and one
 * pass, and a look-up returns the renderings of one word.
 */
#ifndef FL_LANG_BILINGUAL_H
#define FL_LANG_BILINGUAL_H

#include "../common.h"
#include "../util/map.h"

typedef struct fl__bilex fl__bilex;

/*
 * Loads rules/lexicon/<src>-<tag>.tsv under data_dir, else the file of
 * tag's language subtag ("pt-BR" -> "pt"). *out: caller frees with
 * fl__bilex_free; NULL (and 0 returned) when there is no such file.
 * Errors: FL_EIO, FL_EPARSE ("path:line: problem" in err), FL_ENOMEM.
 */
int fl__bilex_load(fl__bilex **out, const char *data_dir, const char *src,
                   const char *tag, char *err, size_t errlen);

/* As fl__bilex_load from memory (data is copied); path names it in
 * messages. */
int fl__bilex_parse(fl__bilex **out, const char *path, const char *data,
                    size_t len, char *err, size_t errlen);

void fl__bilex_free(fl__bilex *bl);

/*
 * The renderings of English word (ASCII, any case; len bytes): *out gets
 * up to cap pointers to NUL-terminated UTF-8 strings, borrowed, valid while
 * bl lives. Returns how many there are in all (may exceed cap).
 */
size_t fl__bilex_get(const fl__bilex *bl, const char *word, size_t len,
                     const char **out, size_t cap);

#endif
