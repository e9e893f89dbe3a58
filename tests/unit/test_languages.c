/*
 * The bound on loaded languages (fl_checker_set_max_languages): a checker
 * that keeps one language at a time gives the findings of one that keeps
 * them all, in order and on two threads at once, with words accepted
 * before and between documents; languages are released and loaded again
 * (what the internal counters say), and two workers that need languages
 * at the same time each get them (run under TSan by hand: see README.md,
 * "Threads").
 */
#define _POSIX_C_SOURCE 200809L

#include "test.h"

#include "checker.h"

#include <fidelint/fidelint.h>

#include <pthread.h>
#include <stdlib.h>

/* The documents, in three languages, loaded once. */
enum { NDOCS = 3 };
static const char *const doc_file[NDOCS] = {"ar.mt.txt", "de.txt",
                                            "fr.summary.txt"};
static const char *const doc_lang[NDOCS] = {"ar", "de", "fr"};
/* de.txt, written here (small dictionaries load fast under sanitizers) */
static const char de_text[] =
    "Meta investiert 14,3 Milliarden Dollar in Scale AI und holt Alexandr "
    "Wang.\nDas Unternehmen Scale AI hat Datenlabeler in vielen "
    "L\xc3\xa4ndern, "
    "darunter Kenia und die Philippinen; Outlier ist seine Plattform.\nDie "
    "Firma Surge AI bleibt unabh\xc3\xa4ngig, sagt Wangg.\n";
static char *doc_text[NDOCS];
static fl_facts *facts;

/* The order the documents are checked in: every language comes back after
 * another one. */
static const int order[] = {0, 1, 2, 0, 1, 0};
#define NORDER (sizeof(order) / sizeof(order[0]))

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1))) {
		if (fread(s, 1, (size_t)n, f) != (size_t)n) {
			free(s);
			s = NULL;
		} else {
			s[n] = '\0';
		}
	}
	fclose(f);
	return s;
}

/* Loads the documents and the facts; false when they are not there. */
static bool load_docs(void)
{
	const char *dir = getenv("FIDELINT_DATA_DIR");
	char path[4096];

	if (doc_text[0])
		return true;
	if (!dir)
		dir = "..";
	for (int i = 0; i < NDOCS; i++) {
		snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/%s",
		         dir, doc_file[i]);
		doc_text[i] = strcmp(doc_file[i], "de.txt") == 0
		                  ? strdup(de_text)
		                  : read_all(path);
		CHECK(doc_text[i] != NULL);
		if (!doc_text[i])
			return false;
	}
	snprintf(path, sizeof(path), "%s/examples/meta-scale-ai/facts.yaml",
	         dir);
	CHECK_EQ_INT(fl_facts_new(&facts), 0);
	CHECK_EQ_INT(fl_facts_load_file(facts, path), 0);
	return true;
}

/* A checker keeping at most max languages (0: no bound), with the facts. */
static fl_checker *new_checker(size_t max)
{
	fl_checker *c = NULL;
	int rc = fl_checker_new(&c, NULL);

	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "fl_checker_new: %s\n", fl_checker_error(c));
		fl_checker_free(c);
		return NULL;
	}
	CHECK_EQ_INT(fl_checker_set_max_languages(c, max), 0);
	fl_checker_set_facts(c, facts);
	return c;
}

/* Document i checked on c, as JSON (caller frees); NULL on failure. */
static char *check_json(fl_checker *c, int i)
{
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *r = NULL;
	fl_report *rep = NULL;
	char path[64], *out = NULL;
	size_t len;
	int rc;

	snprintf(path, sizeof(path), "%s", doc_file[i]);
	o.lang = doc_lang[i];
	rc = fl_check_buffer(&r, c, path, doc_text[i], strlen(doc_text[i]), &o);
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", path, fl_checker_error(c));
		return NULL;
	}
	if (fl_report_new(&rep) < 0 || fl_report_add_result(rep, r) < 0 ||
	    fl_report_render(&out, &len, rep, FL_FORMAT_JSON, 0) < 0)
		out = NULL;
	fl_report_free(rep);
	return out;
}

/* The words accepted before the run and after document 1 of the order:
 * names the dictionaries do not know, so findings change. */
static const char *const accept_before = "Datenlabeler";
static const char *const accept_between = "تكنلوجيا";

/* Checks the order on c into out[NORDER], accepting words as above. */
static void run_order(fl_checker *c, char **out)
{
	CHECK_EQ_INT(fl_checker_accept_word(c, accept_before), 0);
	for (size_t k = 0; k < NORDER; k++) {
		if (k == 2)
			CHECK_EQ_INT(fl_checker_accept_word(c, accept_between),
			             0);
		out[k] = check_json(c, order[k]);
		CHECK(out[k] != NULL);
	}
}

