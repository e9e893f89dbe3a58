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

#endif
