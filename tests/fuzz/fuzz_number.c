/*
 * libFuzzer target: the number recogniser (fl__numbers_find) with the
 * shipped rules/numbers/ data of six languages.
 *
 * Input: byte 0 chooses the language (bits 0-5, mod 6: ar he pt fr de en;
 * bit 6: no number data, digits only), the rest is the document. The text
 * context and each language's number data are made once. Each quantity
 * found must lie inside the document (start < end <= length), be of a
 * known kind, have a NUL-terminated unit, and a date's month and day must
 * be in range (0 when not written).
 */
#include "fuzz.h"

#include "num/number.h"
#include "text/text.h"

#include <string.h>

static fl__text_ctx *tc;
static fl__numlang *nls[6];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[FL_ERRMSG_SIZE] = "";

	if (fl__text_ctx_new(&tc, err, sizeof(err)) < 0) {
		fprintf(stderr, "fuzz_number: text: %s\n", err);
		exit(1);
	}
	for (size_t i = 0; i < 6; i++) {
		if (fl__numlang_load(&nls[i], fl_fuzz_data_dir(),
		                     fl_fuzz_langs[i], err, sizeof(err)) < 0 ||
		    !nls[i]) {
			fprintf(stderr, "fuzz_number: %s: %s\n",
			        fl_fuzz_langs[i], err);
			exit(1);
		}
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[FL_ERRMSG_SIZE] = "";
	const char *locale;
	fl__numlang *nl;
	fl__quantity *q = NULL;
	size_t n = 0;
	fl__doc doc;
	int rc;

	if (size == 0)
		return 0;
	locale = FL_FUZZ_LANG(data[0]);
	nl = (data[0] & 0x40) ? NULL : nls[(data[0] & 0x3f) % 6];
	rc = fl__doc_init(&doc, tc, (const char *)data + 1, size - 1, locale,
	                  err, sizeof(err));
	if (rc < 0) {
		EXPECT(rc == FL_EENCODING || rc == FL_ELIMIT ||
		       rc == FL_ENOMEM);
		EXPECT(err[0] != '\0');
		fl__doc_dispose(&doc);
		return 0;
	}
	EXPECT(fl__numbers_find(&q, &n, &doc, nl, tc, locale) == 0);
	EXPECT(n == 0 || q != NULL);
	for (size_t i = 0; i < n; i++) {
		const fl__quantity *x = &q[i];
		EXPECT(x->start < x->end && x->end <= doc.len);
		EXPECT(x->kind >= FL_QTY_COUNT && x->kind <= FL_QTY_DATE);
		EXPECT(memchr(x->unit, '\0', sizeof(x->unit)) != NULL);
		if (x->kind == FL_QTY_DATE) {
			EXPECT(x->month >= 0 && x->month <= 12);
			EXPECT(x->day >= 0 && x->day <= 31);
		}
	}
	free(q);
	fl__doc_dispose(&doc);
	return 0;
}
