/*
 * Output shared by the subcommands: atomic file writes, standard output,
 * failure messages that name the file.
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <fidelint/fidelint.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- output */

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

/* Flushes the folder holding path to disk, so that a rename in it lasts.
 * Best effort: some file systems refuse fsync on folders. */
static void sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	size_t n;
	int fd;

	if (!slash) {
		dir = malloc(2);
		if (dir)
			strcpy(dir, ".");
	} else {
		n = slash == path ? 1 : (size_t)(slash - path);
		dir = malloc(n + 1);
		if (dir) {
			memcpy(dir, path, n);
			dir[n] = '\0';
		}
	}
	if (!dir)
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * Replaces the file at path with data, atomically: writes a temporary file
 * "path.XXXXXX" beside it, flushes it to disk and renames it over path.
 * On failure prints why, removes the temporary file and leaves path as it
 * was. Returns 0 or CLI_FAILURE.
 */
int cli_write_file_atomic(const char *path, const char *data, size_t len)
{
	static const char suffix[] = ".XXXXXX";
	const char *step = "cannot create a temporary file";
	size_t plen = strlen(path), tlen;
	char *tmp = NULL;
	struct stat st;
	mode_t mode;
	int fd = -1, status = CLI_FAILURE;

	if (plen > SIZE_MAX - sizeof(suffix)) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	tlen = plen + sizeof(suffix);
	tmp = malloc(tlen);
	if (!tmp) {
		errno = ENOMEM;
		goto fail;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, suffix, sizeof(suffix));
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		tmp = NULL;
		goto fail;
	}

	/* mkstemp makes the file 0600: give it the mode of the file it
	 * replaces, or the mode a new file would get. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	step = "cannot write";
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	step = "cannot replace";
	if (rename(tmp, path) < 0)
		goto fail;
	sync_parent(path);
	status = 0;
	goto cleanup;

fail:
	fprintf(stderr, "fidelint: %s: %s: %s\n", path, step, strerror(errno));
cleanup:
	if (fd >= 0)
		close(fd);
	if (tmp && status != 0)
		unlink(tmp);
	free(tmp);
	return status;
}

int cli_write_stdout(const char *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
		fprintf(stderr,
		        "fidelint: cannot write to standard output: %s\n",
		        strerror(errno));
		return CLI_FAILURE;
	}
	return 0;
}

/* Prints "fidelint: message" for a failure on path, naming path first
 * when the message does not start with it. */
void cli_print_failure(const char *path, const char *message, int code)
{
	size_t n = strlen(path);

	if (!message || !*message)
		message = fl_error_name(code);
	if (n && strncmp(message, path, n) == 0 && message[n] == ':')
		fprintf(stderr, "fidelint: %s\n", message);
	else
		fprintf(stderr, "fidelint: %s: %s\n", path, message);
}
