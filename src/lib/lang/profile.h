/*
 * Language profiles: everything fidelint knows about a language is data in
 * dicts/<tag>.yaml, so that adding a language needs no code. Loaded by
 * lang/profile.c through the YAML module.
 *
 * Profile file (all keys but `lang` optional):
 *   lang: pt-BR           BCP 47 tag; must match the file name
 *   name: Portuguese      for messages
 *   script: Latn          ISO 15924 code of its main script
 *   hunspell: [pt_BR]     dictionaries; a word any of them knows is known
 *   accept: [en_US]       extra dictionaries whose words are also accepted
 *   foreign: {Latn: en_US}  tokens of another script checked with this one
 *   extra_words: pt.dic   file in dicts/ added to each hunspell dictionary
 *   prefixes: [و, ب]      clitics that may stand before a word or name
 *   common_words: [de]    frequent words, for language detection
 *   spell_severity: warning  severity of spell.unknown in this language
 *   repeatable: [die]     words that may stand twice in a row ("die die")
 *   suffixes: [s, "'s"]   endings a name may carry ("Zuckerbergs")
 *   articles: [ال, وال]   prefixes holding the definite article
 *   respell: ["w>v"]      how the language spells foreign names: ASCII
 *                         rewrites from its spelling to the English one
 *                         (Iwangorod, Ivangorod); "i$>y": at a word's end
 *   name_letters: ["ة=ه", "و="]  letters spellings of a name may differ by
 *   inherit: pt           take unset keys from this profile
 */
#ifndef FL_LANG_PROFILE_H
#define FL_LANG_PROFILE_H

#include "../common.h"

typedef struct {
	char *script; /* ISO 15924 code, e.g. "Latn" */
	char *dict;   /* hunspell dictionary name */
} fl__foreign_dict;

typedef struct {
	char *tag;
	char *name;
	char *script;
	char **hunspell;
	size_t hunspell_count;
	char **accept;
	size_t accept_count;
	fl__foreign_dict *foreign;
	size_t foreign_count;
	char *extra_words; /* absolute path, or NULL */
	char **prefixes;   /* sorted longest first */
	size_t prefix_count;
	char **common_words;
	size_t common_count;
	char **repeatable; /* words that may legitimately stand twice */
	size_t repeatable_count;
	char **suffixes; /* endings glued to names (genitive -s) */
	size_t suffix_count;
	char **articles; /* prefixes that hold a definite article (ال, ה) */
	size_t article_count;
	/* "from>to" ASCII rewrites from the language's spelling of a foreign
	 * name to the English one ("w>v": Iwangorod for Ivangorod; "i$>y":
	 * at the end of a word), applied in one pass, longest first */
	char **respell;
	size_t respell_count;
	/* Letters two spellings of one name may differ by, "X=Y" (X read as
	 * Y) or "X=" (X left out but as a word's first letter): "ة=ه",
	 * "و=". Used to accept spelling variants of a name (name.missing). */
	char **name_letters;
	size_t name_letter_count;
	fl_severity spell_severity;
	char *inherit;
	char *path; /* file it came from */
} fl__profile;

typedef struct {
	fl__profile **items;
	size_t count;
} fl__profile_set;

/*
 * Loads every dicts/NAME.yaml under data_dir into set (and resolves `inherit`).
 * err gets "path:line:col: problem". Returns 0, FL_EIO, FL_EPARSE or
 * FL_ENOMEM; on failure the set is empty.
 */
int fl__profiles_load(fl__profile_set *set, const char *data_dir, char *err,
                      size_t errlen);

/*
 * Loads one profile from memory (used by the loader and by tests).
 * *out: caller frees with fl__profile_free.
 */
int fl__profile_parse(fl__profile **out, const char *path, const char *data,
                      size_t len, const char *dicts_dir, char *err,
                      size_t errlen);

/* Finds the profile for tag: exact (ASCII case-insensitive), then the
 * language subtag. Borrowed from set; NULL when none. */
const fl__profile *fl__profiles_find(const fl__profile_set *set,
                                     const char *tag);

/*
 * Rewrites in[0,n) (ASCII) with p's `respell` rules into out (cap bytes,
 * NUL-terminated): at each place the longest rule whose left side stands
 * there (a left side ending in '$' only at the end of a word) gives its
 * right side, in one pass (the output is not rewritten
 * again); other characters are copied. Returns the length written, or -1
 * when out is too small.
 */
int fl__profile_respell(const fl__profile *p, const char *in, size_t n,
                        char *out, size_t cap);

void fl__profile_free(fl__profile *p);
void fl__profiles_dispose(fl__profile_set *set);

#endif
