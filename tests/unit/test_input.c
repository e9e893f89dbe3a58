/*
 * The readers of line-pair input (issue 10): a JSONL stream is read as it
 * comes with every line bounded, positions are the stream's, blank lines
 * are skipped, the emitter's failure stops the stream; a lone CR ends a
 * line of an aligned pair as it ends a line of a document.
 */
#define _POSIX_C_SOURCE 200809L

#include "checker.h"
#include "test.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A checker reading at most max bytes a file (0: the default). */
static fl_checker *make_checker(size_t max)
{
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	fl_checker *chk = NULL;

	o.max_file_size = max;
	CHECK_EQ_INT(fl_checker_new(&chk, &o), 0);
	return chk;
}

/* The answers of a stream, one a line. */
typedef struct {
	char text[4096];
	size_t len, count;
	int fail_at; /* answer number that fails (1-based), 0 none */
} answers;

static int collect(void *ctx, const char *answer, size_t len)
{
	answers *a = ctx;

	a->count++;
	if (a->fail_at && a->count == (size_t)a->fail_at)
		return -7;
	if (a->len + len + 2 < sizeof(a->text)) {
		memcpy(a->text + a->len, answer, len);
		a->len += len;
		a->text[a->len++] = '\n';
		a->text[a->len] = '\0';
	}
	return 0;
}

/* Runs fl_check_jsonl_fd on data through a pipe; returns its code. */
static int run_stream(fl_checker *chk, const char *data, size_t n, answers *a)
{
	int fds[2], rc;

	CHECK_EQ_INT(pipe(fds), 0);
	/* The data fits the pipe's buffer: written before it is read. */
	CHECK(write(fds[1], data, n) == (ssize_t)n);
	close(fds[1]);
	rc = fl_check_jsonl_fd(chk, "s.jsonl", fds[0], NULL, NULL, collect, a);
	close(fds[0]);
	return rc;
}

static void test_jsonl_positions_and_blanks(void)
{
	static const char data[] =
	    "{\"id\":1,\"source\":\"a\",\"target\":\"a\"}\r\n"
	    "   \n"
	    "\n"
	    "\t \r\n"
	    "{\"id\":2,\"source\":\"x\",}\n"
	    "{\"id\":3,\"source\":\"b\",\"target\":\"b\"}"; /* no line end */
	fl_checker *chk = make_checker(0);
	answers a = {0};

	CHECK_EQ_INT(run_stream(chk, data, sizeof(data) - 1, &a), 0);
	CHECK_EQ_INT(a.count, 3);
	CHECK_CONTAINS(a.text, "{\"id\":null,\"error\":\"s.jsonl:5:22: ");
	CHECK_CONTAINS(a.text, "{\"id\":3,");
	fl_checker_free(chk);
}

static void test_jsonl_line_limit(void)
{
	char data[300];
	fl_checker *chk = make_checker(100);
	answers a = {0};

	/* One good short record, then a line past the limit. */
	strcpy(data, "{\"id\":1,\"source\":\"a\",\"target\":\"a\"}\n");
	memset(data + strlen(data), 'x', 200);
	data[sizeof(data) - 1] = '\0';
	CHECK_EQ_INT(run_stream(chk, data, strlen(data), &a), FL_ELIMIT);
	CHECK_EQ_INT(a.count, 1);
	CHECK_EQ_STR(fl_checker_error(chk),
	             "s.jsonl:2: line longer than the limit of 100 bytes");
	fl_checker_free(chk);
}

static void test_jsonl_emit_failure_stops(void)
{
	static const char data[] =
	    "{\"id\":1,\"source\":\"a\",\"target\":\"a\"}\n"
	    "{\"id\":2,\"source\":\"a\",\"target\":\"a\"}\n"
	    "{\"id\":3,\"source\":\"a\",\"target\":\"a\"}\n";
	fl_checker *chk = make_checker(0);
	answers a = {0};

	a.fail_at = 2;
	CHECK_EQ_INT(run_stream(chk, data, sizeof(data) - 1, &a), -7);
	CHECK_EQ_INT(a.count, 2);
	fl_checker_free(chk);
}

static void test_jsonl_folder(void)
{
	fl_checker *chk = make_checker(0);
	answers a = {0};
	int fd = open(".", O_RDONLY);

	CHECK(fd >= 0);
	CHECK_EQ_INT(fl_check_jsonl_fd(chk, "d", fd, NULL, NULL, collect, &a),
	             FL_EIO);
	CHECK_CONTAINS(fl_checker_error(chk), "d: read error");
	close(fd);
	fl_checker_free(chk);
}

static void test_line_ends(void)
{
	static const struct {
		const char *s;
		size_t len, next;
	} cases[] = {
	    {"ab\ncd", 2, 3}, {"ab\r\ncd", 2, 4}, {"ab\rcd", 2, 3},
	    {"ab", 2, 2},     {"\r", 0, 1},       {"\r\n", 0, 2},
	    {"\n\r", 0, 1},   {"", 0, 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t next;
		CHECK_EQ_INT(
		    fl__line_next(cases[i].s, strlen(cases[i].s), &next),
		    cases[i].len);
		CHECK_EQ_INT(next, cases[i].next);
	}
}

static void test_aligned_lone_cr(void)
{
	static const char src_cr[] = "It has 281 stores.\rIt has 3 cars.\r";
	static const char src_lf[] = "It has 281 stores.\nIt has 3 cars.\n";
	static const char tgt[] = "Tem 218 lojas.\nTem 3 carros.\n";
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_checker *chk = make_checker(0);
	fl_result *cr = NULL, *lf = NULL;

	o.lang = "pt-BR";
	CHECK_EQ_INT(fl_check_aligned(&cr, chk, "t", src_cr, sizeof(src_cr) - 1,
	                              tgt, sizeof(tgt) - 1, NULL, &o),
	             0);
	CHECK_EQ_INT(fl_check_aligned(&lf, chk, "t", src_lf, sizeof(src_lf) - 1,
	                              tgt, sizeof(tgt) - 1, NULL, &o),
	             0);
	CHECK(cr && lf);
	if (cr && lf) {
		CHECK_EQ_INT(fl_result_count(cr), fl_result_count(lf));
		CHECK(fl_result_count(cr) > 0);
		for (size_t i = 0; i < fl_result_count(cr); i++)
			CHECK_EQ_INT(fl_result_finding(cr, i)->source_line,
			             fl_result_finding(lf, i)->source_line);
	}
	fl_result_free(cr);
	fl_result_free(lf);
	fl_checker_free(chk);
}

TESTS(T(test_jsonl_positions_and_blanks), T(test_jsonl_line_limit),
      T(test_jsonl_emit_failure_stops), T(test_jsonl_folder), T(test_line_ends),
      T(test_aligned_lone_cr))
