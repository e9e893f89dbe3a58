/* The report: text (plain and coloured) and json renderings, summaries. */
#include "result.h"
#include "test.h"

#include <stdlib.h>

/* Arabic "qal" (he said), three code points. */
#define AR_QAL "\xd9\x82\xd8\xa7\xd9\x84"
/* Arabic "Surge", four code points. */
#define AR_SURGE "\xd8\xb3\xd9\x8a\xd8\xb1\xd8\xac"

static fl_result *make_result(const char *path, const char *lang)
{
	fl_result *r = NULL;
	CHECK_EQ_INT(fl__result_new(&r, path, lang), 0);
	return r;
}

static void add(fl_result *r, const char *rule, fl_severity sev, size_t line,
                size_t col, size_t end_line, size_t end_col, const char *text,
                const char *message, const char *expected,
                const char *suggestion, const char *context)
{
	fl__finding_in f = {rule,    sev,  line,    col,      end_line,
	                    end_col, text, message, expected, suggestion,
	                    context, 0,    0,       0,        NULL};
	CHECK_EQ_INT(fl__result_add(r, &f), 0);
}

/*
 * docs/a.ar.txt: a placeless warning and an error on a line that starts
 * with a TAB and holds Arabic text before the finding; missing.txt could
 * not be checked; b.txt has no findings and no language.
 */
static fl_report *sample_report(void)
{
	fl_report *rep = NULL;
	fl_result *r;

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	r = make_result("docs/a.ar.txt", "ar");
	add(r, "name.missing", FL_SEVERITY_WARNING, 0, 0, 0, 0, "Surge",
	    "'Surge' is never mentioned", AR_SURGE, NULL, NULL);
	/* TAB (1) + qal (3) + space (1): Trupge starts at column 6. */
	add(r, "name.garbled", FL_SEVERITY_ERROR, 12, 6, 12, 12, "Trupge",
	    "'Trupge' is not a word and looks like the entity 'Surge'", "Surge",
	    "Surge", "\t" AR_QAL " Trupge ok");
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	CHECK_EQ_INT(
	    fl_report_add_failure(rep, "missing.txt",
	                          "cannot open: No such file or directory"),
	    0);
	CHECK_EQ_INT(fl_report_add_result(rep, make_result("b.txt", NULL)), 0);
	return rep;
}

static char *render(const fl_report *rep, fl_format format, unsigned flags)
{
	char *s = NULL;
	size_t len = 0;

	CHECK_EQ_INT(fl_report_render(&s, &len, rep, format, flags), 0);
	if (s)
		CHECK_EQ_INT(len, strlen(s));
	return s;
}

static void test_text(void)
{
	fl_report *rep = sample_report();
	char *s = render(rep, FL_FORMAT_TEXT, 0);

	CHECK_EQ_STR(s,
	             "docs/a.ar.txt: warning: 'Surge' is never mentioned "
	             "[name.missing]\n"
	             "      = expected: " AR_SURGE "\n"
	             "docs/a.ar.txt:12:6: error: 'Trupge' is not a word and "
	             "looks like the entity 'Surge' [name.garbled]\n"
	             "   12 |  " AR_QAL " \u27E6Trupge\u27E7 ok\n"
	             "      = suggestion: Surge\n"
	             "fidelint: missing.txt: cannot open: No such file or "
	             "directory\n"
	             "1 error, 1 warning, 0 infos in 3 files, 1 file could not "
	             "be checked\n");
	CHECK(s && !strchr(s, '\033'));
	CHECK(s && !strchr(s, '\t'));
	free(s);
	fl_report_free(rep);
}

static void test_text_color(void)
{
	fl_report *rep = sample_report();
	char *s = render(rep, FL_FORMAT_TEXT, FL_REPORT_COLOR);

	CHECK_CONTAINS(s, "\033[1mdocs/a.ar.txt:12:6:\033[0m "
	                  "\033[1;31merror:\033[0m "
	                  "\033[1m'Trupge' is not a word");
	CHECK_CONTAINS(s, "\033[1mdocs/a.ar.txt:\033[0m "
	                  "\033[1;35mwarning:\033[0m ");
	/* Only the marked span is green (a right-to-left line has no
	 * caret line). */
	CHECK_CONTAINS(s, "   12 |  " AR_QAL
	                  " \033[1;32m\u27E6Trupge\u27E7\033[0m ok\n");
	CHECK_CONTAINS(s, "[name.garbled]\n");
	free(s);
	fl_report_free(rep);

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	{
		fl_result *r = make_result("i.txt", "en");
		add(r, "style.x", FL_SEVERITY_INFO, 1, 1, 1, 2, "x", "m", NULL,
		    NULL, "x");
		CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	}
	s = render(rep, FL_FORMAT_TEXT, FL_REPORT_COLOR);
	CHECK_CONTAINS(s, "\033[1;36minfo:\033[0m");
	CHECK_CONTAINS(s, "\033[1;32m^\033[0m\n");
	free(s);
	fl_report_free(rep);
}

