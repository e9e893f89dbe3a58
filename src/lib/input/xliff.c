/* The xliff reader: not written yet (issue 11). */
#include "input.h"

int fl__read_xliff(fl__segbuf *b, const char *path, const char *data,
                   size_t len, char *err, size_t errlen)
{
	(void)b;
	(void)data;
	(void)len;
	return fl__fail(err, errlen, FL_EPARSE,
	                "%s: xliff input is not built yet", path);
}
