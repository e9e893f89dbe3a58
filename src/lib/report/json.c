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
 *
 * A rule list (`fidelint rules --format json`) is one rule a line:
 * {"rules": [{"id", "severity", "severities", "pack", "path", "line",
 *   "message", "rationale", "suggestion", "pattern", "conditions",
 *   "examples": {"match": [...], "no_match": [...]}}, ...]}
 */
#include "report.h"

#include "../util/json.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_INDENT 2

static long long ll(size_t n)
{
	return n > (size_t)LLONG_MAX ? LLONG_MAX : (long long)n;
}

/* Where a finding's members go: a jansson object (tree_*) or a buffer
 * (stream_*). A string value may be NULL (null). Returns 0 or a negative
 * code. */
typedef struct {
	int (*str)(void *ctx, const char *key, const char *value);
	int (*num)(void *ctx, const char *key, long long value);
} member_sink;

/* The members of finding f, in the json format's order, given to sink:
 * the one place that says what a finding is in JSON. */
static int finding_members(const fl_finding *f, const member_sink *sink,
                           void *ctx)
{
	bool placed = f->line > 0;
	int error;

	if ((error = sink->str(ctx, "rule", f->rule)) < 0 ||
	    (error = sink->str(ctx, "severity",
	                       fl_severity_name(f->severity))) < 0 ||
	    (error = sink->num(ctx, "line", placed ? ll(f->line) : 0)) < 0 ||
	    (error = sink->num(ctx, "column", placed ? ll(f->column) : 0)) <
	        0 ||
	    (error = sink->num(ctx, "end_line", placed ? ll(f->end_line) : 0)) <
	        0 ||
	    (error = sink->num(ctx, "end_column",
	                       placed ? ll(f->end_column) : 0)) < 0 ||
	    (error = sink->str(ctx, "text", f->text)) < 0 ||
	    (error = sink->str(ctx, "message", f->message)) < 0 ||
	    (error = sink->str(ctx, "expected", f->expected)) < 0 ||
	    (error = sink->str(ctx, "suggestion", f->suggestion)) < 0)
		return error;
	if (f->source_line > 0 &&
	    (error = sink->num(ctx, "source_line", ll(f->source_line))) < 0)
		return error;
	if (f->segment && (error = sink->str(ctx, "segment", f->segment)) < 0)
		return error;
	return 0;
}

static int tree_str(void *ctx, const char *key, const char *value)
{
	return fl_json_set_str(ctx, key, value);
}

static int tree_num(void *ctx, const char *key, long long value)
{
	return fl_json_set_int(ctx, key, value);
}

int fl__json_add_finding(fl_json *findings, const fl_finding *f)
{
	static const member_sink tree = {tree_str, tree_num};
	fl_json *o;
	int error;

	if ((error = fl_json_append_new_object(&o, findings)) < 0)
		return error;
	return finding_members(f, &tree, o);
}

/* A finding written as it comes: what fl_json_dump of its object would
 * write, indented by depth. */
typedef struct {
	fl_buf *out;
	size_t depth;
	bool first;
} stream_sink;

/* Appends n spaces. Returns 0 or FL_ENOMEM. */
static int put_spaces(fl_buf *out, size_t n)
{
	static const char sp[] = "                                ";
	int error = 0;

	while (n > 0 && error == 0) {
		size_t k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		error = fl_buf_put(out, sp, k);
		n -= k;
	}
	return error;
}

/* `,\n<indent>"key": ` (no comma before the first member); key is one
 * of finding_members' names, which need no escape. */
static int stream_key(stream_sink *s, const char *key)
{
	int error = fl_buf_puts(s->out, s->first ? "\n" : ",\n");

	s->first = false;
	if (error == 0)
		error = put_spaces(s->out, s->depth + REPORT_INDENT);
	if (error == 0 && (error = fl_buf_putc(s->out, '"')) == 0 &&
	    (error = fl_buf_puts(s->out, key)) == 0)
		error = fl_buf_puts(s->out, "\": ");
	return error;
}

static int stream_str(void *ctx, const char *key, const char *value)
{
	int error = stream_key(ctx, key);
	return error ? error
	             : fl_json_put_str(((stream_sink *)ctx)->out, value);
}

static int stream_num(void *ctx, const char *key, long long value)
{
	/* the digits of value as %lld writes them, without a printf */
	char digits[24], *d = digits + sizeof(digits);
	unsigned long long u = value < 0 ? 0ULL - (unsigned long long)value
	                                 : (unsigned long long)value;
	int error = stream_key(ctx, key);

	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (value < 0)
		*--d = '-';
	return error ? error
	             : fl_buf_put(((stream_sink *)ctx)->out, d,
	                          (size_t)(digits + sizeof(digits) - d));
}

/* Appends finding f as one JSON object, as fl_json_dump with
 * REPORT_INDENT writes it, every line after the first indented by depth
 * more. Returns 0 or FL_ENOMEM. */
