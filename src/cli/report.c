/*
 * fidelint report: the editorial report of a set of translations, one
 * self-contained HTML page (the library's html format) with each text,
 * its findings marked in place, and the fact x translation matrix.
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void cli_help_report(FILE *out)
{
	fputs("usage: fidelint report (--facts F | --source S) [options] "
	      "FILE...\n"
	      "\n"
	      "Checks each FILE as 'fidelint check' does and writes the "
	      "editorial report:\n"
	      "one self-contained HTML page for an editor, with a summary, "
	      "the facts of\n"
	      "the original against each translation (found as written, "
	      "found as X,\n"
	      "garbled, translated literally, missing), and each text with "
	      "its findings\n"
	      "marked in place.\n"
	      "\n"
	      "options:\n"
	      "  --facts F          facts of the original (YAML)\n"
	      "  --source S         the original itself: its facts are "
	      "extracted\n"
	      "  --source-lang L    language of the original (default en)\n"
	      "  --lang L           language of every FILE\n"
	      "  --partial          FILEs are summaries or excerpts\n"
	      "  --data-dir D       folder with dicts/ and rules/\n"
	      "  -o, --output F     write to F (atomically) instead of "
	      "standard output\n"
	      "  -h, --help         this help\n"
	      "\n"
	      "exit status: 0 written, 2 usage error, unusable input or "
	      "output\n",
	      out);
}

/* Reads the whole file at path (at most 64 MiB) into *out. */
static int slurp(char **out, size_t *len, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n = 0;
	char *buf = NULL;

	*out = NULL;
	if (!f)
		return -1;
	for (;;) {
		size_t got;
		if (n + 65536 > cap) {
			char *b;
			cap = cap ? cap * 2 : 65536;
			if (cap > ((size_t)64 << 20) + 65536 ||
			    !(b = realloc(buf, cap + 1))) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return -1;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int cli_report(int argc, char **argv)
{
	fl_checker_options copts = FL_CHECKER_OPTIONS_INIT;
	fl_check_options opts = FL_CHECK_OPTIONS_INIT;
	const char *facts_path = NULL, *source = NULL, *source_lang = NULL,
	           *output = NULL, **files = NULL, **inputs = NULL;
	fl_checker *chk = NULL;
	fl_facts *facts = NULL;
	fl_report *report = NULL;
	cli_output *out = NULL;
	char *html = NULL;
	size_t nfiles = 0, len;
	int status = CLI_FAILURE, error;

	if (!(files = calloc((size_t)argc + 1, sizeof(*files))) ||
	    !(inputs = calloc((size_t)argc + 3, sizeof(*inputs)))) {
		fprintf(stderr, "fidelint: out of memory\n");
		goto cleanup;
	}
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char **dest = NULL;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cli_help_report(stdout);
			status = CLI_OK;
			goto cleanup;
		} else if (strcmp(a, "--partial") == 0) {
			opts.partial = 1;
			continue;
		} else if (strcmp(a, "--facts") == 0) {
			dest = &facts_path;
		} else if (strcmp(a, "--source") == 0) {
			dest = &source;
		} else if (strcmp(a, "--source-lang") == 0) {
			dest = &source_lang;
		} else if (strcmp(a, "--lang") == 0) {
			dest = &opts.lang;
		} else if (strcmp(a, "--data-dir") == 0) {
			dest = &copts.data_dir;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			dest = &output;
		} else if (a[0] == '-' && a[1]) {
			status =
			    cli_usage_error("report", "unknown option '%s'", a);
			goto cleanup;
		} else {
			files[nfiles++] = a;
			continue;
		}
		if (i + 1 >= argc) {
			status = cli_usage_error(
			    "report", "option '%s' needs a value", a);
			goto cleanup;
		}
		*dest = argv[++i];
	}
	if (!nfiles || (!facts_path && !source)) {
		status = cli_usage_error("report",
		                         "usage: fidelint report (--facts F | "
		                         "--source S) [options] FILE...");
		goto cleanup;
	}
	memcpy(inputs, files, nfiles * sizeof(*inputs));
	inputs[nfiles] = facts_path;
	inputs[nfiles + 1] = source;
	if (cli_output_open(&out, output, inputs, nfiles + 2) != 0)
		goto cleanup;
	copts.data_dir = cli_data_dir(copts.data_dir);
	if ((error = fl_checker_new(&chk, &copts)) < 0) {
		fprintf(stderr, "fidelint: %s\n",
		        chk ? fl_checker_error(chk) : fl_error_name(error));
		goto cleanup;
	}
	if (cli_load_facts(&facts, chk, facts_path, source, source_lang) != 0)
		goto cleanup;
	fl_checker_set_facts(chk, facts);
	if ((error = fl_report_new(&report)) < 0)
		goto cleanup;
	fl_report_set_facts(report, facts);
	for (size_t i = 0; i < nfiles; i++) {
		fl_result *res = NULL;
		char *data = NULL;
		size_t n = 0;
		if (slurp(&data, &n, files[i]) < 0) {
			fprintf(stderr, "fidelint: %s: cannot read: %s\n",
			        files[i], strerror(errno));
			error = fl_report_add_failure(report, files[i],
			                              strerror(errno));
		} else if ((error = fl_check_input_buffer(
		                &res, chk, files[i],
		                fl_input_from_path(files[i]), data, n,
		                source_lang, &opts)) < 0) {
			cli_print_failure(files[i], fl_checker_error(chk),
			                  error);
			error = fl_report_add_failure(report, files[i],
			                              fl_checker_error(chk));
		} else {
			error = fl_report_add_document(report, res, data, n);
		}
		free(data);
		if (error < 0) {
			fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
			goto cleanup;
		}
	}
	if ((error = fl_report_render(&html, &len, report, FL_FORMAT_HTML, 0)) <
	    0) {
		fprintf(stderr, "fidelint: cannot render the report: %s\n",
		        fl_error_name(error));
		goto cleanup;
	}
	if (cli_output_write(out, html, len) != 0) {
		cli_output_discard(out);
		out = NULL;
		goto cleanup;
	}
	status = cli_output_commit(out) == 0 ? CLI_OK : CLI_FAILURE;
	out = NULL;
cleanup:
	cli_output_discard(out);
	free(html);
	fl_report_free(report);
	fl_checker_free(chk);
	fl_facts_free(facts);
	free(files);
	free(inputs);
	return status;
}
