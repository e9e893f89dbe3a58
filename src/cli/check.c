/*
 * fidelint check: checks files against a facts file and renders a report
 * to standard output or, atomically, to a file.
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <fidelint/fidelint.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

typedef struct {
	const char *facts;
	const char *source;      /* --source: the original */
	const char *source_lang; /* --source-lang */
	int aligned;             /* --aligned */
	fl_input input;          /* --input */
	bool input_given;        /* else each file's extension says */
	const char *lang;
	const char *data_dir;
	const char *output;
	int partial;
	fl_format format;
	int fail_on; /* an fl_severity, or 0 for never */
	enum color_mode color;
	const char **files; /* borrowed from argv */
	size_t file_count;
} check_args;

/* ---------------------------------------------------------------- options */

/*
 * Matches arg against "--name" or "--name=value". On a match *value gets
 * the text after '=' (NULL when there is none).
 */
static bool match_long(const char *arg, const char *name, const char **value)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0)
		return false;
	if (arg[n] == '\0') {
		*value = NULL;
		return true;
	}
	if (arg[n] == '=') {
		*value = arg + n + 1;
		return true;
	}
	return false;
}

/*
 * Gets the value of option name: the inline one, else the next argument.
 * Returns 0, or CLI_FAILURE after printing the problem.
 */
static int take_value(const char **out, const char *inline_value,
                      const char *name, int argc, char **argv, int *i)
{
	if (inline_value) {
		*out = inline_value;
		return 0;
	}
	if (*i + 1 >= argc)
		return cli_usage_error("check", "option '%s' needs a value",
		                       name);
	*out = argv[++*i];
	return 0;
}

static int parse_fail_on(int *out, const char *value)
{
	fl_severity sev;

	if (strcmp(value, "never") == 0) {
		*out = 0;
		return 0;
	}
	if (fl_severity_parse(&sev, value) < 0)
		return cli_usage_error(
		    "check",
		    "bad --fail-on value '%s' (error, warning, "
		    "info or never)",
		    value);
	*out = (int)sev;
	return 0;
}

static int parse_color(enum color_mode *out, const char *value)
{
	if (strcmp(value, "auto") == 0)
		*out = COLOR_AUTO;
	else if (strcmp(value, "always") == 0)
		*out = COLOR_ALWAYS;
	else if (strcmp(value, "never") == 0)
		*out = COLOR_NEVER;
	else
		return cli_usage_error(
		    "check",
		    "bad --color value '%s' (auto, always or "
		    "never)",
		    value);
	return 0;
}

/* An option that takes a value: its long name and where the value goes. */
typedef struct {
	const char *name;
	const char **dest;
} value_option;

/* The input mode in words, for messages. */
static const char *mode_name(const check_args *args)
{
	if (args->input == FL_INPUT_TSV)
		return "--input tsv";
	if (args->input == FL_INPUT_JSONL)
		return "--input jsonl";
	return "--aligned";
}

/*
 * Refuses the options the input mode cannot honour, so that none is
 * silently ignored; format: the --format value given, or NULL. Returns 0
 * or CLI_FAILURE after printing why.
 */
static int check_combination(const check_args *args, const char *format)
{
	bool line_pairs =
	    args->aligned ||
	    (args->input_given &&
	     (args->input == FL_INPUT_TSV || args->input == FL_INPUT_JSONL));
	size_t stdin_uses = args->source && strcmp(args->source, "-") == 0;
	bool holds_originals = false;

	if (line_pairs && args->partial)
		return cli_usage_error(
		    "check",
		    "--partial is for whole documents: each line of %s "
		    "translates one line of the original",
		    mode_name(args));
	if (line_pairs && args->facts)
		return cli_usage_error(
		    "check",
		    "--facts is for whole documents: with %s the facts of "
		    "each line are those of its original line",
		    mode_name(args));
	if (args->input == FL_INPUT_JSONL && format &&
	    args->format != FL_FORMAT_JSON)
		return cli_usage_error("check",
		                       "--input jsonl answers with one JSON "
		                       "line per record: no --format %s",
		                       format);
	for (size_t i = 0; i < args->file_count && !holds_originals; i++) {
		fl_input in = args->input_given
		                  ? args->input
		                  : fl_input_from_path(args->files[i]);
		holds_originals = in == FL_INPUT_TSV || in == FL_INPUT_JSONL ||
		                  in == FL_INPUT_XLIFF || in == FL_INPUT_TMX ||
		                  in == FL_INPUT_PO;
	}
	if (args->source_lang && !args->source && !holds_originals)
		return cli_usage_error("check",
		                       "--source-lang needs --source ORIGINAL "
		                       "or an input that holds the originals "
		                       "(--input tsv, jsonl, xliff, tmx, po)");
	for (size_t i = 0; i < args->file_count; i++)
		stdin_uses += strcmp(args->files[i], "-") == 0;
	if (stdin_uses > 1)
		return cli_usage_error(
		    "check", "'-' (standard input) can be read only once");
	return 0;
}

