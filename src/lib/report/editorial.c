/*
 * The html format: the editorial report, one self-contained page (no
 * script, no request to anything) for an editor, not a developer:
 *
 *  1. a verdict and a table of the translations, readable in ten seconds;
 *  2. the fact x translation matrix (table#fact-matrix): a row per entity,
 *     number and term of the facts (fl_report_set_facts), a column per
 *     translation, each cell saying how the translation renders the fact
 *     (data-state: written, rendered, garbled, literal, miscased, fewer,
 *     mismatch, forbidden, missing) with the forms and counts;
 *  3. each translation's text (fl_report_add_document) with its findings
 *     marked in place, explained on hover and, on a click, in the list
 *     below it; right to left for Arabic and Hebrew.
 */
#include "report.h"

#include "../facts/facts.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

/* s[0,n) escaped for HTML text and attribute values. */
static int put_esc_n(fl_buf *out, const char *s, size_t n)
{
	int error = 0;
	for (size_t i = 0; i < n && error == 0; i++) {
		switch (s[i]) {
		case '&':
			error = fl_buf_puts(out, "&amp;");
			break;
		case '<':
			error = fl_buf_puts(out, "&lt;");
			break;
		case '>':
			error = fl_buf_puts(out, "&gt;");
			break;
		case '"':
			error = fl_buf_puts(out, "&quot;");
			break;
		case '\0':
			error = fl_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
			break;
		default:
			error = fl_buf_putc(out, s[i]);
		}
	}
	return error;
}

static int put_esc(fl_buf *out, const char *s)
{
	return put_esc_n(out, s ? s : "", strlen(s ? s : ""));
}

static const char *sev_class(fl_severity s)
{
	return s == FL_SEVERITY_ERROR     ? "error"
	       : s == FL_SEVERITY_WARNING ? "warning"
	                                  : "info";
}

/* Whether a language tag is written right to left. */
static bool rtl_lang(const char *lang)
{
	return lang &&
	       (strncmp(lang, "ar", 2) == 0 || strncmp(lang, "he", 2) == 0 ||
	        strncmp(lang, "fa", 2) == 0 || strncmp(lang, "ur", 2) == 0) &&
	       (lang[2] == '\0' || lang[2] == '-');
}

/* The last part of a path. */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static const char STYLE[] =
    "body{font:15px/1.5 'DejaVu Sans',sans-serif;margin:2em auto;"
    "max-width:72em;color:#222}h1{font-size:1.6em}h2{font-size:1.25em;"
    "margin-top:2em}table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:start;"
    "vertical-align:top}th{background:#f4f4f4}.verdict{font-size:1.2em}"
    ".cell{font-size:.9em}.written,.rendered{background:#e7f6e7}"
    ".garbled,.literal,.missing,.mismatch,.forbidden{background:#fde2e1}"
    ".miscased,.fewer{background:#fff3cd}mark.error{background:#f8b4b0}"
    "mark.warning{background:#fde68a}mark.info{background:#dbeafe}"
    "mark a{color:inherit;text-decoration:none}.text{white-space:pre-wrap;"
    "border:1px solid #ddd;padding:1em;background:#fcfcfc}"
    ".findings li{margin:.2em 0}.findings li:target{background:#fff3cd}"
    ".rule{color:#666;font-size:.85em}";

/* The findings of res of rule (NULL: any) whose suggestion or expected
 * value is want, and their count. */
typedef struct {
	size_t count;
	const fl_finding *first;
	char forms[256]; /* the distinct texts, ", "-separated */
} tally;

