/*
 * The report stream writes, piece by piece, the bytes fl_report_render
 * gives for the same files: text (with and without colour, with and
 * without the closing breakdown), json and sarif, for no file, checked
 * files and a file that could not be checked; and it keeps its errors.
 */
#include "test.h"

#include <fidelint/fidelint.h>

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* What a stream wrote, and how many calls may still succeed (-1: all). */
typedef struct {
	char *data;
	size_t len;
	int calls_left;
	size_t calls;
} sink;

/* fl_report_write_fn: appends to the sink. */
static int sink_write(void *ctx, const char *data, size_t len)
{
	sink *s = ctx;
	char *p;

	s->calls++;
	if (s->calls_left == 0)
		return -1;
	if (s->calls_left > 0)
		s->calls_left--;
	if (!(p = realloc(s->data, s->len + len + 1)))
		return -1;
	memcpy(p + s->len, data, len);
	s->data = p;
	s->len += len;
	s->data[s->len] = '\0';
	return 0;
}

/* One file to add: a text to check, or (text NULL) a failure. */
typedef struct {
	const char *path;
	const char *text;
} file;

/*
 * Adds files to a report and to a stream of format (flags, rules) and
 * checks both give the same bytes. Returns what the stream wrote (caller
 * frees), for more checks.
 */
static char *same_bytes(fl_checker *chk, const fl_rule_list *rules,
                        const file *files, size_t n, fl_format format,
                        unsigned flags)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_report *report = NULL;
	fl_report_stream *stream = NULL;
	fl_report_summary a, b;
	sink out = {NULL, 0, -1, 0};
	char *want = NULL;
	size_t want_len = 0;

	o.lang = "en";
	CHECK_EQ_INT(fl_report_new(&report), 0);
	fl_report_set_rules(report, rules);
	CHECK_EQ_INT(fl_report_stream_new(&stream, format, flags, rules,
	                                  sink_write, &out),
	             0);
	CHECK_EQ_INT(out.calls, 0); /* nothing before the first file */
	for (size_t i = 0; i < n; i++) {
		fl_result *res = NULL;
		if (!files[i].text) {
			CHECK_EQ_INT(fl_report_stream_add_failure(
			                 stream, files[i].path, "cannot open"),
			             0);
			CHECK_EQ_INT(fl_report_add_failure(
			                 report, files[i].path, "cannot open"),
			             0);
			continue;
		}
		CHECK_EQ_INT(fl_check_buffer(&res, chk, files[i].path,
		                             files[i].text,
		                             strlen(files[i].text), &o),
		             0);
		CHECK_EQ_INT(fl_report_stream_add_result(stream, res), 0);
		CHECK_EQ_INT(fl_report_add_result(report, res), 0);
	}
	CHECK_EQ_INT(fl_report_stream_finish(stream), 0);
	CHECK_EQ_INT(fl_report_render(&want, &want_len, report, format, flags),
	             0);
	CHECK(out.data != NULL);
	CHECK_EQ_INT(out.len, want_len);
	CHECK(out.data && want && memcmp(out.data, want, want_len) == 0);
	fl_report_summarize(&a, report);
	fl_report_stream_summarize(&b, stream);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	/* nothing goes after the end */
	CHECK_EQ_INT(fl_report_stream_finish(stream), FL_EINVAL);
	CHECK_EQ_INT(fl_report_stream_add_failure(stream, "x", "y"), FL_EINVAL);
	free(want);
	fl_report_stream_free(stream);
	fl_report_free(report);
	return out.data;
}

static const file some[] = {
    {"a.txt", "Scale Scale Scale. The the cat. Scale Scale Scale.\n"},
    {"ok.txt", "Fine.\n"},
    {"gone.txt", NULL},
    {"b.txt", "Scale Scale Scale and and the the end end.\n"},
    {"c.txt", "Scale Scale Scale.\n"},
};

