/*
 * Runs tests/numbers/pairs.tsv through the library: for each row, a facts
 * file holding the row's English quantity and a document holding the
 * row's rendering. Verdicts:
 *   same    no number.mismatch and no number.missing (the fact is rendered)
 *   approx  the fact is rendered or approximated (number.approx, no error)
 *   wrong   number.mismatch or number.missing (the error is noticed)
 * The row's value goes into the facts as written (a number, a range
 * "27-29", a time "15:00", a date "2005-05-30" / "--10-01"); its unit as
 * the facts file names units, except that calendar years and the shapes
 * that say what they are (time, date) take none. Weekday rows (a weekday
 * number) are not quantities of the facts schema and are counted apart.
 * Rows listed in the known-failures file are counted apart too: the test
 * fails when any other row fails, and also when a known failure passes
 * (so that the list only ever shrinks).
 *
 *   number_pairs PAIRS.tsv KNOWN_FAILURES.txt
 */
#include <fidelint/fidelint.h>

#include "runner.h"
#include <stdbool.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 4096

/* Splits line into at most n tab-separated fields (in place). */
static size_t fields(char *line, char **out, size_t n)
{
	size_t k = 0;
	while (k < n) {
		out[k++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return k;
}

/* The facts-file unit for a row's unit and kind ("" for none). */
static const char *facts_unit(const char *unit, const char *kind)
{
	if (strcmp(unit, "year") == 0 &&
	    (strcmp(kind, "year") == 0 || strcmp(kind, "range") == 0))
		return ""; /* calendar years */
	if (strcmp(unit, "time") == 0 || strcmp(unit, "date") == 0)
		return "";
	if (strcmp(unit, "inch/hour") == 0)
		return "in"; /* a rate converts as its length does */
	return unit;
}

int main(int argc, char **argv)
{
	char *tsv, *known, *line, *save = NULL;
	fl_checker *chk = NULL;
	int unsupported = 0;
	runner_tally tally = {0};

	if (argc != 3) {
		fprintf(stderr,
		        "usage: number_pairs PAIRS.tsv KNOWN_FAILURES\n");
		return 2;
	}
	tsv = runner_slurp(argv[1], NULL);
	known = runner_slurp(argv[2], NULL);
	tally.known = known;
	tally.known_path = argv[2];
	if (!tsv || !known || fl_checker_new(&chk, NULL) < 0) {
		fprintf(stderr, "number_pairs: cannot start: %s\n",
		        chk ? fl_checker_error(chk) : "cannot read input");
		return 2;
	}
	line = strtok_r(tsv, "\n", &save); /* header */
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *f[9];
		char yaml[1024], unit[64];
		const char *q;
		fl_facts *facts = NULL;
		fl_result *res = NULL;
		fl_check_options o = FL_CHECK_OPTIONS_INIT;
		bool mismatch = false, missing = false, approx = false, ok;
		if (fields(line, f, 9) < 8)
			continue;
		if (strcmp(f[6], "weekday") == 0) {
			unsupported++;
			continue;
		}
		snprintf(unit, sizeof(unit), "%s", facts_unit(f[6], f[7]));
		/* Times and dates quoted; a quoted plain number is refused. */
		q = strchr(f[5], ':') || f[5][0] == '-' ? "'" : "";
		snprintf(yaml, sizeof(yaml),
		         "version: 1\nnumbers:\n  - {value: %s%s%s%s%s%s}\n", q,
		         f[5], q, *unit ? ", unit: '" : "", unit,
		         *unit ? "'" : "");
		fl_facts_new(&facts);
		if (fl_facts_load_buffer(facts, f[0], yaml, strlen(yaml)) < 0) {
			fprintf(stderr, "%s: facts: %s\n", f[0],
			        fl_facts_error(facts));
			fl_facts_free(facts);
			tally.failed++;
			continue;
		}
		fl_checker_set_facts(chk, facts);
		o.lang = f[1];
		if (fl_check_buffer(&res, chk, f[0], f[4], strlen(f[4]), &o) <
		    0) {
			fprintf(stderr, "%s: %s\n", f[0],
			        fl_checker_error(chk));
			fl_facts_free(facts);
			tally.failed++;
			continue;
		}
		for (size_t i = 0; i < fl_result_count(res); i++) {
			const char *r = fl_result_finding(res, i)->rule;
			mismatch |= strcmp(r, "number.mismatch") == 0;
			missing |= strcmp(r, "number.missing") == 0;
			approx |= strcmp(r, "number.approx") == 0;
		}
		/* same and approx: rendered, nothing wrong; wrong: noticed. */
		if (strcmp(f[2], "wrong") == 0)
			ok = mismatch || missing;
		else
			ok = !mismatch && !missing;
		if (runner_count(&tally, f[0], ok)) {
			fprintf(
			    stderr, "FAIL %s %s %s: \"%s\" (%s%s%s)\n", f[0],
			    f[1], f[2], f[4], mismatch ? "mismatch " : "",
			    missing ? "missing " : "", approx ? "approx" : "");
		}
		fl_checker_set_facts(chk, NULL);
		fl_result_free(res);
		fl_facts_free(facts);
	}
	fprintf(stderr,
	        "number pairs: %d pass, %d known failures, %d weekday rows "
	        "(not quantities of the facts schema)\n",
	        tally.passed, tally.xfail, unsupported);
	printf("%d passed, %d failed\n", tally.passed,
	       tally.failed + tally.fixed);
	fl_checker_free(chk);
	free(tsv);
	free(known);
	return tally.failed + tally.fixed ? 1 : 0;
}
