/*
 * libFuzzer target: one JSONL record (fl_check_jsonl_record): the JSON
 * parser, the record's schema, and the aligned check it asks for.
 *
 * The whole input is the record. The promise: 0 with one line of JSON
 * (NUL-terminated at the length given, no line end inside, an object
 * with "id" and either an "error" string or a "lang" string and a
 * "findings" array), or FL_ENOMEM.
 */
#include "fuzz.h"

#include <jansson.h>
#include <string.h>

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_jsonl");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t len = 0;
	json_error_t jerr;
	json_t *ans;
	int rc;

	rc = fl_check_jsonl_record(&out, &len, checker, (const char *)data,
	                           size, NULL);
	if (rc < 0) {
		EXPECT(rc == FL_ENOMEM && out == NULL);
		return 0;
	}
	EXPECT(out != NULL && strlen(out) == len);
	EXPECT(memchr(out, '\n', len) == NULL);
	ans = json_loadb(out, len, 0, &jerr);
	if (!ans) {
		fprintf(stderr, "fuzz_jsonl: answer does not parse: %s\n%s\n",
		        jerr.text, out);
		abort();
	}
	EXPECT(json_is_object(ans));
	EXPECT(json_object_get(ans, "id") != NULL);
	if (json_object_get(ans, "error")) {
		EXPECT(json_is_string(json_object_get(ans, "error")));
		EXPECT(*json_string_value(json_object_get(ans, "error")));
		EXPECT(json_object_get(ans, "findings") == NULL);
	} else {
		EXPECT(json_is_string(json_object_get(ans, "lang")));
		EXPECT(json_is_array(json_object_get(ans, "findings")));
	}
	json_decref(ans);
	free(out);
	return 0;
}
