/*
 * libFuzzer target: aligned checking of an original and its translation
 * (fl_check_aligned: extraction of the original, then each translation
 * line against the facts of its original line).
 *
 * Input: byte 0 chooses the options, the rest is "original \xFF
 * translation" (0xFF is never UTF-8, so it cannot be part of a valid
 * text); without a 0xFF byte the same text is both.
 *   bits 0-5, mod 6: the translation's language, ar he pt fr de en
 *   bit 6:           render the text report with colour
 *   bit 7:           the original is German rather than English
 * The result, or the failure, is rendered as text and JSON, with the
 * promises of fuzz.h checked.
 */
#include "fuzz.h"

#include <string.h>

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_aligned");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	const char *src, *tgt, *cut;
	size_t sn, tn;
	int rc;

	if (size == 0)
		return 0;
	o.lang = FL_FUZZ_LANG(data[0]);
	src = (const char *)data + 1;
	sn = size - 1;
	cut = memchr(src, 0xFF, sn);
	if (cut) {
		tgt = cut + 1;
		tn = sn - (size_t)(tgt - src);
		sn = (size_t)(cut - src);
	} else {
		tgt = src;
		tn = sn;
	}
	rc = fl_check_aligned(&res, checker, "fuzz.txt", src, sn, tgt, tn,
	                      (data[0] & 0x80) ? "de" : "en", &o);
	if (rc < 0)
		fl_fuzz_expect_failure(checker, rc, fl_fuzz_pair_codes);
	fl_fuzz_report(res, rc, checker,
	               (data[0] & 0x40) ? FL_REPORT_COLOR : 0);
	return 0;
}
