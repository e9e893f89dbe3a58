/*
 * The number recogniser: finds the quantities of a document (amounts,
 * percentages, years, counts) with their value, unit and span, so that
 * checks can compare numbers by value and meaning rather than by digits.
 *
 * What a language writes around numbers is data, in
 * rules/numbers/<tag>.yaml (falling back from "pt-BR" to "pt"):
 *
 *   lang: pt
 *   decimal: [","]              # decimal marks of the language
 *   group: [".", " "]           # grouping marks
 *   scales: {mil: 1e3, milhões: 1e6, bilhões: 1e9, bn: 1e9}
 *   words: {dois: 2, duas: 2}   # number words ICU's spell-out rules miss
 *   currencies: {US$: USD, $: USD, dólares: USD, euros: EUR}
 *   percent: ["%", por cento]
 *   approx: [cerca de, quase, mais de]
 *   connectors: [de]            # may stand between a number and its unit
 *   units: {metros: m, km: km, "km/h": kmh, anos: year}   # units.h codes
 *   duals: {meses: month}       # Arabic/Hebrew duals: the word alone is 2
 *   months: {janeiro: 1, jan: 1}
 *   day_parts: {da manhã: am, da tarde: pm, da noite: night, ...}
 *   time_before: [às]           # a number after it is a clock hour
 *   time_after: [h, horas]      # a number before it is a clock hour (24 h)
 *   ordinals: [º, ª, o]         # endings glued to ordinal digits ("63º")
 *   centuries: [século]         # a Roman numeral next to it is a number
 *   range: [a, até, "-"]        # between the two ends of a range
 *   hour_words: {uma: 1}        # read as numbers only before a day part
 *   ordinal_words: {segunda: 2} # ordinals of position in words
 *   endings: [ا]                # case endings a number, scale or unit
 *                               # word may carry ("مليونًا")
 *   dual_endings: [ان, ين]      # a noun with one may count two: a weak
 *                               # reading that only ever renders a 2
 *   joiners: [and]              # between number words: "two hundred
 *                               # and five"
 *   half: [and a half]          # adds 0.5 after a number or its unit
 *   half_before: [half an]      # before a unit: "half an hour" is 0.5 h
 *   fractions: {terço: 3}       # fraction words: a weak reading of the
 *                               # ordinal ("the final third") or of the
 *                               # percentage (100/n: "النصف" for 50 %)
 *   glued: [ال]                 # a word typed without its space before
 *                               # one of these ("هزيمتهالثانية"): the
 *                               # number word after it is read, weakly
 *   subunits: {ft: in}          # a bare number after a measure in the
 *                               # key unit is in the value unit:
 *                               # "6-foot-6" is 6 ft 6 in
 *
 * Digits of any script ICU knows are read (ASCII, Arabic-Indic ...). A
 * separator that the language uses for grouping and that is followed by
 * exactly three digits is read as grouping, with the decimal reading kept
 * as `alt` ("14.300" in Portuguese is 14300, or 14.3 written the English
 * way); the other convention is always tried too, since Arabic news writes
 * 14.3 with ASCII digits and an English point.
 */
#ifndef FL_NUM_NUMBER_H
#define FL_NUM_NUMBER_H

#include "../common.h"
#include "../text/text.h"
#include "../util/map.h"

typedef enum {
	FL_QTY_COUNT = 1, /* a plain number */
	FL_QTY_MONEY,
	FL_QTY_PERCENT,
	FL_QTY_YEAR,
	FL_QTY_MEASURE, /* with a unit of units.h: "6 metros", "cinco anos" */
	FL_QTY_TIME,    /* a clock time: value is minutes after midnight */
	FL_QTY_DATE,    /* a day of a month, with or without its year */
	FL_QTY_SCORE    /* a result "2-0", "38 - 17", "2&1": value, then alt */
} fl__qty_kind;

typedef struct {
	double value;        /* scale applied */
	double alt;          /* the other reading of the separators, or NAN;
	                        FL_QTY_SCORE: the second number */
	double scale;        /* the scale word applied ("milhões"), else 1 */
	uint8_t kind;        /* fl__qty_kind */
	bool approx;         /* hedged: "about", "cerca de", "حوالي" */
	bool spelled;        /* written in words ("cinco") */
	bool ordinal;        /* "63º", "XIXe", "89e" */
	bool ranged;         /* one end of a range ("70 a 90 %") */
	bool vague;          /* "dezenas": some multiple of value, 2-9 times */
	bool optional;       /* a conversion in brackets after another
	                        quantity ("800 kph (497 mph)"): a translation
	                        may drop it, so it is no fact to render */
	bool fraction;       /* weak: a fraction word, value its denominator
	                        ("terço" 3, "النصف" 2) */
	bool weak;           /* a guess ("البلدان" may be a dual: two
	                        countries): it may render a fact, it is never
	                        reported itself */
	char unit[8];        /* ISO currency code, "%", a units.h code, "" */
	int16_t year;        /* FL_QTY_DATE: 0 when not written */
	int8_t month, day;   /* FL_QTY_DATE: 1-based, 0 when not written */
	uint32_t start, end; /* UTF-16 span in the document */
} fl__quantity;

typedef struct fl__numlang fl__numlang;

/*
 * Loads rules/numbers/<tag>.yaml under data_dir (else the language
 * subtag's file). *out: caller frees with fl__numlang_free; NULL (and 0
 * returned) when the language has no number file. Errors are
 * "path:line:col: problem" in err: FL_EPARSE, FL_EIO, FL_ENOMEM.
 */
int fl__numlang_load(fl__numlang **out, const char *data_dir, const char *tag,
                     char *err, size_t errlen);

/* As fl__numlang_load from memory; path is used in messages. */
int fl__numlang_parse(fl__numlang **out, const char *path, const char *data,
                      size_t len, char *err, size_t errlen);

void fl__numlang_free(fl__numlang *nl);

/*
 * Finds the quantities of doc. nl may be NULL (digits only); locale is the
 * ICU locale for spelled-out numbers. *out: caller frees with free().
 * Returns 0 or FL_ENOMEM.
 */
int fl__numbers_find(fl__quantity **out, size_t *count, const fl__doc *doc,
                     const fl__numlang *nl, fl__text_ctx *tc,
                     const char *locale);

#endif
