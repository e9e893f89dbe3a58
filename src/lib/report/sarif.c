/*
 * The sarif format: SARIF 2.1.0 (OASIS), for code scanning services and
 * editors. One run; the driver lists the run's rules with their
 * descriptions and help from the rule catalogue; each finding is a result
 * with its rule, level (info is "note"), message, region in code points
 * (columnKind unicodeCodePoints) with the finding's text as its snippet,
 * the file as a URI reference (an absolute path a file URI), and a
 * partialFingerprints entry (fl_finding_fingerprint) that survives edits
 * elsewhere. A file that could not be checked is a tool execution
 * notification, and the invocation then did not succeed. Validated
 * against the OASIS schema in tests/report (tests/sarif/).
 */
#include "report.h"

#include "../util/json.h"

#include <stdlib.h>
#include <string.h>

static long long ll(size_t n)
{
	return n > (size_t)9007199254740991LL ? 9007199254740991LL
	                                      : (long long)n;
}

static const char *level(fl_severity s)
{
	return s == FL_SEVERITY_ERROR     ? "error"
	       : s == FL_SEVERITY_WARNING ? "warning"
	                                  : "note";
}

/* {"text": s} as member key of o. */
static int set_text(fl_json *o, const char *key, const char *s)
{
	fl_json *m;
	int error;
	if (!s || !*s)
		return 0;
	if ((error = fl_json_set_new_object(&m, o, key)) < 0)
		return error;
	return fl_json_set_str(m, "text", s);
}

/* The driver's rules, one reportingDescriptor each. */
static int add_rules(fl_json *driver, const fl_rule_list *rules)
{
	fl_json *arr;
	int error;

	if ((error = fl_json_set_new_array(&arr, driver, "rules")) < 0)
		return error;
	for (size_t i = 0; i < fl_rule_list_count(rules); i++) {
		const fl_rule_info *r = fl_rule_list_get(rules, i);
		fl_json *d, *conf, *props;
		if ((error = fl_json_append_new_object(&d, arr)) < 0 ||
		    (error = fl_json_set_str(d, "id", r->id)) < 0 ||
		    (error = set_text(d, "shortDescription", r->message)) < 0 ||
		    (error = set_text(d, "fullDescription", r->rationale)) <
		        0 ||
		    (error = set_text(d, "help",
		                      r->suggestion ? r->suggestion
		                                    : r->rationale)) < 0 ||
		    (error = fl_json_set_new_object(
		         &conf, d, "defaultConfiguration")) < 0 ||
		    (error = fl_json_set_str(conf, "level",
		                             level(r->severity))) < 0 ||
		    (error = fl_json_set_new_object(&props, d, "properties")) <
		        0 ||
		    (error = fl_json_set_str(props, "severities",
		                             r->severities)) < 0 ||
		    (error = fl_json_set_str(
		         props, "origin",
		         r->origin == FL_RULE_PACK ? "pack" : "builtin")) < 0)
			return error;
		if (r->pack &&
		    (error = fl_json_set_str(props, "pack", r->pack)) < 0)
			return error;
	}
	return 0;
}

/* The index of rule id in rules, or -1. */
static long rule_index(const fl_rule_list *rules, const char *id)
{
	for (size_t i = 0; i < fl_rule_list_count(rules); i++)
		if (strcmp(fl_rule_list_get(rules, i)->id, id) == 0)
			return (long)i;
	return -1;
}

/* path as a URI reference: percent-encoded; an absolute path as a file
 * URI. Caller frees; NULL when out of memory. */
static char *uri_of(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *u, *p;

	if (n > ((size_t)-1 - 8) / 3 || !(u = malloc(3 * n + 8)))
		return NULL;
	p = u;
	if (path[0] == '/') {
		memcpy(p, "file://", 7);
		p += 7;
	}
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("/-._~", *s)) {
			*p++ = (char)*s;
		} else {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		}
	}
	*p = '\0';
	return u;
}

