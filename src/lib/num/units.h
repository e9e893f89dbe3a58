/*
 * Units of measure and time: the canonical codes the number module gives
 * quantities ("m", "ft", "kg", "C", "year"), their dimension and factor,
 * and the comparisons an honest translator's conversions must pass
 * (20 feet = 6 metres, 80 °F = 27 °C, 550 lb = 250 kg).
 *
 * Facts files name units in English ("feet", "mile", "fahrenheit",
 * "month"); rules/numbers/<tag>.yaml maps a language's unit words to the
 * same codes. A unit name that is none of these (people, stores) is a
 * counted noun, not a unit.
 */
#ifndef FL_NUM_UNITS_H
#define FL_NUM_UNITS_H

#include "../common.h"

typedef enum {
	FL_DIM_NONE = 0,
	FL_DIM_LENGTH,
	FL_DIM_MASS,
	FL_DIM_SPEED,
	FL_DIM_TEMP,
	FL_DIM_AREA,
	FL_DIM_TIME /* durations: never converted into one another */
} fl__dimension;

typedef struct {
	const char *code; /* canonical code, at most 7 bytes */
	uint8_t dim;      /* fl__dimension */
	double factor;    /* to the dimension's base unit (m, kg, km/h) */
} fl__unit;

/*
 * The unit a code or English name stands for ("ft", "feet", "Foot",
 * "miles per hour"), ASCII case-insensitive; NULL when none. The result
 * is static.
 */
const fl__unit *fl__unit_find(const char *name);

/* How a measured quantity compares with a fact in the same dimension. */
typedef enum {
	FL_UNIT_OTHER = 0, /* not comparable (other dimension) */
	FL_UNIT_SAME,      /* equal, or a conversion within 2.5 % (±1 °C) */
	FL_UNIT_ROUNDED,   /* a conversion within 10 % (±2 °C) */
	FL_UNIT_OFF        /* comparable but different */
} fl__unit_cmp;

/*
 * Compares value v in unit u (as rendered) with fact value f in unit fu.
 * Temperatures also compare as differences (a 20 F° drop is 11 C°); a
 * bare degree ("deg") of the fact is of either scale, whichever reading
 * is closer; a bare degree of the rendering is Celsius.
 * Durations compare only in the same unit.
 */
fl__unit_cmp fl__unit_compare(double v, const fl__unit *u, double f,
                              const fl__unit *fu);

#endif
