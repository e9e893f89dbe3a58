/*
 * The list of a report's files, and the one table of output formats.
 */
#include "report.h"

#include "../rules/rules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One output format. */
typedef struct {
	fl_format id;
	const char *name;
	fl__report_renderer render;      /* a report */
	fl__rules_renderer render_rules; /* a rule list; NULL: cannot */
	const char *summary;             /* one line, for help texts */
} format_row;

/* Every output format, in fl_format order. */
static const format_row formats[] = {
    {FL_FORMAT_TEXT, "text", fl__report_render_text, fl__rules_render_text,
     "compiler-style messages with the line and a caret"},
    {FL_FORMAT_JSON, "json", fl__report_render_json, fl__rules_render_json,
     "one JSON document; its keys are a contract"},
    {FL_FORMAT_SARIF, "sarif", fl__report_render_sarif, fl__rules_render_sarif,
     "SARIF 2.1.0, for code scanning and editors"},
    {FL_FORMAT_HTML, "html", fl__report_render_html, fl__rules_render_html,
     "the editorial report: one self-contained page for an editor"},
    {FL_FORMAT_MARKDOWN, "markdown", fl__report_render_markdown,
     fl__rules_render_markdown,
     "totals, a table per file and rule, then the findings, for a "
     "pull-request comment"},
};

/* The row of format, or NULL when there is none. */
static const format_row *format_get(fl_format format)
{
	for (size_t i = 0; i < FL_ARRAY_SIZE(formats); i++)
		if (formats[i].id == format)
			return &formats[i];
	return NULL;
}

int fl_format_parse(fl_format *out, const char *name)
{
	if (!out || !name)
		return FL_EINVAL;
	for (size_t i = 0; i < FL_ARRAY_SIZE(formats); i++)
		if (strcmp(formats[i].name, name) == 0) {
			*out = formats[i].id;
			return 0;
		}
	return FL_EINVAL;
}

const char *fl_format_name(fl_format format)
{
	const format_row *f = format_get(format);
	return f ? f->name : NULL;
}

const char *fl_format_summary(fl_format format)
{
	const format_row *f = format_get(format);
	return f ? f->summary : NULL;
}

const char *fl_format_names(void)
{
	static char names[128];
	size_t n = 0;

	if (names[0])
		return names;
	for (size_t i = 0; i < FL_ARRAY_SIZE(formats); i++) {
		size_t len = strlen(formats[i].name);
		if (n + len + 3 > sizeof(names))
			break;
		if (i) {
			memcpy(names + n, ", ", 2);
			n += 2;
		}
		memcpy(names + n, formats[i].name, len + 1);
		n += len;
	}
	return names;
}

int fl_report_new(fl_report **out)
{
	fl_report *r = calloc(1, sizeof(*r));
	*out = r;
	return r ? 0 : FL_ENOMEM;
}

void fl_report_free(fl_report *report)
{
	if (!report)
		return;
	for (size_t i = 0; i < report->count; i++) {
		fl__report_entry *e = &report->entries[i];
		fl_result_free(e->result);
		free(e->path);
		free(e->message);
		free(e->text);
	}
	free(report->entries);
	free(report);
}

/* Makes room for one more entry. Returns 0 or FL_ENOMEM. */
static int reserve_entry(fl_report *report)
{
	size_t need;
	if (fl__add_overflow(report->count, 1, &need))
		return FL_ENOMEM;
	return fl__grow((void **)&report->entries, &report->cap, need,
	                sizeof(*report->entries));
}

int fl_report_add_result(fl_report *report, fl_result *result)
{
	fl__report_entry *e;

	if (!report || !result) {
		fl_result_free(result);
		return FL_EINVAL;
	}
	if (reserve_entry(report) < 0) {
		fl_result_free(result);
		return FL_ENOMEM;
	}
	e = &report->entries[report->count++];
	memset(e, 0, sizeof(*e));
	e->result = result;
	return 0;
}

