/*
 * The text format, like gcc and clang:
 *
 *   path:12:58: error: message [rule]
 *      12 | the source line
 *         |                                                 ^~~~~~
 *         = suggestion: Surge
 *
 * Columns are code points. Document text never reaches the terminal with
 * its control characters: a TAB is shown as one space, every other control
 * character (C0, DEL, C1, a NUL included) and every bidirectional control
 * (U+061C, U+200E/F, U+202A-202E, U+2066-2069) and line or paragraph
 * separator as "<U+202E>", as compilers do since Trojan Source, so that
 * a report cannot be made to display text other than the one it names;
 * the caret line counts the columns of those escapes, and the columns a
 * terminal gives each character (none for a combining mark, two for a
 * wide one). A line that reads right to left gets no caret line: the
 * span is marked inside it, ⟦Trupge⟧, since a caret under text in
 * logical order would point elsewhere once the line is laid out.
 *
 * A rule list (`fidelint rules`) is one line a rule: id, severity, pack,
 * message.
 */
#include "report.h"

#include "../text/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SGR_RESET   "\033[0m"
#define SGR_BOLD    "\033[1m"
#define SGR_RED     "\033[1;31m"
#define SGR_MAGENTA "\033[1;35m"
#define SGR_CYAN    "\033[1;36m"
#define SGR_GREEN   "\033[1;32m"

/* Narrowest line-number column, as gcc: "   12 | ". */
#define GUTTER_MIN 4
/* Longest source line shown whole, in code points; and how much of a
 * longer one is shown before the column. */
#define CONTEXT_WINDOW 100
#define CONTEXT_BEFORE 40

typedef struct {
	fl_buf *out;
	bool color;
	int error; /* first failure; later writes are skipped */
} writer;

static void put(writer *w, const char *s, size_t n)
{
	if (!w->error)
		w->error = fl_buf_put(w->out, s, n);
}