static void test_json(void)
{
	fl_report *rep = sample_report();
	char *s = render(rep, FL_FORMAT_JSON, 0);
	char *c = render(rep, FL_FORMAT_JSON, FL_REPORT_COLOR);

	CHECK_EQ_STR(s,
	             "{\n"
	             "  \"tool\": {\n"
	             "    \"name\": \"fidelint\",\n"
	             "    \"version\": \"" FL_VERSION "\"\n"
	             "  },\n"
	             "  \"files\": [\n"
	             "    {\n"
	             "      \"path\": \"docs/a.ar.txt\",\n"
	             "      \"lang\": \"ar\",\n"
	             "      \"findings\": [\n"
	             "        {\n"
	             "          \"rule\": \"name.missing\",\n"
	             "          \"severity\": \"warning\",\n"
	             "          \"line\": 0,\n"
	             "          \"column\": 0,\n"
	             "          \"end_line\": 0,\n"
	             "          \"end_column\": 0,\n"
	             "          \"text\": \"Surge\",\n"
	             "          \"message\": \"'Surge' is never mentioned\",\n"
	             "          \"expected\": \"" AR_SURGE "\",\n"
	             "          \"suggestion\": null\n"
	             "        },\n"
	             "        {\n"
	             "          \"rule\": \"name.garbled\",\n"
	             "          \"severity\": \"error\",\n"
	             "          \"line\": 12,\n"
	             "          \"column\": 6,\n"
	             "          \"end_line\": 12,\n"
	             "          \"end_column\": 12,\n"
	             "          \"text\": \"Trupge\",\n"
	             "          \"message\": \"'Trupge' is not a word and "
	             "looks like the entity 'Surge'\",\n"
	             "          \"expected\": \"Surge\",\n"
	             "          \"suggestion\": \"Surge\"\n"
	             "        }\n"
	             "      ]\n"
	             "    },\n"
	             "    {\n"
	             "      \"path\": \"missing.txt\",\n"
	             "      \"lang\": null,\n"
	             "      \"error\": \"cannot open: No such file or "
	             "directory\",\n"
	             "      \"findings\": []\n"
	             "    },\n"
	             "    {\n"
	             "      \"path\": \"b.txt\",\n"
	             "      \"lang\": null,\n"
	             "      \"findings\": []\n"
	             "    }\n"
	             "  ],\n"
	             "  \"summary\": {\n"
	             "    \"files\": 3,\n"
	             "    \"errors\": 1,\n"
	             "    \"warnings\": 1,\n"
	             "    \"infos\": 0,\n"
	             "    \"failed\": 1\n"
	             "  }\n"
	             "}\n");
	/* Colour never applies to json. */
	CHECK_EQ_STR(c, s);
	free(s);
	free(c);
	fl_report_free(rep);
}

static void test_json_escaping_and_no_failed(void)
{
	fl_report *rep = NULL;
	fl_result *r = make_result("q\"uote.txt", "pt-BR");
	char *s;

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	add(r, "x.y", FL_SEVERITY_INFO, 1, 2, 1, 3, "a\tb", "say \"\\\"", NULL,
	    NULL, "ctx");
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	s = render(rep, FL_FORMAT_JSON, 0);
	CHECK_CONTAINS(s, "\"path\": \"q\\\"uote.txt\",\n");
	CHECK_CONTAINS(s, "\"lang\": \"pt-BR\",\n");
	CHECK_CONTAINS(s, "\"text\": \"a\\tb\",\n");
	CHECK_CONTAINS(s, "\"message\": \"say \\\"\\\\\\\"\",\n");
	CHECK_CONTAINS(s, "\"expected\": null,\n");
	CHECK_CONTAINS(s, "\"infos\": 1\n  }\n}\n");
	CHECK(s && !strstr(s, "failed"));
	CHECK(s && !strstr(s, "ctx"));
	free(s);
	fl_report_free(rep);
}

