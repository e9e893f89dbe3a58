/*
 * fidelint: checks translations against the facts of their original.
 * Dispatches to the subcommands; handles --help, --version and help.
 */
#include "cli.h"

#include <fidelint/fidelint.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fputs("fidelint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (command && strcmp(command, "check") == 0)
		fputs("usage: fidelint check [options] [FILE...] "
		      "(see 'fidelint help check')\n",
		      stderr);
	else if (command && strcmp(command, "rules") == 0)
		fputs("usage: fidelint rules [--lang L] [--format FORMAT]\n",
		      stderr);
	else if (command && strcmp(command, "explain") == 0)
		fputs("usage: fidelint explain RULE-ID\n", stderr);
	else
		fputs("usage: fidelint check [options] [FILE...] | --help | "
		      "--version\n",
		      stderr);
	return CLI_FAILURE;
}

/* The commands: one row each, read by the dispatch, the help and "did you
 * mean". */
static const struct {
	const char *name;
	const char *args; /* for the command list */
	const char *summary;
	int (*run)(int argc, char **argv);
	void (*help)(FILE *out);
} commands[] = {
    {"check", "", "check translated documents", cli_check, cli_help_check},
    {"extract", " F", "write the facts of an original F as a facts file",
     cli_extract, cli_help_extract},
    {"report", " FILE...", "the editorial report: one HTML page for an editor",
     cli_report, cli_help_report},
    {"baseline", " write B", "record today's findings in B, for --baseline",
     cli_baseline_command, cli_help_baseline},
    {"rules", "", "list the rules (built-in and rule packs)", cli_rules,
     cli_help_rules},
    {"explain", " ID", "explain one rule: message, rationale, examples",
     cli_explain, cli_help_explain},
    {"help", " [CMD]", "show the help of the program or of CMD", NULL, NULL},
};

#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static void list_commands(FILE *out)
{
	fputs("commands:\n", out);
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		char left[32];
		snprintf(left, sizeof(left), "%s%s", commands[i].name,
		         commands[i].args);
		fprintf(out, "  %-18s %s\n", left, commands[i].summary);
	}
}

void cli_help_main(FILE *out)
{
	fputs("usage: fidelint <command> [options]\n"
	      "\n"
	      "Checks translations against the facts of their original and\n"
	      "reports what disagrees.\n"
	      "\n",
	      out);
	list_commands(out);
	fputs("\n"
	      "options:\n"
	      "  -h, --help    show this help\n"
	      "  --version     show the version\n"
	      "\n"
	      "'fidelint help CMD' or 'fidelint CMD --help' shows the options "
	      "of CMD.\n",
	      out);
}

static void help_help(FILE *out)
{
	fputs("usage: fidelint help [COMMAND]\n"
	      "\n"
	      "Shows the help of the program, or of COMMAND (as "
	      "'fidelint COMMAND --help').\n",
	      out);
}

/* "unknown command" with the nearest command, and the list. */
static int unknown_command(const char *cmd)
{
	const char *names[COMMAND_COUNT], *near = NULL;

	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		names[i] = commands[i].name;
		/* a beginning of a command names it ("ext") */
		if (!near && strlen(cmd) >= 2 &&
		    strncmp(cmd, names[i], strlen(cmd)) == 0)
			near = names[i];
	}
	if (!near)
		near = fl_nearest(cmd, names, COMMAND_COUNT, 2);
	fprintf(stderr, "fidelint: unknown command '%s'", cmd);
	if (near)
		fprintf(stderr, " (did you mean '%s'?)", near);
	fputs("\n\n", stderr);
	list_commands(stderr);
	return CLI_FAILURE;
}