static void puts_(writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void putc_n(writer *w, char c, size_t n)
{
	for (size_t i = 0; i < n && !w->error; i++)
		w->error = fl_buf_putc(w->out, c);
}

static void put_size(writer *w, size_t n, int width)
{
	if (!w->error)
		w->error = fl_buf_printf(w->out, "%*zu", width, n);
}

/* An SGR sequence, only when colour is on. */
static void sgr(writer *w, const char *code)
{
	if (w->color)
		puts_(w, code);
}

/* Whether code point c is shown escaped ("<U+XXXX>"). */
static bool escaped(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C ||
	       c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/*
 * The code point at s[0,n) (n > 0): sets *len to its bytes and writes how
 * it is shown into esc (NUL-terminated; "" when shown as it is). A byte
 * that does not start valid UTF-8 is shown as "<0xFF>".
 */
static void shown(char esc[12], const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[0];
	size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

	esc[0] = '\0';
	*len = 1;
	if (c >= 0x80) {
		if (c < 0xC2 || c > 0xF4 || k > n) {
			snprintf(esc, 12, "<0x%02X>", (unsigned)u[0]);
			return;
		}
		c &= 0x3F >> (k - 1);
		for (size_t i = 1; i < k; i++) {
			if ((u[i] & 0xC0) != 0x80) {
				snprintf(esc, 12, "<0x%02X>", (unsigned)u[0]);
				return;
			}
			c = c << 6 | (u[i] & 0x3F);
		}
		*len = k;
	}
	if (c == '\t')
		memcpy(esc, " ", 2);
	else if (escaped(c))
		snprintf(esc, 12, "<U+%04X>", (unsigned)c);
}

/* The code point of valid UTF-8 s[0,len). */
static uint32_t decode(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = len == 1 ? u[0] : u[0] & (0x3F >> (len - 1));
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (u[i] & 0x3F);
	return c;
}

/* Writes s[0,n) with the characters escaped() shows as escapes; returns
 * the terminal columns written (a combining mark none, a wide character
 * two, an escape its length). w NULL: only counts. */
static size_t put_clean_n(writer *w, const char *s, size_t n)
{
	size_t cols = 0, run = 0, i = 0;
	char esc[12];

	while (i < n) {
		size_t len;
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++;
			cols++;
			continue;
		}
		shown(esc, s + i, n - i, &len);
		if (!esc[0]) {
			cols += (size_t)fl__cp_width(decode(s + i, len));
			i += len;
			continue;
		}
		if (w) {
			put(w, s + run, i - run);
			puts_(w, esc);
		}
		cols += strlen(esc);
		i += len;
		run = i;
	}
	if (w)
		put(w, s + run, n - run);
	return cols;
}

/* put_clean_n of NUL-terminated s. */
static void put_clean(writer *w, const char *s)
{
	put_clean_n(w, s, strlen(s));
}

/* Number of code points of UTF-8 s[0,n) (bytes that do not continue
 * one). */
static size_t count_code_points(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int digits(size_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static const char *severity_color(fl_severity sev)
{
	switch (sev) {
	case FL_SEVERITY_ERROR:
		return SGR_RED;
	case FL_SEVERITY_WARNING:
		return SGR_MAGENTA;
	default:
		return SGR_CYAN;
	}
}

/* "path:line:col: error: message [rule]" */
static void put_header(writer *w, const char *path, const fl_finding *f)
{
	sgr(w, SGR_BOLD);
	put_clean(w, path);
	if (f->line > 0 && !w->error)
		w->error = fl_buf_printf(w->out, ":%zu:%zu", f->line,
		                         f->column ? f->column : 1);
	puts_(w, ":");
	sgr(w, SGR_RESET);
	puts_(w, " ");
	sgr(w, severity_color(f->severity));
	puts_(w, fl_severity_name(f->severity));
	puts_(w, ":");
	sgr(w, SGR_RESET);
	puts_(w, " ");
	sgr(w, SGR_BOLD);
	put_clean(w, f->message);
	sgr(w, SGR_RESET);
	puts_(w, " [");
	put_clean(w, f->rule);
	puts_(w, "]");
	if (f->source_line > 0 && !w->error)
		w->error = fl_buf_printf(w->out, " (original line %zu)",
		                         f->source_line);
	puts_(w, "\n");
}

/* Byte offset of code point k (0-based) of UTF-8 s[0,n), or n. */
static size_t cp_offset(const char *s, size_t n, size_t k)
{
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (k == 0)
				return i;
			k--;
		}
	}
	return n;
}

/*
 * The source line and the caret line under it. A line longer than
 * CONTEXT_WINDOW code points (a whole article on one line is common in
 * machine translation output) is shown as a window around the column,
 * with "..." where it was cut.
 */
static void put_source(writer *w, const fl_finding *f, int width)
{
	const char *ctx = f->context;
	size_t clen = f->context_len ? f->context_len : strlen(ctx);
	size_t cps = count_code_points(ctx, clen);
	size_t col = f->context_column ? f->context_column : 1;
	size_t tildes = 0, first = 1, last = cps, a, b, at;
	bool cut_left = false, cut_right = false;

	/* A place past the end of the kept line points just after it. */
	if (col > cps + 1)
		col = cps + 1;
	if (f->end_line == f->line && f->end_column > f->column + 1) {
		size_t end = col + (f->end_column - f->column);
		if (end > cps + 1)
			end = cps + 1;
		if (end > col + 1)
			tildes = end - col - 1;
	}
	if (cps > CONTEXT_WINDOW) {
		if (col > CONTEXT_BEFORE + 1) {
			first = col - CONTEXT_BEFORE;
			cut_left = true;
		}
		last = first + CONTEXT_WINDOW - 1;
		if (last < col + tildes)
			last = col + tildes;
		if (last >= cps)
			last = cps;
		else
			cut_right = true;
	}

	a = cp_offset(ctx, clen, first - 1);
	b = cp_offset(ctx, clen, last);
	at = cp_offset(ctx, clen, col - 1);
	puts_(w, " ");
	put_size(w, f->line, width);
	puts_(w, " | ");
	if (cut_left)
		puts_(w, "...");
	if (fl__utf8_rtl(ctx + a, b - a)) {
		/* Right to left: a caret under text in logical order points
		 * at the wrong place once the terminal lays the line out, so
		 * the span is marked inside the line. */
		size_t e = cp_offset(ctx, clen, col + tildes);
		if (e > b)
			e = b;
		put_clean_n(w, ctx + a, at - a);
		sgr(w, SGR_GREEN);
		puts_(w, "\u27E6");
		put_clean_n(w, ctx + at, e > at ? e - at : 0);
		puts_(w, "\u27E7");
		sgr(w, SGR_RESET);
		put_clean_n(w, ctx + e, b > e ? b - e : 0);
		if (cut_right)
			puts_(w, "...");
		puts_(w, "\n");
		return;
	}
	put_clean_n(w, ctx + a, b - a);
	if (cut_right)
		puts_(w, "...");
	puts_(w, "\n ");
	putc_n(w, ' ', (size_t)width);
	puts_(w, " | ");
	/* Under the column: as wide as what is shown before it. */
	putc_n(w, ' ',
	       put_clean_n(NULL, ctx + a, (at > a ? at : a) - a) +
	           (cut_left ? 3 : 0));
	sgr(w, SGR_GREEN);
	puts_(w, "^");
	/* As wide as what is shown of the span. */
	if (tildes) {
		size_t e = cp_offset(ctx, clen, col + tildes);
		size_t n = at < e ? put_clean_n(NULL, ctx + at, e - at) : 0;
		putc_n(w, '~', n > 1 ? n - 1 : tildes);
	}
	sgr(w, SGR_RESET);
	puts_(w, "\n");
}

/* "      = label: value" */
static void put_note(writer *w, int width, const char *label, const char *value)
{
	puts_(w, " ");
	putc_n(w, ' ', (size_t)width);
	puts_(w, " = ");
	puts_(w, label);
	puts_(w, ": ");
	put_clean(w, value);
	puts_(w, "\n");
}

static void put_finding(writer *w, const char *path, const fl_finding *f)
{
	int width = GUTTER_MIN;

	if (f->line > 0 && digits(f->line) > width)
		width = digits(f->line);
	put_header(w, path, f);
	if (f->line > 0 && f->context)
		put_source(w, f, width);
	/* The expected value adds nothing when it repeats the text (a missing
	 * name) or the suggestion. */
	if (f->expected && strcmp(f->expected, f->text) != 0 &&
	    (!f->suggestion || strcmp(f->expected, f->suggestion) != 0))
		put_note(w, width, "expected", f->expected);
	if (f->suggestion)
		put_note(w, width, "suggestion", f->suggestion);
}

static const char *plural(size_t n, const char *one, const char *many);

/* Places listed after a folded finding, at most. */
#define FOLD_PLACES 6

/*
 * The findings of one file. A finding that says what an earlier one said
 * (same rule, severity, text and message: "IA em escala" 15 times) is not
 * shown again; the first shows where the others are: "= and 4 more like
 * this: 2:1906, 2:2424, ...". The groups come from one pass over the
 * findings (fl__fold), the report from a second. flush (NULL: none) is
 * called whenever out holds FL__PART_FLUSH bytes. Returns 0, FL_ENOMEM,
 * FL_EIO or flush's error.
 */
static int put_findings(writer *w, const char *path, const fl_result *res,
                        fl__part_flush_fn flush, void *ctx)
{
	size_t n = fl_result_count(res);
	fl__fold fo;
	int error;

	if ((error = fl__fold_build(&fo, res)) < 0) {
		fl__fold_dispose(&fo);
		return error;
	}
	for (size_t k = 0; k < n && !w->error; k++) {
		const fl_finding *f = fl_result_finding(res, k);
		const fl__fold_group *g;
		size_t more, line;
		int width = GUTTER_MIN;
		if (!f) {
			error = FL_EIO;
			break;
		}
		if (!(g = fl__fold_find(&fo, f)) || g->first != k)
			continue;
		put_finding(w, path, f);
		more = g->count - 1;
		line = f->line;
		if (more) {
			if (line > 0 && digits(line) > width)
				width = digits(line);
			puts_(w, " ");
			putc_n(w, ' ', (size_t)width);
			if (!w->error)
				w->error = fl_buf_printf(
				    w->out, " = and %zu more like this%s", more,
				    line ? ": " : "");
			for (size_t j = 1; line && j <= more && !w->error;
			     j++) {
				fl__fold_place p;
				if (j > FOLD_PLACES) {
					puts_(w, ", ...");
					break;
				}
				p = fl__fold_place_at(g, j);
				w->error = fl_buf_printf(
				    w->out, "%s%zu:%zu", j > 1 ? ", " : "",
				    p.line, p.column ? p.column : 1);
			}
			puts_(w, "\n");
		}
		if (flush && !w->error && w->out->len >= FL__PART_FLUSH)
			w->error = flush(ctx, w->out);
	}
	fl__fold_dispose(&fo);
	return error ? error : w->error;
}

/* The breakdown line of one file with findings (put_breakdown). */
static void put_breakdown_file(writer *w, const char *path, const fl_result *r)
{
	size_t n = fl_result_count(r), shown_rules = 0;
	fl__fold fo;
	bool *seen = NULL;

	if (!n || w->error)
		return;
	if ((w->error = fl__fold_build(&fo, r)) < 0 ||
	    !(seen =
	          calloc(fo.rule_count ? fo.rule_count : 1, sizeof(*seen)))) {
		if (!w->error)
			w->error = FL_ENOMEM;
		fl__fold_dispose(&fo);
		return;
	}
	puts_(w, "  ");
	put_clean(w, path);
	if (!w->error) {
		size_t e = fl_result_count_severity(r, FL_SEVERITY_ERROR),
		       v = fl_result_count_severity(r, FL_SEVERITY_WARNING),
		       f = fl_result_count_severity(r, FL_SEVERITY_INFO);
		w->error = fl_buf_printf(w->out, ": %zu %s, %zu %s, %zu %s", e,
		                         plural(e, "error", "errors"), v,
		                         plural(v, "warning", "warnings"), f,
		                         plural(f, "info", "infos"));
	}
	/* rules by count, each once; of equal counts the first met first */
	for (;;) {
		size_t best = fo.rule_count, best_count = 0;
		for (size_t k = 0; k < fo.rule_count; k++)
			if (!seen[k] && fo.rules[k].count > best_count) {
				best = k;
				best_count = fo.rules[k].count;
			}
		if (best == fo.rule_count || w->error)
			break;
		seen[best] = true;
		w->error =
		    fl_buf_printf(w->out, "%s%s %zu", shown_rules ? ", " : " (",
		                  fo.rules[best].rule, best_count);
		shown_rules++;
	}
	puts_(w, shown_rules ? ")\n" : "\n");
	free(seen);
	fl__fold_dispose(&fo);
}

/* Per file with findings, its totals and the rules behind them, most
 * frequent first: "  story.pt.txt: 34 errors, 14 warnings (name.literal
 * 15, name.case 14, ...)". Only when there are FL__TEXT_BREAKDOWN_MIN
 * findings or more: a short report needs none. */
static void put_breakdown(writer *w, const fl_report *report)
{
	fl_report_summary sum;
	bool any = false;

	fl_report_summarize(&sum, report);
	if (sum.errors + sum.warnings + sum.infos < FL__TEXT_BREAKDOWN_MIN)
		return;

	for (size_t i = 0; i < report->count && !w->error; i++) {
		const fl_result *r = report->entries[i].result;
		if (!r || !fl_result_count(r))
			continue;
		if (!any)
			puts_(w, FL__TEXT_BREAKDOWN_HEAD);
		any = true;
		put_breakdown_file(
		    w, fl__report_entry_path(&report->entries[i]), r);
	}
	if (any)
		puts_(w, FL__TEXT_BREAKDOWN_TAIL);
}

/* "fidelint: path: message", without repeating a path the message starts
 * with ("path: cannot open", "path:3:4: problem"). */
static void put_failure(writer *w, const char *path, const char *message)
{
	size_t plen = strlen(path);
	bool named = strncmp(message, path, plen) == 0 && message[plen] == ':';

	puts_(w, "fidelint: ");
	sgr(w, SGR_BOLD);
	put_clean(w, path);
	sgr(w, SGR_RESET);
	if (named) {
		put_clean(w, message + plen);
	} else {
		puts_(w, ": ");
		put_clean(w, message);
	}
	puts_(w, "\n");
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void put_summary(writer *w, const fl_report_summary *s)
{
	if (w->error)
		return;
	w->error =
	    fl_buf_printf(w->out, "%zu %s, %zu %s, %zu %s in %zu %s", s->errors,
	                  plural(s->errors, "error", "errors"), s->warnings,
	                  plural(s->warnings, "warning", "warnings"), s->infos,
	                  plural(s->infos, "info", "infos"), s->files,
	                  plural(s->files, "file", "files"));
	if (!w->error && s->failed_files)
		w->error = fl_buf_printf(
		    w->out, ", %zu %s could not be checked", s->failed_files,
		    plural(s->failed_files, "file", "files"));
	puts_(w, "\n");
}

int fl__report_render_text(fl_buf *out, const fl_report *report,
                           const fl_rule_list *rules, unsigned flags)
{
	writer w = {out, (flags & FL_REPORT_COLOR) != 0, 0};
	fl_report_summary summary;

	(void)rules;
	for (size_t i = 0; i < report->count && !w.error; i++) {
		const fl__report_entry *e = &report->entries[i];
		const char *path = fl__report_entry_path(e);

		if (!e->result) {
			put_failure(&w, path, e->message);
			continue;
		}
		if (put_findings(&w, path, e->result, NULL, NULL) < 0)
			return w.error ? w.error : FL_ENOMEM;
	}
	fl_report_summarize(&summary, report);
	put_breakdown(&w, report);
	put_summary(&w, &summary);
	return w.error;
}

int fl__text_put_result(fl_buf *out, const char *path, const fl_result *res,
                        unsigned flags)
{
	return fl__text_put_result_flushing(out, path, res, flags, NULL, NULL);
}

int fl__text_put_result_flushing(fl_buf *out, const char *path,
                                 const fl_result *res, unsigned flags,
                                 fl__part_flush_fn flush, void *ctx)
{
	writer w = {out, (flags & FL_REPORT_COLOR) != 0, 0};
	int error = put_findings(&w, path, res, flush, ctx);

	return error < 0 ? error : w.error;
}

int fl__text_put_failure(fl_buf *out, const char *path, const char *message,
                         unsigned flags)
{
	writer w = {out, (flags & FL_REPORT_COLOR) != 0, 0};

	put_failure(&w, path, message);
	return w.error;
}

int fl__text_put_breakdown_file(fl_buf *out, const char *path,
                                const fl_result *res)
{
	writer w = {out, false, 0};

	put_breakdown_file(&w, path, res);
	return w.error;
}

int fl__text_put_summary(fl_buf *out, const fl_report_summary *s)
{
	writer w = {out, false, 0};

	put_summary(&w, s);
	return w.error;
}

/* The rule list as `fidelint rules` prints it: id, severity, pack (- when
 * built in) and message, one rule a line. */
int fl__rules_render_text(fl_buf *out, const fl_rule_list *rules,
                          unsigned flags)
{
	size_t n = fl_rule_list_count(rules);

	(void)flags;
	for (size_t i = 0; i < n; i++) {
		const fl_rule_info *r = fl_rule_list_get(rules, i);
		int error = fl_buf_printf(out, "%-36s %-8s %-6s %s\n", r->id,
		                          fl_severity_name(r->severity),
		                          r->pack ? r->pack : "-", r->message);
		if (error < 0)
			return error;
	}
	return 0;
}
