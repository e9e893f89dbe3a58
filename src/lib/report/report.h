/*
 * The report behind the public fl_report handle: the results of a run and
 * the files that could not be checked, in the order they were added.
 * report.c keeps the list and the one table of output formats (name,
 * renderers, summary), behind fl_format_parse, fl_report_render and
 * fl_rule_list_render; each format's renderers are in a file of their own
 * (text.c, json.c, sarif.c, markdown.c) and read results through the
 * public accessors.
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
	char *text;        /* the document, for renderers that show it
	                      (fl_report_add_document); owned, or NULL */
	size_t text_len;
} fl__report_entry;

struct fl_report {
	fl__report_entry *entries;
	size_t count;
	size_t cap;
	const fl_rule_list *rules; /* borrowed (fl_report_set_rules); NULL:
	                              the registry's rules are rendered */
	const fl_facts *facts;     /* borrowed (fl_report_set_facts) */
};

/* Whether findings a and b say the same thing (same rule, severity, text
 * and message): the reports fold them into one. */
bool fl__finding_same(const fl_finding *a, const fl_finding *b);

/* ------------------------------------------------------------------
 * fold.c: a file's findings grouped by what they say (fl__finding_same),
 * and its rules, from one pass over them in order; memory per group, not
 * per finding. */

/* Places kept per group: the first finding's and the next ones'. */
#define FL__FOLD_PLACES 9

typedef struct {
	size_t line, column; /* as the finding has them */
} fl__fold_place;

typedef struct {
	uint64_t h1, h2;      /* the key's hashes; h2 0: an empty slot */
	size_t first;         /* index of its first finding */
	size_t count;         /* findings saying it, the first included */
	fl__fold_place place; /* the first finding's */
	fl__fold_place *more; /* the next FL__FOLD_PLACES - 1 (fewer when
	                         count is smaller); NULL when count is 1 */
} fl__fold_group;

typedef struct {
	char *rule;    /* owned */
	size_t count;  /* findings of the rule */
	size_t sev[4]; /* of them, per fl_severity */
} fl__fold_rule;

typedef struct {
	fl__fold_group *groups; /* open addressing, cap a power of 2 */
	size_t cap, count;
	fl__fold_rule *rules; /* in the order first met */
	size_t rule_count, rule_cap;
} fl__fold;

/* Fills fo (disposed with fl__fold_dispose, also on failure) from the
 * findings of res, read once in order. Returns 0, FL_ENOMEM or FL_EIO (a
 * spilled finding could not be read back). */
int fl__fold_build(fl__fold *fo, const fl_result *res);

/* The group of f (a finding of the result fo was built from). */
const fl__fold_group *fl__fold_find(const fl__fold *fo, const fl_finding *f);

/* Place k (< FL__FOLD_PLACES, < g->count) of group g. */
fl__fold_place fl__fold_place_at(const fl__fold_group *g, size_t k);

void fl__fold_dispose(fl__fold *fo);

/* Path of entry e (the result's path, or the failed path). */
const char *fl__report_entry_path(const fl__report_entry *e);

/*
 * A format's renderer of a report: appends the report to out (which may
 * hold text already). rules: the rules of the run, never NULL (the
 * registry's built-in rules when the caller gave none), for formats that
 * describe the rules behind the findings. flags: FL_REPORT_*.
 * Returns 0 or FL_ENOMEM; on failure out may hold a partial rendering.
 */
typedef int (*fl__report_renderer)(fl_buf *out, const fl_report *report,
                                   const fl_rule_list *rules, unsigned flags);

/* A format's renderer of a rule list (`fidelint rules`): as above. */
typedef int (*fl__rules_renderer)(fl_buf *out, const fl_rule_list *rules,
                                  unsigned flags);

/* The renderers of each format (the json ones ignore FL_REPORT_COLOR). */
int fl__report_render_text(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags);
int fl__report_render_json(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags);
int fl__report_render_sarif(fl_buf *out, const fl_report *report,
                            const fl_rule_list *rules, unsigned flags);
int fl__rules_render_sarif(fl_buf *out, const fl_rule_list *rules,
                           unsigned flags);
int fl__report_render_html(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags);
int fl__rules_render_html(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags);
int fl__report_render_markdown(fl_buf *out, const fl_report *report,
                               const fl_rule_list *rules, unsigned flags);
