/*
 * The facts set behind the public fl_facts handle: what the original says.
 * Loaded from YAML by facts/load.c; read by the facts index and the checks.
 */
#ifndef FL_FACTS_FACTS_H
#define FL_FACTS_FACTS_H

#include "../common.h"

/* Strings given per language tag ("ar", "pt", "pt-BR"). */
typedef struct {
	char *lang;   /* canonical BCP 47 tag as written, e.g. "pt-BR" */
	char **items; /* owned strings */
	size_t count;
} fl__lang_strings;

typedef struct {
	char *name;
	fl_entity_kind kind;
	char **aliases;
	size_t alias_count;
	fl__lang_strings *renderings;
	size_t rendering_count;
	long count;     /* -1: not given */
	size_t line;    /* line of the entity in the facts file, 0 if none */
	bool extracted; /* from a file of origin: extracted (guessed) */
} fl__entity;

/* What a number's value is: a plain number, a range "27-29", a clock
 * time "15:00" or a date "2005-05-30", "--10-01", "2018-06". */
typedef enum {
	FL_NUMSHAPE_PLAIN = 0,
	FL_NUMSHAPE_RANGE,
	FL_NUMSHAPE_TIME,
	FL_NUMSHAPE_DATE
} fl__num_shape;

typedef struct {
	double value;  /* as a double; exact for integers below 2^53; a
	                  range's low end; a time's minutes after midnight */
	double value2; /* a range's high end */
	uint8_t shape; /* fl__num_shape */
	int16_t year;  /* a date's fields, 0 when not given */
	int8_t month, day;
	char *raw;   /* the scalar as written */
	char *unit;  /* NULL when not given */
	char *about; /* NULL when not given */
	size_t line;
	bool extracted; /* from a file of origin: extracted (guessed) */
} fl__number;

typedef struct {
	char *source;
	fl__lang_strings *expect; /* accepted renderings per language */
	size_t expect_count;
	fl__lang_strings *forbid; /* PCRE2 patterns per language */
	size_t forbid_count;
	size_t line;
} fl__term;

struct fl_facts {
	int version;
	char *path;        /* name used in messages */
	char *story;       /* NULL when not given */
	char *source_lang; /* NULL when not given */
	fl__entity *entities;
	size_t entity_count;
	fl__number *numbers;
	size_t number_count;
	fl__term *terms;
	size_t term_count;
	bool loaded;
	char err[FL_ERRMSG_SIZE];
};

/*
 * Finds the strings for `lang` in an array of per-language lists: the exact
 * tag first (ASCII case-insensitive), then its language subtag ("pt-BR" ->
 * "pt"). Returns NULL when neither is present.
 */
const fl__lang_strings *fl__lang_strings_find(const fl__lang_strings *list,
                                              size_t count, const char *lang);

/*
 * Facts made in memory, fact by fact, exactly as fl_facts_load_buffer
 * would load the facts file a writer gives for them (the facts of one
 * line of an original, extract/extract.c): the same strings, values,
 * kinds, counts, lines of the file and order, origin extracted. What the
 * loader might refuse or read otherwise (a name given twice, two
 * entities with one match key, a value that is no number, a string that
 * is not UTF-8 or holds a line break YAML would fold) is refused here:
 * the caller then writes the file and loads it, for the loader's
 * message. Lines are those of the file the writer gives; the maker
 * counts them from `line`, the line of the file's first entity.
 */
typedef struct fl__facts_maker fl__facts_maker;

/* Refused: make these facts through the YAML loader instead. */
#define FL__FACTS_REFUSED 1

/*
 * Starts facts named `name` (for messages, as a loaded file's path) in
 * source language source_lang (a tag, canonicalised as the loader
 * does). *out: caller frees with fl__facts_maker_free. Returns 0,
 * FL__FACTS_REFUSED or FL_ENOMEM.
 */
int fl__facts_maker_new(fl__facts_maker **out, const char *name,
                        const char *source_lang);

/*
 * Adds an entity written as `{name: NAME, kind: KIND, aliases: [...],
 * count: COUNT}` on line `line` of the file (kind one of the loader's
 * kind names, aliases NULL when none, count -1 when not given). Returns
 * 0, FL__FACTS_REFUSED or FL_ENOMEM; after a refusal or a failure the
 * maker only takes fl__facts_maker_free.
 */
int fl__facts_maker_entity(fl__facts_maker *m, const char *name,
                           const char *kind, const char *const *aliases,
                           size_t alias_count, long count, size_t line);

/*
 * Adds a number written as `{value: VALUE, unit: UNIT, about: ABOUT}` on
 * line `line`: value the scalar's text, quoted when it was written in
 * quotes; unit and about NULL when not written. Returns 0,
 * FL__FACTS_REFUSED or FL_ENOMEM.
 */
int fl__facts_maker_number(fl__facts_maker *m, const char *value, bool quoted,
                           const char *unit, const char *about, size_t line);

/*
 * The facts made, loaded (as fl_facts_load_buffer leaves them): *out,
 * caller frees with fl_facts_free. m is freed either way. Returns 0 or
 * FL_ENOMEM.
 */
int fl__facts_maker_finish(fl_facts **out, fl__facts_maker *m);

void fl__facts_maker_free(fl__facts_maker *m);

#endif
