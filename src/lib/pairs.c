/*
 * Line-aligned input in the forms pipelines use: two files (original and
 * translation), a two-column TSV (original TAB translation), and a JSONL
 * stream of {"id", "source", "target", "lang", "source_lang"} records
 * answered by one JSON line each. All go through fl_check_aligned.
 */
#include "common.h"

#include "checker.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fl_check_aligned_files(fl_result **out, fl_checker *chk,
                           const char *source_path, const char *target_path,
                           const char *source_lang,
                           const fl_check_options *opts)
{
	char *s = NULL, *t = NULL;
	size_t sn, tn;
	int error;

	*out = NULL;
	if ((error = fl__checker_read(&s, &sn, chk, source_path)) < 0 ||
	    (error = fl__checker_read(&t, &tn, chk, target_path)) < 0)
		goto done;
	error = fl_check_aligned(out, chk, target_path, s, sn, t, tn,
	                         source_lang, opts);
done:
	free(s);
	free(t);
	return error;
}

int fl_check_tsv_file(fl_result **out, fl_checker *chk, const char *path,
                      const char *source_lang, const fl_check_options *opts)
{
	char *data = NULL;
	size_t len, line = 0;
	fl_buf src = FL_BUF_INIT, tgt = FL_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = fl__checker_read(&data, &len, chk, path)) < 0)
		return error;
	/* Each row: original TAB translation; the translation's line i is
	 * row i, so findings keep the file's line numbers. */
	for (size_t p = 0; p < len && error == 0;) {
		const char *row = data + p, *nl = memchr(row, '\n', len - p);
		size_t n = nl ? (size_t)(nl - row) : len - p;
		const char *tab = memchr(row, '\t', n);
		line++;
		p += n + 1;
		if (n > 0 && row[n - 1] == '\r')
			n--;
		if (!tab) {
			if (n == 0) { /* an empty row: an empty pair */
				error = fl_buf_putc(&src, '\n');
				if (error == 0)
					error = fl_buf_putc(&tgt, '\n');
				continue;
			}
			error = fl__checker_fail(
			    chk, FL_EPARSE,
			    "%s:%zu: a row is 'original<TAB>translation' "
			    "(no tab here)",
			    path, line);
			break;
		}
		if (memchr(tab + 1, '\t', n - (size_t)(tab + 1 - row))) {
			error = fl__checker_fail(
			    chk, FL_EPARSE,
			    "%s:%zu: a row has two columns, not more", path,
			    line);
			break;
		}
		if ((error = fl_buf_put(&src, row, (size_t)(tab - row))) < 0 ||
		    (error = fl_buf_putc(&src, '\n')) < 0 ||
		    (error = fl_buf_put(&tgt, tab + 1,
		                        n - (size_t)(tab + 1 - row))) < 0 ||
		    (error = fl_buf_putc(&tgt, '\n')) < 0)
			error =
			    fl__checker_fail(chk, FL_ENOMEM, "out of memory");
	}
	if (error == 0)
		error = fl_check_aligned(out, chk, path, src.ptr ? src.ptr : "",
		                         src.len, tgt.ptr ? tgt.ptr : "",
		                         tgt.len, source_lang, opts);
	fl_buf_dispose(&src);
	fl_buf_dispose(&tgt);
	free(data);
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

int fl_check_jsonl_record(char **out, size_t *out_len, fl_checker *chk,
                          const char *record, size_t len,
                          const fl_check_options *opts)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_json *rec = NULL, *ans = NULL, *findings;
	fl_result *res = NULL;
	const char *src, *tgt, *lang, *slang;
	size_t sn, tn, ln, sln;
	char perr[256] = "", *text = NULL;
	bool bad = false;
	int error, rc;

	*out = NULL;
	*out_len = 0;
	if (opts)
		o = *opts;
	if ((error = fl_json_object(&ans)) < 0)
		return error;
	rc = fl_json_parse(&rec, record, len, perr, sizeof(perr));
	if (rc == FL_ENOMEM) {
		error = rc;
		goto done;
	}
	if ((error = set_id(ans, rc == 0 ? rec : NULL)) < 0)
		goto done;
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
	rc = fl_check_aligned(&res, chk, "<record>", src, sn, tgt, tn, slang,
	                      &o);
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