static tally tally_of(const fl_result *res, const char *rule, const char *want)
{
	tally t;

	memset(&t, 0, sizeof(t));
	for (size_t i = 0; res && i < fl_result_count(res); i++) {
		const fl_finding *f = fl_result_finding(res, i);
		if (strcmp(f->rule, rule) != 0)
			continue;
		if (want &&
		    !((f->suggestion && strcmp(f->suggestion, want) == 0) ||
		      (f->expected && strcmp(f->expected, want) == 0) ||
		      strcmp(f->text, want) == 0))
			continue;
		if (!t.first)
			t.first = f;
		t.count++;
		if (!strstr(t.forms, f->text) &&
		    strlen(t.forms) + strlen(f->text) + 3 < sizeof(t.forms))
			snprintf(t.forms + strlen(t.forms),
			         sizeof(t.forms) - strlen(t.forms), "%s%s",
			         t.forms[0] ? ", " : "", f->text);
	}
	return t;
}

/* Whether form is the entity's name or one of its aliases. */
static bool as_written(const fl__entity *en, const char *form)
{
	if (strcmp(form, en->name) == 0)
		return true;
	for (size_t a = 0; a < en->alias_count; a++)
		if (strcmp(form, en->aliases[a]) == 0)
			return true;
	return false;
}

/* One "state: forms" line of a cell. */
static int cell_line(fl_buf *out, const char *label, const char *form, size_t n)
{
	int error = fl_buf_puts(out, "<div>");
	if (error == 0)
		error = fl_buf_puts(out, label);
	if (error == 0 && form) {
		if ((error = fl_buf_puts(out, " <bdi>")) == 0 &&
		    (error = put_esc(out, form)) == 0)
			error = fl_buf_puts(out, "</bdi>");
	}
	if (error == 0 && n)
		error = fl_buf_printf(out, " ×%zu", n);
	return error ? error : fl_buf_puts(out, "</div>");
}

/* The cell of entity en in result res. */
static int entity_cell(fl_buf *out, const fl__entity *en, const fl_result *res)
{
	fl_buf body = FL_BUF_INIT;
	tally garbled = tally_of(res, "name.garbled", en->name),
	      literal = tally_of(res, "name.literal", en->name),
	      miscased = tally_of(res, "name.case", en->name),
	      missing = tally_of(res, "name.missing", en->name);
	size_t written = 0, rendered = 0;
	const char *state;
	int error = 0;

	for (size_t i = 0; i < fl_result_mention_count(res) && error == 0;
	     i++) {
		const fl_mention_info *m = fl_result_mention(res, i);
		/* a miscased form is said once, as miscased */
		if (strcmp(m->entity, en->name) != 0 ||
		    (miscased.count && strstr(miscased.forms, m->form)))
			continue;
		if (as_written(en, m->form)) {
			written += m->count;
			error =
			    cell_line(&body, "as written:", m->form, m->count);
		} else {
			rendered += m->count;
			error = cell_line(&body, "as", m->form, m->count);
		}
	}
	if (error == 0 && garbled.count)
		error = cell_line(&body, "garbled as", garbled.forms,
		                  garbled.count);
	if (error == 0 && literal.count)
		error = cell_line(&body,
		                  "translated literally:", literal.first->text,
		                  literal.count);
	if (error == 0 && miscased.count)
		error = cell_line(&body, "miscased:", miscased.forms,
		                  miscased.count);
	if (error == 0 && !written && !rendered && !garbled.count &&
	    !literal.count && !miscased.count)
		error = cell_line(&body, "missing", NULL, 0);
	else if (error == 0 && missing.count)
		error = cell_line(&body, "named too rarely", NULL, 0);
	state = garbled.count                              ? "garbled"
	        : literal.count                            ? "literal"
	        : !written && !rendered && !miscased.count ? "missing"
	        : miscased.count                           ? "miscased"
	        : missing.count                            ? "fewer"
	        : written                                  ? "written"
	                                                   : "rendered";
	if (error == 0 &&
	    (error =
	         fl_buf_printf(out, "<td class=\"cell %s\" data-state=\"%s\">",
	                       state, state)) == 0 &&
	    (error = fl_buf_put(out, body.ptr ? body.ptr : "", body.len)) == 0)
		error = fl_buf_puts(out, "</td>");
	fl_buf_dispose(&body);
	return error;
}