/* The row of command name, or -1. */
static int find_command(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Column where the text of an option starts in the help, and the widest
 * line. */
#define HELP_COLUMN 23
#define HELP_WIDTH  78

/*
 * Prints an option's help: the texts a, b and c joined (b a list made
 * from a table of the library, the one place that knows it), wrapped at
 * spaces to HELP_WIDTH, from HELP_COLUMN on.
 */
static void put_option(FILE *out, const char *option, const char *a,
                       const char *b, const char *c)
{
	char text[1024];
	size_t col = HELP_COLUMN;

	snprintf(text, sizeof(text), "%s%s%s", a, b, c);
	fprintf(out, "  %-*s", HELP_COLUMN - 2, option);
	for (const char *s = text; *s; s += strspn(s, " ")) {
		size_t n = strcspn(s, " ");
		if (col > HELP_COLUMN && col + 1 + n > HELP_WIDTH) {
			fprintf(out, "\n%*s", HELP_COLUMN, "");
			col = HELP_COLUMN;
		} else if (col > HELP_COLUMN) {
			fputc(' ', out);
			col++;
		}
		fprintf(out, "%.*s", (int)n, s);
		col += n;
		s += n;
	}
	fputc('\n', out);
}

void cli_help_check(FILE *out)
{
	fputs("usage: fidelint check [options] [FILE...]\n"
	      "\n"
	      "Checks each FILE (- for standard input) against the facts of "
	      "its\n"
	      "original and reports what disagrees. A FILE that cannot be "
	      "checked\n"
	      "is reported and the others are still checked. A FILE is at most "
	      "64 MiB,\n"
	      "and so is a line of --input jsonl.\n"
	      "\n"
	      "options:\n"
	      "  --facts FILE         facts of the original (YAML)\n"
	      "  --source ORIGINAL    the original itself: its facts are "
	      "extracted\n"
	      "                       (merged with --facts; the file wins)\n"
	      "  --source-lang L      language of the original (default en)\n"
	      "  --aligned            with --source: line i of each FILE "
	      "translates\n"
	      "                       line i of ORIGINAL; findings name both "
	      "lines\n",
	      out);
	put_option(out, "--input KIND", "the FILEs' format: ", fl_input_names(),
	           "; default: from each FILE's extension, else text. jsonl: "
	           "{\"id\",\"source\",\"target\",\"lang\"} records, each "
	           "answered by one JSON line on standard output (or -o), as "
	           "they come");
	fputs(
	    "  --lang L             language of every FILE (default: from "
	    "the path,\n"
	    "                       else detected from the text)\n"
	    "  --partial            FILEs are summaries or excerpts: absent "
	    "facts\n"
	    "                       are not errors (whole documents only, "
	    "as\n"
	    "                       --facts: not with --aligned or --input "
	    "tsv|jsonl)\n"
	    "  --drafts             check the segments a file marks as drafts "
	    "too\n"
	    "                       (PO fuzzy entries, XLIFF states new and "
	    "needs-*)\n",
	    out);
	fprintf(out, "  %-*s%s\n", HELP_COLUMN - 2, "--format FORMAT",
	        "the report's format (default: text):");
	for (int f = 0; fl_format_name((fl_format)f); f++)
		fprintf(out, "%*s%s: %s\n", HELP_COLUMN, "",
		        fl_format_name((fl_format)f),
		        fl_format_summary((fl_format)f));
	fputs(
	    "  --fail-on LEVEL      exit 1 when a finding is at least LEVEL:\n"
	    "                       error (default), warning, info or never\n"
	    "  --select RULES       report only these rules: ids or prefixes,\n"
	    "                       comma-separated (name.,number.mismatch)\n"
	    "  --ignore RULES       do not report these; the most specific\n"
	    "                       selector wins, --ignore a tie\n"
	    "  --severity ID=LEVEL  re-level rules (info, warning, error, "
	    "off),\n"
	    "                       comma-separated\n"
	    "  --baseline B         report only findings B does not record\n"
	    "                       (fidelint baseline write B)\n"
	    "  --no-config          read no .fidelint.yaml (by default the\n"
	    "                       nearest one above each FILE is read; with\n"
	    "                       no FILE, the files it names are checked)\n"
	    "  --configured-only    skip the FILEs no \"files\" entry of the\n"
	    "                       configuration matches (the pre-commit "
	    "hook)\n"
	    "  --color WHEN         auto (default), always or never; auto "
	    "colours\n"
	    "                       a terminal unless NO_COLOR is set\n"
	    "  -j, --jobs N         check N files at a time (default: the "
	    "number of\n"
	    "                       processors); the output is the same as "
	    "-j 1\n"
	    "  --max-languages N    keep at most N languages loaded (default: "
	    "3;\n"
	    "                       0: no bound); a language is loaded again "
	    "when\n"
	    "                       needed, the output is the same\n"
	    "  --data-dir DIR       folder holding dicts/ and rules/\n"
	    "                       (default: $FIDELINT_DATA_DIR, or an\n"
	    "                       installed program's share/fidelint)\n"
	    "  -o, --output FILE    write the report to FILE, replaced "
	    "atomically\n"
	    "                       (a device or FIFO is written into); "
	    "never a\n"
	    "                       file the run reads\n"
	    "  -h, --help           show this help\n"
	    "  --                   end of options\n"
	    "\n"
	    "Options take their value as --opt VALUE or --opt=VALUE.\n"
	    "\n"
	    "exit status: 0 no finding at or above --fail-on, 1 some, 2 a "
	    "usage\n"
	    "error, a FILE that could not be checked or output that could "
	    "not be\n"
	    "written.\n",
	    out);
}

void cli_help_rules(FILE *out)
{
	fprintf(out,
	        "usage: fidelint rules [--lang L] [--format FORMAT] "
	        "[--data-dir DIR]\n"
	        "\n"
	        "Lists the rules: the built-in ones and those of the rule "
	        "packs in\n"
	        "rules/packs/ (id, severity, pack, message). With --lang only "
	        "the rules\n"
	        "that apply to documents in language L. FORMAT: %s.\n",
	        fl_format_names());
}

void cli_help_baseline(FILE *out)
{
	fputs("usage: fidelint baseline write BASELINE [check options] "
	      "[FILE...]\n"
	      "\n"
	      "Checks the FILEs as 'fidelint check' does and records every "
	      "finding in\n"
	      "BASELINE by fingerprint (rule, file, text and context, not the "
	      "line),\n"
	      "instead of reporting them. 'fidelint check --baseline "
	      "BASELINE' then\n"
	      "reports only findings that are not recorded there.\n",
	      out);
}

void cli_help_explain(FILE *out)
{
	fputs("usage: fidelint explain RULE-ID [--data-dir DIR]\n"
	      "\n"
	      "Prints a rule's message, severity, where it is defined, its "
	      "rationale\n"
	      "and its examples.\n",
	      out);
}

static int is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static int cmd_help(int argc, char **argv)
{
	int k;

	if (argc == 0) {
		cli_help_main(stdout);
		return CLI_OK;
	}
	if (argc > 1)
		return cli_usage_error(NULL, "help takes one command at most");
	if (is_help(argv[0]) || strcmp(argv[0], "help") == 0) {
		help_help(stdout);
		return CLI_OK;
	}
	if ((k = find_command(argv[0])) < 0)
		return unknown_command(argv[0]);
	commands[k].help(stdout);
	return CLI_OK;
}

int main(int argc, char **argv)
{
	const char *cmd;
	int status;

	if (argc < 2) {
		cli_help_main(stderr);
		return CLI_FAILURE;
	}
	cmd = argv[1];
	if (is_help(cmd)) {
		cli_help_main(stdout);
		status = CLI_OK;
	} else if (strcmp(cmd, "--version") == 0) {
		printf("fidelint %s\n", fl_version());
		status = CLI_OK;
	} else if (strcmp(cmd, "help") == 0) {
		status = cmd_help(argc - 2, argv + 2);
	} else if (cmd[0] == '-') {
		status = cli_usage_error(NULL, "unknown option '%s'", cmd);
	} else {
		int k = find_command(cmd);
		status = k < 0 ? unknown_command(cmd)
		               : commands[k].run(argc - 2, argv + 2);
	}
	/* Output to a closed or full stdout is a failure too. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && status != CLI_FAILURE) {
		fprintf(stderr, "fidelint: cannot write to standard output\n");
		status = CLI_FAILURE;
	}
	return status;
}
