/*
 * fidelint rules: lists the rules the checker knows (built-in and rule
 * packs). fidelint explain RULE-ID: prints one rule's message, rationale,
 * severity, origin and examples.
 */
#include "cli.h"

#include <fidelint/fidelint.h>

#include <stdlib.h>
#include <string.h>

/* Value of option name in argv[*i] ("--name V" or "--name=V"): 1 when
 * matched (value in *out), 0 when not, CLI_FAILURE when it lacks one. */
static int opt_value(const char **out, const char *cmd, const char *name,
                     int argc, char **argv, int *i)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*out = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -cli_usage_error(cmd, "option '%s' needs a value", name);
	*out = argv[++*i];
	return 1;
}

/* Makes the checker; prints why on failure. Returns 0 or CLI_FAILURE. */
static int open_checker(fl_checker **out, const char *data_dir)
{
	fl_checker_options o = FL_CHECKER_OPTIONS_INIT;
	int error;

	o.data_dir = cli_data_dir(data_dir);
	if ((error = fl_checker_new(out, &o)) < 0) {
		const char *msg = *out ? fl_checker_error(*out) : NULL;
		fprintf(stderr, "fidelint: %s\n",
		        msg && *msg ? msg : fl_error_name(error));
		fl_checker_free(*out);
		*out = NULL;
		return CLI_FAILURE;
	}
	return 0;
}

/* Loads the rule list; prints why on failure. */
static int load_rules(fl_rule_list **out, fl_checker *chk, const char *lang)
{
	int error = fl_checker_rules(out, chk, lang);
	if (error < 0) {
		const char *msg = fl_checker_error(chk);
		fprintf(stderr, "fidelint: %s\n",
		        msg && *msg ? msg : fl_error_name(error));
		return CLI_FAILURE;
	}
	return 0;
}

/* Prints the list in format fmt. Returns 0 or CLI_FAILURE after saying
 * why. */
static int print_rules(const fl_rule_list *list, fl_format fmt)
{
	char *text = NULL;
	size_t len;
	int error = fl_rule_list_render(&text, &len, list, fmt, 0);

	if (error < 0) {
		fprintf(stderr, "fidelint: cannot list the rules as %s: %s\n",
		        fl_format_name(fmt), fl_error_name(error));
		return CLI_FAILURE;
	}
	fwrite(text, 1, len, stdout);
	free(text);
	return 0;
}

int cli_rules(int argc, char **argv)
{
	const char *lang = NULL, *format = "text", *data_dir = NULL;
	fl_checker *chk = NULL;
	fl_rule_list *list = NULL;
	fl_format fmt;
	int status = CLI_FAILURE;

	for (int i = 0; i < argc; i++) {
		int m;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			cli_help_rules(stdout);
			return CLI_OK;
		}
		if ((m = opt_value(&lang, "rules", "--lang", argc, argv, &i)) ||
		    (m = opt_value(&format, "rules", "--format", argc, argv,
		                   &i)) ||
		    (m = opt_value(&data_dir, "rules", "--data-dir", argc, argv,
		                   &i))) {
			if (m < 0)
				return CLI_FAILURE;
			continue;
		}
		return cli_usage_error("rules", "unknown argument '%s'",
		                       argv[i]);
	}
	if (fl_format_parse(&fmt, format) < 0)
		return cli_usage_error("rules", "bad --format value '%s' (%s)",
		                       format, fl_format_names());
	if (open_checker(&chk, data_dir) != 0 ||
	    load_rules(&list, chk, lang) != 0 || print_rules(list, fmt) != 0)
		goto cleanup;
	status = CLI_OK;
cleanup:
	fl_rule_list_free(list);
	fl_checker_free(chk);
	return status;
}

/* Prints text indented by two spaces, one line per line of text. */
static void indented(FILE *out, const char *s)
{
	fputs("  ", out);
	for (; *s; s++) {
		fputc(*s, out);
		if (*s == '\n' && s[1])
			fputs("  ", out);
	}
	fputc('\n', out);
}

int cli_explain(int argc, char **argv)
{
	const char *id = NULL, *data_dir = NULL;
	fl_checker *chk = NULL;
	fl_rule_list *list = NULL;
	const fl_rule_info *r;
	int status = CLI_FAILURE;

	for (int i = 0; i < argc; i++) {
		int m;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			cli_help_explain(stdout);
			return CLI_OK;
		}
		if ((m = opt_value(&data_dir, "explain", "--data-dir", argc,
		                   argv, &i))) {
			if (m < 0)
				return CLI_FAILURE;
			continue;
		}
		if (argv[i][0] == '-')
			return cli_usage_error("explain", "unknown option '%s'",
			                       argv[i]);
		if (id)
			return cli_usage_error("explain",
			                       "explain takes one RULE-ID");
		id = argv[i];
	}
	if (!id)
		return cli_usage_error("explain", "no RULE-ID given");
	if (open_checker(&chk, data_dir) != 0 ||
	    load_rules(&list, chk, NULL) != 0)
		goto cleanup;
	if (!(r = fl_rule_list_find(list, id))) {
		fprintf(stderr,
		        "fidelint: unknown rule '%s' (see 'fidelint rules')\n",
		        id);
		goto cleanup;
	}
	printf("%s: %s\n\n", r->id, r->message);
	printf("severity: %s\n", r->severities);
	if (r->origin == FL_RULE_PACK)
		printf("pack: %s (%s:%zu)\n", r->pack, r->path, r->line);
	else
		printf("built in\n");
	if (r->conditions)
		printf("when: %s\n", r->conditions);
	if (r->pattern)
		printf("pattern: %s\n", r->pattern);
	if (r->suggestion)
		printf("suggestion: %s\n", r->suggestion);
	printf("\nwhy:\n");
	indented(stdout, r->rationale);
	if (r->match_count) {
		printf("\nmatches:\n");
		for (size_t i = 0; i < r->match_count; i++)
			indented(stdout, r->match_examples[i]);
	}
	if (r->no_match_count) {
		printf("\ndoes not match:\n");
		for (size_t i = 0; i < r->no_match_count; i++)
			indented(stdout, r->no_match_examples[i]);
	}
	status = CLI_OK;
cleanup:
	fl_rule_list_free(list);
	fl_checker_free(chk);
	return status;
}
