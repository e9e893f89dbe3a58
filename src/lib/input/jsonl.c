#define _POSIX_C_SOURCE 200809L /* read */

/*
 * The JSONL stream: {"id", "source", "target", "lang", "source_lang"}
 * records, each one segment, answered by one JSON line each as they come
 * (fl_check_jsonl_fd). fl_check_tsv_file is here too: the rows of a TSV
 * file hold their originals the same way.
 */
#include "input.h"

#include "../checker.h"
#include "../report/report.h"
#include "../util/buf.h"
#include "../util/json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fl_check_tsv_file(fl_result **out, fl_checker *chk, const char *path,
                      const char *source_lang, const fl_check_options *opts)
{
	const fl_facts *saved = fl__checker_facts(chk);
	int error;

	/* the rows hold the originals: the checker's facts are not used */
	fl_checker_set_facts(chk, NULL);
	error = fl_check_input_file(out, chk, path, FL_INPUT_TSV, source_lang,
	                            opts);
	fl_checker_set_facts(chk, saved);
	return error;
}

/* A string member of rec, or NULL; *bad set when present but not one. */
static const char *member(const fl_json *rec, const char *key, size_t *len,
                          bool *bad)
{
	const fl_json *v = fl_json_get(rec, key);
	*len = 0;
	if (!v || fl_json_typeof(v) == FL_JSON_NULL)
		return NULL;
	if (fl_json_typeof(v) != FL_JSON_STRING) {
		*bad = true;
		return NULL;
	}
	return fl_json_str(v, len);
}

/* Copies the record's id (string or integer) into o. */
static int set_id(fl_json *o, const fl_json *rec)
{
	const fl_json *id = rec ? fl_json_get(rec, "id") : NULL;
	long long n;
	if (id && fl_json_typeof(id) == FL_JSON_STRING)
		return fl_json_set_str(o, "id", fl_json_str(id, NULL));
	if (id && fl_json_typeof(id) == FL_JSON_INTEGER &&
	    fl_json_int(&n, id) == 0)
		return fl_json_set_int(o, "id", n);
	return fl_json_set_null(o, "id");
}

/* The record's id as text (a string as it is, an integer in idbuf), or
 * NULL. */
static const char *id_text(char *idbuf, size_t n, const fl_json *rec)
{
	const fl_json *id = fl_json_get(rec, "id");
	long long v;
	if (id && fl_json_typeof(id) == FL_JSON_STRING)
		return fl_json_str(id, NULL);
	if (id && fl_json_typeof(id) == FL_JSON_INTEGER &&
	    fl_json_int(&v, id) == 0) {
		snprintf(idbuf, n, "%lld", v);
		return idbuf;
	}
	return NULL;
}

/*
 * A parse message "L:C: text" of a record that is line `line` of path,
 * rewritten as "path:LINE:C: text" (the record is one line: L is 1).
 */
static void place_parse_error(char *msg, size_t n, const char *path,
                              size_t line)
{
	char copy[256];
	const char *p = msg;
	size_t l = 0;

	while (*p >= '0' && *p <= '9')
		l = l * 10 + (size_t)(*p++ - '0');
	if (p == msg || *p != ':' || l == 0)
		return;
	memcpy(copy, p + 1,
	       strlen(p + 1) + 1 < sizeof(copy) ? strlen(p + 1) + 1
	                                        : sizeof(copy));
	copy[sizeof(copy) - 1] = '\0';
	if (snprintf(msg, n, "%s:%zu:%.200s", path, line + l - 1, copy) < 0)
		msg[0] = '\0';
}

/*
 * The answer to one record (fl_check_jsonl_record). path and line: where
 * the record is, for messages (path NULL: a record on its own, positions
 * inside it). source_lang: the default of its "source_lang".
 */
