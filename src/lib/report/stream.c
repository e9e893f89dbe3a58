/*
 * The report stream (fl_report_stream): the text, json and sarif reports
 * written file by file, with the bytes fl_report_render gives.
 *
 * The renderers of fl_report_render build the whole report (json and
 * sarif one JSON tree dumped with an indent of 2); the stream writes the
 * same document in pieces: the members before the list of files (json
 * "files", sarif "results") by hand, each file's entries as a small tree
 * of their own dumped with the indent of their depth, then the members
 * after the list. What the end needs is kept small: the totals, the text
 * breakdown's line per file with findings, the sarif invocation with its
 * notifications of failed files.
 */
#include "report.h"

#include "../rules/rules.h"
#include "../util/json.h"

#include <stdlib.h>
#include <string.h>

/* The part buffer is given back after a file whose part was bigger. */
#define PART_KEEP ((size_t)1 << 20)

/* Indents (spaces) of the lists' entries: json "files" entries are in
 * the root's array, sarif results in root.runs[0].results. */
#define JSON_FILE_DEPTH  4
#define SARIF_RUN_DEPTH  6
#define SARIF_ITEM_DEPTH 8

struct fl_report_stream {
	fl_format format;
	unsigned flags;
	const fl_rule_list *rules; /* borrowed, or builtin */
	fl_rule_list *builtin;     /* owned: when the caller gave no rules */
	fl_report_write_fn write;
	void *ctx;
	int error; /* the first failure; every later call returns it */
	bool started;
	bool finished;
	fl_report_summary sum;
	size_t items;     /* json files, sarif results written */
	fl_buf part;      /* what is written next */
	fl_buf breakdown; /* text: the breakdown lines so far */
	fl_json *invs;    /* sarif: the invocations array (a root) */
	fl_json *inv;     /* its one invocation */
	fl_json *notes;   /* its notifications; NULL before a failure */
};

int fl_report_stream_new(fl_report_stream **out, fl_format format,
                         unsigned flags, const fl_rule_list *rules,
                         fl_report_write_fn write, void *ctx)
{
	fl_report_stream *s;
	int error = 0;

	*out = NULL;
	if (!write || (format != FL_FORMAT_TEXT && format != FL_FORMAT_JSON &&
	               format != FL_FORMAT_SARIF))
		return FL_EINVAL;
	if (!(s = calloc(1, sizeof(*s))))
		return FL_ENOMEM;
	s->format = format;
	s->flags = flags;
	s->write = write;
	s->ctx = ctx;
	s->rules = rules;
	if (format == FL_FORMAT_SARIF) {
		if (!rules && (error = fl__rule_list_build(&s->builtin, NULL,
		                                           NULL, NULL, 0)) < 0)
			goto cleanup;
		if (!rules)
			s->rules = s->builtin;
		if ((error = fl_json_array(&s->invs)) < 0 ||
		    (error = fl_json_append_new_object(&s->inv, s->invs)) < 0)
			goto cleanup;
	}
	*out = s;
	s = NULL;

cleanup:
	fl_report_stream_free(s);
	return error;
}

void fl_report_stream_free(fl_report_stream *s)
{
	if (!s)
		return;
	fl_rule_list_free(s->builtin);
	fl_buf_dispose(&s->part);
	fl_buf_dispose(&s->breakdown);
	fl_json_free(s->invs);
	free(s);
}

void fl_report_stream_summarize(fl_report_summary *out,
                                const fl_report_stream *s)
{
	memset(out, 0, sizeof(*out));
	if (s)
		*out = s->sum;
}

/* Hands the part to the callback and empties it. Returns 0 or FL_EIO. */
static int flush(fl_report_stream *s)
{
	int rc = s->part.len ? s->write(s->ctx, s->part.ptr, s->part.len) : 0;

	if (s->part.cap > PART_KEEP)
		fl_buf_dispose(&s->part);
	else
		fl_buf_clear(&s->part);
	return rc ? FL_EIO : 0;
}

/* Appends lead, then v dumped as if it were depth spaces deep in the
 * document (fl__json_put). Returns 0 or FL_ENOMEM. */
static int put_json(fl_buf *out, const char *lead, const fl_json *v,
                    size_t depth)
{
	return fl__json_put(out, lead, v, depth);
}

/* Appends the beginning of the report (the text format has none):
 * everything before the first file. Returns 0 or FL_ENOMEM. */
