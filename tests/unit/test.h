/*
 * A minimal unit-test harness: each test file defines TESTS(...) listing its
 * test functions; main() runs them and prints "N passed, N failed".
 * A failed CHECK reports file:line and the expression, then the test goes on.
 */
#ifndef FL_TEST_H
#define FL_TEST_H

#include <stdio.h>
#include <string.h>

static int fl_test_failed_checks;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			fl_test_failed_checks++;                               \
		}                                                              \
	} while (0)

#define CHECK_EQ_INT(a, b)                                                     \
	do {                                                                   \
		long long fl_a_ = (long long)(a), fl_b_ = (long long)(b);      \
		if (fl_a_ != fl_b_) {                                          \
			fprintf(                                               \
			    stderr,                                            \
			    "%s:%d: CHECK failed: %s == %s (%lld vs %lld)\n",  \
			    __FILE__, __LINE__, #a, #b, fl_a_, fl_b_);         \
			fl_test_failed_checks++;                               \
		}                                                              \
	} while (0)

#define CHECK_EQ_STR(a, b)                                                     \
	do {                                                                   \
		const char *fl_a_ = (a), *fl_b_ = (b);                         \
		if (!fl_a_ || !fl_b_ || strcmp(fl_a_, fl_b_) != 0) {           \
			fprintf(stderr,                                        \
			        "%s:%d: CHECK failed: %s == %s (\"%s\" vs "    \
			        "\"%s\")\n",                                   \
			        __FILE__, __LINE__, #a, #b,                    \
			        fl_a_ ? fl_a_ : "(null)",                      \
			        fl_b_ ? fl_b_ : "(null)");                     \
			fl_test_failed_checks++;                               \
		}                                                              \
	} while (0)

#define CHECK_CONTAINS(hay, needle)                                            \
	do {                                                                   \
		const char *fl_h_ = (hay), *fl_n_ = (needle);                  \
		if (!fl_h_ || !strstr(fl_h_, fl_n_)) {                         \
			fprintf(                                               \
			    stderr,                                            \
			    "%s:%d: CHECK failed: \"%s\" contains \"%s\"\n",   \
			    __FILE__, __LINE__, fl_h_ ? fl_h_ : "(null)",      \
			    fl_n_);                                            \
			fl_test_failed_checks++;                               \
		}                                                              \
	} while (0)

typedef struct {
	const char *name;
	void (*fn)(void);
} fl_test_case;

#define TESTS(...)                                                             \
	int main(int argc, char **argv)                                        \
	{                                                                      \
		static const fl_test_case cases[] = {__VA_ARGS__};             \
		int passed = 0, failed = 0;                                    \
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]);       \
		     i++) {                                                    \
			if (argc > 1 && strcmp(argv[1], cases[i].name) != 0)   \
				continue;                                      \
			int before = fl_test_failed_checks;                    \
			cases[i].fn();                                         \
			if (fl_test_failed_checks == before) {                 \
				passed++;                                      \
			} else {                                               \
				failed++;                                      \
				fprintf(stderr, "FAIL %s\n", cases[i].name);   \
			}                                                      \
		}                                                              \
		printf("%d passed, %d failed\n", passed, failed);              \
		return failed ? 1 : 0;                                         \
	}

#define T(fn)                                                                  \
	{                                                                      \
#fn, fn                                                        \
	}

#endif
