/*
 * The json format, a contract other tools rely on: keep the names and the
 * order of keys.
 *
 * {"tool": {"name", "version"},
 *  "files": [{"path", "lang", "findings": [{"rule", "severity", "line",
 *             "column", "end_line", "end_column", "text", "message",
 *             "expected", "suggestion"[, "source_line"][, "segment"]}]}
 *            | {"path", "lang": null, "error", "findings": []}],
 *  "summary": {"files", "errors", "warnings", "infos"[, "failed"]}}
 *
 * A finding of aligned checking adds "source_line", the line of the
 * original; other findings have no such key. A finding in a segment of a
 * file made of segments (XLIFF trans-unit, PO entry, TMX tu, JSONL record)
 * adds "segment", its id.
 * expected and suggestion are null when absent; a finding without a place
 * has line, column, end_line and end_column 0; a result without a language
 * has lang null. "failed" is present only when a file could not be checked.
 * Indented by 2, UTF-8 raw, one trailing newline.
 */
#include "report.h"

#include "../util/json.h"

#include <limits.h>
#include <stdlib.h>

#define REPORT_INDENT 2

static long long ll(size_t n)
{
	return n > (size_t)LLONG_MAX ? LLONG_MAX : (long long)n;
}

int fl__json_add_finding(fl_json *findings, const fl_finding *f)
{
	bool placed = f->line > 0;
	long long line = placed ? ll(f->line) : 0;
	long long col = placed ? ll(f->column) : 0;
	long long end_line = placed ? ll(f->end_line) : 0;
	long long end_col = placed ? ll(f->end_column) : 0;
	const char *sev = fl_severity_name(f->severity);
	fl_json *o;
	int error;

	if ((error = fl_json_append_new_object(&o, findings)) < 0 ||
	    (error = fl_json_set_str(o, "rule", f->rule)) < 0 ||
	    (error = fl_json_set_str(o, "severity", sev)) < 0 ||
	    (error = fl_json_set_int(o, "line", line)) < 0 ||
	    (error = fl_json_set_int(o, "column", col)) < 0 ||
	    (error = fl_json_set_int(o, "end_line", end_line)) < 0 ||
	    (error = fl_json_set_int(o, "end_column", end_col)) < 0 ||
	    (error = fl_json_set_str(o, "text", f->text)) < 0 ||
	    (error = fl_json_set_str(o, "message", f->message)) < 0 ||
	    (error = fl_json_set_str(o, "expected", f->expected)) < 0 ||
	    (error = fl_json_set_str(o, "suggestion", f->suggestion)) < 0)
		return error;
	if (f->source_line > 0 &&
	    (error = fl_json_set_int(o, "source_line", ll(f->source_line))) < 0)
		return error;
	if (f->segment &&
	    (error = fl_json_set_str(o, "segment", f->segment)) < 0)
		return error;
	return 0;
}

static int add_file(fl_json *files, const fl__report_entry *e)
{
	const char *path = fl__report_entry_path(e);
	const char *lang = e->result ? fl_result_lang(e->result) : NULL;
	fl_json *o, *findings;
	int error;

	if (lang && !*lang)
		lang = NULL;
	if ((error = fl_json_append_new_object(&o, files)) < 0 ||
	    (error = fl_json_set_str(o, "path", path)) < 0 ||
	    (error = fl_json_set_str(o, "lang", lang)) < 0)
		return error;
	if (!e->result && (error = fl_json_set_str(o, "error", e->message)) < 0)
		return error;
	if ((error = fl_json_set_new_array(&findings, o, "findings")) < 0 ||
	    !e->result)
		return error;
	for (size_t i = 0; i < fl_result_count(e->result); i++) {
		error = fl__json_add_finding(findings,
		                             fl_result_finding(e->result, i));
		if (error < 0)
			return error;
	}
	return 0;
}

int fl__report_render_json(fl_buf *out, const fl_report *report, unsigned flags)
{
	fl_json *root = NULL, *tool, *files, *sum;
	fl_report_summary s;
	char *text = NULL;
	size_t len;
	int error;

	(void)flags;
	if ((error = fl_json_object(&root)) < 0 ||
	    (error = fl_json_set_new_object(&tool, root, "tool")) < 0 ||
	    (error = fl_json_set_str(tool, "name", "fidelint")) < 0 ||
	    (error = fl_json_set_str(tool, "version", fl_version())) < 0 ||
	    (error = fl_json_set_new_array(&files, root, "files")) < 0)
		goto cleanup;
	for (size_t i = 0; i < report->count; i++) {
		if ((error = add_file(files, &report->entries[i])) < 0)
			goto cleanup;
	}
	fl_report_summarize(&s, report);
	if ((error = fl_json_set_new_object(&sum, root, "summary")) < 0 ||
	    (error = fl_json_set_int(sum, "files", ll(s.files))) < 0 ||
	    (error = fl_json_set_int(sum, "errors", ll(s.errors))) < 0 ||
	    (error = fl_json_set_int(sum, "warnings", ll(s.warnings))) < 0 ||
	    (error = fl_json_set_int(sum, "infos", ll(s.infos))) < 0)
		goto cleanup;
	if (s.failed_files &&
	    (error = fl_json_set_int(sum, "failed", ll(s.failed_files))) < 0)
		goto cleanup;
	if ((error = fl_json_dump(&text, &len, root, REPORT_INDENT)) < 0 ||
	    (error = fl_buf_put(out, text, len)) < 0 ||
	    (error = fl_buf_putc(out, '\n')) < 0)
		goto cleanup;

cleanup:
	free(text);
	fl_json_free(root);
	return error;
}