static void free_all(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

/* One language at a time gives what all of them give. */
static void test_bound_same_findings(void)
{
	fl_checker *all, *one;
	char *want[NORDER], *got[NORDER];

	if (!load_docs())
		return;
	all = new_checker(0);
	one = new_checker(1);
	if (!all || !one) {
		fl_checker_free(all);
		fl_checker_free(one);
		return;
	}
	run_order(all, want);
	run_order(one, got);
	for (size_t k = 0; k < NORDER; k++)
		if (want[k] && got[k] && strcmp(want[k], got[k]) != 0) {
			fprintf(stderr, "document %zu (%s) differs\n", k,
			        doc_file[order[k]]);
			CHECK(false);
		}
	/* the unbounded one released nothing; the other one released a
	 * language each time it changed (and "en", read for the facts) */
	CHECK_EQ_INT(fl__checker_released(all), 0);
	CHECK(fl__checker_released(one) >= NORDER - 1);
	CHECK(fl__checker_resident(one) <= 1);
	CHECK(fl__checker_resident(all) >= NDOCS);
	/* Each language here has at most one dictionary of its own and
	 * shares en_US with the others ("en" has only en_US): loading one
	 * again reads at most its own, the release that made room for it
	 * leaving en_US open (pin_spellers). */
	fprintf(stderr, "opened: all %zu (%zu languages), one %zu (%zu)\n",
	        fl__checker_opened(all), fl__checker_resident(all),
	        fl__checker_opened(one),
	        fl__checker_released(one) + fl__checker_resident(one));
	CHECK(fl__checker_opened(one) <=
	      fl__checker_opened(all) + fl__checker_released(one) +
	          fl__checker_resident(one) - fl__checker_resident(all));
	free_all(want, NORDER);
	free_all(got, NORDER);
	fl_checker_free(all);
	fl_checker_free(one);
}

/* The accepted words count after a reload: the Arabic document without
 * them has findings it does not have with them. */
static void test_accepted_after_reload(void)
{
	fl_checker *c;
	char *before, *after, *again;

	if (!load_docs() || !(c = new_checker(1)))
		return;
	before = check_json(c, 0);
	CHECK_EQ_INT(fl_checker_accept_word(c, accept_between), 0);
	free(check_json(c, 1)); /* Arabic is released */
	after = check_json(c, 0);
	free(check_json(c, 2));
	again = check_json(c, 0);
	CHECK(before && after && again);
	if (before && after && again) {
		CHECK(strcmp(before, after) != 0);
		CHECK_EQ_STR(after, again);
	}
	free(before);
	free(after);
	free(again);
	fl_checker_free(c);
}

typedef struct {
	fl_checker *w;
	const int *docs;
	size_t n;
	char **out;
} thread_job;

static void *thread_run(void *arg)
{
	thread_job *j = arg;
	for (size_t k = 0; k < j->n; k++)
		j->out[k] = check_json(j->w, j->docs[k]);
	return NULL;
}

/* Two workers checking at once, with a bound of max: each one's findings
 * are those of checking alone. */
static void two_threads(size_t max)
{
	static const int a[] = {2, 0, 1, 2};
	static const int b[] = {2, 1, 0, 1};
	enum { N = 4 };
	fl_checker *ref, *root, *w[2] = {NULL, NULL};
	char *want[NDOCS] = {NULL}, *ga[N] = {NULL}, *gb[N] = {NULL};
	thread_job ja, jb;
	pthread_t ta, tb;

	if (!load_docs() || !(ref = new_checker(0)))
		return;
	CHECK_EQ_INT(fl_checker_accept_word(ref, accept_before), 0);
	for (int i = 0; i < NDOCS; i++)
		want[i] = check_json(ref, i);
	fl_checker_free(ref);
	if (!(root = new_checker(max)))
		goto cleanup;
	CHECK_EQ_INT(fl_checker_accept_word(root, accept_before), 0);
	CHECK_EQ_INT(fl_checker_worker_new(&w[0], root), 0);
	CHECK_EQ_INT(fl_checker_worker_new(&w[1], root), 0);
	if (!w[0] || !w[1])
		goto cleanup;
	ja = (thread_job){w[0], a, N, ga};
	jb = (thread_job){w[1], b, N, gb};
	CHECK_EQ_INT(pthread_create(&ta, NULL, thread_run, &ja), 0);
	CHECK_EQ_INT(pthread_create(&tb, NULL, thread_run, &jb), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	for (size_t k = 0; k < N; k++) {
		CHECK(ga[k] && want[a[k]] && strcmp(ga[k], want[a[k]]) == 0);
		CHECK(gb[k] && want[b[k]] && strcmp(gb[k], want[b[k]]) == 0);
	}
	if (max)
		CHECK(fl__checker_resident(root) <= max + 1);
cleanup:
	fl_checker_free(w[0]);
	fl_checker_free(w[1]);
	fl_checker_free(root);
	free_all(want, NDOCS);
	free_all(ga, N);
	free_all(gb, N);
}

static void test_threads_bounded(void)
{
	two_threads(1);
}

static void test_threads_unbounded(void)
{
	two_threads(0);
}

static void test_free_data(void)
{
	free_all(doc_text, NDOCS);
	fl_facts_free(facts);
}

TESTS(T(test_bound_same_findings), T(test_accepted_after_reload),
      T(test_threads_bounded), T(test_threads_unbounded), T(test_free_data))