int fl__rules_render_markdown(fl_buf *out, const fl_rule_list *rules,
                              unsigned flags);
int fl__rules_render_text(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags);
int fl__rules_render_json(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags);

/* Appends finding f to the JSON array findings, with the keys of the json
 * format (json.c). Returns 0 or FL_ENOMEM. */
struct fl_json;
int fl__json_add_finding(struct fl_json *findings, const fl_finding *f);

/* ------------------------------------------------------------------
 * Parts of the renderers, shared by fl_report_render and the report
 * stream (stream.c) so that both write the same bytes. Each appends to
 * out and returns 0 or FL_ENOMEM.
 */

/* text.c: the findings of one file, a failed file, one file's line of the
 * closing breakdown (written only when the run has FL__TEXT_BREAKDOWN_MIN
 * findings, between HEAD and TAIL), the last line. flags: FL_REPORT_*. */
#define FL__TEXT_BREAKDOWN_MIN  6
#define FL__TEXT_BREAKDOWN_HEAD "\nby file and rule:\n"
#define FL__TEXT_BREAKDOWN_TAIL "\n"
int fl__text_put_result(fl_buf *out, const char *path, const fl_result *res,
                        unsigned flags);

/* Bytes of a part past which the stream hands it on while a file is
 * written (fl__part_flush_fn). */
#define FL__PART_FLUSH ((size_t)64 << 10)

/* Hands what out holds on and empties it (the report stream); 0 or a
 * negative code. */
typedef int (*fl__part_flush_fn)(void *ctx, fl_buf *out);

/* As fl__text_put_result, calling flush(ctx, out) whenever out holds
 * FL__PART_FLUSH bytes or more (flush NULL: never). */
int fl__text_put_result_flushing(fl_buf *out, const char *path,
                                 const fl_result *res, unsigned flags,
                                 fl__part_flush_fn flush, void *ctx);
int fl__text_put_failure(fl_buf *out, const char *path, const char *message,
                         unsigned flags);
int fl__text_put_breakdown_file(fl_buf *out, const char *path,
                                const fl_result *res);
int fl__text_put_summary(fl_buf *out, const fl_report_summary *s);

/* json.c: appends to the array files the entry of one file: result's, or
 * (result NULL) the failed path's with message. */
int fl__json_add_file(struct fl_json *files, const char *path,
                      const fl_result *result, const char *message);

/* json.c: appends the entry of one file (as fl__json_add_file gives it)
 * as text, depth spaces deep in the document, its findings one after the
 * other, calling flush(ctx, out) whenever out holds FL__PART_FLUSH bytes
 * or more (flush NULL: never); lead goes before it. */
int fl__json_put_file(fl_buf *out, const char *lead, size_t depth,
                      const char *path, const fl_result *result,
                      const char *message, fl__part_flush_fn flush, void *ctx);

/* json.c: appends lead, then v dumped with an indent of 2 as if it were
 * depth spaces deep in the document. */
int fl__json_put(fl_buf *out, const char *lead, const struct fl_json *v,
                 size_t depth);

/* json.c: sets on o the members "files", "errors", "warnings", "infos"
 * (and "failed") of the json format's summary. */
int fl__json_set_summary(struct fl_json *o, const fl_report_summary *s);

/* sarif.c: the SARIF "$schema" URI. */
#define FL__SARIF_SCHEMA                                                       \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"  \
	"sarif-schema-2.1.0.json"

/* sarif.c: sets run's member "tool" (the driver and its rules). */
int fl__sarif_set_tool(struct fl_json *run, const fl_rule_list *rules);

/* sarif.c: appends to the array results one SARIF result per finding of
 * res. */
int fl__sarif_add_results(struct fl_json *results, const fl_rule_list *rules,
                          const fl_result *res);

/* sarif.c: appends to the array results the SARIF result of finding f
 * of the file at path. */
int fl__sarif_add_result(struct fl_json *results, const fl_rule_list *rules,
                         const char *path, const fl_finding *f);

/* sarif.c: adds the notification of a file that could not be checked to
 * the invocation inv (*notes: its toolExecutionNotifications array, made
 * on the first call when NULL). */
int fl__sarif_add_failure(struct fl_json *inv, struct fl_json **notes,
                          const char *path, const char *message);

#endif
