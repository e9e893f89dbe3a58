/*
 * The fidelint program: main.c dispatches to one file per subcommand.
 * Uses only the public API <fidelint/fidelint.h> and the C library.
 */
#ifndef FL_CLI_H
#define FL_CLI_H

#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
/*
 * Replaces the file at path with data atomically (a temporary file beside
 * it, flushed, renamed over it); on failure prints why and leaves path as
 * it was. Returns 0 or CLI_FAILURE. (output.c)
 */
int cli_write_file_atomic(const char *path, const char *data, size_t len);

/* Writes data to standard output. Returns 0 or CLI_FAILURE. */
int cli_write_stdout(const char *data, size_t len);

/* Prints "fidelint: message" for a failure on path, naming path first when
 * the message does not start with it. */
void cli_print_failure(const char *path, const char *message, int code);

/* `fidelint extract ORIGINAL` (extract.c). */
int cli_extract(int argc, char **argv);
void cli_help_extract(FILE *out);

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
 * Replaces the file at path with data atomically (a temporary file beside
 * it, flushed, renamed over it); on failure prints why and leaves path as
 * it was. Returns 0 or CLI_FAILURE. (output.c)
 */
int cli_write_file_atomic(const char *path, const char *data, size_t len);

/* Writes data to standard output. Returns 0 or CLI_FAILURE. */
int cli_write_stdout(const char *data, size_t len);

/* Prints "fidelint: message" for a failure on path, naming path first when
 * the message does not start with it. */
void cli_print_failure(const char *path, const char *message, int code);

/* `fidelint extract ORIGINAL` (extract.c). */
int cli_extract(int argc, char **argv);
void cli_help_extract(FILE *out);

#endif
