/*
 * fidelint extract: writes the facts of an original (entities with their
 * mention counts, numbers) as a facts file to review.
 */
#include "cli.h"

#include <fidelint/fidelint.h>

#include <stdlib.h>
#include <string.h>

void cli_help_extract(FILE *out)
{
	fputs("usage: fidelint extract [options] ORIGINAL\n"
	      "\n"
	      "Writes the facts of ORIGINAL (entities with their mention "
	      "counts,\n"
	      "numbers) as a facts file, for a person to review and for\n"
	      "'fidelint check --facts'. Order is stable (first appearance); "
	      "a\n"
	      "comment gives the line each fact is first seen on.\n"
	      "\n"
	      "options:\n"
	      "  --lang L          language of ORIGINAL (default en)\n"
	      "  -o, --output F    write to F (atomically) instead of "
	      "standard output\n"
	      "  --data-dir D      folder with dicts/ and rules/\n"
	      "  -h, --help        this help\n"
	      "\n"
	      "exit status: 0 written, 2 usage error or unreadable input\n",
	      out);
}

int cli_extract(int argc, char **argv)
{
	fl_checker_options copts = FL_CHECKER_OPTIONS_INIT;
	fl_checker *checker = NULL;
	const char *lang = NULL, *output = NULL, *path = NULL;
	cli_output *out = NULL;
	char *yaml = NULL;
	size_t len = 0;
	int status = CLI_FAILURE, error;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char **dest = NULL;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cli_help_extract(stdout);
			return CLI_OK;
		}
		if (strcmp(a, "--lang") == 0)
			dest = &lang;
		else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
			dest = &output;
		else if (strcmp(a, "--data-dir") == 0)
			dest = &copts.data_dir;
		else if (strncmp(a, "--lang=", 7) == 0)
			lang = a + 7;
		else if (strncmp(a, "--output=", 9) == 0)
			output = a + 9;
		else if (strncmp(a, "--data-dir=", 11) == 0)
			copts.data_dir = a + 11;
		else if (a[0] == '-' && a[1] != '\0')
			return cli_usage_error("extract", "unknown option '%s'",
			                       a);
		else if (path)
			return cli_usage_error("extract",
			                       "extract takes one ORIGINAL");
		else
			path = a;
		if (dest) {
			if (i + 1 >= argc)
				return cli_usage_error(
				    "extract", "option '%s' needs a value", a);
			*dest = argv[++i];
		}
	}
	if (!path)
		return cli_usage_error("extract",
		                       "no ORIGINAL to extract from");

	/* Refused before any work: -o naming the original. */
	if (cli_output_open(&out, output, &path, 1) != 0)
		return CLI_FAILURE;
	copts.data_dir = cli_data_dir(copts.data_dir);
	if ((error = fl_checker_new(&checker, &copts)) < 0) {
		const char *msg = checker ? fl_checker_error(checker) : NULL;
		fprintf(stderr, "fidelint: %s\n",
		        msg && *msg ? msg : fl_error_name(error));
		goto cleanup;
	}
	if ((error = fl_extract_input_file(&yaml, &len, checker, path,
	                                   fl_input_from_path(path), lang)) <
	    0) {
		cli_print_failure(path, fl_checker_error(checker), error);
		goto cleanup;
	}
	if (cli_output_write(out, yaml, len) == 0)
		status = cli_output_commit(out);
	else
		cli_output_discard(out);
	out = NULL;
cleanup:
	cli_output_discard(out);
	free(yaml);
	fl_checker_free(checker);
	return status;
}