/* artifactLocation {"uri": path as a URI} as member of o. */
static int set_artifact(fl_json *o, const char *path)
{
	fl_json *art;
	char *uri = uri_of(path);
	int error = uri ? fl_json_set_new_object(&art, o, "artifactLocation")
	                : FL_ENOMEM;
	if (error == 0)
		error = fl_json_set_str(art, "uri", uri);
	free(uri);
	return error;
}

static int add_result(fl_json *results, const fl_rule_list *rules,
                      const char *path, const fl_finding *f)
{
	fl_json *r, *msg, *locs, *loc, *phys, *region, *snip, *fp, *props;
	char print[FL_FINGERPRINT_SIZE];
	long k = rule_index(rules, f->rule);
	int error;

	fl_finding_fingerprint(print, path, f);
	if ((error = fl_json_append_new_object(&r, results)) < 0 ||
	    (error = fl_json_set_str(r, "ruleId", f->rule)) < 0 ||
	    (k >= 0 && (error = fl_json_set_int(r, "ruleIndex", k)) < 0) ||
	    (error = fl_json_set_str(r, "level", level(f->severity))) < 0 ||
	    (error = fl_json_set_new_object(&msg, r, "message")) < 0 ||
	    (error = fl_json_set_str(msg, "text", f->message)) < 0 ||
	    (error = fl_json_set_new_array(&locs, r, "locations")) < 0 ||
	    (error = fl_json_append_new_object(&loc, locs)) < 0 ||
	    (error = fl_json_set_new_object(&phys, loc, "physicalLocation")) <
	        0 ||
	    (error = set_artifact(phys, path)) < 0)
		return error;
	if (f->line) {
		if ((error = fl_json_set_new_object(&region, phys, "region")) <
		        0 ||
		    (error = fl_json_set_int(region, "startLine",
		                             ll(f->line))) < 0 ||
		    (error = fl_json_set_int(region, "startColumn",
		                             ll(f->column ? f->column : 1))) <
		        0 ||
		    (error = fl_json_set_int(
		         region, "endLine",
		         ll(f->end_line >= f->line ? f->end_line : f->line))) <
		        0 ||
		    (error = fl_json_set_int(
		         region, "endColumn",
		         ll(f->end_column ? f->end_column : 1))) < 0 ||
		    (error = fl_json_set_new_object(&snip, region, "snippet")) <
		        0 ||
		    (error = fl_json_set_str(snip, "text", f->text)) < 0)
			return error;
	}
	if ((error = fl_json_set_new_object(&fp, r, "partialFingerprints")) <
	        0 ||
	    (error = fl_json_set_str(fp, "fidelint/v1", print)) < 0 ||
	    (error = fl_json_set_new_object(&props, r, "properties")) < 0 ||
	    (error = fl_json_set_str(props, "text", f->text)) < 0)
		return error;
	if (f->suggestion &&
	    (error = fl_json_set_str(props, "suggestion", f->suggestion)) < 0)
		return error;
	if (f->expected &&
	    (error = fl_json_set_str(props, "expected", f->expected)) < 0)
		return error;
	if (f->segment &&
	    (error = fl_json_set_str(props, "segment", f->segment)) < 0)
		return error;
	if (f->source_line && (error = fl_json_set_int(props, "sourceLine",
	                                               ll(f->source_line))) < 0)
		return error;
	return 0;
}

int fl__sarif_set_tool(fl_json *run, const fl_rule_list *rules)
{
	fl_json *tool, *driver;
	int error;

	if ((error = fl_json_set_new_object(&tool, run, "tool")) < 0 ||
	    (error = fl_json_set_new_object(&driver, tool, "driver")) < 0 ||
	    (error = fl_json_set_str(driver, "name", "fidelint")) < 0 ||
	    (error = fl_json_set_str(driver, "version", fl_version())) < 0 ||
	    (error = fl_json_set_str(driver, "semanticVersion", fl_version())) <
	        0)
		return error;
	return add_rules(driver, rules);
}

int fl__sarif_add_result(fl_json *results, const fl_rule_list *rules,
                         const char *path, const fl_finding *f)
{
	return add_result(results, rules, path, f);
}

