/*
 * libFuzzer target: fact extraction (fidelint extract) of an English
 * original.
 *
 * The whole input is the original, given to fl_extract_buffer as "en".
 * Beyond the sanitizers, the target aborts when the API breaks a
 * documented promise: a failure without a documented code or a message, a
 * success whose facts file is not NUL-terminated at the length given, or
 * one that fl_facts_load_buffer does not load ("Load it with
 * fl_facts_load_buffer"): whatever text the original holds, the facts
 * written from it must read back.
 */
#include "fuzz.h"

#include <string.h>

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_extract");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int codes[] = {FL_EENCODING, FL_ELIMIT, FL_ELANG,
	                            FL_EPARSE,    FL_ENOMEM, 0};
	char *out = NULL;
	size_t len = 0;
	fl_facts *facts = NULL;
	int rc;

	rc = fl_extract_buffer(&out, &len, checker, "fuzz.en.txt",
	                       (const char *)data, size, "en");
	if (rc < 0) {
		fl_fuzz_expect_failure(checker, rc, codes);
		return 0;
	}
	EXPECT(out != NULL && strlen(out) == len);
	EXPECT(fl_facts_new(&facts) == 0);
	rc = fl_facts_load_buffer(facts, "extracted.yaml", out, len);
	if (rc < 0) {
		fprintf(stderr,
		        "fuzz_extract: the extracted facts do not load: %s\n"
		        "---\n%s---\n",
		        fl_facts_error(facts), out);
		abort();
	}
	fl_facts_free(facts);
	free(out);
	return 0;
}
