/*
 * The table of output formats (src/lib/report/report.c): names, parsing,
 * the names list of help texts, rule lists rendered in every format, and
 * reports rendered with and without the rules of the run.
 */
#include "test.h"

#include <fidelint/fidelint.h>
#include <stdlib.h>
#include <string.h>

/* Every format parses back from its name, has a summary, and the names
 * list is the names in order. */
static void test_names(void)
{
	char list[256] = "";
	int f;

	for (f = 0; fl_format_name((fl_format)f); f++) {
		fl_format got;
		const char *name = fl_format_name((fl_format)f);
		CHECK_EQ_INT(fl_format_parse(&got, name), 0);
		CHECK_EQ_INT(got, f);
		CHECK(fl_format_summary((fl_format)f) != NULL);
		strcat(list, f ? ", " : "");
		strcat(list, name);
	}
	CHECK(f >= 2);
	CHECK(fl_format_summary((fl_format)f) == NULL);
	CHECK_EQ_STR(fl_format_names(), list);
	CHECK_EQ_STR(fl_format_name(FL_FORMAT_JSON), "json");
}

/* A rule list renders in every format; text and json as `fidelint rules`
 * prints them. */
static void test_rule_list(void)
{
	fl_checker *chk = NULL;
	fl_rule_list *rules = NULL;
	char *out = NULL;
	size_t len = 0;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&rules, chk, "ar"), 0);
	for (int f = 0; fl_format_name((fl_format)f); f++) {
		CHECK_EQ_INT(
		    fl_rule_list_render(&out, &len, rules, (fl_format)f, 0), 0);
		CHECK(out && len == strlen(out) && len > 0);
		free(out);
		out = NULL;
	}
	CHECK_EQ_INT(fl_rule_list_render(&out, &len, rules, FL_FORMAT_TEXT, 0),
	             0);
	CHECK_CONTAINS(out,
	               "name.garbled                         error    -  ");
	CHECK_CONTAINS(out,
	               "term.ar.amnesty-for-ai               error    ar ");
	free(out);
	CHECK_EQ_INT(fl_rule_list_render(&out, NULL, rules, FL_FORMAT_JSON, 0),
	             0);
	CHECK(out && strncmp(out, "{\"rules\": [\n  {\"id\": ", 21) == 0);
	CHECK_CONTAINS(out, "\"id\": \"term.ar.amnesty-for-ai\", \"severity\": "
	                    "\"error\"");
	CHECK_CONTAINS(out, "\"severities\": \"error / warning / info\"");
	free(out);
	CHECK_EQ_INT(fl_rule_list_render(&out, &len, NULL, FL_FORMAT_TEXT, 0),
	             FL_EINVAL);
	CHECK(out == NULL && len == 0);
	CHECK_EQ_INT(fl_rule_list_render(&out, &len, rules, (fl_format)99, 0),
	             FL_EINVAL);
	fl_rule_list_free(rules);
	fl_checker_free(chk);
}

/* A report renders the same with the run's rules given or not (text and
 * json do not describe rules), and not in a format that does not exist. */
static void test_report_rules(void)
{
	fl_checker *chk = NULL;
	fl_rule_list *rules = NULL;
	fl_report *report = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const char *text = "Scale Scale Scale.\n";
	char *a = NULL, *b = NULL;

	o.lang = "en";
	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&rules, chk, NULL), 0);
	CHECK_EQ_INT(fl_report_new(&report), 0);
	CHECK_EQ_INT(
	    fl_check_buffer(&res, chk, "x.txt", text, strlen(text), &o), 0);
	CHECK_EQ_INT(fl_report_add_result(report, res), 0);
	for (int f = 0; fl_format_name((fl_format)f); f++) {
		fl_report_set_rules(report, NULL);
		CHECK_EQ_INT(
		    fl_report_render(&a, NULL, report, (fl_format)f, 0), 0);
		fl_report_set_rules(report, rules);
		CHECK_EQ_INT(
		    fl_report_render(&b, NULL, report, (fl_format)f, 0), 0);
		/* the rule list reaches only formats that describe rules */
		if ((fl_format)f == FL_FORMAT_SARIF)
			CHECK(a && b && strlen(b) > strlen(a));
		else
			CHECK(a && b && strcmp(a, b) == 0);
		CHECK_CONTAINS(a, "text.repeated");
		free(a);
		free(b);
		a = b = NULL;
	}
	CHECK_EQ_INT(fl_report_render(&a, NULL, report, (fl_format)99, 0),
	             FL_EINVAL);
	CHECK(a == NULL);
	fl_report_set_rules(NULL, rules);
	fl_report_free(report);
	fl_rule_list_free(rules);
	fl_checker_free(chk);
}

TESTS(T(test_names), T(test_rule_list), T(test_report_rules))
