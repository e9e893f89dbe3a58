#include "report.h"

#include <stdlib.h>
#include <string.h>

int fl_format_parse(fl_format *out, const char *name)
{
	if (!out || !name)
		return FL_EINVAL;
	if (strcmp(name, "text") == 0) {
		*out = FL_FORMAT_TEXT;
		return 0;
	}
	if (strcmp(name, "json") == 0) {
		*out = FL_FORMAT_JSON;
		return 0;
	}
	return FL_EINVAL;
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

int fl_report_render(char **out, size_t *out_len, const fl_report *report,
                     fl_format format, unsigned flags)
{
	fl_buf buf = FL_BUF_INIT;
	size_t len;
	int error;

	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!report)
		return FL_EINVAL;
	switch (format) {
	case FL_FORMAT_TEXT:
		error = fl__report_render_text(&buf, report, flags);
		break;
	case FL_FORMAT_JSON:
		error = fl__report_render_json(&buf, report, flags);
		break;
	default:
		error = FL_EINVAL;
		break;
	}
	if (error < 0)
		goto cleanup;
	len = buf.len;
	*out = fl_buf_detach(&buf);
	if (!*out) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	if (out_len)
		*out_len = len;

cleanup:
	fl_buf_dispose(&buf);
	return error;
}