/* The cell of number fact raw in result res: a mismatch or an absence
 * the checks found, else rendered. */
static int number_cell(fl_buf *out, const fl__number *num, const fl_result *res)
{
	const char *state = "rendered";
	const fl_finding *hit = NULL;
	int error;

	for (size_t i = 0; res && i < fl_result_count(res) && !hit; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		bool mis = strcmp(f->rule, "number.mismatch") == 0,
		     gone = strcmp(f->rule, "number.missing") == 0;
		if ((mis || gone) &&
		    ((f->expected && strstr(f->expected, num->raw)) ||
		     strstr(f->message, num->raw) ||
		     (gone && strstr(f->text, num->raw)))) {
			hit = f;
			state = mis ? "mismatch" : "missing";
		}
	}
	if ((error =
	         fl_buf_printf(out, "<td class=\"cell %s\" data-state=\"%s\">",
	                       state, state)) < 0)
		return error;
	if (hit && strcmp(state, "mismatch") == 0)
		error = cell_line(out, "written", hit->text, 0);
	else
		error = cell_line(out, hit ? "missing" : "rendered", NULL, 0);
	return error ? error : fl_buf_puts(out, "</td>");
}

/* The cell of term t in result res. */
static int term_cell(fl_buf *out, const fl__term *t, const fl_result *res)
{
	const fl_finding *forbidden = NULL, *missing = NULL;
	const char *state;
	int error;

	for (size_t i = 0; res && i < fl_result_count(res); i++) {
		const fl_finding *f = fl_result_finding(res, i);
		if (!strstr(f->message, t->source) &&
		    strcmp(f->text, t->source))
			continue;
		if (!forbidden && strcmp(f->rule, "term.forbidden") == 0)
			forbidden = f;
		if (!missing && strcmp(f->rule, "term.missing") == 0)
			missing = f;
	}
	state = forbidden ? "forbidden" : missing ? "missing" : "rendered";
	if ((error =
	         fl_buf_printf(out, "<td class=\"cell %s\" data-state=\"%s\">",
	                       state, state)) < 0)
		return error;
	error = forbidden ? cell_line(out, "rendered as", forbidden->text, 0)
	                  : cell_line(out, missing ? "missing" : "as expected",
	                              NULL, 0);
	return error ? error : fl_buf_puts(out, "</td>");
}

