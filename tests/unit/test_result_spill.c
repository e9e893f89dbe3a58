/*
 * A result that spilled its findings to a temporary file
 * (fl__result_spill, FL_CHECK_SPILL) reads as the same result kept in
 * memory: the same findings in the same order (forwards, backwards,
 * fl_result_foreach), the same counts, the same fl_result_retain, and
 * the same bytes from every renderer and from the report stream; also
 * with findings that sort before the spilled ones (placeless, placed in
 * an earlier window) added after a spill, and folded repeats.
 */
#include "test.h"

#include "result.h"

#include <fidelint/fidelint.h>

#include <stdlib.h>
#include <string.h>

/* Adds the finding (line, column, rule, text, severity) to r. */
static void add(fl_result *r, size_t line, size_t col, const char *rule,
                const char *text, fl_severity sev)
{
	fl__finding_in f;
	char msg[64];

	memset(&f, 0, sizeof(f));
	snprintf(msg, sizeof(msg), "'%s' is wrong", text);
	f.rule = rule;
	f.severity = sev;
	f.line = line;
	f.column = col;
	f.end_line = line;
	f.end_column = col + strlen(text);
	f.text = text;
	f.message = msg;
	f.suggestion = line % 2 ? "Better" : NULL;
	f.context = line ? "Some line of the document with a word in it" : NULL;
	f.segment = line == 4 ? "seg-4" : NULL;
	CHECK_EQ_INT(fl__result_add(r, &f), 0);
}

/* The same findings added to a (kept in memory) and b (spilled after
 * each window). */
static void fill(fl_result *a, fl_result *b)
{
	fl_result *both[2] = {a, b};

	for (int k = 0; k < 2; k++) {
		fl_result *r = both[k];
		/* window 1 */
		add(r, 3, 5, "name.case", "meta", FL_SEVERITY_ERROR);
		add(r, 1, 2, "spell.unknown", "wrod", FL_SEVERITY_INFO);
		add(r, 2, 9, "name.case", "meta", FL_SEVERITY_ERROR);
		add(r, 2, 9, "b.rule", "x", FL_SEVERITY_WARNING);
		fl__result_sort(r);
		if (r == b)
			CHECK_EQ_INT(fl__result_spill(r, 0), 0);
		/* window 2, with a finding placed in window 1 and none */
		add(r, 5, 1, "name.case", "meta", FL_SEVERITY_ERROR);
		add(r, 4, 4, "spell.unknown", "wrod", FL_SEVERITY_INFO);
		add(r, 2, 1, "b.rule", "y", FL_SEVERITY_WARNING);
		add(r, 0, 0, "name.missing", "Scale AI", FL_SEVERITY_ERROR);
		if (r == b)
			CHECK_EQ_INT(fl__result_spill(r, 0), 0);
		/* window 3 */
		for (size_t l = 6; l < 20; l++)
			add(r, l, 3, "name.case", "meta", FL_SEVERITY_ERROR);
		if (r == b)
			CHECK_EQ_INT(fl__result_spill(r, 0), 0);
		/* the document's findings at the end */
		add(r, 0, 0, "number.missing", "49%", FL_SEVERITY_WARNING);
		add(r, 1, 2, "term.missing", "wrod", FL_SEVERITY_WARNING);
		add(r, 19, 3, "name.case", "meta", FL_SEVERITY_ERROR);
		fl__result_sort(r);
	}
	CHECK(fl__result_mem_count(b) < fl_result_count(b));
}

static bool same_finding(const fl_finding *x, const fl_finding *y)
{
	return x && y && x->line == y->line && x->column == y->column &&
	       x->end_line == y->end_line && x->end_column == y->end_column &&
	       x->severity == y->severity && !strcmp(x->rule, y->rule) &&
	       !strcmp(x->text, y->text) && !strcmp(x->message, y->message) &&
	       !x->expected == !y->expected &&
	       !x->suggestion == !y->suggestion && !x->segment == !y->segment &&
	       !x->context == !y->context && x->context_len == y->context_len &&
	       x->context_column == y->context_column;
}

