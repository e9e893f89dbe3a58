/*
 * What the fuzz targets share: the data folder, one checker, and the
 * checks of the API's documented promises on results, failures and
 * renders (see fuzz.h).
 */
#include "fuzz.h"

#include <jansson.h>
#include <string.h>

const char *const fl_fuzz_langs[6] = {"ar", "he", "pt", "fr", "de", "en"};

const int fl_fuzz_pair_codes[] = {FL_EENCODING, FL_ELIMIT, FL_ELANG, FL_EINVAL,
                                  FL_EPARSE,    FL_ENOMEM, 0};

const char *fl_fuzz_data_dir(void)
{
	const char *root = getenv("FIDELINT_DATA_DIR");
	return root && *root ? root : FL_FUZZ_REPO_DIR;
}

fl_checker *fl_fuzz_checker(const char *who)
{
	static fl_checker *checker;
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;

	if (checker)
		return checker;
	o.data_dir = fl_fuzz_data_dir();
	if (fl_checker_new(&checker, &o) < 0) {
		fprintf(stderr, "%s: checker: %s\n", who,
		        checker ? fl_checker_error(checker) : "out of memory");
		exit(1);
	}
	/* Dictionaries load at a language's first check: done here, so that
	 * the first inputs are not reported as slow (or time out). */
	for (size_t i = 0; i < 6; i++) {
		fl_check_options c = FL_CHECK_OPTIONS_INIT;
		fl_result *res = NULL;
		c.lang = fl_fuzz_langs[i];
		if (fl_check_buffer(&res, checker, "warm-up.txt", "Meta 2025.",
		                    10, &c) == 0)
			fl_result_free(res);
	}
	return checker;
}

void fl_fuzz_touch(const char *s)
{
	volatile size_t n = strlen(s);
	(void)n;
}

void fl_fuzz_inspect(const fl_result *res)
{
	size_t n = fl_result_count(res);
	size_t by_sev = 0;

	EXPECT(fl_result_path(res) != NULL);
	EXPECT(fl_result_lang(res) != NULL);
	fl_fuzz_touch(fl_result_path(res));
	fl_fuzz_touch(fl_result_lang(res));
	for (size_t i = 0; i < n; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		EXPECT(f != NULL);
		EXPECT(f->rule != NULL && f->message != NULL &&
		       f->text != NULL);
		fl_fuzz_touch(f->rule);
		fl_fuzz_touch(f->text);
		fl_fuzz_touch(f->message);
		if (f->expected)
			fl_fuzz_touch(f->expected);
		if (f->suggestion)
			fl_fuzz_touch(f->suggestion);
		if (f->context)
			fl_fuzz_touch(f->context);
	}
	EXPECT(fl_result_finding(res, n) == NULL);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_INFO);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_WARNING);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_ERROR);
	EXPECT(by_sev == n);
}

void fl_fuzz_expect_failure(const fl_checker *chk, int rc, const int *allowed)
{
	const char *msg = fl_checker_error(chk);
	int known = 0;

	for (const int *a = allowed; *a; a++)
		known |= rc == *a;
	if (!known) {
		fprintf(stderr, "undocumented code %d (%s): %s\n", rc,
		        fl_error_name(rc), msg ? msg : "(null)");
		abort();
	}
	EXPECT(msg != NULL && *msg);
}

void fl_fuzz_render(const fl_report *report, unsigned color)
{
	char *out = NULL;
	size_t len = 0;
	json_error_t jerr;
	json_t *root;

	EXPECT(fl_report_render(&out, &len, report, FL_FORMAT_TEXT, color) ==
	       0);
	EXPECT(out != NULL && out[len] == '\0');
	free(out);

	out = NULL;
	EXPECT(fl_report_render(&out, &len, report, FL_FORMAT_JSON, 0) == 0);
	/* JSON escapes U+0000, so the render has no NUL inside. */
	EXPECT(out != NULL && strlen(out) == len);
	root = json_loadb(out, len, 0, &jerr);
	if (!root) {
		fprintf(stderr,
		        "JSON report does not parse: %s (line %d, column %d)\n",
		        jerr.text, jerr.line, jerr.column);
		abort();
	}
	json_decref(root);
	free(out);
}

void fl_fuzz_report(fl_result *res, int rc, const fl_checker *chk,
                    unsigned color)
{
	fl_report *report = NULL;

	EXPECT(fl_report_new(&report) == 0);
	if (rc == 0) {
		EXPECT(res != NULL);
		fl_fuzz_inspect(res);
		EXPECT(fl_report_add_result(report, res) == 0);
	} else {
		EXPECT(res == NULL);
		EXPECT(fl_report_add_failure(report, "fuzz.txt",
		                             fl_checker_error(chk)) == 0);
	}
	fl_fuzz_render(report, color);
	fl_report_free(report);
}