/*
 * Parses the arguments after "check" into *args (files allocated, caller
 * frees args->files). Returns 0, CLI_OK after printing the help (*help
 * set), or CLI_FAILURE after printing a usage error.
 */
static int parse_args(check_args *args, bool *help, int argc, char **argv)
{
	const char *format = NULL, *fail_on = NULL, *color = NULL,
	           *input = NULL;
	const value_option options[] = {
	    {"--facts", &args->facts},
	    {"--lang", &args->lang},
	    {"--source", &args->source},
	    {"--source-lang", &args->source_lang},
	    {"--input", &input},
	    {"--format", &format},
	    {"--fail-on", &fail_on},
	    {"--color", &color},
	    {"--data-dir", &args->data_dir},
	    {"--output", &args->output},
	};
	bool only_files = false;
	int error;

	*help = false;
	args->format = FL_FORMAT_TEXT;
	args->fail_on = FL_SEVERITY_ERROR;
	args->color = COLOR_AUTO;
	args->files = calloc(argc > 0 ? (size_t)argc : 1, sizeof(*args->files));
	if (!args->files) {
		fprintf(stderr, "fidelint: out of memory\n");
		return CLI_FAILURE;
	}

	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *value = NULL;
		bool matched = false;

		if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
			args->files[args->file_count++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_files = true;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			*help = true;
			cli_help_check(stdout);
			return CLI_OK;
		}
		if (match_long(arg, "--aligned", &value)) {
			if (value)
				return cli_usage_error(
				    "check",
				    "option '--aligned' takes no value");
			args->aligned = 1;
			continue;
		}
		if (match_long(arg, "--partial", &value)) {
			if (value)
				return cli_usage_error(
				    "check",
				    "option '--partial' takes no value");
			args->partial = 1;
			continue;
		}
		if (strncmp(arg, "-o", 2) == 0) {
			/* -o FILE or -oFILE */
			error =
			    take_value(&args->output, arg[2] ? arg + 2 : NULL,
			               "-o", argc, argv, &i);
			if (error)
				return error;
			continue;
		}
		for (size_t k = 0; k < sizeof(options) / sizeof(options[0]);
		     k++) {
			if (!match_long(arg, options[k].name, &value))
				continue;
			error = take_value(options[k].dest, value,
			                   options[k].name, argc, argv, &i);
			if (error)
				return error;
			matched = true;
			break;
		}
		if (!matched)
			return cli_usage_error("check", "unknown option '%s'",
			                       arg);
	}

	if (format && fl_format_parse(&args->format, format) < 0)
		return cli_usage_error("check", "bad --format value '%s' (%s)",
		                       format, fl_format_names());
	if (fail_on && (error = parse_fail_on(&args->fail_on, fail_on)))
		return error;
	if (color && (error = parse_color(&args->color, color)))
		return error;
	if (args->output && !*args->output)
		return cli_usage_error("check",
		                       "option '-o' needs a file name");
	if (input) {
		if (fl_input_parse(&args->input, input) < 0)
			return cli_usage_error("check",
			                       "bad --input value '%s' (%s)",
			                       input, fl_input_names());
		args->input_given = true;
	}
	if (args->aligned && !args->source)
		return cli_usage_error("check",
		                       "--aligned needs --source ORIGINAL");
	if (args->input_given && args->input != FL_INPUT_TEXT &&
	    (args->source || args->aligned))
		return cli_usage_error(
		    "check", "--input %s holds the originals: no --source",
		    input);
	if (args->file_count == 0)
		return cli_usage_error("check", "no FILE to check");
	return check_combination(args, format);
}

static bool use_color(const check_args *args)
{
	const char *no_color;

	if (args->format != FL_FORMAT_TEXT || args->output)
		return false;
	if (args->color == COLOR_ALWAYS)
		return true;
	if (args->color == COLOR_NEVER)
		return false;
	no_color = getenv("NO_COLOR");
	if (no_color && *no_color)
		return false;
	return isatty(STDOUT_FILENO) == 1;
}

/* ----------------------------------------------------------------- check */

/* message without a leading "path: " when it starts so. */
static const char *strip_path(const char *message, const char *path)
{
	size_t n = strlen(path);

	if (n && strncmp(message, path, n) == 0 && message[n] == ':' &&
	    message[n + 1] == ' ')
		return message + n + 2;
	return message;
}

/* Loads the facts file into *out. Returns 0 or CLI_FAILURE. */
static int load_facts(fl_facts **out, const char *path)
{
	fl_facts *facts = NULL;
	int error;

	*out = NULL;
	if ((error = fl_facts_new(&facts)) < 0) {
		fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
		return CLI_FAILURE;
	}
	if ((error = fl_facts_load_file(facts, path)) < 0) {
		cli_print_failure(path, fl_facts_error(facts), error);
		fl_facts_free(facts);
		return CLI_FAILURE;
	}
	*out = facts;
	return 0;
}