int fl_report_add_failure(fl_report *report, const char *path,
                          const char *message)
{
	char *p = NULL, *m = NULL;
	fl__report_entry *e;
	int error = 0;

	if (!report || !path)
		return FL_EINVAL;
	p = fl__strdup(path);
	m = fl__strdup(message ? message : "");
	if (!p || !m || reserve_entry(report) < 0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	e = &report->entries[report->count++];
	memset(e, 0, sizeof(*e));
	e->path = p;
	e->message = m;
	p = m = NULL;

cleanup:
	free(p);
	free(m);
	return error;
}

int fl_report_add_document(fl_report *report, fl_result *result,
                           const char *text, size_t len)
{
	char *copy;
	int error;

	if (!report || (!text && len)) {
		fl_result_free(result);
		return FL_EINVAL;
	}
	if (len == SIZE_MAX || !(copy = malloc(len + 1))) {
		fl_result_free(result);
		return FL_ENOMEM;
	}
	if (len)
		memcpy(copy, text, len);
	copy[len] = '\0';
	if ((error = fl_report_add_result(report, result)) < 0) {
		free(copy);
		return error;
	}
	report->entries[report->count - 1].text = copy;
	report->entries[report->count - 1].text_len = len;
	return 0;
}

void fl_report_set_facts(fl_report *report, const fl_facts *facts)
{
	if (report)
		report->facts = facts;
}

bool fl__finding_same(const fl_finding *a, const fl_finding *b)
{
	return a->severity == b->severity && strcmp(a->rule, b->rule) == 0 &&
	       strcmp(a->text, b->text) == 0 &&
	       strcmp(a->message, b->message) == 0;
}

const char *fl__report_entry_path(const fl__report_entry *e)
{
	return e->result ? fl_result_path(e->result) : e->path;
}

/*
 * files counts every file of the report, checked or not (the length of the
 * json "files" array); failed_files those that could not be checked.
 */
void fl_report_summarize(fl_report_summary *out, const fl_report *report)
{
	memset(out, 0, sizeof(*out));
	if (!report)
		return;
	out->files = report->count;
	for (size_t i = 0; i < report->count; i++) {
		const fl_result *r = report->entries[i].result;
		if (!r) {
			out->failed_files++;
			continue;
		}
		out->errors += fl_result_count_severity(r, FL_SEVERITY_ERROR);
		out->warnings +=
		    fl_result_count_severity(r, FL_SEVERITY_WARNING);
		out->infos += fl_result_count_severity(r, FL_SEVERITY_INFO);
	}
}

void fl_report_set_rules(fl_report *report, const fl_rule_list *rules)
{
	if (report)
		report->rules = rules;
}

/* Moves buf's text to *out (and its length to *out_len when not NULL).
 * Returns 0 or FL_ENOMEM. */
static int detach(char **out, size_t *out_len, fl_buf *buf)
{
	size_t len = buf->len;
	if (!(*out = fl_buf_detach(buf)))
		return FL_ENOMEM;
	if (out_len)
		*out_len = len;
	return 0;
}

int fl_report_render(char **out, size_t *out_len, const fl_report *report,
                     fl_format format, unsigned flags)
{
	const format_row *f = format_get(format);
	fl_rule_list *builtin = NULL;
	fl_buf buf = FL_BUF_INIT;
	int error;

	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!report || !f)
		return FL_EINVAL;
	if (!report->rules &&
	    (error = fl__rule_list_build(&builtin, NULL, NULL, NULL, 0)) < 0)
		goto cleanup;
	if ((error =
	         f->render(&buf, report,
	                   report->rules ? report->rules : builtin, flags)) < 0)
		goto cleanup;
	error = detach(out, out_len, &buf);

cleanup:
	fl_rule_list_free(builtin);
	fl_buf_dispose(&buf);
	return error;
}

int fl_rule_list_render(char **out, size_t *out_len, const fl_rule_list *list,
                        fl_format format, unsigned flags)
{
	const format_row *f = format_get(format);
	fl_buf buf = FL_BUF_INIT;
	int error;

	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!list || !f || !f->render_rules)
		return FL_EINVAL;
	if ((error = f->render_rules(&buf, list, flags)) == 0)
		error = detach(out, out_len, &buf);
	fl_buf_dispose(&buf);
	return error;
}
