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
#include "fuzz.h"

#include <string.h>

static fl_checker *checker;
static fl_facts *facts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[4096];

	checker = fl_fuzz_checker("fuzz_check");
	snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/facts.yaml",
	         fl_fuzz_data_dir());
	if (fl_facts_new(&facts) < 0 || fl_facts_load_file(facts, path) < 0) {
		fprintf(stderr, "fuzz_check: facts: %s\n",
		        facts ? fl_facts_error(facts) : "out of memory");
		exit(1);
	}
	fl_checker_set_facts(checker, facts);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int codes[] = {FL_EENCODING, FL_ELIMIT, FL_ELANG,
	                            FL_EINVAL,    FL_ENOMEM, 0};
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	unsigned color;
	int rc;

	if (size == 0)
		return 0;
	o.lang = FL_FUZZ_LANG(data[0]);
	color = (data[0] & 0x40) ? FL_REPORT_COLOR : 0;
	o.partial = (data[0] & 0x80) != 0;

	rc = fl_check_buffer(&res, checker, "fuzz.txt", (const char *)data + 1,
	                     size - 1, &o);
	if (rc < 0)
		fl_fuzz_expect_failure(checker, rc, codes);
	fl_fuzz_report(res, rc, checker, color);
	return 0;
}
