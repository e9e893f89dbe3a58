/*
 * The fidelint program: main.c dispatches to one file per subcommand.
 * Uses only the public API <fidelint/fidelint.h> and the C library.
 */
#ifndef FL_CLI_H
#define FL_CLI_H

#include <fidelint/fidelint.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

/* Exit statuses. */
#define CLI_OK       0 /* nothing at or above --fail-on */
#define CLI_FINDINGS 1 /* a finding at or above --fail-on */
#define CLI_FAILURE  2 /* usage error, unusable input, output failure */

/*
 * Prints "fidelint: <problem>" and the one-line usage hint of command
 * (NULL: the program) to stderr. Returns CLI_FAILURE.
 */
int cli_usage_error(const char *command, const char *fmt, ...) CLI_PRINTF(2, 3);

/* Prints the help of the program, or of `check`, to out. */
void cli_help_main(FILE *out);
void cli_help_check(FILE *out);

/*
 * Runs `fidelint check` with the arguments after "check" (argc of them).
 * Returns the exit status.
 */
int cli_check(int argc, char **argv);

/* `fidelint rules` and `fidelint explain RULE-ID` (rules.c), with the
 * arguments after the command. Return the exit status. */
int cli_rules(int argc, char **argv);
int cli_explain(int argc, char **argv);
void cli_help_rules(FILE *out);
void cli_help_explain(FILE *out);

/*
 * The destination of a run's output (output.c). path NULL: standard
 * output. Else path is written directly when it is a device or a FIFO,
 * and otherwise replaced atomically by cli_output_commit through a
 * temporary file beside it (nameless where the kernel allows, else removed
 * on SIGINT, SIGTERM and SIGHUP). Refuses, before anything is written, a
 * path that is one of the n files in inputs (same device and inode,
 * symbolic links followed; "-" is standard input; NULL entries skipped),
 * and a folder. Returns 0 or CLI_FAILURE after printing why.
 */
typedef struct cli_output cli_output;
int cli_output_open(cli_output **out, const char *path,
                    const char *const *inputs, size_t n);

/* Writes data to the output. Returns 0 or CLI_FAILURE (printed once; later
 * writes and the commit fail too). */
int cli_output_write(cli_output *o, const char *data, size_t len);

/* Completes the output (flush; rename over the file) and frees o. Returns
 * 0 or CLI_FAILURE after printing why; the file is then as it was. */
int cli_output_commit(cli_output *o);

/* Frees o without completing it: a file being replaced stays as it was.
 * NULL is accepted. */
void cli_output_discard(cli_output *o);

/* Prints "fidelint: message" for a failure on path, naming path first when
 * the message does not start with it. */
void cli_print_failure(const char *path, const char *message, int code);
/* cli_print_failure to f. */
void cli_fprint_failure(FILE *f, const char *path, const char *message,
                        int code);

/* `fidelint extract ORIGINAL` (extract.c). */
int cli_extract(int argc, char **argv);
void cli_help_extract(FILE *out);

/* The data folder to give the library: given (--data-dir) when not NULL,
 * else an installed program's own ../share/fidelint, else NULL (the
 * library's default, or FIDELINT_DATA_DIR). Static storage. */
const char *cli_data_dir(const char *given);

/* A run's view of the projects its files are in (project.c). */
typedef struct cli_project cli_project;

/* What the configuration says of one file. */
typedef struct {
	fl_file_settings settings; /* owned */
	const fl_facts *facts;     /* the facts it names, borrowed from the
	                              project; NULL when none */
} cli_plan;

/* The facts of a facts file and/or an original (either may be NULL): the
 * original's are extracted (in the format its name says) and merged, the
 * file winning. *out: NULL when both are NULL. Returns 0, or CLI_FAILURE
 * after printing why. */
int cli_load_facts(fl_facts **out, fl_checker *checker, const char *facts,
                   const char *source, const char *source_lang);

/* Makes a project view over checker (borrowed). Returns 0 or -1. */
int cli_project_new(cli_project **out, fl_checker *checker);
void cli_project_free(cli_project *p);

/* The command line bounds the loaded languages (--max-languages): the
 * configurations' "max_languages" is then left alone. */
void cli_project_max_languages_given(cli_project *p);

/* Fills *plan for file from its nearest .fidelint.yaml (none: an empty
 * plan). Returns 0, or -1 after printing why (a bad configuration or
 * facts file it names). */
int cli_project_plan(cli_plan *plan, cli_project *p, const char *file);
/* Has fn(ctx) called before a configuration's accepted words are added to
 * the checker (so that the files before it are checked without them). */
void cli_project_on_accept(cli_project *p, void (*fn)(void *), void *ctx);
void cli_plan_dispose(cli_plan *plan);

/* Baselines (baseline.c): findings recorded by fingerprint. */
typedef struct cli_baseline cli_baseline;
int cli_baseline_new(cli_baseline **out);
/* Loads a baseline file; -1 after printing why. */
int cli_baseline_load(cli_baseline **out, const char *path);
/* Records every finding of res. Returns 0 or -1 (out of memory). */
int cli_baseline_add(cli_baseline *b, const fl_result *res);
/* Drops from res the findings b records (each as often as recorded). */
void cli_baseline_filter(cli_baseline *b, fl_result *res);
/* Writes b to path atomically; -1 after printing why. */
int cli_baseline_write(cli_baseline *b, const char *path);
void cli_baseline_free(cli_baseline *b);

/* fidelint baseline write B [check options] [FILE...] */
int cli_baseline_command(int argc, char **argv);
void cli_help_baseline(FILE *out);

/*
 * Progress of a run on standard error (progress.c): shown only when
 * standard error is a terminal, CI is not set and the run has taken more
 * than a second; "files done/total, MB/s" on one line, cleared at the end.
 */
typedef struct {
	bool on;
	size_t total;
	double start, last;
	unsigned long long bytes;
	bool shown;
} cli_progress;

void cli_progress_start(cli_progress *p, size_t total);
/* Before the file of index i (0-based) is checked. */
void cli_progress_file(cli_progress *p, size_t i, const char *path);
void cli_progress_end(cli_progress *p);

/*
 * Threads for `check -j N` (pool.c). Each of `threads` threads gets its
 * own worker of checker and runs fn(ctx, i, worker) for the jobs handed
 * in, i from 0 up; at most `total` jobs.
 */
typedef struct cli_pool cli_pool;
typedef void (*cli_pool_fn)(void *ctx, size_t i, fl_checker *worker);

/* Starts the threads. *out: free with cli_pool_free. Returns 0 or -1 (no
 * pool: then check on this thread). */
int cli_pool_new(cli_pool **out, fl_checker *checker, size_t threads,
                 size_t total, cli_pool_fn fn, void *ctx);
/* Hands in job i, the next one in order; run false: it is done already
 * (nothing to run). */
void cli_pool_submit(cli_pool *p, size_t i, bool run);
/* Until job i (handed in) is done. */
void cli_pool_wait(cli_pool *p, size_t i);
/* Whether job i is done, without waiting. */
bool cli_pool_is_done(cli_pool *p, size_t i);
/* Until every job handed in is done. */
void cli_pool_drain(cli_pool *p);
/* Waits for the jobs handed in, stops the threads, frees p; NULL is
 * accepted. */
void cli_pool_free(cli_pool *p);
/* The default of -j: the number of online processors, at least 1. */
size_t cli_default_jobs(void);

/* fidelint report (report.c). */
int cli_report(int argc, char **argv);
void cli_help_report(FILE *out);

#endif
