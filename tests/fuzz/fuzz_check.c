/*
 * libFuzzer target: one document through the whole pipeline.
 *
 * Input: byte 0 chooses the options, the rest is the document.
 *   bits 0-5, mod 6: language, in order ar he pt fr de en
 *                    (so the ASCII digits '0'..'5' pick ar..en)
 *   bit 6:           render the text report with colour
 *   bit 7:           partial (a summary: absent facts are not errors)
 *
 * The checker and the facts of the bundled story are made once, in
 * LLVMFuzzerInitialize, from $FIDELINT_DATA_DIR when set, else from the
 * repository this was built from; every input is then checked with
 * fl_check_buffer, and its result (or its failure) is rendered with
 * fl_report_render as text and as JSON. Beyond the sanitizers, the target
 * aborts when the API breaks a documented promise: a result on success, a
 * message on failure, severities that add up, NUL-terminated renders of the
 * given length, JSON that parses.
 */
#include <fidelint/fidelint.h>

#include "fuzz.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FL_FUZZ_REPO_DIR
#define FL_FUZZ_REPO_DIR "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fl_checker *checker;
static fl_facts *facts;

static const char *const langs[] = {"ar", "he", "pt", "fr", "de", "en"};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	const char *root = getenv("FIDELINT_DATA_DIR");
	char path[4096];

	if (!root || !*root)
		root = FL_FUZZ_REPO_DIR;
	o.data_dir = root;
	if (fl_checker_new(&checker, &o) < 0) {
		fprintf(stderr, "fuzz_check: checker: %s\n",
		        fl_checker_error(checker));
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/facts.yaml",
	         root);
	if (fl_facts_new(&facts) < 0 || fl_facts_load_file(facts, path) < 0) {
		fprintf(stderr, "fuzz_check: facts: %s\n",
		        facts ? fl_facts_error(facts) : "out of memory");
		exit(1);
	}
	fl_checker_set_facts(checker, facts);
	return 0;
}

static void touch(const char *s)
{
	/* Every string of a finding must be readable to its end. */
	volatile size_t n = strlen(s);
	(void)n;
}

static void inspect(const fl_result *res)
{
	size_t n = fl_result_count(res);
	size_t by_sev = 0;

	EXPECT(fl_result_path(res) != NULL);
	EXPECT(fl_result_lang(res) != NULL);
	touch(fl_result_path(res));
	touch(fl_result_lang(res));
	for (size_t i = 0; i < n; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		EXPECT(f != NULL);
		EXPECT(f->rule != NULL && f->message != NULL &&
		       f->text != NULL);
		touch(f->rule);
		touch(f->text);
		touch(f->message);
		if (f->expected)
			touch(f->expected);
		if (f->suggestion)
			touch(f->suggestion);
		if (f->context)
			touch(f->context);
	}
	EXPECT(fl_result_finding(res, n) == NULL);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_INFO);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_WARNING);
	by_sev += fl_result_count_severity(res, FL_SEVERITY_ERROR);
	EXPECT(by_sev == n);
}

static void render(const fl_report *report, unsigned color)
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
		        "fuzz_check: JSON report does not parse: %s "
		        "(line %d, column %d)\n",
		        jerr.text, jerr.line, jerr.column);
		abort();
	}
	json_decref(root);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	fl_report *report = NULL;
	unsigned color;
	int rc;

	if (size == 0)
		return 0;
	o.lang = langs[(data[0] & 0x3f) % 6];
	color = (data[0] & 0x40) ? FL_REPORT_COLOR : 0;
	o.partial = (data[0] & 0x80) != 0;

	rc = fl_check_buffer(&res, checker, "fuzz.txt", (const char *)data + 1,
	                     size - 1, &o);
	EXPECT(fl_report_new(&report) == 0);
	if (rc == 0) {
		EXPECT(res != NULL);
		inspect(res);
		EXPECT(fl_report_add_result(report, res) == 0);
	} else {
		const char *msg = fl_checker_error(checker);
		EXPECT(res == NULL);
		EXPECT(rc == FL_EENCODING || rc == FL_ELIMIT ||
		       rc == FL_ELANG || rc == FL_EINVAL || rc == FL_ENOMEM);
		EXPECT(msg != NULL && *msg);
		EXPECT(fl_report_add_failure(report, "fuzz.txt", msg) == 0);
	}
	render(report, color);
	fl_report_free(report);
	return 0;
}
