/*
 * The fidelint program: main.c dispatches to one file per subcommand.
 * Uses only the public API <fidelint/fidelint.h> and the C library.
 */
#ifndef FL_CLI_H
#define FL_CLI_H

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

#endif