static int put_finding(fl_buf *out, const fl_finding *f, size_t depth)
{
	static const member_sink stream = {stream_str, stream_num};
	stream_sink s = {out, depth, true};
	int error = fl_buf_putc(out, '{');

	if (error == 0)
		error = finding_members(f, &stream, &s);
	if (error == 0 && (error = fl_buf_putc(out, '\n')) == 0 &&
	    (error = put_spaces(out, depth)) == 0)
		error = fl_buf_putc(out, '}');
	return error;
}

/* Appends to the array files the entry of one file, with its findings
 * when findings is true (else an empty array: fl__json_put_file writes
 * them). */
static int add_entry(fl_json *files, const char *path, const fl_result *result,
                     const char *message, bool findings)
{
	const char *lang = result ? fl_result_lang(result) : NULL;
	fl_json *o, *arr;
	int error;

	if (lang && !*lang)
		lang = NULL;
	if ((error = fl_json_append_new_object(&o, files)) < 0 ||
	    (error = fl_json_set_str(o, "path", path)) < 0 ||
	    (error = fl_json_set_str(o, "lang", lang)) < 0)
		return error;
	if (!result && (error = fl_json_set_str(o, "error", message)) < 0)
		return error;
	if ((error = fl_json_set_new_array(&arr, o, "findings")) < 0 ||
	    !result || !findings)
		return error;
	for (size_t i = 0; i < fl_result_count(result); i++) {
		const fl_finding *f = fl_result_finding(result, i);
		if ((error = f ? fl__json_add_finding(arr, f) : FL_EIO) < 0)
			return error;
	}
	return 0;
}

int fl__json_add_file(fl_json *files, const char *path, const fl_result *result,
                      const char *message)
{
	return add_entry(files, path, result, message, true);
}

/* Appends text[0,n) with depth spaces after each of its newlines.
 * Returns 0 or FL_ENOMEM. */
static int put_indented(fl_buf *out, const char *text, size_t n, size_t depth)
{
	size_t run = 0;
	int error = 0;

	for (size_t i = 0; i < n && error == 0; i++) {
		if (text[i] != '\n')
			continue;
		if ((error = fl_buf_put(out, text + run, i + 1 - run)) < 0)
			break;
		for (size_t k = 0; k < depth && error == 0; k++)
			error = fl_buf_putc(out, ' ');
		run = i + 1;
	}
	return error ? error : fl_buf_put(out, text + run, n - run);
}

int fl__json_put(fl_buf *out, const char *lead, const fl_json *v, size_t depth)
{
	char *text = NULL;
	size_t len;
	int error;

	/* a dump has newlines only between tokens */
	if ((error = fl_json_dump(&text, &len, v, REPORT_INDENT)) == 0 &&
	    (error = fl_buf_puts(out, lead)) == 0)
		error = put_indented(out, text, len, depth);
	free(text);
	return error;
}

/*
 * The entry is written as fl_json_dump writes the tree of
 * fl__json_add_file: its members before the findings from a dump of the
 * entry with none (which ends in "[]\n}"), then each finding written as
 * it comes (put_finding), two indents deeper than the entry, then the
 * closing lines.
 */
int fl__json_put_file(fl_buf *out, const char *lead, size_t depth,
                      const char *path, const fl_result *result,
                      const char *message, fl__part_flush_fn flush, void *ctx)
{
	fl_json *files = NULL;
	char *text = NULL;
	size_t len, n = result ? fl_result_count(result) : 0;
	size_t inner = depth + 2 * REPORT_INDENT;
	int error;

	if ((error = fl_json_array(&files)) < 0 ||
	    (error = add_entry(files, path, result, message, false)) < 0)
		goto cleanup;
	if (n == 0) {
		error = fl__json_put(out, lead, fl_json_at(files, 0), depth);
		goto cleanup;
	}
	if ((error = fl_json_dump(&text, &len, fl_json_at(files, 0),
	                          REPORT_INDENT)) < 0)
		goto cleanup;
	if (len < 4 || memcmp(text + len - 4, "[]\n}", 4) != 0) {
		error = FL_EINVAL; /* not the dump this was written for */
		goto cleanup;
	}
	if ((error = fl_buf_puts(out, lead)) < 0 ||
	    (error = put_indented(out, text, len - 3, depth)) < 0)
		goto cleanup;
	for (size_t i = 0; i < n && error == 0; i++) {
		const fl_finding *f = fl_result_finding(result, i);
		if (!f) {
			error = FL_EIO;
			break;
		}
		if ((error = fl_buf_puts(out, i ? ",\n" : "\n")) < 0 ||
		    (error = put_spaces(out, inner)) < 0 ||
		    (error = put_finding(out, f, inner)) < 0)
			break;
		if (flush && out->len >= FL__PART_FLUSH)
			error = flush(ctx, out);
	}
	if (error == 0 && (error = fl_buf_putc(out, '\n')) == 0 &&
	    (error = put_spaces(out, depth + REPORT_INDENT)) == 0 &&
	    (error = fl_buf_puts(out, "]\n")) == 0 &&
	    (error = put_spaces(out, depth)) == 0)
		error = fl_buf_putc(out, '}');

cleanup:
	free(text);
	fl_json_free(files);
	return error;
}

