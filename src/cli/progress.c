/*
 * Progress on standard error for runs a person waits for: only on a
 * terminal, never in pipes or CI, and only after the first second.
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, size_t total)
{
	const char *ci = getenv("CI");

	p->on = isatty(STDERR_FILENO) && (!ci || !*ci) && total > 1;
	p->total = total;
	p->start = p->last = now();
	p->bytes = 0;
	p->shown = false;
}

void cli_progress_file(cli_progress *p, size_t i, const char *path)
{
	struct stat st;
	double t, mb;

	if (!p->on)
		return;
	t = now();
	if (t - p->start >= 1.0 && (t - p->last >= 0.2 || !p->shown)) {
		mb = (double)p->bytes / 1e6 / (t - p->start);
		fprintf(stderr, "\r\033[K%zu/%zu files, %.1f MB/s", i, p->total,
		        mb);
		p->shown = true;
		p->last = t;
	}
	if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode))
		p->bytes += (unsigned long long)st.st_size;
}

void cli_progress_end(cli_progress *p)
{
	if (p->on && p->shown)
		fputs("\r\033[K", stderr);
	p->shown = false;
}
