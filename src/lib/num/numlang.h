/*
 * A language's number data (internal to the number module): see
 * number.h for the file format.
 */
#ifndef FL_NUM_NUMLANG_H
#define FL_NUM_NUMLANG_H

#include "number.h"

#include <string.h>

/* Phrases matched on the text itself rather than on tokens, for what word
 * breaks split ("km/h", "ק“ג", "da tarde"): match keys, longest first. */
typedef struct {
	uint16_t *key;
	size_t n;
	uintptr_t v;
} fl__lit;

typedef struct {
	fl__lit *items;
	size_t count;
} fl__litlist;

/* Day parts of a clock time. */
enum { FL_DAY_AM = 1, FL_DAY_PM, FL_DAY_NOON, FL_DAY_NIGHT };

/*
 * Whether text[0,len) starts with a phrase of l, ending at a word
 * boundary when the phrase ends with a letter. Returns the units taken
 * (0: none) and the phrase's value in *v.
 */
size_t fl__lit_match(const fl__litlist *l, const uint16_t *text, size_t len,
                     uintptr_t *v);

struct fl__numlang {
	uint16_t *decimal; /* decimal marks */
	size_t decimal_count;
	uint16_t *group; /* grouping marks */
	size_t group_count;
	fl_map scales;         /* word key -> double (bits) */
	fl_map words;          /* word key -> double (bits) */
	fl_map currencies;     /* word or sign key -> char * ISO code */
	fl_map percent;        /* phrase key -> 1 */
	fl_map approx;         /* phrase key -> 1 */
	fl_map connectors;     /* word key -> 1 */
	fl__litlist units;     /* -> const fl__unit * */
	fl_map duals;          /* word key -> const fl__unit * (value 2) */
	fl_map months;         /* word key -> month 1-12 */
	fl__litlist day_parts; /* -> FL_DAY_* */
	fl_map time_before;    /* word key -> 1 */
	fl__litlist time_after;
	fl__litlist ordinals;
	fl_map centuries;    /* word key -> 1 */
	fl__litlist range;   /* -> 1 */
	fl_map hour_words;   /* word key -> double (bits) */
	fl__litlist clitics; /* prefixes of unit, dual and month words */
	fl__litlist decades; /* glued to a year: "1930er" */
	fl_map vague;        /* word key -> double (bits): "dezenas" 10 */
	fl__litlist weekdays;
	fl_map ordinal_words; /* word key -> double (bits): "segunda" */
	fl__litlist endings;  /* case endings after a word: "مليونًا" */
	fl__litlist dual_endings; /* a noun with one may count two */
	fl_map joiners;           /* word key -> 1: "and" in "two hundred
	                             and five" */
	fl__litlist half;         /* "and a half" after a number or unit */
	fl_map subunits; /* unit code key -> const fl__unit *: "ft" -> in */
	fl__litlist half_before; /* "half an" before a unit */
	fl_map fractions;        /* word key -> double (bits): denominator */
	fl__litlist glued;       /* where a glued word may start: "ال" */
};

static inline double fl__numlang_bits(uintptr_t v)
{
	double d;
	memcpy(&d, &v, sizeof(d));
	return d;
}

#endif
