/*
 * libFuzzer target: a gettext PO file (fl_check_input_buffer with
 * FL_INPUT_PO: libgettextpo, the raw scan that places the strings, the
 * placeholders and the Plural-Forms formula).
 *
 * Input: byte 0 chooses the options, the rest is the file.
 *   bits 0-5, mod 6: the translation's language, ar he pt fr de en, when
 *                    bit 7 is set; else the header's Language (or a
 *                    guess)
 *   bit 6:           check fuzzy entries too (FL_CHECK_DRAFTS), and render
 *                    the text report with colour
 * The result, or the failure, is rendered as text and JSON, with the
 * promises of fuzz.h checked.
 */
#include "fuzz.h"

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	checker = fl_fuzz_checker("fuzz_po");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	int rc;

	if (size == 0)
		return 0;
	if (data[0] & 0x80)
		o.lang = FL_FUZZ_LANG(data[0]);
	if (data[0] & 0x40)
		o.flags |= FL_CHECK_DRAFTS;
	rc = fl_check_input_buffer(&res, checker, "fuzz.po", FL_INPUT_PO,
	                           (const char *)data + 1, size - 1, "en", &o);
	if (rc < 0) {
		/* the reader's own FL_EIO: no memory file nor temporary
		 * file to hand libgettextpo */
		static const int codes[] = {FL_EENCODING, FL_ELIMIT, FL_ELANG,
		                            FL_EINVAL,    FL_EPARSE, FL_ENOMEM,
		                            FL_EIO,       0};
		fl_fuzz_expect_failure(checker, rc, codes);
	}
	fl_fuzz_report(res, rc, checker,
	               (data[0] & 0x40) ? FL_REPORT_COLOR : 0);
	return 0;
}