/* The fact x translation matrix. */
static int matrix(fl_buf *out, const fl_report *report)
{
	const fl_facts *facts = report->facts;
	int error;

	if (!facts || !facts->loaded)
		return 0;
	if ((error = fl_buf_puts(out, "<section id=\"matrix\"><h2>The facts of "
	                              "the original in each translation</h2>"
	                              "<table id=\"fact-matrix\"><thead><tr>"
	                              "<th>fact</th>")) < 0)
		return error;
	for (size_t j = 0; j < report->count && error == 0; j++) {
		const fl__report_entry *e = &report->entries[j];
		if (!e->result)
			continue;
		if ((error = fl_buf_puts(out, "<th data-file=\"")) == 0 &&
		    (error = put_esc(out, fl_result_path(e->result))) == 0 &&
		    (error = fl_buf_puts(out, "\">")) == 0 &&
		    (error = put_esc(
		         out, base_name(fl_result_path(e->result)))) == 0)
			error = fl_buf_puts(out, "</th>");
	}
	if (error == 0)
		error = fl_buf_puts(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < facts->entity_count && error == 0; i++) {
		const fl__entity *en = &facts->entities[i];
		if ((error = fl_buf_puts(out, "<tr data-fact=\"entity:")) < 0 ||
		    (error = put_esc(out, en->name)) < 0 ||
		    (error = fl_buf_puts(out, "\"><th>")) < 0 ||
		    (error = put_esc(out, en->name)) < 0 ||
		    (error = fl_buf_printf(out, " <span class=\"rule\">%s",
		                           fl_entity_kind_name(en->kind))) <
		        0 ||
		    (en->count >= 0 &&
		     (error = fl_buf_printf(out, ", %ld×", en->count)) < 0) ||
		    (error = fl_buf_puts(out, "</span></th>")) < 0)
			break;
		for (size_t j = 0; j < report->count && error == 0; j++)
			if (report->entries[j].result)
				error = entity_cell(out, en,
				                    report->entries[j].result);
		if (error == 0)
			error = fl_buf_puts(out, "</tr>");
	}
	for (size_t i = 0; i < facts->number_count && error == 0; i++) {
		const fl__number *num = &facts->numbers[i];
		if ((error = fl_buf_puts(out, "<tr data-fact=\"number:")) < 0 ||
		    (error = put_esc(out, num->raw)) < 0 ||
		    (error = fl_buf_puts(out, "\"><th>")) < 0 ||
		    (error = put_esc(out, num->raw)) < 0 ||
		    (num->unit && ((error = fl_buf_puts(out, " ")) < 0 ||
		                   (error = put_esc(out, num->unit)) < 0)) ||
		    (num->about &&
		     ((error = fl_buf_puts(out, " <span class=\"rule\">")) <
		          0 ||
		      (error = put_esc(out, num->about)) < 0 ||
		      (error = fl_buf_puts(out, "</span>")) < 0)) ||
		    (error = fl_buf_puts(out, "</th>")) < 0)
			break;
		for (size_t j = 0; j < report->count && error == 0; j++)
			if (report->entries[j].result)
				error = number_cell(out, num,
				                    report->entries[j].result);
		if (error == 0)
			error = fl_buf_puts(out, "</tr>");
	}
	for (size_t i = 0; i < facts->term_count && error == 0; i++) {
		const fl__term *t = &facts->terms[i];
		if ((error = fl_buf_puts(out, "<tr data-fact=\"term:")) < 0 ||
		    (error = put_esc(out, t->source)) < 0 ||
		    (error = fl_buf_puts(out, "\"><th>")) < 0 ||
		    (error = put_esc(out, t->source)) < 0 ||
		    (error = fl_buf_puts(out, " <span class=\"rule\">term"
		                              "</span></th>")) < 0)
			break;
		for (size_t j = 0; j < report->count && error == 0; j++)
			if (report->entries[j].result)
				error = term_cell(out, t,
				                  report->entries[j].result);
		if (error == 0)
			error = fl_buf_puts(out, "</tr>");
	}
	return error ? error : fl_buf_puts(out, "</tbody></table></section>");
}

