/*
 * Runs a fuzz target's entry point over files, without libFuzzer: every
 * seed of tests/fuzz/corpus and every crash kept in tests/fuzz/regressions
 * becomes an ordinary ctest test, in every build (and under ASan/UBSan in
 * make sanitize, where a past crash would show again).
 *
 *   replay_NAME FILE...   (one for every tests/fuzz/fuzz_NAME.c)
 */
#include "fuzz.h"

int main(int argc, char **argv)
{
	int passed = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0;
		if (!f) {
			fprintf(stderr, "%s: cannot open\n", argv[i]);
			printf("%d passed, 1 failed\n", passed);
			return 1;
		}
		for (;;) {
			if (len == cap) {
				uint8_t *nb =
				    realloc(buf, cap = cap ? cap * 2 : 4096);
				if (!nb) {
					free(buf);
					fclose(f);
					return 1;
				}
				buf = nb;
			}
			size_t got = fread(buf + len, 1, cap - len, f);
			if (got == 0)
				break;
			len += got;
		}
		fclose(f);
		/* A broken promise aborts inside the target. */
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		passed++;
	}
	printf("%d passed, 0 failed\n", passed);
	return 0;
}