static int put_start(fl_report_stream *s)
{
	fl_json *o = NULL, *tool;
	int error = 0;

	if (s->format == FL_FORMAT_JSON) {
		if ((error = fl_json_object(&o)) < 0 ||
		    (error = fl_json_set_str(o, "name", "fidelint")) < 0 ||
		    (error = fl_json_set_str(o, "version", fl_version())) < 0 ||
		    (error = put_json(&s->part, "{\n  \"tool\": ", o, 2)) < 0)
			goto cleanup;
		error = fl_buf_puts(&s->part, ",\n  \"files\": [");
	} else if (s->format == FL_FORMAT_SARIF) {
		if ((error = fl_json_object(&o)) < 0 ||
		    (error = fl__sarif_set_tool(o, s->rules)) < 0)
			goto cleanup;
		tool = (fl_json *)fl_json_get(o, "tool");
		if ((error = fl_buf_puts(&s->part,
		                         "{\n  \"$schema\": \"" FL__SARIF_SCHEMA
		                         "\",\n  \"version\": \"2.1.0\",\n"
		                         "  \"runs\": [\n    {\n")) < 0 ||
		    (error = put_json(&s->part, "      \"tool\": ", tool,
		                      SARIF_RUN_DEPTH)) < 0)
			goto cleanup;
		error = fl_buf_puts(
		    &s->part, ",\n      \"columnKind\": \"unicodeCodePoints\","
		              "\n      \"results\": [");
	}

cleanup:
	fl_json_free(o);
	return error;
}

/* Starts the report when nothing was written yet. Returns 0 or an
 * error. */
static int start(fl_report_stream *s)
{
	if (s->started)
		return 0;
	s->started = true;
	return put_start(s);
}

/* The checks every adding call begins with. */
static int usable(const fl_report_stream *s)
{
	if (!s)
		return FL_EINVAL;
	if (s->error)
		return s->error;
	return s->finished ? FL_EINVAL : 0;
}

/* Appends the entries of arr (each a list entry depth spaces deep),
 * counting them in s->items. Returns 0 or FL_ENOMEM. */
static int put_items(fl_report_stream *s, const fl_json *arr, size_t depth,
                     const char *first, const char *next)
{
	int error = 0;

	for (size_t i = 0; i < fl_json_size(arr) && error == 0; i++)
		error = put_json(&s->part, s->items++ ? next : first,
		                 fl_json_at(arr, i), depth);
	return error;
}

/* fl__part_flush_fn of the stream ctx: writes its part (out). */
static int part_flush(void *ctx, fl_buf *out)
{
	fl_report_stream *s = ctx;

	(void)out; /* s->part */
	return flush(s);
}

/* Appends the SARIF results of result's findings, one after the other,
 * writing the part out as it grows. Returns 0 or an error. */
static int put_sarif_results(fl_report_stream *s, const fl_result *result)
{
	const char *path = fl_result_path(result);
	size_t n = fl_result_count(result);
	fl_json *arr = NULL;
	int error = 0;

	for (size_t i = 0; i < n && error == 0; i++) {
		const fl_finding *f = fl_result_finding(result, i);
		if (!f) {
			error = FL_EIO;
			break;
		}
		if ((error = fl_json_array(&arr)) < 0 ||
		    (error = fl__sarif_add_result(arr, s->rules, path, f)) <
		        0 ||
		    (error = put_items(s, arr, SARIF_ITEM_DEPTH, "\n        ",
		                       ",\n        ")) < 0)
			break;
		fl_json_free(arr);
		arr = NULL;
		if (s->part.len >= FL__PART_FLUSH)
			error = flush(s);
	}
	fl_json_free(arr);
	return error;
}

/* The findings of a result are read in order, once for each thing the
 * format needs (text: the folding, the findings, the breakdown), and
 * written out as the part grows: a result that spilled its findings to
 * a file (FL_CHECK_SPILL) is written in bounded memory. */
