/*
 * The report behind the public fl_report handle: the results of a run and
 * the files that could not be checked, in the order they were added.
 * report.c keeps the list and dispatches rendering to one file per format
 * (text.c, json.c); renderers read results through the public accessors.
 */
#ifndef FL_REPORT_REPORT_H
#define FL_REPORT_REPORT_H

#include "../common.h"
#include "../util/buf.h"

/* One file of the report: a result, or a failure (result NULL). */
typedef struct {
	fl_result *result; /* owned; NULL for a failure */
	char *path;        /* owned; failures only */
	char *message;     /* owned; failures only */
} fl__report_entry;

struct fl_report {
	fl__report_entry *entries;
	size_t count;
	size_t cap;
};

/* Path of entry e (the result's path, or the failed path). */
const char *fl__report_entry_path(const fl__report_entry *e);

/*
 * Appends the report in one format to out (which may hold text already).
 * flags: FL_REPORT_* (the json renderer ignores FL_REPORT_COLOR).
 * Returns 0 or FL_ENOMEM; on failure out may hold a partial rendering.
 */
int fl__report_render_text(fl_buf *out, const fl_report *report,
                           unsigned flags);
int fl__report_render_json(fl_buf *out, const fl_report *report,
                           unsigned flags);

/* Appends finding f to the JSON array findings, with the keys of the json
 * format (json.c). Returns 0 or FL_ENOMEM. */
struct fl_json;
int fl__json_add_finding(struct fl_json *findings, const fl_finding *f);

#endif
