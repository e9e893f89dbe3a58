/*
 * libFuzzer target: a two-column TSV file of aligned pairs
 * (fl_check_tsv_file: rows "original TAB translation").
 *
 * Input: byte 0 chooses the options, the rest is the file, written to a
 * scratch folder made at start (under $TMPDIR, else /tmp) and removed at
 * exit.
 *   bits 0-5, mod 6: the translation's language, ar he pt fr de en
 *   bit 6:           render the text report with colour
 * The result, or the failure, is rendered as text and JSON, with the
 * promises of fuzz.h checked.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include "fuzz.h"

#include <string.h>
#include <unistd.h>

static fl_checker *checker;
static char dir[4096], path[4096 + 16];

static void cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	checker = fl_fuzz_checker("fuzz_tsv");
	snprintf(dir, sizeof(dir), "%s/fuzz_tsv.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("fuzz_tsv: mkdtemp");
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/pairs.tsv", dir);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	FILE *f;
	int rc;

	if (size == 0)
		return 0;
	o.lang = FL_FUZZ_LANG(data[0]);
	f = fopen(path, "wb");
	EXPECT(f != NULL);
	EXPECT(fwrite(data + 1, 1, size - 1, f) == size - 1);
	EXPECT(fclose(f) == 0);
	rc = fl_check_tsv_file(&res, checker, path, "en", &o);
	if (rc < 0)
		fl_fuzz_expect_failure(checker, rc, fl_fuzz_pair_codes);
	fl_fuzz_report(res, rc, checker,
	               (data[0] & 0x40) ? FL_REPORT_COLOR : 0);
	return 0;
}
