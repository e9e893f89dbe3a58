/*
 * Where the program's data (dicts/, rules/) is when the command line
 * names none: an installed program finds it beside itself, in
 * ../share/fidelint (as `cmake --install` lays it out), wherever the
 * prefix was moved to.
 */
#define _DEFAULT_SOURCE /* readlink */

#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *cli_data_dir(const char *given)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], rel[PATH_MAX + 32], probe[PATH_MAX + 32];
	ssize_t n;
	char *slash;

	if (given)
		return given;
	if (getenv("FIDELINT_DATA_DIR") && *getenv("FIDELINT_DATA_DIR"))
		return NULL; /* the library reads it */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	if (snprintf(rel, sizeof(rel), "%s/../share/fidelint", exe) >=
	        (int)sizeof(rel) ||
	    !realpath(rel, dir) ||
	    snprintf(probe, sizeof(probe), "%s/dicts", dir) >=
	        (int)sizeof(probe) ||
	    access(probe, R_OK | X_OK) != 0)
		return NULL; /* not installed: the library's default */
	return dir;
}
