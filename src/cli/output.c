/*
 * Output shared by the subcommands: the report's destination (standard
 * output, a file replaced atomically, a device or FIFO written directly),
 * failure messages that name the file.
 *
 * A file is written through a temporary file beside it that replaces it
 * only when everything was written. Where the kernel has O_TMPFILE the
 * temporary file has no name until it is complete (nothing is left behind
 * whatever ends the program); elsewhere it is "path.XXXXXX" and a handler
 * of SIGINT, SIGTERM and SIGHUP removes it before the signal ends the
 * program.
 */
#define _GNU_SOURCE

#include "cli.h"

#include <fidelint/fidelint.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum output_kind { OUT_STDOUT, OUT_DIRECT, OUT_REPLACE };

struct cli_output {
	enum output_kind kind;
	const char *path; /* as given, for messages */
	char *target;     /* the file replaced: path, symbolic links resolved */
	char *tmp; /* the temporary file's name, NULL while it has none */
	int fd;
	mode_t mode; /* the mode the replacing file gets */
	bool failed; /* a write failed (already reported) */
};

/* ------------------------------------------------------------- signals */

/* The named temporary file a signal must remove, and the dispositions the
 * handler replaced. Only one output is open at a time. */
static const char *volatile signal_tmp;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved[sizeof(caught) / sizeof(caught[0])];
static bool handlers_set;

/* Removes the temporary file, then lets the signal end the program as it
 * would have (only async-signal-safe calls). */
static void on_signal(int sig)
{
	const char *tmp = signal_tmp;

	if (tmp)
		(void)unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installs on_signal for the caught signals that are not ignored (a run
 * under nohup keeps ignoring SIGHUP). */
static void set_handlers(void)
{
	struct sigaction sa;

	if (handlers_set)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++) {
		if (sigaction(caught[i], NULL, &saved[i]) == 0 &&
		    saved[i].sa_handler == SIG_IGN)
			continue;
		sigaction(caught[i], &sa, NULL);
	}
	handlers_set = true;
}

/* Puts back the dispositions set_handlers replaced. */
static void restore_handlers(void)
{
	if (!handlers_set)
		return;
	signal_tmp = NULL;
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &saved[i], NULL);
	handlers_set = false;
}

/* Blocks (block true) or unblocks the caught signals. */
static void block_signals(bool block)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaddset(&set, caught[i]);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* ---------------------------------------------------------------- paths */

/* Writes all n bytes of p to fd. Returns 0 or -1 (errno set). */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t got = write(fd, p, n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

/* The folder holding path ("." when it names none), or NULL when out of
 * memory. Caller frees. */
static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = !slash ? 1 : slash == path ? 1 : (size_t)(slash - path);
	char *dir = malloc(n + 1);

	if (!dir)
		return NULL;
	memcpy(dir, slash ? path : ".", n);
	dir[n] = '\0';
	return dir;
}

/* Flushes the folder holding path to disk, so that a rename in it lasts.
 * Best effort: some file systems refuse fsync on folders. */
static void sync_parent(const char *path)
{
	char *dir = parent_of(path);
	int fd;

	if (!dir)
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* A copy of path with suffix appended, or NULL (errno set). */
static char *with_suffix(const char *path, const char *suffix)
{
	size_t plen = strlen(path), slen = strlen(suffix);
	char *s;

	if (plen > SIZE_MAX - slen - 1) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	s = malloc(plen + slen + 1);
	if (!s) {
		errno = ENOMEM;
		return NULL;
	}
	memcpy(s, path, plen);
	memcpy(s + plen, suffix, slen + 1);
	return s;
}

/*
 * Refuses an output that is one of the files the run reads: same device
 * and inode, symbolic links followed ("-": standard input). dest: the
 * output's stat. Returns 0, or CLI_FAILURE after naming both.
 */
static int check_not_input(const char *path, const struct stat *dest,
                           const char *const *inputs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		int rc;

		if (!inputs[i])
			continue;
		rc = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &st)
		                                 : stat(inputs[i], &st);
		if (rc == 0 && st.st_dev == dest->st_dev &&
		    st.st_ino == dest->st_ino) {
			fprintf(stderr,
			        "fidelint: -o %s is the input %s: refusing to "
			        "write over a file this run reads\n",
			        path,
			        strcmp(inputs[i], "-") == 0
			            ? "- (standard input)"
			            : inputs[i]);
			return CLI_FAILURE;
		}
	}
	return 0;
}