/* Whether a JSONL answer line has an error or a finding at or above
 * fail_on (a plain text search: the severities are fixed words). */
static bool jsonl_fails(const char *json, int fail_on)
{
	static const struct {
		int sev;
		const char *needle;
	} sev[] = {{FL_SEVERITY_ERROR, "\"severity\":\"error\""},
	           {FL_SEVERITY_WARNING, "\"severity\":\"warning\""},
	           {FL_SEVERITY_INFO, "\"severity\":\"info\""}};
	if (strstr(json, "\"error\":"))
		return true;
	for (size_t i = 0; i < sizeof(sev) / sizeof(sev[0]); i++)
		if (fail_on <= sev[i].sev && strstr(json, sev[i].needle))
			return true;
	return false;
}

/*
 * The facts of the original (--source), extracted; merged into *facts when
 * a facts file was loaded (the file wins). Returns 0 or CLI_FAILURE.
 */
static int load_source_facts(fl_facts **facts, fl_checker *checker,
                             const check_args *args)
{
	char *yaml = NULL;
	size_t len = 0;
	fl_facts *src = NULL;
	int error, status = CLI_FAILURE;

	if ((error = fl_extract_file(&yaml, &len, checker, args->source,
	                             args->source_lang)) < 0) {
		cli_print_failure(args->source, fl_checker_error(checker),
		                  error);
		return CLI_FAILURE;
	}
	if ((error = fl_facts_new(&src)) < 0 ||
	    (error = fl_facts_load_buffer(src, args->source, yaml, len)) < 0) {
		cli_print_failure(args->source,
		                  src ? fl_facts_error(src) : NULL, error);
		goto done;
	}
	if (!*facts) {
		*facts = src;
		src = NULL;
	} else if ((error = fl_facts_merge(*facts, src)) < 0) {
		cli_print_failure(args->source, fl_facts_error(*facts), error);
		goto done;
	}
	status = 0;
done:
	fl_facts_free(src);
	free(yaml);
	return status;
}

/* What the answers of a JSONL stream go to. */
typedef struct {
	cli_output *out;
	int fail_on;
	bool fails; /* an answer with an error or a finding at fail_on */
} jsonl_sink;

/* fl_jsonl_emit: writes one answer line. */
static int emit_answer(void *ctx, const char *json, size_t len)
{
	jsonl_sink *sink = ctx;

	if (cli_output_write(sink->out, json, len) != 0 ||
	    cli_output_write(sink->out, "\n", 1) != 0)
		return -1;
	if (!sink->fails && sink->fail_on && jsonl_fails(json, sink->fail_on))
		sink->fails = true;
	return 0;
}

/*
 * --input jsonl: every FILE ("-": standard input) is a stream of records,
 * one JSON object per line; each gets one JSON line on out, as it comes.
 * Returns the exit status: CLI_FAILURE when a file cannot be read (the
 * others are still read), CLI_FINDINGS when a record has a finding at
 * --fail-on or an error.
 */
static int check_jsonl(cli_output *out, fl_checker *checker,
                       const check_args *args)
{
	fl_check_options opts = FL_CHECK_OPTIONS_INIT;
	jsonl_sink sink = {out, args->fail_on, false};
	bool failed = false;

	opts.lang = args->lang;
	for (size_t i = 0; i < args->file_count; i++) {
		const char *path = args->files[i];
		bool std = strcmp(path, "-") == 0;
		int fd = std ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
		int error;
		if (fd < 0) {
			fprintf(stderr, "fidelint: %s: cannot open: %s\n", path,
			        strerror(errno));
			failed = true;
			continue;
		}
		error = fl_check_jsonl_fd(checker, path, fd, args->source_lang,
		                          &opts, emit_answer, &sink);
		if (!std)
			close(fd);
		if (error == -1) /* the output failed, already said */
			return CLI_FAILURE;
		if (error < 0) {
			cli_print_failure(path, fl_checker_error(checker),
			                  error);
			failed = true;
		}
	}
	if (failed)
		return CLI_FAILURE;
	return sink.fails ? CLI_FINDINGS : CLI_OK;
}

/* Checks every file into report. Sets *failed when one could not be
 * checked. Returns 0, or CLI_FAILURE when the report itself failed. */