/* a and b hold the same findings, read either way. */
static void same(const fl_result *a, const fl_result *b)
{
	size_t n = fl_result_count(a);

	CHECK_EQ_INT(fl_result_count(b), n);
	for (size_t i = 0; i < n; i++)
		CHECK(same_finding(fl_result_finding(a, i),
		                   fl_result_finding(b, i)));
	for (size_t i = n; i-- > 0;)
		CHECK(same_finding(fl_result_finding(a, i),
		                   fl_result_finding(b, i)));
	CHECK(fl_result_finding(b, n) == NULL);
	for (int s = FL_SEVERITY_INFO; s <= FL_SEVERITY_ERROR; s++)
		CHECK_EQ_INT(fl_result_count_severity(b, (fl_severity)s),
		             fl_result_count_severity(a, (fl_severity)s));
}

static int count_one(const fl_finding *f, void *ctx)
{
	(void)f;
	++*(size_t *)ctx;
	return 0;
}

static int not_b(const fl_finding *f, void *ctx)
{
	(void)ctx;
	return strcmp(f->rule, "b.rule") != 0;
}

static void test_read_back(void)
{
	fl_result *a = NULL, *b = NULL;
	size_t n = 0;

	CHECK_EQ_INT(fl__result_new(&a, "doc.pt.txt", "pt"), 0);
	CHECK_EQ_INT(fl__result_new(&b, "doc.pt.txt", "pt"), 0);
	fill(a, b);
	same(a, b);
	CHECK_EQ_INT(fl_result_foreach(b, count_one, &n), 0);
	CHECK_EQ_INT(n, fl_result_count(a));
	/* placeless first */
	CHECK_EQ_INT(fl_result_finding(b, 0)->line, 0);
	CHECK_EQ_INT(fl_result_retain(b, not_b, NULL),
	             fl_result_retain(a, not_b, NULL));
	same(a, b);
	fl_result_free(a);
	fl_result_free(b);
}

/* fl_report_write_fn: appends to a malloc'd string. */
typedef struct {
	char *data;
	size_t len;
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
	sink *s = ctx;
	char *p = realloc(s->data, s->len + len + 1);

	if (!p)
		return -1;
	memcpy(p + s->len, data, len);
	s->data = p;
	s->len += len;
	p[s->len] = '\0';
	return 0;
}

static void test_same_reports(void)
{
	static const fl_format formats[] = {FL_FORMAT_TEXT, FL_FORMAT_JSON,
	                                    FL_FORMAT_SARIF,
	                                    FL_FORMAT_MARKDOWN};

	for (size_t k = 0; k < sizeof(formats) / sizeof(formats[0]); k++) {
		fl_result *a = NULL, *b = NULL;
		fl_report *ra = NULL, *rb = NULL;
		fl_report_stream *st = NULL;
		char *ta = NULL, *tb = NULL;
		size_t la = 0, lb = 0;
		sink out = {NULL, 0};
		fl_format fmt = formats[k];

		CHECK_EQ_INT(fl__result_new(&a, "doc.pt.txt", "pt"), 0);
		CHECK_EQ_INT(fl__result_new(&b, "doc.pt.txt", "pt"), 0);
		fill(a, b);
		if (fmt != FL_FORMAT_MARKDOWN) {
			CHECK_EQ_INT(fl_report_stream_new(&st, fmt, 0, NULL,
			                                  sink_write, &out),
			             0);
			CHECK_EQ_INT(fl_report_stream_add_result(st, b), 0);
			CHECK_EQ_INT(fl_report_stream_finish(st), 0);
			fl_report_stream_free(st);
		}
		CHECK_EQ_INT(fl_report_new(&ra), 0);
		CHECK_EQ_INT(fl_report_new(&rb), 0);
		CHECK_EQ_INT(fl_report_add_result(ra, a), 0);
		CHECK_EQ_INT(fl_report_add_result(rb, b), 0);
		CHECK_EQ_INT(fl_report_render(&ta, &la, ra, fmt, 0), 0);
		CHECK_EQ_INT(fl_report_render(&tb, &lb, rb, fmt, 0), 0);
		CHECK(ta && tb && la == lb && memcmp(ta, tb, la) == 0);
		if (fmt != FL_FORMAT_MARKDOWN)
			CHECK(out.data && out.len == la &&
			      memcmp(out.data, ta, la) == 0);
		if (fmt == FL_FORMAT_TEXT) {
			/* folded: the repeats of "meta" in one line */
			CHECK_CONTAINS(ta, "more like this: ");
			CHECK_CONTAINS(ta, "by file and rule:");
		}
		free(ta);
		free(tb);
		free(out.data);
		fl_report_free(ra);
		fl_report_free(rb);
	}
}

TESTS(T(test_read_back), T(test_same_reports))