static void test_caret_edges(void)
{
	fl_report *rep = NULL;
	fl_result *r = make_result("e.txt", "en");
	char *s;

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	/* A range over two lines: caret only. */
	add(r, "a.multi", FL_SEVERITY_ERROR, 3, 3, 4, 2, "cd", "m1", NULL, NULL,
	    "abcdef");
	/* End past the line: underline stops after the last character. */
	add(r, "b.long", FL_SEVERITY_ERROR, 5, 4, 5, 40, "def", "m2", NULL,
	    NULL, "abcdef");
	/* Column just after the end (missing final punctuation). */
	add(r, "c.end", FL_SEVERITY_WARNING, 6, 7, 6, 7, "", "m3", NULL, NULL,
	    "abcdef");
	/* A large line number widens the gutter; expected shown as it
	 * differs from the suggestion. */
	add(r, "d.wide", FL_SEVERITY_INFO, 123456, 1, 123456, 2, "x", "m4", "X",
	    "Y", "x");
	/* A place without a context line: no source lines. */
	add(r, "e.noctx", FL_SEVERITY_INFO, 9, 1, 9, 2, "x", "m5", NULL, NULL,
	    NULL);
	/* Control characters of the document never reach the terminal. */
	add(r, "f.ctl", FL_SEVERITY_INFO, 10, 3, 10, 4, "x",
	    "bad \033[31m text\n", NULL, NULL, "a\033\rx");
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	s = render(rep, FL_FORMAT_TEXT, 0);
	CHECK_CONTAINS(s, "e.txt:3:3: error: m1 [a.multi]\n"
	                  "    3 | abcdef\n"
	                  "      |   ^\n");
	CHECK_CONTAINS(s, "e.txt:5:4: error: m2 [b.long]\n"
	                  "    5 | abcdef\n"
	                  "      |    ^~~\n");
	CHECK_CONTAINS(s, "e.txt:6:7: warning: m3 [c.end]\n"
	                  "    6 | abcdef\n"
	                  "      |       ^\n");
	CHECK_CONTAINS(s, "e.txt:123456:1: info: m4 [d.wide]\n"
	                  " 123456 | x\n"
	                  "        | ^\n"
	                  "        = expected: X\n"
	                  "        = suggestion: Y\n");
	CHECK_CONTAINS(s, "e.txt:9:1: info: m5 [e.noctx]\n"
	                  "e.txt:10:3: info: bad <U+001B>[31m text<U+000A> "
	                  "[f.ctl]\n"
	                  "   10 | a<U+001B><U+000D>x\n"
	                  "      |          ^\n");
	CHECK(s && !strchr(s, '\033'));
	CHECK_CONTAINS(s, "\n2 errors, 1 warning, 3 infos in 1 file\n");
	free(s);
	fl_report_free(rep);
}

/*
 * Trojan Source: bidirectional controls and other control characters of a
 * context line are shown escaped, and the caret still points at its
 * column; a NUL of the text does not end the line.
 */
static void test_escapes(void)
{
	static const char nul_line[] = "ab\0cd 218 x";
	fl_report *rep = NULL;
	fl_result *r = make_result("t.txt", "en");
	fl__finding_in f = {"n.nul",  FL_SEVERITY_ERROR,
	                    2,        7,
	                    2,        10,
	                    "218",    "m2",
	                    NULL,     NULL,
	                    nul_line, 0,
	                    0,        sizeof(nul_line) - 1,
	                    NULL};
	char *s;

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+200F
	 * RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK, U+0085 (C1). */
	add(r, "b.bidi", FL_SEVERITY_ERROR, 1, 10, 1, 12, "ok",
	    "m1 \xe2\x80\xae", NULL, NULL,
	    "a\xe2\x80\xae"
	    "b\xe2\x81\xa6"
	    "c\xe2\x80\x8f\xd8\x9c\xc2\x85 ok");
	CHECK_EQ_INT(fl__result_add(r, &f), 0);
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	s = render(rep, FL_FORMAT_TEXT, 0);
	CHECK_CONTAINS(
	    s, "t.txt:1:10: error: m1 <U+202E> [b.bidi]\n"
	       "    1 | a<U+202E>b<U+2066>c<U+200F><U+061C><U+0085> "
	       "ok\n"
	       "      |                                             ^~\n");
	CHECK_CONTAINS(s, "t.txt:2:7: error: m2 [n.nul]\n"
	                  "    2 | ab<U+0000>cd 218 x\n"
	                  "      |              ^~~\n");
	CHECK(s && !strstr(s, "\xe2\x80\xae"));
	free(s);
	fl_report_free(rep);
}

