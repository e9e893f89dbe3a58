/*
 * Shared by the fuzz targets (common.c): a documented promise of the API
 * that does not hold is a crash, so that libFuzzer keeps the input.
 */
#ifndef FL_FUZZ_H
#define FL_FUZZ_H

#include <fidelint/fidelint.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef FL_FUZZ_REPO_DIR
#define FL_FUZZ_REPO_DIR "."
#endif

#define EXPECT(cond)                                                           \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: broken promise: %s\n",         \
			        __FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

/* The codes an aligned check may fail with (fl_check_aligned and the
 * readers on top of it), ending with 0. */
extern const int fl_fuzz_pair_codes[];

/* Every target defines these two (libFuzzer's entry points). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The six languages byte 0 of most inputs chooses from, in this order:
 * the ASCII digits '0'..'5' pick ar he pt fr de en. */
extern const char *const fl_fuzz_langs[6];
#define FL_FUZZ_LANG(byte) (fl_fuzz_langs[((byte)&0x3f) % 6])

/* The data folder: $FIDELINT_DATA_DIR when set, else the repository the
 * target was built from. */
const char *fl_fuzz_data_dir(void);

/* A checker on the data folder, made at the first call and kept; exits
 * with a message (naming `who`) when it cannot be made. */
fl_checker *fl_fuzz_checker(const char *who);

/* Reads s to its NUL, so that ASan sees a string that is not one. */
void fl_fuzz_touch(const char *s);

/* Checks the promises of a result: path and language set, every
 * finding's strings readable, per-severity counts adding up. */
void fl_fuzz_inspect(const fl_result *res);

/* The promises of a failed call on chk: a documented code (one of the
 * `allowed` codes, ending with 0) and a message. */
void fl_fuzz_expect_failure(const fl_checker *chk, int rc, const int *allowed);

/* Renders the report as text (with colour when color is set) and as
 * JSON: NUL-terminated at the length given, JSON that jansson parses. */
void fl_fuzz_render(const fl_report *report, unsigned color);

/* Adds res (taking it) or, when rc < 0, chk's failure message to a new
 * report, renders it both ways and frees it. */
void fl_fuzz_report(fl_result *res, int rc, const fl_checker *chk,
                    unsigned color);

#endif