/* Whether the temporary file may be nameless (O_TMPFILE). The variable
 * FIDELINT_NAMED_TMPFILE=1 asks for the named one (the tests use it). */
static bool nameless_allowed(void)
{
	const char *v = getenv("FIDELINT_NAMED_TMPFILE");
	return !(v && strcmp(v, "1") == 0);
}

/* Opens the temporary file of o beside o->target: nameless when the
 * kernel allows, else named and removed by the signal handler. Returns 0
 * or -1 (errno set). */
static int open_temporary(cli_output *o)
{
#ifdef O_TMPFILE
	if (nameless_allowed()) {
		char *dir = parent_of(o->target);
		if (!dir) {
			errno = ENOMEM;
			return -1;
		}
		o->fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
		free(dir);
		if (o->fd >= 0) {
			/* Naming it at the end goes through /proc (or a
			 * capability root may lack in a container): without
			 * /proc, the named file from the start. */
			char proc[64];
			snprintf(proc, sizeof(proc), "/proc/self/fd/%d", o->fd);
			if (access(proc, F_OK) == 0)
				return 0;
			close(o->fd);
			o->fd = -1;
		}
		/* Not supported here (old kernel, file system): fall back;
		 * any other failure would recur with mkstemp and say why. */
	}
#endif
	if (!(o->tmp = with_suffix(o->target, ".XXXXXX")))
		return -1;
	block_signals(true);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		int e = errno;
		free(o->tmp);
		o->tmp = NULL;
		block_signals(false);
		errno = e;
		return -1;
	}
	signal_tmp = o->tmp;
	block_signals(false);
	return 0;
}

int cli_output_open(cli_output **out, const char *path,
                    const char *const *inputs, size_t n)
{
	cli_output *o;
	struct stat st, lst;
	bool exists;

	*out = NULL;
	if (!(o = calloc(1, sizeof(*o)))) {
		fprintf(stderr, "fidelint: out of memory\n");
		return CLI_FAILURE;
	}
	o->fd = -1;
	o->path = path;
	if (!path) {
		o->kind = OUT_STDOUT;
		*out = o;
		return 0;
	}

	exists = stat(path, &st) == 0;
	if (exists && check_not_input(path, &st, inputs, n) != 0)
		goto fail_quiet;
	if (exists && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "fidelint: -o %s: is a folder\n", path);
		goto fail_quiet;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device, a FIFO: written, never replaced. */
		o->kind = OUT_DIRECT;
		o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (o->fd < 0)
			goto fail;
		*out = o;
		return 0;
	}

	o->kind = OUT_REPLACE;
	/* Through a symbolic link the file it names is replaced, not the
	 * link. */
	if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		o->target = realpath(path, NULL);
	else
		o->target = with_suffix(path, "");
	if (!o->target)
		goto fail;
	set_handlers();
	if (exists) {
		o->mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		o->mode = 0666 & ~mask;
	}
	if (open_temporary(o) < 0) {
		fprintf(stderr,
		        "fidelint: %s: cannot create a temporary file: %s\n",
		        path, strerror(errno));
		goto fail_quiet;
	}
	*out = o;
	return 0;

fail:
	fprintf(stderr, "fidelint: %s: %s\n", path, strerror(errno));
fail_quiet:
	cli_output_discard(o);
	return CLI_FAILURE;
}

