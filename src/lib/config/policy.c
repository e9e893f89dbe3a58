/*
 * Which findings a run reports, and how severe: the select, ignore and
 * severity selectors of fl_check_options (the command line's --select,
 * --ignore and --severity, a project's .fidelint.yaml). A selector is a
 * rule id or a prefix of ids; the most specific one that names a rule
 * decides for it.
 */
#include "config.h"

#include "../checker.h"
#include "../result.h"

#include <stdlib.h>
#include <string.h>

/* Whether selector s[0,n) names rule id: "all" and "*" every rule, an id
 * itself, and a prefix ending at a dot of the id ("name", "name."). */
static bool names(const char *s, size_t n, const char *id)
{
	size_t idn = strlen(id);

	if ((n == 3 && memcmp(s, "all", 3) == 0) || (n == 1 && s[0] == '*'))
		return true;
	if (n > idn || memcmp(s, id, n) != 0)
		return false;
	return n == idn || s[n - 1] == '.' || id[n] == '.';
}

/* The specificity of a selector: "all" least, then by length. */
static long weight(const char *s, size_t n)
{
	if ((n == 3 && memcmp(s, "all", 3) == 0) || (n == 1 && s[0] == '*'))
		return 0;
	return (long)n + (s[n - 1] == '.' ? 0 : 1);
}

/* The next selector of list *p (separated by commas or white space) as
 * [*s, *s + *n), its value after '=' as [*v, *v + *vn) (vn 0: none);
 * false at the end. */
static bool next_selector(const char **p, const char **s, size_t *n,
                          const char **v, size_t *vn)
{
	const char *q = *p, *eq;

	while (*q == ',' || *q == ' ' || *q == '\t' || *q == '\n')
		q++;
	if (!*q)
		return false;
	*s = q;
	while (*q && *q != ',' && *q != ' ' && *q != '\t' && *q != '\n')
		q++;
	*n = (size_t)(q - *s);
	*p = q;
	eq = memchr(*s, '=', *n);
	*v = eq ? eq + 1 : NULL;
	*vn = eq ? (size_t)(*s + *n - eq - 1) : 0;
	if (eq)
		*n = (size_t)(eq - *s);
	return true;
}

/* The weight of the most specific selector of list that names id, or -1
 * when none does; *value gets its value (severity lists). */
static long best(const char *list, const char *id, const char **value,
                 size_t *value_len)
{
	const char *p = list, *s, *v;
	size_t n, vn;
	long w = -1;

	while (list && next_selector(&p, &s, &n, &v, &vn)) {
		long k;
		if (!names(s, n, id))
			continue;
		k = weight(s, n);
		if (k >= w) { /* of equals, the last */
			w = k;
			if (value) {
				*value = v;
				*value_len = vn;
			}
		}
	}
	return w;
}

bool fl__policy_keep(const fl_check_options *o, const char *rule,
                     fl_severity *severity)
{
	const char *v = NULL;
	size_t vn = 0;
	long sel, ign;

	if (!o || (!o->select && !o->ignore && !o->severity))
		return true;
	sel = o->select ? best(o->select, rule, NULL, NULL) : 0;
	ign = o->ignore ? best(o->ignore, rule, NULL, NULL) : -1;
	if (sel < 0 || (ign >= 0 && ign >= sel))
		return false;
	if (o->severity && best(o->severity, rule, &v, &vn) >= 0 && v) {
		char level[16];
		fl_severity s;
		if (vn >= sizeof(level))
			return true;
		memcpy(level, v, vn);
		level[vn] = '\0';
		if (strcmp(level, "off") == 0)
			return false;
		if (fl_severity_parse(&s, level) == 0)
			*severity = s;
	}
	return true;
}

static bool keep_finding(fl_finding *f, void *ctx)
{
	return fl__policy_keep(ctx, f->rule, &f->severity);
}

void fl__policy_apply(fl_result *res, const fl_check_options *o)
{
	if (o && (o->select || o->ignore || o->severity))
		fl__result_filter(res, keep_finding, (void *)o);
}

/* Edit distance of a[0,an) and b[0,bn), at most 64 bytes each (else a
 * large number). */
