/*
 * Building a fl_result: checks append findings through fl__result_add;
 * the public accessors are in result.c too.
 */
#ifndef FL_RESULT_H
#define FL_RESULT_H

#include "common.h"

/* Longest source line kept as a finding's context, in bytes; the rest of a
 * longer line is cut (reports show a window around the column anyway). */
#define FL_CONTEXT_MAX 4000

/* A finding under construction; strings are borrowed for the call. */
typedef struct {
	const char *rule;
	fl_severity severity;
	size_t line, column, end_line, end_column;
	const char *text;
	const char *message;
	const char *expected;   /* may be NULL */
	const char *suggestion; /* may be NULL */
	const char *context;    /* whole source line (UTF-8), may be NULL */
} fl__finding_in;

/* Makes an empty result. *out: caller frees with fl_result_free. */
int fl__result_new(fl_result **out, const char *path, const char *lang);

/* Copies f into the result. Returns 0 or FL_ENOMEM. */
int fl__result_add(fl_result *r, const fl__finding_in *f);

/* Sorts findings by place (placeless first), then rule id. */
void fl__result_sort(fl_result *r);

#endif
