/*
 * Names of error codes and severities, and the library version.
 */
#include "common.h"

#include <string.h>

const char *fl_error_name(int code)
{
	switch (code) {
	case FL_OK:
		return "no error";
	case FL_ERROR:
		return "error";
	case FL_ENOMEM:
		return "out of memory";
	case FL_EIO:
		return "input/output error";
	case FL_EINVAL:
		return "invalid argument";
	case FL_EPARSE:
		return "malformed input";
	case FL_EENCODING:
		return "invalid UTF-8";
	case FL_ELIMIT:
		return "limit exceeded";
	case FL_ELANG:
		return "unknown language";
	default:
		return "unknown error";
	}
}

const char *fl_version(void)
{
	return FL_VERSION;
}

const char *fl_severity_name(fl_severity severity)
{
	switch (severity) {
	case FL_SEVERITY_INFO:
		return "info";
	case FL_SEVERITY_WARNING:
		return "warning";
	case FL_SEVERITY_ERROR:
		return "error";
	default:
		return "?";
	}
}

int fl_severity_parse(fl_severity *out, const char *name)
{
	static const struct {
		const char *name;
		fl_severity severity;
	} names[] = {
	    {"info", FL_SEVERITY_INFO},
	    {"warning", FL_SEVERITY_WARNING},
	    {"error", FL_SEVERITY_ERROR},
	};

	if (!out || !name)
		return FL_EINVAL;
	for (size_t i = 0; i < FL_ARRAY_SIZE(names); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].severity;
			return 0;
		}
	}
	return FL_EINVAL;
}