static void test_same_bytes(void)
{
	fl_checker *chk = NULL;
	fl_rule_list *rules = NULL;
	char *s;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&rules, chk, NULL), 0);
	for (int f = FL_FORMAT_TEXT; f <= FL_FORMAT_SARIF; f++) {
		/* no file at all */
		free(same_bytes(chk, NULL, NULL, 0, (fl_format)f, 0));
		free(same_bytes(chk, rules, NULL, 0, (fl_format)f, 0));
		/* files, one failed */
		s = same_bytes(chk, rules, some, COUNT(some), (fl_format)f, 0);
		CHECK_CONTAINS(s, "gone.txt");
		CHECK_CONTAINS(s, "text.repeated");
		free(s);
		/* one file only, the failure only */
		free(same_bytes(chk, NULL, some + 4, 1, (fl_format)f, 0));
		free(same_bytes(chk, NULL, some + 2, 1, (fl_format)f, 0));
	}
	/* text: colour, and the breakdown of a run with enough findings */
	free(same_bytes(chk, NULL, some, COUNT(some), FL_FORMAT_TEXT,
	                FL_REPORT_COLOR));
	s = same_bytes(chk, NULL, some, COUNT(some), FL_FORMAT_TEXT, 0);
	CHECK_CONTAINS(s, "by file and rule:");
	free(s);
	/* and a short one without */
	s = same_bytes(chk, NULL, some + 4, 1, FL_FORMAT_TEXT, 0);
	CHECK(s && !strstr(s, "by file and rule:"));
	free(s);
	/* sarif: the invocation after the results, failed when a file was */
	s = same_bytes(chk, rules, some, COUNT(some), FL_FORMAT_SARIF, 0);
	CHECK(s && strstr(s, "\"results\"") &&
	      strstr(s, "\"results\"") < strstr(s, "\"invocations\""));
	CHECK_CONTAINS(s, "\"executionSuccessful\": false");
	free(s);
	fl_rule_list_free(rules);
	fl_checker_free(chk);
}

/* Bad arguments, formats that cannot stream, a write that fails. */
static void test_errors(void)
{
	fl_checker *chk = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_report_stream *stream = NULL;
	fl_result *res = NULL;
	sink out = {NULL, 0, 0, 0};
	const char *text = "Scale Scale Scale.\n";

	CHECK_EQ_INT(fl_report_stream_new(&stream, FL_FORMAT_HTML, 0, NULL,
	                                  sink_write, &out),
	             FL_EINVAL);
	CHECK(stream == NULL);
	CHECK_EQ_INT(fl_report_stream_new(&stream, FL_FORMAT_MARKDOWN, 0, NULL,
	                                  sink_write, &out),
	             FL_EINVAL);
	CHECK_EQ_INT(
	    fl_report_stream_new(&stream, FL_FORMAT_JSON, 0, NULL, NULL, &out),
	    FL_EINVAL);
	CHECK_EQ_INT(fl_report_stream_add_result(NULL, NULL), FL_EINVAL);
	CHECK_EQ_INT(fl_report_stream_finish(NULL), FL_EINVAL);
	fl_report_stream_free(NULL);

	/* the first write fails: the error stays, nothing more is written */
	o.lang = "en";
	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(
	    fl_check_buffer(&res, chk, "x.txt", text, strlen(text), &o), 0);
	CHECK_EQ_INT(fl_report_stream_new(&stream, FL_FORMAT_JSON, 0, NULL,
	                                  sink_write, &out),
	             0);
	CHECK_EQ_INT(fl_report_stream_add_result(stream, NULL), FL_EINVAL);
	CHECK_EQ_INT(fl_report_stream_add_result(stream, res), FL_EIO);
	CHECK_EQ_INT(out.calls, 1);
	CHECK_EQ_INT(fl_report_stream_add_failure(stream, "y", "z"), FL_EIO);
	CHECK_EQ_INT(fl_report_stream_finish(stream), FL_EIO);
	CHECK_EQ_INT(out.calls, 1);
	CHECK(out.len == 0);
	fl_report_stream_free(stream);
	fl_result_free(res);
	fl_checker_free(chk);
	free(out.data);
}

TESTS(T(test_same_bytes), T(test_errors))