int fl__json_set_summary(fl_json *sum, const fl_report_summary *s)
{
	int error;

	if ((error = fl_json_set_int(sum, "files", ll(s->files))) < 0 ||
	    (error = fl_json_set_int(sum, "errors", ll(s->errors))) < 0 ||
	    (error = fl_json_set_int(sum, "warnings", ll(s->warnings))) < 0 ||
	    (error = fl_json_set_int(sum, "infos", ll(s->infos))) < 0)
		return error;
	if (s->failed_files &&
	    (error = fl_json_set_int(sum, "failed", ll(s->failed_files))) < 0)
		return error;
	return 0;
}

int fl__report_render_json(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags)
{
	fl_json *root = NULL, *tool, *files, *sum;
	fl_report_summary s;
	char *text = NULL;
	size_t len;
	int error;

	(void)rules;
	(void)flags;
	if ((error = fl_json_object(&root)) < 0 ||
	    (error = fl_json_set_new_object(&tool, root, "tool")) < 0 ||
	    (error = fl_json_set_str(tool, "name", "fidelint")) < 0 ||
	    (error = fl_json_set_str(tool, "version", fl_version())) < 0 ||
	    (error = fl_json_set_new_array(&files, root, "files")) < 0)
		goto cleanup;
	for (size_t i = 0; i < report->count; i++) {
		const fl__report_entry *e = &report->entries[i];
		if ((error = fl__json_add_file(files, fl__report_entry_path(e),
		                               e->result, e->message)) < 0)
			goto cleanup;
	}
	fl_report_summarize(&s, report);
	if ((error = fl_json_set_new_object(&sum, root, "summary")) < 0 ||
	    (error = fl__json_set_summary(sum, &s)) < 0)
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

/* Appends s as a JSON string (null when NULL). Returns 0 or FL_ENOMEM. */
static int put_string(fl_buf *out, const char *s)
{
	int error = 0;

	if (!s)
		return fl_buf_puts(out, "null");
	error = fl_buf_putc(out, '"');
	for (; *s && error == 0; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			error = fl_buf_printf(out, "\\%c", c);
		else if (c == '\n')
			error = fl_buf_puts(out, "\\n");
		else if (c == '\t')
			error = fl_buf_puts(out, "\\t");
		else if (c < 0x20)
			error = fl_buf_printf(out, "\\u%04x", c);
		else
			error = fl_buf_putc(out, (char)c);
	}
	return error ? error : fl_buf_putc(out, '"');
}

/* Appends the n strings of v as a JSON array. Returns 0 or FL_ENOMEM. */
static int put_strings(fl_buf *out, const char *const *v, size_t n)
{
	int error = fl_buf_putc(out, '[');
	for (size_t i = 0; i < n && error == 0; i++)
		if ((error = fl_buf_puts(out, i ? ", " : "")) == 0)
			error = put_string(out, v[i]);
	return error ? error : fl_buf_putc(out, ']');
}

/* Appends `, "key": value` (value a JSON string, or null). Returns 0 or
 * FL_ENOMEM. */
static int put_member(fl_buf *out, const char *key, const char *value)
{
	int error = fl_buf_printf(out, ", \"%s\": ", key);
	return error ? error : put_string(out, value);
}

int fl__rules_render_json(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags)
{
	size_t n = fl_rule_list_count(rules);
	int error = fl_buf_puts(out, "{\"rules\": [");

	(void)flags;
	for (size_t i = 0; i < n && error == 0; i++) {
		const fl_rule_info *r = fl_rule_list_get(rules, i);
		if ((error = fl_buf_puts(out, i ? ",\n  {\"id\": "
		                                : "\n  {\"id\": ")) < 0 ||
		    (error = put_string(out, r->id)) < 0 ||
		    (error = put_member(out, "severity",
		                        fl_severity_name(r->severity))) < 0 ||
		    (error = put_member(out, "severities", r->severities)) <
		        0 ||
		    (error = put_member(out, "pack", r->pack)) < 0 ||
		    (error = put_member(out, "path", r->path)) < 0 ||
		    (error = fl_buf_printf(out, ", \"line\": %zu", r->line)) <
		        0 ||
		    (error = put_member(out, "message", r->message)) < 0 ||
		    (error = put_member(out, "rationale", r->rationale)) < 0 ||
		    (error = put_member(out, "suggestion", r->suggestion)) <
		        0 ||
		    (error = put_member(out, "pattern", r->pattern)) < 0 ||
		    (error = put_member(out, "conditions", r->conditions)) <
		        0 ||
		    (error = fl_buf_puts(out, ", \"examples\": {\"match\": ")) <
		        0 ||
		    (error = put_strings(out, r->match_examples,
		                         r->match_count)) < 0 ||
		    (error = fl_buf_puts(out, ", \"no_match\": ")) < 0 ||
		    (error = put_strings(out, r->no_match_examples,
		                         r->no_match_count)) < 0)
			break;
		error = fl_buf_puts(out, "}}");
	}
	return error ? error : fl_buf_puts(out, "\n]}\n");
}
