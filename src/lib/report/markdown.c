/*
 * The markdown format, for a pull-request comment: a line of totals, a
 * table of findings per file and rule, then per file the findings, the
 * same rule and text folded into one item with every place. Also the
 * rule list as a table (`fidelint rules --format markdown`).
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* s with the characters Markdown would read (| * _ ` < > [ ] \ #) escaped,
 * and line ends as spaces. */
static int put_md(fl_buf *out, const char *s)
{
	int error = 0;
	for (; s && *s && error == 0; s++) {
		if (strchr("|*_`<>[]\\#", *s))
			error = fl_buf_putc(out, '\\');
		if (error == 0)
			error = fl_buf_putc(out, *s == '\n' || *s == '\r' ? ' '
			                                                  : *s);
	}
	return error;
}

static const char *sev_word(fl_severity s)
{
	return fl_severity_name(s);
}

/* The per-rule rows of one result: for each rule (in the order first
 * seen), its counts per severity. */
static int rule_rows(fl_buf *out, const char *path, const fl_result *res)
{
	fl__fold fo;
	int error = fl__fold_build(&fo, res);

	for (size_t i = 0; i < fo.rule_count && error == 0; i++) {
		const fl__fold_rule *r = &fo.rules[i];
		if ((error = fl_buf_puts(out, "| ")) < 0 ||
		    (error = put_md(out, path)) < 0 ||
		    (error = fl_buf_puts(out, " | `")) < 0 ||
		    (error = fl_buf_puts(out, r->rule)) < 0)
			break;
		error = fl_buf_printf(
		    out, "` | %zu | %zu | %zu |\n", r->sev[FL_SEVERITY_ERROR],
		    r->sev[FL_SEVERITY_WARNING], r->sev[FL_SEVERITY_INFO]);
	}
	fl__fold_dispose(&fo);
	return error;
}

/* Places listed of a folded item, at most. */
#define ITEM_PLACES 8

/* The items of one result, folded (fl__fold). */
static int items(fl_buf *out, const fl_result *res)
{
	size_t n = fl_result_count(res);
	fl__fold fo;
	int error = fl__fold_build(&fo, res);

	for (size_t i = 0; i < n && error == 0; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		const fl__fold_group *g;
		size_t times;
		if (!f) {
			error = FL_EIO;
			break;
		}
		if (!(g = fl__fold_find(&fo, f)) || g->first != i)
			continue;
		times = g->count;
		if ((error = fl_buf_printf(out, "- **%s** `%s` ",
		                           sev_word(f->severity), f->rule)) <
		        0 ||
		    (error = put_md(out, f->message)) < 0)
			break;
		if (f->suggestion &&
		    ((error = fl_buf_puts(out, " (suggestion: ")) < 0 ||
		     (error = put_md(out, f->suggestion)) < 0 ||
		     (error = fl_buf_putc(out, ')')) < 0))
			break;
		error = fl_buf_puts(out, times > 1 ? " — at " : " — ");
		for (size_t k = 0; k < times && error == 0; k++) {
			fl__fold_place p;
			if (k == ITEM_PLACES) {
				error = fl_buf_printf(out, ", and %zu more",
				                      times - k);
				break;
			}
			p = fl__fold_place_at(g, k);
			error = p.line ? fl_buf_printf(out, "%s%zu:%zu",
			                               k ? ", " : "", p.line,
			                               p.column)
			               : fl_buf_printf(out, "%s(whole file)",
			                               k ? ", " : "");
		}
		if (error == 0 && times > 1)
			error = fl_buf_printf(out, " (%zu times)", times);
		if (error == 0)
			error = fl_buf_putc(out, '\n');
	}
	fl__fold_dispose(&fo);
	return error;
}

int fl__report_render_markdown(fl_buf *out, const fl_report *report,
                               const fl_rule_list *rules, unsigned flags)
{
	fl_report_summary s;
	int error;

	(void)rules;
	(void)flags;
	fl_report_summarize(&s, report);
	if ((error = fl_buf_printf(
	         out,
	         "### fidelint: %zu error%s, %zu warning%s, %zu info%s in %zu "
	         "file%s\n\n",
	         s.errors, s.errors == 1 ? "" : "s", s.warnings,
	         s.warnings == 1 ? "" : "s", s.infos, s.infos == 1 ? "" : "s",
	         s.files, s.files == 1 ? "" : "s")) < 0)
		return error;
	if (s.failed_files &&
	    (error = fl_buf_printf(out, "%zu file%s could not be checked.\n\n",
	                           s.failed_files,
	                           s.failed_files == 1 ? "" : "s")) < 0)
		return error;
	if (s.errors + s.warnings + s.infos) {
		if ((error = fl_buf_puts(out, "| file | rule | errors | "
		                              "warnings | infos |\n"
		                              "|---|---|---:|---:|---:|\n")) <
		    0)
			return error;
		for (size_t i = 0; i < report->count; i++)
			if (report->entries[i].result &&
			    (error = rule_rows(
			         out,
			         fl__report_entry_path(&report->entries[i]),
			         report->entries[i].result)) < 0)
				return error;
	}
	for (size_t i = 0; i < report->count; i++) {
		const fl__report_entry *e = &report->entries[i];
		if (e->result && fl_result_count(e->result) == 0)
			continue;
		if ((error = fl_buf_puts(out, "\n#### ")) < 0 ||
		    (error = put_md(out, fl__report_entry_path(e))) < 0 ||
		    (error = fl_buf_puts(out, "\n\n")) < 0)
			return error;
		if (!e->result) {
			if ((error = fl_buf_puts(
			         out, "Could not be checked: ")) < 0 ||
			    (error = put_md(out, e->message)) < 0 ||
			    (error = fl_buf_putc(out, '\n')) < 0)
				return error;
			continue;
		}
		if ((error = items(out, e->result)) < 0)
			return error;
	}
	return 0;
}

int fl__rules_render_markdown(fl_buf *out, const fl_rule_list *rules,
                              unsigned flags)
{
	int error = fl_buf_puts(out, "| rule | severity | where | what |\n"
	                             "|---|---|---|---|\n");

	(void)flags;
	for (size_t i = 0; i < fl_rule_list_count(rules) && error == 0; i++) {
		const fl_rule_info *r = fl_rule_list_get(rules, i);
		if ((error = fl_buf_printf(out, "| `%s` | ", r->id)) < 0 ||
		    (error = put_md(out, r->severities
		                             ? r->severities
		                             : fl_severity_name(r->severity))) <
		        0 ||
		    (error = fl_buf_puts(out, " | ")) < 0 ||
		    (error = put_md(out, r->pack ? r->pack : "built in")) < 0 ||
		    (error = fl_buf_puts(out, " | ")) < 0 ||
		    (error = put_md(out, r->message)) < 0)
			break;
		error = fl_buf_puts(out, " |\n");
	}
	return error;
}
