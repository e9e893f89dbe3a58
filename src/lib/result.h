/*
 * Building a fl_result: checks append findings through fl__result_add;
 * the public accessors are in result.c too.
 */
#ifndef FL_RESULT_H
#define FL_RESULT_H

#include "common.h"

/* Longest source line kept whole as a finding's context, in bytes. Of a
 * longer line (a whole article on one line is common in machine
 * translation), a window of FL_CONTEXT_BEFORE code points before the
 * finding and FL_CONTEXT_SPAN in all is kept, so that memory per finding
 * stays bounded. */
#define FL_CONTEXT_MAX    1024
#define FL_CONTEXT_BEFORE 160
#define FL_CONTEXT_SPAN   400

/* A finding under construction; strings are borrowed for the call. */
typedef struct {
	const char *rule;
	fl_severity severity;
	size_t line, column, end_line, end_column;
	const char *text;
	const char *message;
	const char *expected;   /* may be NULL */
	const char *suggestion; /* may be NULL */
	const char *context;    /* source line (UTF-8), may be NULL */
	size_t context_column;  /* column in context; 0: same as column */
	size_t source_line;     /* aligned checking; 0 otherwise */
	size_t context_len;     /* bytes of context (a NUL may be one of
	                           them); 0: strlen(context) */
	const char *segment;    /* id of its segment, may be NULL */
} fl__finding_in;

/* Makes an empty result. *out: caller frees with fl_result_free. */
int fl__result_new(fl_result **out, const char *path, const char *lang);

/* Counts one more mention (times of them) of entity written form.
 * Returns 0 or FL_ENOMEM. */
int fl__result_add_mention(fl_result *r, const char *entity, const char *form,
                           size_t times);

/* Adds the mentions of src to dst. Returns 0 or FL_ENOMEM. */
int fl__result_copy_mentions(fl_result *dst, const fl_result *src);

/* Replaces the result's language (NULL: ""). Returns 0 or FL_ENOMEM. */
int fl__result_set_lang(fl_result *r, const char *lang);

/* Copies f into the result. Returns 0 or FL_ENOMEM. */
int fl__result_add(fl_result *r, const fl__finding_in *f);

/* Keeps the findings keep() says yes to, in order; keep may change a
 * finding's severity. Only the findings in memory (fl__result_spill). */
void fl__result_filter(fl_result *r, bool (*keep)(fl_finding *f, void *ctx),
                       void *ctx);

/* As fl__result_filter for the findings from index `from` on (those
 * before stay as they are). */
void fl__result_filter_from(fl_result *r, size_t from,
                            bool (*keep)(fl_finding *f, void *ctx), void *ctx);

/* Sorts findings by place (placeless first), then rule id. Of a spilled
 * result (fl__result_spill) only those in memory: the spilled ones are
 * in order already. */
void fl__result_sort(fl_result *r);

/*
 * Bounds the memory of a result that grows window after window: when its
 * findings in memory take more than max_bytes, they are sorted and those
 * that sort after every finding written before go to a temporary file
 * (tmpfile), freed from memory. The result reads as before: the merge of
 * the file with the findings in memory, in report order
 * (fl_result_finding reads it in order; its pointer then lives until the
 * next call). Call it only between windows, after the policy filter:
 * fl__result_filter and fl__result_filter_from see only the findings in
 * memory. When no temporary file can be made or written (a full disk),
 * the findings stay in memory from then on. Returns 0 or FL_ENOMEM (the
 * result stays whole).
 */
int fl__result_spill(fl_result *r, size_t max_bytes);

/* Number of findings of r in memory (those fl__result_filter_from
 * indexes); fl_result_count when nothing was spilled. */
size_t fl__result_mem_count(const fl_result *r);

#endif
