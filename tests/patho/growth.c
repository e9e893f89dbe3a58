/*
 * Pathological growth: inputs that used to cost quadratic time. Each test
 * times one piece of work at size N and at 4N (process CPU time, the best
 * of five runs each, within this one process) and fails when the larger
 * costs more than FL_GROWTH_MAX times the smaller: linear work grows about
 * 4 times, quadratic work 16 times.
 *
 *   patho_growth facts-aliases    one entity with N aliases, loaded and
 *                                 checked against a one-line text
 *   patho_growth facts-entities   N entities, the same
 *   patho_growth facts-merge      merging N entities into N others
 *   patho_growth forbid-pattern   a forbid pattern that looks ahead to the
 *                                 end of the line from every 'a', over a
 *                                 text of N bytes on one line
 *
 * A second argument sets N (default: each test's own). With
 * FL_GROWTH_UNTIMED set (sanitizer builds) both sizes run once, untimed.
 * Prints the timings; exit 0 when linear, 1 when not, 2 on a failure.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <fidelint/fidelint.h>

#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FL_GROWTH_MAX      6.0
#define FL_GROWTH_ROUNDS   5
#define FL_GROWTH_ATTEMPTS 3

/* ------------------------------------------------------------- helpers */

typedef struct {
	char *p;
	size_t len, cap;
} sbuf;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = b->cap - b->len;
		va_start(ap, fmt);
		n = vsnprintf(b->p ? b->p + b->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			die("vsnprintf failed");
		if ((size_t)n < room) {
			b->len += (size_t)n;
			return;
		}
		b->cap = b->cap ? b->cap * 2 : 1 << 16;
		while (b->cap - b->len <= (size_t)n)
			b->cap *= 2;
		if (!(b->p = realloc(b->p, b->cap)))
			die("out of memory");
	}
}

/* A distinct capitalised word of letters only for every i: five
 * consonant-vowel syllables ("Bababababa", "Cababababa", ...). */
static void word(char out[16], size_t i)
{
	static const char cons[] = "bcdfghjklmnprstvz", vow[] = "aeiou";
	size_t k = 0;

	for (int s = 0; s < 5; s++) {
		out[k++] = cons[i % 17];
		out[k++] = vow[(i / 17) % 5];
		i /= 85;
	}
	out[k] = '\0';
	out[0] = (char)(out[0] - 'a' + 'A');
}

static double cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static fl_checker *checker;

static fl_facts *load(const sbuf *yaml)
{
	fl_facts *f = NULL;
	if (fl_facts_new(&f) < 0)
		die("out of memory");
	if (fl_facts_load_buffer(f, "growth.yaml", yaml->p, yaml->len) < 0)
		die("facts: %s", fl_facts_error(f));
	return f;
}

/* Checks text in language lang against facts; returns the findings. */
static size_t check(const fl_facts *f, const char *text, size_t len,
                    const char *lang)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *r = NULL;
	size_t n;

	o.lang = lang;
	fl_checker_set_facts(checker, f);
	if (fl_check_buffer(&r, checker, "growth.txt", text, len, &o) < 0)
		die("check: %s", fl_checker_error(checker));
	n = fl_result_count(r);
	fl_result_free(r);
	fl_checker_set_facts(checker, NULL);
	return n;
}

/* -------------------------------------------------------------- tests */

static const char one_line[] = "Base went home on Monday.\n";

/* Loads the facts in y (then freed) and checks the one-line text. */
static void check_one_line(sbuf *y)
{
	fl_facts *f = load(y);
	check(f, one_line, strlen(one_line), "en");
	fl_facts_free(f);
	free(y->p);
}

static void facts_aliases(size_t n)
{
	sbuf y = {0};
	char w[16];

	sb_printf(&y, "version: 1\nentities:\n  - name: Base\n    aliases:\n");
	for (size_t i = 0; i < n; i++) {
		word(w, i);
		sb_printf(&y, "      - %s\n", w);
	}
	check_one_line(&y);
}

static void facts_entities(size_t n)
{
	sbuf y = {0};
	char w[16];

	sb_printf(&y, "version: 1\nentities:\n");
	for (size_t i = 0; i < n; i++) {
		word(w, i);
		sb_printf(&y, "  - {name: %s, kind: %s}\n", w,
		          i % 3 ? "org" : "person");
	}
	check_one_line(&y);
}

