/*
 * Shared by the fuzz targets: a documented promise of the API that does
 * not hold is a crash, so that libFuzzer keeps the input.
 */
#ifndef FL_FUZZ_H
#define FL_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#define EXPECT(cond)                                                           \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: broken promise: %s\n",         \
			        __FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

#endif