static size_t distance(const char *a, size_t an, const char *b, size_t bn)
{
	size_t row[65];

	if (an > 64 || bn > 64)
		return 1000;
	for (size_t j = 0; j <= bn; j++)
		row[j] = j;
	for (size_t i = 1; i <= an; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			size_t up = row[j];
			size_t sub = diag + (a[i - 1] != b[j - 1]);
			size_t del = row[j] + 1, ins = row[j - 1] + 1;
			row[j] = sub < del ? (sub < ins ? sub : ins)
			                   : (del < ins ? del : ins);
			diag = up;
		}
	}
	return row[bn];
}

const char *fl_nearest(const char *word, const char *const *candidates,
                       size_t count, size_t max_distance)
{
	const char *near = NULL;
	size_t best = max_distance + 1, n = word ? strlen(word) : 0;

	for (size_t i = 0; word && i < count; i++) {
		size_t d =
		    distance(word, n, candidates[i], strlen(candidates[i]));
		if (d < best) {
			best = d;
			near = candidates[i];
		}
	}
	return near;
}

/* Checks each selector of list (what: its name in messages) against the
 * rules of l. */
static int validate(fl_checker *chk, const fl_rule_list *l, const char *list,
                    const char *what, bool levels)
{
	const char *p = list, *s, *v;
	size_t n, vn;

	while (list && next_selector(&p, &s, &n, &v, &vn)) {
		size_t near_d = n < 8 ? 3 : 4, count = fl_rule_list_count(l);
		char near[128] = "";
		bool found = false;
		for (size_t i = 0; i < count && !found; i++) {
			const char *id = fl_rule_list_get(l, i)->id;
			const char *dot = strchr(id, '.');
			size_t d;
			found = names(s, n, id);
			/* the nearest id, or family of ids ("name.") */
			if ((d = distance(s, n, id, strlen(id))) < near_d) {
				near_d = d;
				snprintf(near, sizeof(near), "%s", id);
			}
			if (dot &&
			    (d = distance(s, n, id,
			                  (size_t)(dot - id) +
			                      (s[n - 1] == '.'))) < near_d) {
				near_d = d;
				snprintf(near, sizeof(near), "%.*s",
				         (int)(dot - id) + (s[n - 1] == '.'),
				         id);
			}
		}
		if (!found)
			return fl__checker_fail(
			    chk, FL_EINVAL, "%s: no rule '%.*s'%s%s%s", what,
			    (int)n, s, near[0] ? " (did you mean '" : "", near,
			    near[0] ? "'?)" : "");
		if (levels) {
			char level[16];
			fl_severity sev;
			if (!v || vn == 0 || vn >= sizeof(level))
				return fl__checker_fail(
				    chk, FL_EINVAL,
				    "%s: '%.*s' needs a level: %.*s=info, "
				    "warning, error or off",
				    what, (int)n, s, (int)n, s);
			memcpy(level, v, vn);
			level[vn] = '\0';
			if (strcmp(level, "off") != 0 &&
			    fl_severity_parse(&sev, level) < 0)
				return fl__checker_fail(
				    chk, FL_EINVAL,
				    "%s: '%s' is no level (info, warning, "
				    "error or off)",
				    what, level);
		} else if (v) {
			return fl__checker_fail(chk, FL_EINVAL,
			                        "%s: '%.*s=%.*s': a rule takes "
			                        "no value here",
			                        what, (int)n, s, (int)vn, v);
		}
	}
	return 0;
}

int fl_checker_validate_rules(fl_checker *chk, const fl_check_options *o)
{
	fl_rule_list *l = NULL;
	int error;

	if (!o || (!o->select && !o->ignore && !o->severity))
		return 0;
	if ((error = fl_checker_rules(&l, chk, NULL)) < 0)
		return error;
	if ((error = validate(chk, l, o->select, "select", false)) == 0 &&
	    (error = validate(chk, l, o->ignore, "ignore", false)) == 0)
		error = validate(chk, l, o->severity, "severity", true);
	fl_rule_list_free(l);
	return error;
}