/* Byte offset in line [s, s+n) of 1-based column col (code points). */
static size_t col_offset(const char *s, size_t n, size_t col)
{
	size_t i = 0;
	for (size_t c = 1; c < col && i < n; c++) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* The document of entry e (number k) with its placed findings marked. */
static int document(fl_buf *out, const fl__report_entry *e, size_t k)
{
	const fl_result *res = e->result;
	const char *lang = fl_result_lang(res), *t = e->text;
	size_t n = e->text_len, line = 1, next = 0;
	size_t count = fl_result_count(res);
	int error;

	if ((error = fl_buf_printf(out, "<section class=\"doc\" id=\"doc-%zu\"",
	                           k)) < 0 ||
	    (lang && *lang &&
	     ((error = fl_buf_puts(out, " lang=\"")) < 0 ||
	      (error = put_esc(out, lang)) < 0 ||
	      (error = fl_buf_puts(out, "\"")) < 0)) ||
	    (error = fl_buf_printf(out, " dir=\"%s\"><h2 dir=\"ltr\">",
	                           rtl_lang(lang) ? "rtl" : "ltr")) < 0 ||
	    (error = put_esc(out, fl_result_path(res))) < 0 ||
	    (error = fl_buf_puts(out, "</h2>")) < 0)
		return error;
	if (t && (error = fl_buf_puts(out, "<div class=\"text\">")) == 0) {
		/* findings are sorted by place: walk the lines once */
		for (size_t p = 0; p <= n && error == 0; line++) {
			size_t e_ = p, at = 0;
			while (e_ < n && t[e_] != '\n')
				e_++;
			while (next < count &&
			       fl_result_finding(res, next)->line < line)
				next++;
			for (size_t i = next; i < count && error == 0; i++) {
				const fl_finding *f = fl_result_finding(res, i);
				size_t a, b;
				if (f->line != line)
					break;
				a = col_offset(t + p, e_ - p, f->column);
				b = f->end_line == line
				        ? col_offset(t + p, e_ - p,
				                     f->end_column)
				        : e_ - p;
				if (a < at || b <= a)
					continue; /* inside the last mark */
				if ((error = put_esc_n(out, t + p + at,
				                       a - at)) < 0 ||
				    (error = fl_buf_printf(
				         out,
				         "<mark class=\"%s\" data-rule=\"%s\" "
				         "title=\"",
				         sev_class(f->severity), f->rule)) <
				        0 ||
				    (error = put_esc(out, f->message)) < 0 ||
				    (error = fl_buf_printf(
				         out, "\"><a href=\"#f-%zu-%zu\">", k,
				         i)) < 0 ||
				    (error = put_esc_n(out, t + p + a, b - a)) <
				        0 ||
				    (error = fl_buf_puts(out, "</a></mark>")) <
				        0)
					break;
				at = b;
			}
			if (error == 0)
				error = put_esc_n(out, t + p + at, e_ - p - at);
			if (error == 0 && e_ < n)
				error = fl_buf_putc(out, '\n');
			p = e_ + 1;
		}
		if (error == 0)
			error = fl_buf_puts(out, "</div>");
	}
	if (error == 0 && count)
		error = fl_buf_puts(out, "<ol class=\"findings\" dir=\"ltr\">");
	for (size_t i = 0; i < count && error == 0; i++) {
		const fl_finding *f = fl_result_finding(res, i);
		if ((error = fl_buf_printf(out,
		                           "<li id=\"f-%zu-%zu\" class=\"%s\">"
		                           "<b>%s</b> ",
		                           k, i, sev_class(f->severity),
		                           fl_severity_name(f->severity))) <
		        0 ||
		    (f->line &&
		     (error = fl_buf_printf(out, "line %zu: ", f->line)) < 0) ||
		    (error = put_esc(out, f->message)) < 0 ||
		    (f->suggestion &&
		     ((error = fl_buf_puts(out, " — write <bdi>")) < 0 ||
		      (error = put_esc(out, f->suggestion)) < 0 ||
		      (error = fl_buf_puts(out, "</bdi>")) < 0)) ||
		    (error = fl_buf_printf(out,
		                           " <span class=\"rule\">%s</span>"
		                           "</li>",
		                           f->rule)) < 0)
			break;
	}
	if (error == 0 && count)
		error = fl_buf_puts(out, "</ol>");
	return error ? error : fl_buf_puts(out, "</section>");
}

int fl__report_render_html(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags)
{
	fl_report_summary s;
	size_t need = 0, checked = 0;
	int error;

	(void)rules;
	(void)flags;
	fl_report_summarize(&s, report);
	for (size_t i = 0; i < report->count; i++) {
		const fl_result *r = report->entries[i].result;
		if (!r)
			continue;
		checked++;
		need += fl_result_count_severity(r, FL_SEVERITY_ERROR) > 0;
	}
	if ((error = fl_buf_printf(
	         out,
	         "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	         "charset=\"utf-8\"><meta name=\"generator\" "
	         "content=\"fidelint %s\"><title>fidelint: %zu translation%s"
	         "</title><style>%s</style></head><body><h1>Translation "
	         "check</h1><section id=\"summary\"><p class=\"verdict\">",
	         fl_version(), checked, checked == 1 ? "" : "s", STYLE)) < 0)
		return error;
	error = need ? fl_buf_printf(out,
	                             "%zu of %zu translation%s need%s "
	                             "corrections before publication.",
	                             need, checked, checked == 1 ? "" : "s",
	                             need == 1 ? "s" : "")
	             : fl_buf_printf(out,
	                             "No error in %zu translation%s; %zu "
	                             "warning%s to look at.",
	                             checked, checked == 1 ? "" : "s",
	                             s.warnings, s.warnings == 1 ? "" : "s");
	if (error == 0 && s.failed_files)
		error = fl_buf_printf(out, " %zu file%s could not be checked.",
		                      s.failed_files,
		                      s.failed_files == 1 ? "" : "s");
	if (error == 0)
		error = fl_buf_puts(out, "</p><table id=\"translations\"><tr>"
		                         "<th>translation</th><th>language</th>"
		                         "<th>errors</th><th>warnings</th>"
		                         "<th>notes</th></tr>");
	for (size_t i = 0; i < report->count && error == 0; i++) {
		const fl__report_entry *e = &report->entries[i];
		if ((error = fl_buf_printf(out, "<tr><td><a href=\"#doc-%zu\">",
		                           i)) < 0 ||
		    (error = put_esc(out, fl__report_entry_path(e))) < 0)
			break;
		if (!e->result) {
			if ((error = fl_buf_puts(
			         out, "</a></td><td colspan=\"4\">"
			              "could not be checked: ")) < 0 ||
			    (error = put_esc(out, e->message)) < 0)
				break;
			error = fl_buf_puts(out, "</td></tr>");
			continue;
		}
		if ((error = fl_buf_puts(out, "</a></td><td>")) < 0 ||
		    (error = put_esc(out, fl_result_lang(e->result))) < 0)
			break;
		error = fl_buf_printf(
		    out, "</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>",
		    fl_result_count_severity(e->result, FL_SEVERITY_ERROR),
		    fl_result_count_severity(e->result, FL_SEVERITY_WARNING),
		    fl_result_count_severity(e->result, FL_SEVERITY_INFO));
	}
	if (error == 0)
		error = fl_buf_puts(out, "</table></section>");
	if (error == 0)
		error = matrix(out, report);
	for (size_t i = 0; i < report->count && error == 0; i++)
		if (report->entries[i].result)
			error = document(out, &report->entries[i], i);
	return error ? error : fl_buf_puts(out, "</body></html>\n");
}

int fl__rules_render_html(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags)
{
	int error = fl_buf_printf(out,
	                          "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	                          "<meta charset=\"utf-8\"><title>fidelint "
	                          "rules</title><style>%s</style></head><body>"
	                          "<h1>Rules</h1><table id=\"rules\"><tr><th>"
	                          "rule</th><th>severity</th><th>where</th>"
	                          "<th>what</th></tr>",
	                          STYLE);

	(void)flags;
	for (size_t i = 0; i < fl_rule_list_count(rules) && error == 0; i++) {
		const fl_rule_info *r = fl_rule_list_get(rules, i);
		if ((error = fl_buf_puts(out, "<tr><td><code>")) < 0 ||
		    (error = put_esc(out, r->id)) < 0 ||
		    (error = fl_buf_puts(out, "</code></td><td>")) < 0 ||
		    (error = put_esc(
		         out, r->severities ? r->severities
		                            : fl_severity_name(r->severity))) <
		        0 ||
		    (error = fl_buf_puts(out, "</td><td>")) < 0 ||
		    (error = put_esc(out, r->pack ? r->pack : "built in")) <
		        0 ||
		    (error = fl_buf_puts(out, "</td><td>")) < 0 ||
		    (error = put_esc(out, r->message)) < 0)
			break;
		error = fl_buf_puts(out, "</td></tr>");
	}
	return error ? error : fl_buf_puts(out, "</table></body></html>\n");
}