static void facts_merge(size_t n)
{
	sbuf a = {0}, b = {0};
	char w[16];
	fl_facts *fa, *fb;

	sb_printf(&a, "version: 1\nentities:\n");
	sb_printf(&b, "version: 1\nentities:\n");
	for (size_t i = 0; i < n; i++) {
		word(w, 2 * i);
		sb_printf(&a, "  - {name: %s}\n", w);
		word(w, 2 * i + 1);
		sb_printf(&b, "  - {name: %s, aliases: [%s Inc]}\n", w, w);
	}
	sb_printf(&a, "numbers:\n");
	sb_printf(&b, "numbers:\n");
	for (size_t i = 0; i < n; i++) {
		sb_printf(&a, "  - {value: %zu, unit: USD}\n", 2 * i);
		sb_printf(&b, "  - {value: %zu, unit: USD}\n", i);
	}
	fa = load(&a);
	fb = load(&b);
	if (fl_facts_merge(fa, fb) < 0)
		die("merge: %s", fl_facts_error(fa));
	/* Every entity is new; half of b's numbers are a's already. */
	if (fl_facts_entity_count(fa) != 2 * n ||
	    fl_facts_number_count(fa) != n + n / 2)
		die("merge: %zu entities and %zu numbers, expected %zu and "
		    "%zu",
		    fl_facts_entity_count(fa), fl_facts_number_count(fa), 2 * n,
		    n + n / 2);
	fl_facts_free(fa);
	fl_facts_free(fb);
	free(a.p);
	free(b.p);
}

static void forbid_pattern(size_t n)
{
	static const char yaml[] =
	    "version: 1\nterms:\n  - source: x\n"
	    "    forbid: {en: ['a(?=[^\\n]*QQQ)|zzz']}\n";
	static const char unit[] = "banana and a cat ";
	sbuf y = {0}, t = {0};
	fl_facts *f;

	sb_printf(&y, "%s", yaml);
	while (t.len < n)
		sb_printf(&t, "%s", unit);
	sb_printf(&t, "\n");
	f = load(&y);
	check(f, t.p, t.len, "en");
	fl_facts_free(f);
	free(y.p);
	free(t.p);
}

/* ---------------------------------------------------------------- main */

typedef struct {
	const char *name;
	void (*run)(size_t n);
	size_t n; /* the smaller size */
} growth_test;

static const growth_test tests[] = {
    {"facts-aliases", facts_aliases, 20000},
    {"facts-entities", facts_entities, 10000},
    {"facts-merge", facts_merge, 8000},
    {"forbid-pattern", forbid_pattern, 40000},
};

/* CPU time of one run at size n. */
static double run_time(const growth_test *t, size_t n)
{
	double t0 = cpu_seconds();
	t->run(n);
	return cpu_seconds() - t0;
}

/* The best time of FL_GROWTH_ROUNDS runs at n and at 4n, the two sizes
 * taking turns, so that a passing load on the machine weighs on both. */
static void best_times(const growth_test *t, size_t n, double *small,
                       double *large)
{
	for (int i = 0; i < FL_GROWTH_ROUNDS; i++) {
		double a = run_time(t, n), b = run_time(t, 4 * n);
		if (i == 0 || a < *small)
			*small = a;
		if (i == 0 || b < *large)
			*large = b;
	}
}

int main(int argc, char **argv)
{
	const growth_test *t = NULL;
	double small = 0, large = 0, ratio;

	size_t n = 0;

	for (size_t i = 0;
	     (argc == 2 || argc == 3) && i < sizeof(tests) / sizeof(*tests);
	     i++)
		if (strcmp(argv[1], tests[i].name) == 0)
			t = &tests[i];
	if (!t || (argc == 3 && (n = strtoul(argv[2], NULL, 10)) < 16))
		die("usage: patho_growth facts-aliases|facts-entities|"
		    "facts-merge|forbid-pattern [N]");
	if (!n)
		n = t->n;
	if (fl_checker_new(&checker, NULL) < 0)
		die("checker: %s", fl_checker_error(checker));
#ifdef __GLIBC__
	/* Freed memory stays with the process, so that a run at 4n does
	 * not pay the kernel again for pages the run before gave back; no
	 * fast bins, whose consolidation costs glibc more than linear time
	 * in the number of small blocks freed. */
	mallopt(M_TRIM_THRESHOLD, INT_MAX);
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	mallopt(M_MXFAST, 0);
#endif
	/* Under sanitizers timings mean nothing: both sizes run once, for
	 * the memory checks only. */
	if (getenv("FL_GROWTH_UNTIMED")) {
		t->run(n);
		t->run(4 * n);
		printf("%s: ran at n=%zu and n=%zu, not timed\n", t->name, n,
		       4 * n);
		fl_checker_free(checker);
		return 0;
	}
	/* A first run at the larger size loads what is loaded once
	 * (dictionaries, ICU data) and grows the heap, so that neither
	 * timing includes that. */
	t->run(4 * n);
	/* Memory caches and the allocator make linear work at 4n cost 4 to
	 * 5.5 times; other programs on the machine can push one measurement
	 * further, so a growth over the limit is measured again (quadratic
	 * work stays at 10 to 16 times, every time). */
	for (int attempt = 1; attempt <= FL_GROWTH_ATTEMPTS; attempt++) {
		best_times(t, n, &small, &large);
		ratio = large / (small > 1e-6 ? small : 1e-6);
		printf("%s: %.3f s at n=%zu, %.3f s at n=%zu: %.1f times (at "
		       "most %.0f)\n",
		       t->name, small, n, large, 4 * n, ratio, FL_GROWTH_MAX);
		if (ratio <= FL_GROWTH_MAX)
			break;
	}
	fl_checker_free(checker);
	return ratio <= FL_GROWTH_MAX ? 0 : 1;
}
