/*
 * Runs tests/translit/pairs.tsv (Latin names and their Arabic and Hebrew
 * spellings from NTREX-128) through the skeleton comparison of names
 * across scripts. Verdicts expected per row:
 *   same        the skeletons agree (some reading of the Latin name)
 *   near        one consonant off: the check reports a garble
 *   translated  no agreement (a name rendered by meaning is no spelling)
 *   different   no agreement
 * Rows listed in the known-failures file are counted apart; the test fails
 * when any other row fails or when a listed row passes.
 *
 *   translit_pairs PAIRS.tsv KNOWN_FAILURES.txt
 */
#include "text/text.h"
#include "xlit/skeleton.h"

#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Skeleton of UTF-8 s with "ch" read as variant v. */
static size_t skel(fl__text_ctx *tc, const char *s, unsigned v, char *out)
{
	uint16_t *k = NULL;
	size_t n = 0;
	char ascii[4 * FL_TOKEN_MAX];
	int len;
	out[0] = '\0';
	if (fl__match_key_utf8(&k, &n, s, strlen(s)) < 0)
		return 0;
	len = fl__translit_ascii(tc, k, n, ascii, sizeof(ascii));
	free(k);
	return len > 0 ? fl__skeleton(ascii, (size_t)len, out, v) : 0;
}

int main(int argc, char **argv)
{
	char *tsv, *known, *line, *save = NULL, err[256];
	fl__text_ctx *tc = NULL;
	runner_tally tally = {0};

	if (argc != 3) {
		fprintf(stderr, "usage: translit_pairs PAIRS.tsv KNOWN\n");
		return 2;
	}
	tsv = runner_slurp(argv[1], NULL);
	known = runner_slurp(argv[2], NULL);
	tally.known = known;
	tally.known_path = argv[2];
	if (!tsv || !known || fl__text_ctx_new(&tc, err, sizeof(err)) < 0) {
		fprintf(stderr, "translit_pairs: cannot start\n");
		return 2;
	}
	strtok_r(tsv, "\n", &save); /* header */
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *f[6], *p = line, nat[FL_SKELETON_MAX];
		size_t k = 0, nn;
		fl__xlit_verdict got = FL_XLIT_DIFFERENT;
		bool ok;
		while (k < 6) {
			f[k++] = p;
			if (!(p = strchr(p, '\t')))
				break;
			*p++ = '\0';
		}
		if (k < 5)
			continue;
		for (unsigned w = 0; w < FL_SKELETON_VARIANTS; w++) {
			nn = skel(tc, f[3], w, nat);
			for (unsigned v = 0; v < FL_SKELETON_VARIANTS; v++) {
				char lat[FL_SKELETON_MAX];
				size_t nl = skel(tc, f[2], v, lat);
				fl__xlit_verdict x =
				    fl__skeleton_compare(lat, nl, nat, nn);
				if (x == FL_XLIT_SAME ||
				    (x == FL_XLIT_NEAR &&
				     got == FL_XLIT_DIFFERENT))
					got = x;
			}
		}
		nn = skel(tc, f[3], 0, nat);
		if (strcmp(f[4], "same") == 0)
			ok = got == FL_XLIT_SAME;
		else if (strcmp(f[4], "near") == 0)
			ok = got == FL_XLIT_NEAR;
		else
			ok = got == FL_XLIT_DIFFERENT;
		if (runner_count(&tally, f[0], ok)) {
			char lat[FL_SKELETON_MAX];
			skel(tc, f[2], 0, lat);
			fprintf(stderr, "FAIL %s %s: %s [%s] / %s [%s]: %s\n",
			        f[0], f[4], f[2], lat, f[3], nat,
			        got == FL_XLIT_SAME   ? "same"
			        : got == FL_XLIT_NEAR ? "near"
			                              : "different");
		}
	}
	fprintf(stderr, "translit pairs: %d pass, %d known failures\n",
	        tally.passed, tally.xfail);
	printf("%d passed, %d failed\n", tally.passed,
	       tally.failed + tally.fixed);
	fl__text_ctx_free(tc);
	free(tsv);
	free(known);
	return tally.failed + tally.fixed ? 1 : 0;
}