int fl__sarif_add_results(fl_json *results, const fl_rule_list *rules,
                          const fl_result *res)
{
	const char *path = fl_result_path(res);
	int error = 0;

	for (size_t k = 0; k < fl_result_count(res) && error == 0; k++) {
		const fl_finding *f = fl_result_finding(res, k);
		error = f ? add_result(results, rules, path, f) : FL_EIO;
	}
	return error;
}

int fl__sarif_add_failure(fl_json *inv, fl_json **notes, const char *path,
                          const char *message)
{
	fl_json *n, *m, *loc, *phys;
	int error;

	if ((!*notes && (error = fl_json_set_new_array(
	                     notes, inv, "toolExecutionNotifications")) < 0) ||
	    (error = fl_json_append_new_object(&n, *notes)) < 0 ||
	    (error = fl_json_set_str(n, "level", "error")) < 0 ||
	    (error = fl_json_set_new_object(&m, n, "message")) < 0 ||
	    (error = fl_json_set_str(m, "text", message)) < 0 ||
	    (error = fl_json_set_new_array(&loc, n, "locations")) < 0 ||
	    (error = fl_json_append_new_object(&phys, loc)) < 0 ||
	    (error = fl_json_set_new_object(&phys, phys, "physicalLocation")) <
	        0)
		return error;
	return set_artifact(phys, path);
}

/*
 * The run's members are tool, columnKind, results, then invocations: the
 * invocation (whether it succeeded, the files that could not be checked)
 * comes after the results so that a stream can write it last.
 */
int fl__report_render_sarif(fl_buf *out, const fl_report *report,
                            const fl_rule_list *rules, unsigned flags)
{
	fl_json *root = NULL, *runs, *run, *results, *invs, *inv, *notes = NULL;
	char *text = NULL;
	size_t len;
	bool ok = true;
	int error;

	(void)flags;
	if ((error = fl_json_object(&root)) < 0 ||
	    (error = fl_json_set_str(root, "$schema", FL__SARIF_SCHEMA)) < 0 ||
	    (error = fl_json_set_str(root, "version", "2.1.0")) < 0 ||
	    (error = fl_json_set_new_array(&runs, root, "runs")) < 0 ||
	    (error = fl_json_append_new_object(&run, runs)) < 0 ||
	    (error = fl__sarif_set_tool(run, rules)) < 0 ||
	    (error = fl_json_set_str(run, "columnKind", "unicodeCodePoints")) <
	        0 ||
	    (error = fl_json_set_new_array(&results, run, "results")) < 0)
		goto cleanup;
	for (size_t i = 0; i < report->count && error == 0; i++)
		if (report->entries[i].result)
			error = fl__sarif_add_results(
			    results, rules, report->entries[i].result);
	if (error < 0 ||
	    (error = fl_json_set_new_array(&invs, run, "invocations")) < 0 ||
	    (error = fl_json_append_new_object(&inv, invs)) < 0)
		goto cleanup;
	for (size_t i = 0; i < report->count && error == 0; i++) {
		const fl__report_entry *e = &report->entries[i];
		if (e->result)
			continue;
		ok = false;
		error = fl__sarif_add_failure(inv, &notes, e->path, e->message);
	}
	if (error < 0 ||
	    (error = fl_json_set_bool(inv, "executionSuccessful", ok)) < 0 ||
	    (error = fl_json_dump(&text, &len, root, 2)) < 0 ||
	    (error = fl_buf_put(out, text, len)) < 0)
		goto cleanup;
	error = fl_buf_putc(out, '\n');
cleanup:
	free(text);
	fl_json_free(root);
	return error;
}

int fl__rules_render_sarif(fl_buf *out, const fl_rule_list *rules,
                           unsigned flags)
{
	fl_report empty;

	/* a log of a run with the rules and no result */
	memset(&empty, 0, sizeof(empty));
	return fl__report_render_sarif(out, &empty, rules, flags);
}
