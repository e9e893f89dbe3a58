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
int fl__text_put_failure(fl_buf *out, const char *path, const char *message,
                         unsigned flags);
int fl__text_put_breakdown_file(fl_buf *out, const char *path,
                                const fl_result *res);
int fl__text_put_summary(fl_buf *out, const fl_report_summary *s);

/* json.c: appends to the array files the entry of one file: result's, or
 * (result NULL) the failed path's with message. */
int fl__json_add_file(struct fl_json *files, const char *path,
                      const fl_result *result, const char *message);

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

/* sarif.c: adds the notification of a file that could not be checked to
 * the invocation inv (*notes: its toolExecutionNotifications array, made
 * on the first call when NULL). */
int fl__sarif_add_failure(struct fl_json *inv, struct fl_json **notes,
                          const char *path, const char *message);

#endif