int fl_report_stream_add_result(fl_report_stream *s, const fl_result *result)
{
	const char *path;
	int error;

	if ((error = usable(s)) < 0)
		return error;
	if (!result)
		return FL_EINVAL;
	path = fl_result_path(result);
	if ((error = start(s)) < 0)
		goto cleanup;
	switch (s->format) {
	case FL_FORMAT_TEXT:
		if ((error = fl__text_put_result_flushing(
		         &s->part, path, result, s->flags, part_flush, s)) < 0)
			goto cleanup;
		if (fl_result_count(result))
			error = fl__text_put_breakdown_file(&s->breakdown, path,
			                                    result);
		break;
	case FL_FORMAT_JSON:
		error = fl__json_put_file(
		    &s->part, s->items++ ? ",\n    " : "\n    ",
		    JSON_FILE_DEPTH, path, result, NULL, part_flush, s);
		break;
	default:
		error = put_sarif_results(s, result);
		break;
	}
	if (error < 0 || (error = flush(s)) < 0)
		goto cleanup;
	s->sum.files++;
	s->sum.errors += fl_result_count_severity(result, FL_SEVERITY_ERROR);
	s->sum.warnings +=
	    fl_result_count_severity(result, FL_SEVERITY_WARNING);
	s->sum.infos += fl_result_count_severity(result, FL_SEVERITY_INFO);

cleanup:
	if (error < 0)
		s->error = error;
	return error;
}

int fl_report_stream_add_failure(fl_report_stream *s, const char *path,
                                 const char *message)
{
	fl_json *arr = NULL;
	int error;

	if ((error = usable(s)) < 0)
		return error;
	if (!path)
		return FL_EINVAL;
	if (!message)
		message = "";
	if ((error = start(s)) < 0)
		goto cleanup;
	switch (s->format) {
	case FL_FORMAT_TEXT:
		error = fl__text_put_failure(&s->part, path, message, s->flags);
		break;
	case FL_FORMAT_JSON:
		if ((error = fl_json_array(&arr)) < 0 ||
		    (error = fl__json_add_file(arr, path, NULL, message)) < 0)
			goto cleanup;
		error = put_items(s, arr, JSON_FILE_DEPTH, "\n    ", ",\n    ");
		break;
	default:
		error = fl__sarif_add_failure(s->inv, &s->notes, path, message);
		break;
	}
	if (error < 0 || (error = flush(s)) < 0)
		goto cleanup;
	s->sum.files++;
	s->sum.failed_files++;

cleanup:
	fl_json_free(arr);
	if (error < 0)
		s->error = error;
	return error;
}

/* Appends the end of the report: everything after the last file. Returns
 * 0 or FL_ENOMEM. */
static int put_end(fl_report_stream *s)
{
	const fl_report_summary *sum = &s->sum;
	fl_json *o = NULL;
	int error = 0;

	switch (s->format) {
	case FL_FORMAT_TEXT:
		if (sum->errors + sum->warnings + sum->infos >=
		        FL__TEXT_BREAKDOWN_MIN &&
		    s->breakdown.len &&
		    ((error = fl_buf_puts(&s->part, FL__TEXT_BREAKDOWN_HEAD)) <
		         0 ||
		     (error = fl_buf_put(&s->part, s->breakdown.ptr,
		                         s->breakdown.len)) < 0 ||
		     (error = fl_buf_puts(&s->part, FL__TEXT_BREAKDOWN_TAIL)) <
		         0))
			break;
		error = fl__text_put_summary(&s->part, sum);
		break;
	case FL_FORMAT_JSON:
		if ((error = fl_buf_puts(&s->part, s->items ? "\n  ]" : "]")) <
		        0 ||
		    (error = fl_json_object(&o)) < 0 ||
		    (error = fl__json_set_summary(o, sum)) < 0 ||
		    (error = put_json(&s->part, ",\n  \"summary\": ", o, 2)) <
		        0)
			break;
		error = fl_buf_puts(&s->part, "\n}\n");
		break;
	default:
		if ((error = fl_buf_puts(&s->part,
		                         s->items ? "\n      ]" : "]")) < 0 ||
		    (error = fl_json_set_bool(s->inv, "executionSuccessful",
		                              sum->failed_files == 0)) < 0 ||
		    (error = put_json(&s->part, ",\n      \"invocations\": ",
		                      s->invs, SARIF_RUN_DEPTH)) < 0)
			break;
		error = fl_buf_puts(&s->part, "\n    }\n  ]\n}\n");
		break;
	}
	fl_json_free(o);
	return error;
}

int fl_report_stream_finish(fl_report_stream *s)
{
	int error;

	if ((error = usable(s)) < 0)
		return error;
	if ((error = start(s)) < 0 || (error = put_end(s)) < 0 ||
	    (error = flush(s)) < 0) {
		s->error = error;
		return error;
	}
	s->finished = true;
	fl_buf_dispose(&s->breakdown);
	return 0;
}