int cli_output_write(cli_output *o, const char *data, size_t len)
{
	if (o->failed)
		return CLI_FAILURE;
	if (o->kind == OUT_STDOUT) {
		if (fwrite(data, 1, len, stdout) == len)
			return 0;
		fprintf(stderr,
		        "fidelint: cannot write to standard output: %s\n",
		        strerror(errno));
	} else {
		if (write_all(o->fd, data, len) == 0)
			return 0;
		fprintf(stderr, "fidelint: %s: cannot write: %s\n", o->path,
		        strerror(errno));
	}
	o->failed = true;
	return CLI_FAILURE;
}

/* Gives the complete nameless file of o a temporary name beside its
 * target (signals blocked by the caller). Returns 0 or -1 (errno set). */
static int name_temporary(cli_output *o)
{
#ifdef O_TMPFILE
	char proc[64], suffix[48];

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", o->fd);
	for (unsigned k = 0; k < 100; k++) {
		snprintf(suffix, sizeof(suffix), ".%ld.%lx.%u", (long)getpid(),
		         (unsigned long)time(NULL), k);
		free(o->tmp);
		if (!(o->tmp = with_suffix(o->target, suffix)))
			return -1;
		/* AT_EMPTY_PATH needs a capability; /proc does not. */
		if (linkat(o->fd, "", AT_FDCWD, o->tmp, AT_EMPTY_PATH) == 0 ||
		    linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp,
		           AT_SYMLINK_FOLLOW) == 0) {
			signal_tmp = o->tmp;
			return 0;
		}
		if (errno != EEXIST)
			break;
	}
	free(o->tmp);
	o->tmp = NULL;
	return -1;
#else
	(void)o;
	errno = ENOSYS;
	return -1;
#endif
}

int cli_output_commit(cli_output *o)
{
	const char *step = "cannot write";
	int status = CLI_FAILURE;

	if (o->failed)
		goto done;
	if (o->kind == OUT_STDOUT) {
		if (fflush(stdout) == 0)
			status = 0;
		else
			fprintf(stderr,
			        "fidelint: cannot write to standard output: "
			        "%s\n",
			        strerror(errno));
		goto done;
	}
	if (o->kind == OUT_DIRECT) {
		if (close(o->fd) == 0)
			status = 0;
		o->fd = -1;
		goto check;
	}
	if (fchmod(o->fd, o->mode) < 0 || fsync(o->fd) < 0)
		goto check;
	/* From here until the rename a signal must not leave the named
	 * temporary file behind: it waits. */
	block_signals(true);
	step = "cannot replace";
	if (!o->tmp && name_temporary(o) < 0) {
		block_signals(false);
		goto check;
	}
	if (close(o->fd) < 0) {
		o->fd = -1;
		step = "cannot write";
		block_signals(false);
		goto check;
	}
	o->fd = -1;
	if (rename(o->tmp, o->target) == 0) {
		free(o->tmp);
		o->tmp = NULL;
		signal_tmp = NULL;
		status = 0;
	}
	block_signals(false);
	if (status == 0)
		sync_parent(o->target);
check:
	if (status != 0)
		fprintf(stderr, "fidelint: %s: %s: %s\n", o->path, step,
		        strerror(errno));
done:
	cli_output_discard(o);
	return status;
}

void cli_output_discard(cli_output *o)
{
	if (!o)
		return;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp) {
		block_signals(true);
		unlink(o->tmp);
		signal_tmp = NULL;
		block_signals(false);
	}
	restore_handlers();
	free(o->tmp);
	free(o->target);
	free(o);
}

/* Prints "fidelint: message" for a failure on path, naming path first
 * when the message does not start with it. */
void cli_fprint_failure(FILE *f, const char *path, const char *message,
                        int code)
{
	size_t n = strlen(path);

	if (!message || !*message)
		message = fl_error_name(code);
	if (n && strncmp(message, path, n) == 0 && message[n] == ':')
		fprintf(f, "fidelint: %s\n", message);
	else
		fprintf(f, "fidelint: %s: %s\n", path, message);
}

void cli_print_failure(const char *path, const char *message, int code)
{
	cli_fprint_failure(stderr, path, message, code);
}
