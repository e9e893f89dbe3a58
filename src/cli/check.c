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
	int drafts; /* --drafts */
	fl_format format;
	int fail_on; /* an fl_severity, or 0 for never */
	bool fail_on_given;
	const char *select, *ignore, *severity; /* --select ... */
	bool no_config;                         /* --no-config */
	bool configured_only;   /* --configured-only: FILEs no "files" entry
	                           matches are skipped */
	const char *baseline;   /* --baseline B: report only new findings */
	const char *record;     /* baseline write B: record, do not report */
	cli_baseline *known;    /* loaded from baseline */
	cli_baseline *recorded; /* being recorded */
	enum color_mode color;
	const char **files; /* borrowed from argv */
	size_t file_count;
	size_t jobs;              /* -j: threads checking files */
	size_t max_languages;     /* --max-languages */
	bool max_languages_given; /* ... when given */
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
	           *input = NULL, *jobs = NULL, *max_languages = NULL;
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
	    {"--select", &args->select},
	    {"--ignore", &args->ignore},
	    {"--severity", &args->severity},
	    {"--baseline", &args->baseline},
	    {"--jobs", &jobs},
	    {"--max-languages", &max_languages},
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
		if (match_long(arg, "--configured-only", &value)) {
			if (value)
				return cli_usage_error(
				    "check", "option '--configured-only' takes "
				             "no value");
			args->configured_only = true;
			continue;
		}
		if (match_long(arg, "--no-config", &value)) {
			if (value)
				return cli_usage_error(
				    "check",
				    "option '--no-config' takes no value");
			args->no_config = true;
			continue;
		}
		if (match_long(arg, "--drafts", &value)) {
			if (value)
				return cli_usage_error(
				    "check",
				    "option '--drafts' takes no value");
			args->drafts = 1;
			continue;
		}
		if (strncmp(arg, "-j", 2) == 0) {
			/* -j N or -jN */
			error = take_value(&jobs, arg[2] ? arg + 2 : NULL, "-j",
			                   argc, argv, &i);
			if (error)
				return error;
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

	args->jobs = cli_default_jobs();
	if (jobs) {
		char *end;
		unsigned long j;
		errno = 0;
		j = strtoul(jobs, &end, 10);
		if (errno || end == jobs || *end || jobs[0] == '-' || j == 0 ||
		    j > 1024)
			return cli_usage_error("check",
			                       "bad -j value '%s' (a number of "
			                       "threads, 1 to 1024)",
			                       jobs);
		args->jobs = (size_t)j;
	}
	if (max_languages) {
		char *end;
		unsigned long m;
		errno = 0;
		m = strtoul(max_languages, &end, 10);
		if (errno || end == max_languages || *end ||
		    max_languages[0] == '-' || m > 1000000)
			return cli_usage_error(
			    "check",
			    "bad --max-languages value '%s' (a number of "
			    "languages kept loaded, 0 for no bound)",
			    max_languages);
		args->max_languages = (size_t)m;
		args->max_languages_given = true;
	}
	if (format && fl_format_parse(&args->format, format) < 0)
		return cli_usage_error("check", "bad --format value '%s' (%s)",
		                       format, fl_format_names());
	if (fail_on && (error = parse_fail_on(&args->fail_on, fail_on)))
		return error;
	args->fail_on_given = fail_on != NULL;
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
	if (args->file_count == 0 && args->no_config)
		return cli_usage_error("check", "no FILE to check");
	if (args->configured_only && args->no_config)
		return cli_usage_error("check",
		                       "--configured-only needs the "
		                       "configuration: no --no-config");
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

/* What the answers of a JSONL stream go to: the output itself, or (on a
 * thread of -j) a buffer the main thread writes out in order. */
typedef struct {
	cli_output *out; /* or NULL: buf */
	FILE *buf;
	int fail_on;
	bool fails; /* an answer with an error or a finding at fail_on */
} jsonl_sink;

/* fl_jsonl_emit: writes one answer line. */
static int emit_answer(void *ctx, const char *json, size_t len)
{
	jsonl_sink *sink = ctx;

	if (sink->out ? cli_output_write(sink->out, json, len) != 0 ||
	                    cli_output_write(sink->out, "\n", 1) != 0
	              : fwrite(json, 1, len, sink->buf) != len ||
	                    fputc('\n', sink->buf) == EOF)
		return -1;
	if (!sink->fails && sink->fail_on && jsonl_fails(json, sink->fail_on))
		sink->fails = true;
	return 0;
}

/* a, then b, comma-separated, in *out (caller frees); NULL when both are
 * NULL. Returns 0 or -1. */
static int join(char **out, const char *a, const char *b)
{
	size_t n;

	*out = NULL;
	if (!a && !b)
		return 0;
	n = strlen(a ? a : "") + strlen(b ? b : "") + 2;
	if (!(*out = malloc(n)))
		return -1;
	snprintf(*out, n, "%s%s%s", a ? a : "", a && b ? "," : "", b ? b : "");
	return 0;
}

/* Findings of res at or above level (an fl_severity; 0: never). */
static size_t at_level(const fl_result *res, int level)
{
	size_t n = 0;
	for (int s = FL_SEVERITY_INFO; level && s <= FL_SEVERITY_ERROR; s++)
		if (s >= level)
			n += fl_result_count_severity(res, (fl_severity)s);
	return n;
}

/* One FILE of a run: what its configuration says, and what checking it
 * gave, until the main thread writes it out in input order. */
typedef struct {
	const char *path;
	cli_plan plan;
	bool planned;     /* plan to dispose */
	bool plan_failed; /* its configuration cannot be used */
	bool skip;        /* --configured-only and not configured */
	int level;        /* its fail level (an fl_severity, 0: never) */
	fl_result *result;
	char *failure; /* why it could not be checked (for the report) */
	bool failed;   /* it could not be checked */
	int status;    /* CLI_FAILURE: out of memory, the run stops */
	char *log;     /* what checking it said on standard error (-j) */
	size_t log_len;
	char *answers; /* --input jsonl: its answer lines (-j) */
	size_t answers_len;
	bool answers_fail; /* an answer at --fail-on */
} file_job;

/*
 * Whether the FILEs come in runs of one language (--lang, or each path
 * names its language and none comes back after another): no language is
 * then needed again once released, so the bound on loaded languages can
 * be one per thread (check's default when neither --max-languages nor a
 * configuration gives one). Returns 1 when they do, 0 when not or unknown
 * (the library's default stays).
 */
static size_t runs_max_languages(fl_checker *checker, const check_args *args)
{
	char prev[64] = "", tag[64];
	char(*seen)[64] = NULL;
	size_t nseen = 0, result = 1;

	if (args->lang || args->file_count == 0)
		return args->lang ? 1 : 0;
	if (!(seen = calloc(args->file_count, sizeof(*seen))))
		return 0;
	for (size_t i = 0; i < args->file_count && result; i++) {
		if (fl_checker_lang_from_path(tag, sizeof(tag), checker,
		                              args->files[i]) < 0) {
			result = 0; /* the text will tell: unknown here */
			break;
		}
		if (strcmp(tag, prev) == 0)
			continue;
		for (size_t k = 0; k < nseen; k++)
			if (strcmp(seen[k], tag) == 0)
				result = 0; /* it comes back */
		memcpy(seen[nseen++], tag, sizeof(tag));
		memcpy(prev, tag, sizeof(tag));
	}
	free(seen);
	return result;
}

/* A run over the FILEs: the jobs and what every one of them reads. */
typedef struct {
	const check_args *args;
	file_job *jobs;
	bool threaded; /* checked on the pool's threads */
} check_run;

/*
 * Checks job's file on chk, with what its configuration (job->plan) says
 * under what the command line says, into job (result or failure). What it
 * has to say goes to err. Sets job->status to CLI_FAILURE when out of
 * memory.
 */
static void check_one(file_job *job, fl_checker *chk, const check_args *args,
                      FILE *err)
{
	const fl_file_settings *s = &job->plan.settings;
	const char *path = job->path;
	fl_check_options opts = FL_CHECK_OPTIONS_INIT;
	const char *message = NULL;
	char *ignore = NULL, *severity = NULL;
	int error = 0;
	fl_input in =
	    args->input_given ? args->input : fl_input_from_path(path);

	if (!args->input_given && s->input)
		fl_input_parse(&in, s->input);
	opts.lang = args->lang ? args->lang : s->lang;
	opts.partial = args->partial || s->partial == 1;
	if (args->drafts)
		opts.flags |= FL_CHECK_DRAFTS;
	/* The formats the report stream writes read each result once in
	 * order: a long document's findings may go to a temporary file. A
	 * baseline being written reads them as they are (cli_baseline_add). */
	if ((args->format == FL_FORMAT_TEXT || args->format == FL_FORMAT_JSON ||
	     args->format == FL_FORMAT_SARIF) &&
	    !args->recorded)
		opts.flags |= FL_CHECK_SPILL;
	/* --select replaces the configuration's; --ignore and --severity
	 * add to it (and win ties, coming last) */
	opts.select = args->select ? args->select : s->select;
	if (join(&ignore, s->ignore, args->ignore) < 0 ||
	    join(&severity, s->severity, args->severity) < 0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	opts.ignore = ignore;
	opts.severity = severity;
	job->level = FL_SEVERITY_ERROR;
	if (args->fail_on_given)
		job->level = args->fail_on;
	else if (s->fail_on && parse_fail_on(&job->level, s->fail_on) != 0)
		job->level = FL_SEVERITY_ERROR;
	/* the facts the configuration names, unless the command line names
	 * some */
	if (!args->facts && !args->source)
		fl_checker_set_facts(chk, job->plan.facts);

	if (s->select || s->ignore || s->severity) {
		/* the configuration's selectors, named by its path */
		fl_check_options own = FL_CHECK_OPTIONS_INIT;
		own.select = s->select;
		own.ignore = s->ignore;
		own.severity = s->severity;
		if ((error = fl_checker_validate_rules(chk, &own)) < 0) {
			fprintf(err, "fidelint: %s: %s\n", s->config,
			        fl_checker_error(chk));
			message = "its configuration names no such rule";
		}
	}
	if (error < 0)
		; /* said */
	else if (args->aligned)
		error = fl_check_aligned_files(&job->result, chk, args->source,
		                               path, args->source_lang, &opts);
	else if (args->input_given && in == FL_INPUT_TSV)
		error = fl_check_tsv_file(&job->result, chk, path,
		                          args->source_lang, &opts);
	else if (in == FL_INPUT_JSONL) {
		error = FL_EINVAL;
		message = "JSONL is checked with --input jsonl (one answer "
		          "line per record)";
	} else
		error = fl_check_input_file(
		    &job->result, chk, path, in,
		    args->source_lang ? args->source_lang : s->source_lang,
		    &opts);
	if (error < 0) {
		job->failed = true;
		if (!message)
			message = fl_checker_error(chk);
		if (!message || !*message)
			message = fl_error_name(error);
		cli_fprint_failure(err, path, message, error);
		if (!(job->failure = strdup(strip_path(message, path))))
			goto cleanup;
	}
	error = 0;
cleanup:
	free(ignore);
	free(severity);
	if (error < 0 || (job->failed && !job->failure)) {
		fprintf(err, "fidelint: %s\n", fl_error_name(FL_ENOMEM));
		job->status = CLI_FAILURE;
	}
}

/* --input jsonl: job's file ("-": standard input), a stream of records,
 * one JSON object per line; each gets one JSON line on sink, as it comes.
 * Sets job->failed when the file cannot be read, job->status when the
 * output failed. */
static void check_one_jsonl(file_job *job, fl_checker *chk,
                            const check_args *args, jsonl_sink *sink, FILE *err)
{
	fl_check_options opts = FL_CHECK_OPTIONS_INIT;
	const char *path = job->path;
	bool std = strcmp(path, "-") == 0;
	int fd = std ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	int error;

	opts.lang = args->lang;
	if (args->drafts)
		opts.flags |= FL_CHECK_DRAFTS;
	if (fd < 0) {
		fprintf(err, "fidelint: %s: cannot open: %s\n", path,
		        strerror(errno));
		job->failed = true;
		return;
	}
	error = fl_check_jsonl_fd(chk, path, fd, args->source_lang, &opts,
	                          emit_answer, sink);
	if (!std)
		close(fd);
	if (error == -1) { /* the output failed, already said */
		job->status = CLI_FAILURE;
	} else if (error < 0) {
		cli_fprint_failure(err, path, fl_checker_error(chk), error);
		job->failed = true;
	}
}

/* cli_pool_fn: checks job i on a thread's worker, what it says to standard
 * error and (JSONL) its answers kept in the job for the main thread. */
static void run_job(void *ctx, size_t i, fl_checker *worker)
{
	check_run *run = ctx;
	file_job *job = &run->jobs[i];
	FILE *err = open_memstream(&job->log, &job->log_len);

	if (!err) {
		job->status = CLI_FAILURE;
		return;
	}
	if (run->args->input_given && run->args->input == FL_INPUT_JSONL) {
		jsonl_sink sink = {NULL, NULL, run->args->fail_on, false};
		if (!(sink.buf =
		          open_memstream(&job->answers, &job->answers_len))) {
			job->status = CLI_FAILURE;
		} else {
			check_one_jsonl(job, worker, run->args, &sink, err);
			if (fclose(sink.buf) != 0)
				job->status = CLI_FAILURE;
			job->answers_fail = sink.fails;
		}
	} else {
		check_one(job, worker, run->args, err);
	}
	if (fclose(err) != 0)
		job->status = CLI_FAILURE;
}

/* Frees what job holds. */
static void job_dispose(file_job *job)
{
	if (job->planned)
		cli_plan_dispose(&job->plan);
	fl_result_free(job->result);
	free(job->failure);
	free(job->log);
	free(job->answers);
	memset(job, 0, sizeof(*job));
}

/*
 * Where the files' results go: a stream that writes each one as it comes
 * (text, json, sarif), or a report that keeps them for the end (html,
 * markdown, baseline write). One of the two is set.
 */
typedef struct {
	fl_report_stream *stream;
	fl_report *report;
} report_sink;

/* Adds a failed file to sink. Returns 0 or an FL_E* error. */
static int sink_add_failure(report_sink *sink, const char *path,
                            const char *message)
{
	if (!sink)
		return FL_EINVAL;
	if (sink->stream)
		return fl_report_stream_add_failure(sink->stream, path,
		                                    message);
	return fl_report_add_failure(sink->report, path, message);
}

/* Adds a result to sink: written now and left to the caller (stream), or
 * taken (*result set to NULL). Returns 0 or an FL_E* error. */
static int sink_add_result(report_sink *sink, fl_result **result)
{
	fl_result *r = *result;

	if (!sink)
		return FL_EINVAL;
	if (sink->stream)
		return fl_report_stream_add_result(sink->stream, r);
	*result = NULL; /* the report's now, also on failure */
	return fl_report_add_result(sink->report, r);
}

/* fl_report_write_fn of the stream: writes to the cli_output ctx. */
static int write_output(void *ctx, const char *data, size_t len)
{
	return cli_output_write(ctx, data, len);
}

/*
 * Writes job out, in input order: what it said on standard error, then
 * into sink (or, JSONL, its answers to out). Sets *failed when it could
 * not be checked, *fails when it has a finding at its fail level. Returns
 * 0, or CLI_FAILURE when the run cannot go on.
 */
static int emit_job(report_sink *sink, cli_output *out, bool *failed,
                    bool *fails, file_job *job, const check_args *args)
{
	int error = 0;

	if (job->log_len)
		fwrite(job->log, 1, job->log_len, stderr);
	if (job->status)
		return job->status;
	if (job->plan_failed) {
		*failed = true;
		error = sink_add_failure(sink, job->path,
		                         "its configuration cannot be used");
	} else if (job->skip) {
		return 0;
	} else if (args->input_given && args->input == FL_INPUT_JSONL) {
		if (job->answers_len &&
		    cli_output_write(out, job->answers, job->answers_len) != 0)
			return CLI_FAILURE;
		*failed |= job->failed;
		*fails |= job->answers_fail;
		return 0;
	} else if (job->failed) {
		*failed = true;
		error = sink_add_failure(sink, job->path, job->failure);
	} else {
		if (args->recorded &&
		    cli_baseline_add(args->recorded, job->result) < 0)
			error = FL_ENOMEM;
		if (error == 0 && args->known)
			cli_baseline_filter(args->known, job->result);
		if (error == 0 && at_level(job->result, job->level))
			*fails = true;
		if (error == 0)
			error = sink_add_result(sink, &job->result);
	}
	if (error == FL_EIO && sink->stream) {
		return CLI_FAILURE; /* the output said why */
	} else if (error < 0) {
		fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
		return CLI_FAILURE;
	}
	return 0;
}

/* cli_project_on_accept: the files handed to the threads are checked
 * before a configuration's accepted words are added. */
static void drain_pool(void *ctx)
{
	cli_pool_drain(ctx);
}

/* Plans job i (its configuration), on the main thread. */
static void plan_job(file_job *job, const check_args *args,
                     cli_project *project, const char *path)
{
	job->path = path;
	memset(&job->plan, 0, sizeof(job->plan));
	job->plan.settings.partial = -1;
	if (args->input_given && args->input == FL_INPUT_JSONL)
		return; /* --input jsonl reads no configuration */
	job->planned = true;
	if (!args->no_config && strcmp(path, "-") != 0 &&
	    cli_project_plan(&job->plan, project, path) != 0)
		job->plan_failed = true;
	else if (args->configured_only && !job->plan.settings.matched)
		job->skip = true;
}

/*
 * Checks every file into sink (--input jsonl: its answers to out), on
 * `threads` threads (1: this one), writing each out in input order as soon
 * as it and every file before it are done. Sets *failed when one could not
 * be checked, *fails when one has a finding at its fail level. Returns 0,
 * or CLI_FAILURE when the run cannot go on.
 */
static int check_files(report_sink *sink, cli_output *out, bool *failed,
                       bool *fails, fl_checker *checker, const check_args *args,
                       cli_project *project, size_t threads)
{
	size_t n = args->file_count, window, emitted = 0;
	check_run run = {args, NULL, false};
	cli_pool *pool = NULL;
	cli_progress progress;
	int status = 0;

	if (!(run.jobs = calloc(n ? n : 1, sizeof(*run.jobs)))) {
		fprintf(stderr, "fidelint: out of memory\n");
		return CLI_FAILURE;
	}
	if (threads > n)
		threads = n;
	if (threads > 1 &&
	    cli_pool_new(&pool, checker, threads, n, run_job, &run) == 0) {
		run.threaded = true;
		cli_project_on_accept(project, drain_pool, pool);
	}
	/* files handed in and not yet written out: a few per thread */
	window = pool ? threads * 4 : 1;
	cli_progress_start(&progress, n);
	for (size_t i = 0; i < n && status == 0; i++) {
		file_job *job = &run.jobs[i];
		bool to_run;

		while (status == 0 && i - emitted >= window) {
			if (pool)
				cli_pool_wait(pool, emitted);
			cli_progress_file(&progress, emitted,
			                  run.jobs[emitted].path);
			status = emit_job(sink, out, failed, fails,
			                  &run.jobs[emitted], args);
			job_dispose(&run.jobs[emitted++]);
		}
		if (status)
			break;
		plan_job(job, args, project, args->files[i]);
		to_run = !job->plan_failed && !job->skip;
		if (pool) {
			cli_pool_submit(pool, i, to_run);
		} else if (to_run) {
			if (args->input_given &&
			    args->input == FL_INPUT_JSONL) {
				jsonl_sink js = {out, NULL, args->fail_on,
				                 false};
				check_one_jsonl(job, checker, args, &js,
				                stderr);
				job->answers_fail = js.fails;
			} else {
				check_one(job, checker, args, stderr);
			}
		}
	}
	while (status == 0 && emitted < n) {
		if (pool)
			cli_pool_wait(pool, emitted);
		cli_progress_file(&progress, emitted, run.jobs[emitted].path);
		status = emit_job(sink, out, failed, fails, &run.jobs[emitted],
		                  args);
		job_dispose(&run.jobs[emitted++]);
	}
	cli_progress_end(&progress);
	cli_project_on_accept(project, NULL, NULL);
	cli_pool_free(pool); /* waits for what was handed in */
	for (size_t i = emitted; i < n; i++)
		job_dispose(&run.jobs[i]);
	free(run.jobs);
	return status;
}

/*
 * The files the .fidelint.yaml of the current folder (or above) names, as
 * args->files (owned: *config_path is set). Returns 0, or -1 after printing
 * why there are none (*status the exit status).
 */
static int config_named_files(check_args *args, char **config_path, int *status)
{
	fl_config *cfg = NULL;
	char **files = NULL;
	size_t count = 0;
	int error;

	if (fl_config_find(config_path, ".") < 0)
		return -1;
	if (!*config_path) {
		*status = cli_usage_error(
		    "check", "no FILE to check (and no "
		             ".fidelint.yaml here or above to name "
		             "them)");
		return -1;
	}
	if ((error = fl_config_load_file(&cfg, *config_path)) < 0 ||
	    (error = fl_config_files(&files, &count, cfg)) < 0) {
		cli_print_failure(*config_path, fl_config_error(cfg), error);
		fl_config_free(cfg);
		return -1;
	}
	fl_config_free(cfg);
	if (count == 0) {
		fprintf(stderr,
		        "fidelint: %s: its 'files' globs match no file\n",
		        *config_path);
		free(files);
		return -1;
	}
	free(args->files);
	args->files = (const char **)files;
	args->file_count = count;
	return 0;
}

/* The checker of the run, kept for the exit to free (run_check). */
static fl_checker *kept_checker;

/* cli_check, and with record (not NULL) `baseline write record`. */
static int run_check(int argc, char **argv, const char *record)
{
	fl_checker_options copts = FL_CHECKER_OPTIONS_INIT;
	check_args args;
	fl_checker *checker = NULL;
	fl_facts *facts = NULL;
	report_sink sink = {NULL, NULL};
	cli_output *out = NULL;
	const char **inputs = NULL;
	char *text = NULL;
	size_t len = 0;
	bool help = false, failed = false, fails = false;
	cli_project *project = NULL;
	fl_rule_list *rules = NULL;
	char *config_path = NULL;
	int status, error;

	memset(&args, 0, sizeof(args));
	status = parse_args(&args, &help, argc, argv);
	if (status != 0 || help)
		goto cleanup;
	args.record = record;
	if (record && (args.output || args.baseline ||
	               (args.input_given && args.input == FL_INPUT_JSONL))) {
		status = cli_usage_error(
		    "check", "baseline write writes the baseline only: no -o, "
		             "--baseline or --input jsonl");
		goto cleanup;
	}

	/* No FILE: what the configuration of the current folder names. */
	status = CLI_FAILURE;
	if (args.file_count == 0 &&
	    config_named_files(&args, &config_path, &status) != 0)
		goto cleanup;

	/* Every file the run reads, that -o must not write over: the FILEs,
	 * then --facts and --source. */
	if (!(inputs = calloc(args.file_count + 3, sizeof(*inputs)))) {
		fprintf(stderr, "fidelint: out of memory\n");
		goto cleanup;
	}
	memcpy(inputs, args.files, args.file_count * sizeof(*inputs));
	inputs[args.file_count] = args.facts;
	inputs[args.file_count + 1] = args.source;
	inputs[args.file_count + 2] = args.baseline;
	if (!record && cli_output_open(&out, args.output, inputs,
	                               args.file_count + 3) != 0)
		goto cleanup;
	if (args.baseline && cli_baseline_load(&args.known, args.baseline) != 0)
		goto cleanup;
	if (record && cli_baseline_new(&args.recorded) != 0)
		goto cleanup;

	copts.data_dir = cli_data_dir(args.data_dir);
	if ((error = fl_checker_new(&checker, &copts)) < 0) {
		const char *msg = checker ? fl_checker_error(checker) : NULL;
		fprintf(stderr, "fidelint: %s\n",
		        msg && *msg ? msg : fl_error_name(error));
		goto cleanup;
	}
	{
		/* the command line's rule selectors, once */
		fl_check_options o = FL_CHECK_OPTIONS_INIT;
		o.select = args.select;
		o.ignore = args.ignore;
		o.severity = args.severity;
		if (fl_checker_validate_rules(checker, &o) < 0) {
			status = cli_usage_error("check", "--%s",
			                         fl_checker_error(checker));
			goto cleanup;
		}
	}
	if (cli_project_new(&project, checker) != 0) {
		fprintf(stderr, "fidelint: out of memory\n");
		goto cleanup;
	}
	if (args.max_languages_given) {
		fl_checker_set_max_languages(checker, args.max_languages);
		cli_project_max_languages_given(project);
	} else if (runs_max_languages(checker, &args)) {
		/* One language per thread: with one for all, a thread reaching
		 * the next run waits for the other to finish the previous one,
		 * and -j 2 is no faster than -j 1. A configuration's
		 * max_languages still wins. */
		fl_checker_set_max_languages(checker,
		                             args.jobs ? args.jobs : 1);
	}
	if (cli_load_facts(&facts, checker, args.facts,
	                   args.aligned ? NULL : args.source,
	                   args.source_lang) != 0)
		goto cleanup;
	if (facts)
		fl_checker_set_facts(checker, facts);
	if (args.input_given && args.input == FL_INPUT_JSONL) {
		status = check_files(NULL, out, &failed, &fails, checker, &args,
		                     project, args.jobs);
		if (status == 0)
			status = failed  ? CLI_FAILURE
			         : fails ? CLI_FINDINGS
			                 : CLI_OK;
		/* The answers written so far are kept, as on standard
		 * output. */
		if (cli_output_commit(out) != 0)
			status = CLI_FAILURE;
		out = NULL;
		goto cleanup;
	}
	/* SARIF describes every rule behind the findings, packs too */
	if (!record && args.format == FL_FORMAT_SARIF &&
	    (error = fl_checker_rules(&rules, checker, NULL)) < 0) {
		cli_print_failure("rules", fl_checker_error(checker), error);
		goto cleanup;
	}
	/* text, json and sarif are written file by file, each result freed
	 * once written; the other formats need the whole report */
	if (!record &&
	    (args.format == FL_FORMAT_TEXT || args.format == FL_FORMAT_JSON ||
	     args.format == FL_FORMAT_SARIF))
		error =
		    fl_report_stream_new(&sink.stream, args.format,
		                         use_color(&args) ? FL_REPORT_COLOR : 0,
		                         rules, write_output, out);
	else if ((error = fl_report_new(&sink.report)) == 0)
		fl_report_set_rules(sink.report, rules);
	if (error < 0) {
		fprintf(stderr, "fidelint: %s\n", fl_error_name(error));
		goto cleanup;
	}
	if (check_files(&sink, out, &failed, &fails, checker, &args, project,
	                args.jobs) != 0)
		goto cleanup;
	if (record) {
		fl_report_summary sum;
		if (cli_baseline_write(args.recorded, record) != 0)
			goto cleanup;
		fl_report_summarize(&sum, sink.report);
		fprintf(stderr,
		        "fidelint: %s: %zu findings of %zu files recorded\n",
		        record, sum.errors + sum.warnings + sum.infos,
		        sum.files);
		status = failed ? CLI_FAILURE : CLI_OK;
		goto cleanup;
	}

	if (sink.stream) {
		error = fl_report_stream_finish(sink.stream);
	} else {
		error =
		    fl_report_render(&text, &len, sink.report, args.format,
		                     use_color(&args) ? FL_REPORT_COLOR : 0);
		if (error == 0)
			error = cli_output_write(out, text, len) ? FL_EIO : 0;
	}
	if (error < 0 && error != FL_EIO)
		fprintf(stderr, "fidelint: cannot render the report: %s\n",
		        fl_error_name(error));
	if (error == 0)
		error = cli_output_commit(out);
	else
		cli_output_discard(out);
	out = NULL;
	if (error)
		goto cleanup;
	status = failed ? CLI_FAILURE : fails ? CLI_FINDINGS : CLI_OK;

cleanup:
	cli_output_discard(out);
	free(text);
	fl_report_stream_free(sink.stream);
	fl_report_free(sink.report);
	fl_rule_list_free(rules);
	cli_project_free(project);
	cli_baseline_free(args.known);
	cli_baseline_free(args.recorded);
	/* The checker is left to the exit, which frees it faster than its
	 * dictionaries' destructors would; it stays reachable (no leak for
	 * LeakSanitizer). Its facts go: nothing checks with it any more. */
	kept_checker = checker;
	fl_facts_free(facts);
	free(inputs);
	if (config_path) /* the files are the configuration's */
		for (size_t i = 0; i < args.file_count; i++)
			free((char *)args.files[i]);
	free(args.files);
	free(config_path);
	return status;
}

int cli_check(int argc, char **argv)
{
	return run_check(argc, argv, NULL);
}

int cli_baseline_command(int argc, char **argv)
{
	if (argc >= 1 &&
	    (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
		cli_help_baseline(stdout);
		return CLI_OK;
	}
	if (argc < 2 || strcmp(argv[0], "write") != 0 || argv[1][0] == '-')
		return cli_usage_error(
		    "baseline", "usage: fidelint baseline write BASELINE "
		                "[check options] [FILE...]");
	return run_check(argc - 2, argv + 2, argv[1]);
}