static int answer_record(char **out, size_t *out_len, fl_checker *chk,
                         const char *record, size_t len, const char *path,
                         size_t line, const char *source_lang,
                         const fl_check_options *opts)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_json *rec = NULL, *ans = NULL, *findings;
	fl_result *res = NULL;
	const char *src, *tgt, *lang, *slang;
	size_t sn, tn, ln, sln;
	char perr[256] = "", where[256] = "<record>", *text = NULL;
	char idbuf[32];
	const fl_facts *saved;
	fl_segment seg;
	bool bad = false;
	int error, rc;

	*out = NULL;
	*out_len = 0;
	if (opts)
		o = *opts;
	if (path)
		snprintf(where, sizeof(where), "%s:%zu", path, line);
	if ((error = fl_json_object(&ans)) < 0)
		return error;
	rc = fl_json_parse(&rec, record, len, perr, sizeof(perr));
	if (rc == FL_ENOMEM) {
		error = rc;
		goto done;
	}
	if ((error = set_id(ans, rc == 0 ? rec : NULL)) < 0)
		goto done;
	if (rc < 0 && path)
		place_parse_error(perr, sizeof(perr), path, line);
	if (rc < 0 || fl_json_typeof(rec) != FL_JSON_OBJECT) {
		error = fl_json_set_str(
		    ans, "error", rc < 0 ? perr : "a record is a JSON object");
		goto dump;
	}
	src = member(rec, "source", &sn, &bad);
	tgt = member(rec, "target", &tn, &bad);
	lang = member(rec, "lang", &ln, &bad);
	slang = member(rec, "source_lang", &sln, &bad);
	if (bad || !src || !tgt) {
		error = fl_json_set_str(ans, "error",
		                        "a record needs \"source\" and "
		                        "\"target\" strings (\"lang\", "
		                        "\"source_lang\": strings too)");
		goto dump;
	}
	if (lang)
		o.lang = lang;
	memset(&seg, 0, sizeof(seg));
	seg.id = id_text(idbuf, sizeof(idbuf), rec);
	seg.source.text = src;
	seg.source.len = sn;
	seg.target.text = tgt;
	seg.target.len = tn;
	saved = fl__checker_facts(chk);
	fl_checker_set_facts(chk, NULL);
	rc = fl_check_segments(&res, chk, where, &seg, 1,
	                       slang ? slang : source_lang, &o);
	fl_checker_set_facts(chk, saved);
	if (rc == FL_ENOMEM) {
		error = rc;
		goto done;
	}
	if (rc < 0) {
		error = fl_json_set_str(ans, "error", fl_checker_error(chk));
		goto dump;
	}
	if ((error = fl_json_set_str(ans, "lang", fl_result_lang(res))) < 0 ||
	    (error = fl_json_set_new_array(&findings, ans, "findings")) < 0)
		goto done;
	for (size_t i = 0; i < fl_result_count(res) && error == 0; i++)
		error =
		    fl__json_add_finding(findings, fl_result_finding(res, i));
dump:
	if (error == 0 && (error = fl_json_dump(&text, out_len, ans, 0)) == 0)
		*out = text;
done:
	fl_result_free(res);
	fl_json_free(rec);
	fl_json_free(ans);
	return error;
}

int fl_check_jsonl_record(char **out, size_t *out_len, fl_checker *chk,
                          const char *record, size_t len,
                          const fl_check_options *opts)
{
	return answer_record(out, out_len, chk, record, len, NULL, 0, NULL,
	                     opts);
}

/* Whether s[0,n) holds only JSON white space (an empty line too). */
static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Answers the record on line `line` of path (a blank line has none). */
static int answer_line(fl_checker *chk, const char *path, size_t line,
                       const char *s, size_t n, const char *source_lang,
                       const fl_check_options *opts, fl_jsonl_emit emit,
                       void *ctx)
{
	char *ans = NULL;
	size_t len = 0;
	int error;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (blank(s, n))
		return 0;
	if ((error = answer_record(&ans, &len, chk, s, n, path, line,
	                           source_lang, opts)) < 0)
		return fl__checker_fail(chk, error, "%s:%zu: out of memory",
		                        path, line);
	error = emit(ctx, ans, len);
	free(ans);
	return error;
}

int fl_check_jsonl_fd(fl_checker *chk, const char *path, int fd,
                      const char *source_lang, const fl_check_options *opts,
                      fl_jsonl_emit emit, void *ctx)
{
	const size_t max = fl__checker_max_size(chk);
	char chunk[65536];
	fl_buf line = FL_BUF_INIT;
	size_t lineno = 0;
	int error = 0;

	if (!chk || !emit || fd < 0)
		return FL_EINVAL;
	if (!path)
		path = "<input>";
	while (error == 0) {
		ssize_t got = read(fd, chunk, sizeof(chunk));
		const char *p = chunk, *end;
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			error =
			    fl__checker_fail(chk, FL_EIO, "%s: read error: %s",
			                     path, strerror(errno));
			break;
		}
		if (got == 0)
			break;
		end = chunk + got;
		while (p < end && error == 0) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = (size_t)((nl ? nl : end) - p);
			/* Bounded: a line (a record) is at most the largest
			 * file the checker reads. */
			if (n > max - line.len) {
				error = fl__checker_fail(
				    chk, FL_ELIMIT,
				    "%s:%zu: line longer than the limit of "
				    "%zu bytes",
				    path, lineno + 1, max);
				break;
			}
			if (fl_buf_put(&line, p, n) < 0) {
				error = fl__checker_fail(
				    chk, FL_ENOMEM, "%s: out of memory", path);
				break;
			}
			p += n;
			if (!nl)
				break;
			p++;
			error = answer_line(chk, path, ++lineno,
			                    line.ptr ? line.ptr : "", line.len,
			                    source_lang, opts, emit, ctx);
			fl_buf_clear(&line);
		}
	}
	if (error == 0 && line.len > 0)
		error = answer_line(chk, path, ++lineno, line.ptr, line.len,
		                    source_lang, opts, emit, ctx);
	fl_buf_dispose(&line);
	return error;
}
