#include "units.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* A conversion within this share of the exact value is the same fact;
 * within the second, a rounding (README "Numbers"). */
#define FL_CONVERT_SAME    0.025
#define FL_CONVERT_ROUNDED 0.10

static const fl__unit units[] = {
    {"m", FL_DIM_LENGTH, 1},       {"km", FL_DIM_LENGTH, 1000},
    {"cm", FL_DIM_LENGTH, 0.01},   {"mm", FL_DIM_LENGTH, 0.001},
    {"ft", FL_DIM_LENGTH, 0.3048}, {"in", FL_DIM_LENGTH, 0.0254},
    {"yd", FL_DIM_LENGTH, 0.9144}, {"mi", FL_DIM_LENGTH, 1609.344},
    {"kg", FL_DIM_MASS, 1},        {"g", FL_DIM_MASS, 0.001},
    {"t", FL_DIM_MASS, 1000},      {"lb", FL_DIM_MASS, 0.45359237},
    {"kmh", FL_DIM_SPEED, 1},      {"mph", FL_DIM_SPEED, 1.609344},
    {"km2", FL_DIM_AREA, 1e6},     {"mi2", FL_DIM_AREA, 2589988.110336},
    {"ha", FL_DIM_AREA, 1e4},      {"acre", FL_DIM_AREA, 4046.8564224},
    {"C", FL_DIM_TEMP, 1},         {"F", FL_DIM_TEMP, 1},
    {"deg", FL_DIM_TEMP, 1},       {"year", FL_DIM_TIME, 1},
    {"month", FL_DIM_TIME, 1},     {"week", FL_DIM_TIME, 1},
    {"day", FL_DIM_TIME, 1},       {"hour", FL_DIM_TIME, 1},
    {"minute", FL_DIM_TIME, 1},    {"second", FL_DIM_TIME, 1},
};

/* English names for facts files, to the codes above. */
static const struct {
	const char *name, *code;
} names[] = {
    {"metre", "m"},        {"metres", "m"},
    {"meter", "m"},        {"meters", "m"},
    {"kilometre", "km"},   {"kilometres", "km"},
    {"kilometer", "km"},   {"kilometers", "km"},
    {"centimetre", "cm"},  {"centimetres", "cm"},
    {"centimeter", "cm"},  {"centimeters", "cm"},
    {"millimetre", "mm"},  {"millimetres", "mm"},
    {"millimeter", "mm"},  {"millimeters", "mm"},
    {"foot", "ft"},        {"feet", "ft"},
    {"inch", "in"},        {"inches", "in"},
    {"yard", "yd"},        {"yards", "yd"},
    {"mile", "mi"},        {"miles", "mi"},
    {"kilogram", "kg"},    {"kilograms", "kg"},
    {"kilo", "kg"},        {"kilos", "kg"},
    {"gram", "g"},         {"grams", "g"},
    {"tonne", "t"},        {"tonnes", "t"},
    {"pound", "lb"},       {"pounds", "lb"},
    {"lbs", "lb"},         {"km/h", "kmh"},
    {"kph", "kmh"},        {"miles per hour", "mph"},
    {"sq km", "km2"},      {"square miles", "mi2"},
    {"sq mi", "mi2"},      {"hectares", "ha"},
    {"acres", "acre"},     {"celsius", "C"},
    {"fahrenheit", "F"},   {"degree", "deg"},
    {"degrees", "deg"},    {"years", "year"},
    {"months", "month"},   {"weeks", "week"},
    {"days", "day"},       {"hours", "hour"},
    {"minutes", "minute"}, {"seconds", "second"},
};

const fl__unit *fl__unit_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < FL_ARRAY_SIZE(names); i++)
		if (strcasecmp(name, names[i].name) == 0) {
			name = names[i].code;
			break;
		}
	/* Codes are case-sensitive only where they must be: "C"/"F". */
	for (size_t i = 0; i < FL_ARRAY_SIZE(units); i++)
		if (strcmp(name, units[i].code) == 0 ||
		    (units[i].dim != FL_DIM_TEMP &&
		     strcasecmp(name, units[i].code) == 0))
			return &units[i];
	return NULL;
}

static double to_celsius(double v, const fl__unit *u)
{
	return u->code[0] == 'F' ? (v - 32) * 5 / 9 : v;
}

/* How far a is from b, relative to b. */
static double off_by(double a, double b)
{
	return b == 0 ? fabs(a) : fabs(a - b) / fabs(b);
}

static fl__unit_cmp compare_one(double v, const fl__unit *u, double f,
                                const fl__unit *fu);

fl__unit_cmp fl__unit_compare(double v, const fl__unit *u, double f,
                              const fl__unit *fu)
{
	/* A bare degree of the original may be of either scale ("80
	 * degrees" in US news is Fahrenheit: 27 °C); the closer reading
	 * counts. A rendering's bare degree is Celsius. */
	if (u && fu && u->dim == FL_DIM_TEMP && strcmp(fu->code, "deg") == 0) {
		fl__unit_cmp c = compare_one(v, u, f, fl__unit_find("C"));
		fl__unit_cmp fa = compare_one(v, u, f, fl__unit_find("F"));
		return c == FL_UNIT_SAME || fa == FL_UNIT_SAME ? FL_UNIT_SAME
		       : c == FL_UNIT_ROUNDED || fa == FL_UNIT_ROUNDED
		           ? FL_UNIT_ROUNDED
		           : c;
	}
	return compare_one(v, u, f, fu);
}

/* fl__unit_compare with each unit of one scale. */
static fl__unit_cmp compare_one(double v, const fl__unit *u, double f,
                                const fl__unit *fu)
{
	if (u && strcmp(u->code, "deg") == 0)
		u = fl__unit_find("C");
	if (!u || !fu || u->dim != fu->dim)
		return FL_UNIT_OTHER;
	if (u->dim == FL_DIM_TIME)
		return strcmp(u->code, fu->code) == 0 && v == f ? FL_UNIT_SAME
		                                                : FL_UNIT_OFF;
	if (u->dim == FL_DIM_TEMP) {
		/* An absolute temperature, or a difference of temperatures
		 * (no 32° offset): whichever is closer. */
		double ku = u->code[0] == 'F' ? 5.0 / 9 : 1;
		double kf = fu->code[0] == 'F' ? 5.0 / 9 : 1;
		double best = fmin(fabs(to_celsius(v, u) - to_celsius(f, fu)),
		                   fabs(v * ku - f * kf));
		if (strcmp(u->code, fu->code) == 0 ||
		    (u->code[0] != 'F' && fu->code[0] != 'F'))
			return v == f ? FL_UNIT_SAME : FL_UNIT_OFF;
		return best <= 1   ? FL_UNIT_SAME
		       : best <= 2 ? FL_UNIT_ROUNDED
		                   : FL_UNIT_OFF;
	}
	{
		double r = off_by(v * u->factor, f * fu->factor);
		if (r <= 1e-9 || (u != fu && r <= FL_CONVERT_SAME))
			return FL_UNIT_SAME;
		if (u != fu && r <= FL_CONVERT_ROUNDED)
			return FL_UNIT_ROUNDED;
		return FL_UNIT_OFF;
	}
}
