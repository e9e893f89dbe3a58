/*
 * A language's number data (internal to the number module): see
 * number.h for the file format.
 */
#ifndef FL_NUM_NUMLANG_H
#define FL_NUM_NUMLANG_H

#include "number.h"

#include <string.h>

struct fl__numlang {
	uint16_t *decimal; /* decimal marks */
	size_t decimal_count;
	uint16_t *group; /* grouping marks */
	size_t group_count;
	fl_map scales;     /* word key -> double (bits) */
	fl_map words;      /* word key -> double (bits) */
	fl_map currencies; /* word or sign key -> char * ISO code */
	fl_map percent;    /* phrase key -> 1 */
	fl_map approx;     /* phrase key -> 1 */
	fl_map connectors; /* word key -> 1 */
};

static inline double fl__numlang_bits(uintptr_t v)
{
	double d;
	memcpy(&d, &v, sizeof(d));
	return d;
}

#endif