static int check_files(fl_report *report, bool *failed, fl_checker *checker,
                       const check_args *args)
{
	fl_check_options opts = FL_CHECK_OPTIONS_INIT;
	int error;

	opts.lang = args->lang;
	opts.partial = args->partial;
	for (size_t i = 0; i < args->file_count; i++) {
		const char *path = args->files[i];
		fl_result *result = NULL;
		const char *message;

		fl_input in =
		    args->input_given ? args->input : fl_input_from_path(path);
		if (args->aligned)
			error = fl_check_aligned_files(
			    &result, checker, args->source, path,
			    args->source_lang, &opts);
		else if (args->input_given && in == FL_INPUT_TSV)
			error = fl_check_tsv_file(&result, checker, path,
			                          args->source_lang, &opts);
		else if (in == FL_INPUT_JSONL)
			error = FL_EINVAL; /* message below */
		else
			error = fl_check_input_file(&result, checker, path, in,
			                            args->source_lang, &opts);
		if (error == 0) {
			error = fl_report_add_result(report, result);
		} else {
			*failed = true;
			message = in == FL_INPUT_JSONL && !args->aligned
			              ? "JSONL is checked with --input jsonl "
			                "(one answer line per record)"
			              : fl_checker_error(checker);
			if (!message || !*message)
				message = fl_error_name(error);
			cli_print_failure(path, message, error);
			error = fl_report_add_failure(
			    report, path, strip_path(message, path));
		}
		if (error < 0) {
			fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
			return CLI_FAILURE;
		}
	}
	return 0;
}

/* The exit status the findings call for. */
static int findings_status(const fl_report *report, int fail_on)
{
	fl_report_summary s;
	size_t n = 0;

	if (fail_on == 0)
		return CLI_OK;
	fl_report_summarize(&s, report);
	if (fail_on <= FL_SEVERITY_ERROR)
		n += s.errors;
	if (fail_on <= FL_SEVERITY_WARNING)
		n += s.warnings;
	if (fail_on <= FL_SEVERITY_INFO)
		n += s.infos;
	return n ? CLI_FINDINGS : CLI_OK;
}

int cli_check(int argc, char **argv)
{
	fl_checker_options copts = FL_CHECKER_OPTIONS_INIT;
	check_args args;
	fl_checker *checker = NULL;
	fl_facts *facts = NULL;
	fl_report *report = NULL;
	cli_output *out = NULL;
	const char **inputs = NULL;
	char *text = NULL;
	size_t len = 0;
	bool help = false, failed = false;
	int status, error;

	memset(&args, 0, sizeof(args));
	status = parse_args(&args, &help, argc, argv);
	if (status != 0 || help)
		goto cleanup;

	/* Every file the run reads, that -o must not write over: the FILEs,
	 * then --facts and --source. */
	status = CLI_FAILURE;
	if (!(inputs = calloc(args.file_count + 2, sizeof(*inputs)))) {
		fprintf(stderr, "fidelint: out of memory\n");
		goto cleanup;
	}
	memcpy(inputs, args.files, args.file_count * sizeof(*inputs));
	inputs[args.file_count] = args.facts;
	inputs[args.file_count + 1] = args.source;
	if (cli_output_open(&out, args.output, inputs, args.file_count + 2) !=
	    0)
		goto cleanup;

	copts.data_dir = args.data_dir;
	if ((error = fl_checker_new(&checker, &copts)) < 0) {
		const char *msg = checker ? fl_checker_error(checker) : NULL;
		fprintf(stderr, "fidelint: %s\n",
		        msg && *msg ? msg : fl_error_name(error));
		goto cleanup;
	}
	if (args.facts && load_facts(&facts, args.facts) != 0)
		goto cleanup;
	if (args.source && !args.aligned &&
	    load_source_facts(&facts, checker, &args) != 0)
		goto cleanup;
	if (facts)
		fl_checker_set_facts(checker, facts);
	if (args.input_given && args.input == FL_INPUT_JSONL) {
		status = check_jsonl(out, checker, &args);
		/* The answers written so far are kept, as on standard
		 * output. */
		if (cli_output_commit(out) != 0)
			status = CLI_FAILURE;
		out = NULL;
		goto cleanup;
	}
	if ((error = fl_report_new(&report)) < 0) {
		fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
		goto cleanup;
	}
	if (check_files(report, &failed, checker, &args) != 0)
		goto cleanup;

	error = fl_report_render(&text, &len, report, args.format,
	                         use_color(&args) ? FL_REPORT_COLOR : 0);
	if (error < 0) {
		fprintf(stderr, "fidelint: cannot render the report: %s\n",
		        fl_error_name(error));
		goto cleanup;
	}
	error = cli_output_write(out, text, len);
	if (error == 0)
		error = cli_output_commit(out);
	else
		cli_output_discard(out);
	out = NULL;
	if (error)
		goto cleanup;
	status = failed ? CLI_FAILURE : findings_status(report, args.fail_on);

cleanup:
	cli_output_discard(out);
	free(text);
	fl_report_free(report);
	fl_checker_free(checker);
	fl_facts_free(facts);
	free(inputs);
	free(args.files);
	return status;
}