static void test_summary_plurals(void)
{
	fl_report *rep = NULL;
	fl_report_summary sum;
	fl_result *r;
	char *s;

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	s = render(rep, FL_FORMAT_TEXT, 0);
	CHECK_EQ_STR(s, "0 errors, 0 warnings, 0 infos in 0 files\n");
	free(s);

	r = make_result("one.txt", "en");
	add(r, "r.i", FL_SEVERITY_INFO, 0, 0, 0, 0, "t", "m", NULL, NULL, NULL);
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	s = render(rep, FL_FORMAT_TEXT, 0);
	CHECK_EQ_STR(s, "one.txt: info: m [r.i]\n"
	                "0 errors, 0 warnings, 1 info in 1 file\n");
	free(s);

	r = make_result("two.txt", "en");
	add(r, "r.e", FL_SEVERITY_ERROR, 0, 0, 0, 0, "t", "m", NULL, NULL,
	    NULL);
	add(r, "r.e", FL_SEVERITY_ERROR, 0, 0, 0, 0, "t", "m", NULL, NULL,
	    NULL);
	add(r, "r.w", FL_SEVERITY_WARNING, 0, 0, 0, 0, "t", "m", NULL, NULL,
	    NULL);
	add(r, "r.w", FL_SEVERITY_WARNING, 0, 0, 0, 0, "t", "m", NULL, NULL,
	    NULL);
	add(r, "r.i", FL_SEVERITY_INFO, 0, 0, 0, 0, "t", "m", NULL, NULL, NULL);
	CHECK_EQ_INT(fl_report_add_result(rep, r), 0);
	/* A message naming its path is not prefixed twice. */
	CHECK_EQ_INT(fl_report_add_failure(rep, "x.txt", "x.txt: cannot open"),
	             0);
	CHECK_EQ_INT(fl_report_add_failure(rep, "y.txt", "bad"), 0);
	CHECK_EQ_INT(fl_report_add_failure(rep, "z.txt", "z.txt:3:4: bad"), 0);
	s = render(rep, FL_FORMAT_TEXT, 0);
	/* the same finding again is folded into the first */
	CHECK_CONTAINS(s, "two.txt: error: m [r.e]\n"
	                  "      = and 1 more like this\n"
	                  "two.txt: warning: m [r.w]\n");
	/* six findings: a breakdown by file and rule, most frequent first */
	CHECK_CONTAINS(s, "fidelint: x.txt: cannot open\n"
	                  "fidelint: y.txt: bad\n"
	                  "fidelint: z.txt:3:4: bad\n"
	                  "\nby file and rule:\n"
	                  "  one.txt: 0 errors, 0 warnings, 1 info (r.i 1)\n"
	                  "  two.txt: 2 errors, 2 warnings, 1 info (r.e 2, "
	                  "r.w 2, r.i 1)\n\n"
	                  "2 errors, 2 warnings, 2 infos in 5 files, 3 files "
	                  "could not be checked\n");
	free(s);

	fl_report_summarize(&sum, rep);
	CHECK_EQ_INT(sum.files, 5);
	CHECK_EQ_INT(sum.failed_files, 3);
	CHECK_EQ_INT(sum.errors, 2);
	CHECK_EQ_INT(sum.warnings, 2);
	CHECK_EQ_INT(sum.infos, 2);
	fl_report_free(rep);
}

static void test_api_edges(void)
{
	fl_report *rep = NULL;
	fl_format fmt = FL_FORMAT_TEXT;
	fl_severity sev = FL_SEVERITY_INFO;
	char *s = (char *)"x";

	CHECK_EQ_INT(fl_format_parse(&fmt, "json"), 0);
	CHECK_EQ_INT(fmt, FL_FORMAT_JSON);
	CHECK_EQ_INT(fl_format_parse(&fmt, "text"), 0);
	CHECK_EQ_INT(fmt, FL_FORMAT_TEXT);
	CHECK_EQ_INT(fl_format_parse(&fmt, "xml"), FL_EINVAL);
	CHECK_EQ_INT(fl_format_parse(&fmt, NULL), FL_EINVAL);

	CHECK_EQ_INT(fl_severity_parse(&sev, "warning"), 0);
	CHECK_EQ_INT(sev, FL_SEVERITY_WARNING);
	CHECK_EQ_INT(fl_severity_parse(&sev, "Error"), FL_EINVAL);
	CHECK_EQ_STR(fl_severity_name(FL_SEVERITY_ERROR), "error");
	CHECK_EQ_STR(fl_severity_name((fl_severity)9), "?");
	CHECK_EQ_STR(fl_error_name(FL_ENOMEM), "out of memory");
	CHECK_EQ_STR(fl_error_name(-99), "unknown error");
	CHECK_EQ_STR(fl_version(), FL_VERSION);

	CHECK_EQ_INT(fl_report_new(&rep), 0);
	CHECK_EQ_INT(fl_report_add_result(rep, NULL), FL_EINVAL);
	CHECK_EQ_INT(fl_report_render(&s, NULL, rep, (fl_format)7, 0),
	             FL_EINVAL);
	CHECK(s == NULL);
	fl_report_free(rep);
	fl_report_free(NULL);
}

TESTS(T(test_text), T(test_text_color), T(test_json), T(test_escapes),
      T(test_json_escaping_and_no_failed), T(test_caret_edges),
      T(test_summary_plurals), T(test_api_edges))
