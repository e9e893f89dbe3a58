/*
 * The gettext PO reader. libgettextpo (the only file that includes
 * gettext-po.h) parses and validates the catalogue; a small scan of the raw
 * bytes (scan_po) finds where each entry's strings stand, because
 * libgettextpo gives no position for a msgstr. The nth non-obsolete entry
 * of one is the nth of the other, and every string both read must be the
 * same, else the file is refused (FL_EPARSE), never misplaced.
 *
 * Segments:
 *  - each translated msgstr is one segment against its msgid; the header
 *    (msgid "") is none, but its Language goes to the segbuf's target_lang;
 *    an untranslated (empty) msgstr and obsolete (#~) entries are none;
 *    fuzzy entries are FL_SEGMENT_DRAFT;
 *  - plurals: each msgstr[j] is a segment against msgid_plural, except
 *    msgstr[0] which is against msgid, unless the header's Plural-Forms
 *    takes form 0 for infinitely many counts (nplurals=1 languages,
 *    Russian's 1, 21, 31...) where it stands for plurals too;
 *  - the id is "msgid", "msgctxt|msgid" with a context (the "|" of
 *    glib's C_() and Qt's disambiguations, readable in JSON where
 *    gettext's "\004" is not), and "[j]" after it for msgstr[j].
 *
 * Placeholders are masked codes (fl__segtext_code, as many spaces as the
 * placeholder has bytes):
 *  - printf: %s %d %1$s %-5.2f %lu %zu %*d %<PRIu64>; "%%" is text. The
 *    key is the argument number and the type, so "%s %d" and
 *    "%2$d %1$s" match: "%1$s", "%2$d"; d/i are one type, o/u/x/X one,
 *    the floating ones one; length modifiers are part of the type;
 *  - Python: %(name)s (key "%(name)s"), and printf's;
 *  - braces: {name}, {0}, {} (the nth {} is {n}), {0:.2f}, {name!r},
 *    ICU/Java {count} and {0,number}: key "{name}"; "{{" "}}" are text.
 * Which syntaxes apply: the entry's format flags when it has one
 * (c-format, python-format, python-brace-format, ... : format_flags[]),
 * even a flag of a syntax not read here (qt-format: no codes). Without
 * one, what the msgid (and msgid_plural) is: printf when it has a
 * directive and every '%' in it starts one or is "%%" (a space flag is not
 * taken then: "100% sure", nor a directive longer than "%d" glued to a
 * word: "%time"), braces likewise; a no-X-format flag rules out its
 * syntax. Told so by the text only, a placeholder of the translation that
 * the original has not is text, not placeholder.extra: no flag said the
 * translation's '%' or '{' is a format.
 *
 * A count may be left out where a plural form stands for finitely many
 * counts ("one file" for "%d file", Arabic's two-form): in such a form
 * the count placeholder (the only placeholder of msgid_plural, else its
 * first integer one) is a code as many times as both sides have it, and
 * masked as plain spaces beyond, so neither placeholder.missing nor
 * placeholder.extra fires on it. Which forms: those the Plural-Forms
 * formula gives no count of 100..999 (pt_BR "n > 1": form 0), and form 0
 * when there is no formula.
 *
 * Positions: each string line is put where it stands in the file, an
 * escape (\" \n \t \\ \ooo \xhh) decoded at its backslash, the next text
 * anchored anew.
 */
#define _GNU_SOURCE /* memfd_create */

#include "input.h"

#include <gettext-po.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

/* ------------------------------------------------------------- raw scan */

enum { F_CTXT, F_ID, F_PLURAL, F_STR };

typedef struct {
	size_t open, close; /* offsets of the quotes */
} str_tok;

typedef struct {
	int kind;
	unsigned index;      /* msgstr[index] */
	size_t first, count; /* str_tok range */
	size_t kw;           /* offset of the keyword */
} po_field;

typedef struct {
	size_t first, count; /* po_field range */
	unsigned flags;      /* FLAG_* of its "#," lines */
	size_t kw;           /* offset of its first keyword */
} raw_entry;

typedef struct {
	str_tok *tok;
	size_t tok_count, tok_cap;
	po_field *fld;
	size_t fld_count, fld_cap;
	raw_entry *ent;
	size_t ent_count, ent_cap;
} raw_po;

/* Placeholder syntaxes. */
#define SYN_PRINTF 1u
#define SYN_NAMED  2u /* Python's %(name)s */
#define SYN_BRACE  4u
#define SYN_GUESS  8u /* told by the text, not a flag: no space flag */

/* Flags of "#," lines: a syntax flag sets FLAG_FORMAT and its syntaxes;
 * a "no-" flag rules out the syntaxes it names when guessing. */
#define FLAG_FORMAT   0x100u
#define FLAG_SHIFT_NO 4 /* the no- syntaxes are the syntaxes << 4 */

static const struct {
	const char *name;
	unsigned syntax;
} format_flags[] = {
    {"c-format", SYN_PRINTF},
    {"objc-format", SYN_PRINTF},
    {"gcc-internal-format", SYN_PRINTF},
    {"gfc-internal-format", SYN_PRINTF},
    {"php-format", SYN_PRINTF},
    {"javascript-format", SYN_PRINTF},
    {"lua-format", SYN_PRINTF},
    {"java-printf-format", SYN_PRINTF},
    {"awk-format", SYN_PRINTF},
    {"boost-format", SYN_PRINTF},
    {"python-format", SYN_PRINTF | SYN_NAMED},
    {"python-brace-format", SYN_BRACE},
    {"c++-format", SYN_BRACE},
    {"java-format", SYN_BRACE},
    {"csharp-format", SYN_BRACE},
    {"perl-brace-format", SYN_BRACE},
    {"rust-format", SYN_BRACE},
    {"sh-format", 0},
    {"qt-format", 0},
    {"qt-plural-format", 0},
    {"kde-format", 0},
    {"elisp-format", 0},
    {"lisp-format", 0},
    {"scheme-format", 0},
    {"smalltalk-format", 0},
    {"tcl-format", 0},
    {"perl-format", 0},
    {"ycp-format", 0},
    {"librep-format", 0},
    {"pascal-format", 0},
    {"gettext-format", 0},
};

/* The FLAG_* of one "#," line s[0,n). */
static unsigned parse_flags(const char *s, size_t n)
{
	unsigned flags = 0;

	for (size_t p = 0; p < n;) {
		size_t q = p, w;
		bool no = false;
		const char *word;
		while (q < n && !strchr(", \t\r\n", s[q]))
			q++;
		word = s + p;
		w = q - p;
		if (w > 3 && memcmp(word, "no-", 3) == 0) {
			no = true;
			word += 3;
			w -= 3;
		} else if (w > 9 && memcmp(word, "possible-", 9) == 0) {
			word += 9;
			w -= 9;
		}
		for (size_t i = 0; w && i < FL_ARRAY_SIZE(format_flags); i++)
			if (strlen(format_flags[i].name) == w &&
			    memcmp(format_flags[i].name, word, w) == 0) {
				unsigned syn = format_flags[i].syntax;
				flags |= no ? syn << FLAG_SHIFT_NO
				            : FLAG_FORMAT | syn;
			}
		p = q + 1;
	}
	return flags;
}

static void raw_dispose(raw_po *r)
{
	free(r->tok);
	free(r->fld);
	free(r->ent);
	memset(r, 0, sizeof(*r));
}

/* The offset after the line that s[p] is on (its line end included). */
static size_t line_after(const char *s, size_t len, size_t p)
{
	while (p < len && s[p] != '\n' && s[p] != '\r')
		p++;
	return p < len ? p + 1 : p;
}

/* Sets *why to what and returns FL_EPARSE. */
static int fail_at(const char **why, const char *what)
{
	*why = what;
	return FL_EPARSE;
}

/*
 * Finds the entries of data[0,len) and where their strings are: keywords,
 * quoted strings and "#," flags as gettext's lexer reads them, obsolete
 * (#~) lines skipped. Returns 0, FL_EPARSE (*at: where, *why: what) or
 * FL_ENOMEM.
 */
static int scan_po(raw_po *r, const char *data, size_t len, size_t *at,
                   const char **why)
{
	unsigned pending = 0;

	memset(r, 0, sizeof(*r));
	for (size_t p = 0; p < len;) {
		unsigned char c = (unsigned char)data[p];
		*at = p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			p++;
		} else if (c == '#') {
			size_t e = line_after(data, len, p);
			if (p + 1 < len && data[p + 1] == '~')
				pending = 0; /* the flags of an obsolete one */
			else if (p + 1 < len && data[p + 1] == ',')
				pending |= parse_flags(data + p + 2, e - p - 2);
			p = e;
		} else if (c == '"') {
			size_t q = p + 1;
			while (q < len && data[q] != '"' && data[q] != '\n' &&
			       data[q] != '\r')
				q += data[q] == '\\' && q + 1 < len &&
				             data[q + 1] != '\n' &&
				             data[q + 1] != '\r'
				         ? 2
				         : 1;
			if (q >= len || data[q] != '"')
				return fail_at(why,
				               "a string that is not closed "
				               "on its line");
			if (!r->fld_count)
				return fail_at(why,
				               "a string before any keyword");
			if (fl__grow((void **)&r->tok, &r->tok_cap,
			             r->tok_count + 1, sizeof(*r->tok)) < 0)
				return FL_ENOMEM;
			r->tok[r->tok_count].open = p;
			r->tok[r->tok_count++].close = q;
			r->fld[r->fld_count - 1].count++;
			p = q + 1;
		} else if ((c >= 'a' && c <= 'z') || c == '_') {
			size_t q = p, w;
			po_field f;
			while (q < len && ((data[q] >= 'a' && data[q] <= 'z') ||
			                   data[q] == '_'))
				q++;
			w = q - p;
			memset(&f, 0, sizeof(f));
			f.kw = p;
			f.first = r->tok_count;
			if (w == 7 && memcmp(data + p, "msgctxt", 7) == 0)
				f.kind = F_CTXT;
			else if (w == 5 && memcmp(data + p, "msgid", 5) == 0)
				f.kind = F_ID;
			else if (w == 12 &&
			         memcmp(data + p, "msgid_plural", 12) == 0)
				f.kind = F_PLURAL;
			else if (w == 6 && memcmp(data + p, "msgstr", 6) == 0)
				f.kind = F_STR;
			else
				return fail_at(why,
				               "not a PO keyword (msgctxt, "
				               "msgid, msgid_plural, msgstr)");
			if (f.kind == F_STR) {
				size_t s = q;
				while (s < len &&
				       (data[s] == ' ' || data[s] == '\t'))
					s++;
				if (s < len && data[s] == '[') {
					unsigned long v = 0;
					s++;
					while (s < len && (data[s] == ' ' ||
					                   data[s] == '\t'))
						s++;
					if (s >= len || data[s] < '0' ||
					    data[s] > '9')
						return fail_at(
						    why,
						    "msgstr[ without a number");
					while (s < len && data[s] >= '0' &&
					       data[s] <= '9' && v < 100000)
						v = v * 10 +
						    (unsigned)(data[s++] - '0');
					while (s < len && (data[s] == ' ' ||
					                   data[s] == '\t'))
						s++;
					if (s >= len || data[s] != ']' ||
					    v >= 100000)
						return fail_at(
						    why,
						    "msgstr[N without its ]");
					f.index = (unsigned)v;
					q = s + 1;
				}
			}
			/* msgctxt starts an entry, and msgid unless it follows
			 * the entry's msgctxt */
			if (f.kind == F_CTXT ||
			    (f.kind == F_ID &&
			     (!r->fld_count ||
			      r->fld[r->fld_count - 1].kind != F_CTXT))) {
				raw_entry *e;
				if (fl__grow((void **)&r->ent, &r->ent_cap,
				             r->ent_count + 1,
				             sizeof(*r->ent)) < 0)
					return FL_ENOMEM;
				e = &r->ent[r->ent_count++];
				e->first = r->fld_count;
				e->count = 0;
				e->flags = pending;
				e->kw = p;
				pending = 0;
			}
			if (!r->ent_count)
				return fail_at(why, "msgstr before any msgid");
			if (fl__grow((void **)&r->fld, &r->fld_cap,
			             r->fld_count + 1, sizeof(*r->fld)) < 0)
				return FL_ENOMEM;
			r->fld[r->fld_count++] = f;
			r->ent[r->ent_count - 1].count++;
			p = q;
		} else {
			return fail_at(why,
			               "not PO: a keyword, a quoted string or "
			               "a # comment was expected");
		}
	}
	return 0;
}

/* ------------------------------------------------------- decoded strings */

/* A field's string, decoded, with the file offset of each byte (an
 * escape's bytes: its backslash). */
typedef struct {
	fl_buf text;
	size_t *off;
	size_t cap;
} dec_str;

static void dec_dispose(dec_str *d)
{
	fl_buf_dispose(&d->text);
	free(d->off);
	memset(d, 0, sizeof(*d));
}

static int dec_add(dec_str *d, char ch, size_t off)
{
	if (fl__grow((void **)&d->off, &d->cap, d->text.len + 1,
	             sizeof(*d->off)) < 0)
		return FL_ENOMEM;
	d->off[d->text.len] = off;
	return fl_buf_putc(&d->text, ch);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the string lines of f into d (cleared first), escapes as
 * gettext reads them. Returns 0 or FL_ENOMEM. */
static int decode(dec_str *d, const raw_po *r, const po_field *f,
                  const char *data)
{
	int error = 0;

	fl_buf_clear(&d->text);
	for (size_t k = f->first; k < f->first + f->count && !error; k++) {
		size_t p = r->tok[k].open + 1, end = r->tok[k].close;
		while (p < end && !error) {
			size_t at = p;
			unsigned v;
			char ch = data[p++];
			if (ch != '\\' || p >= end) {
				error = dec_add(d, ch, at);
				continue;
			}
			ch = data[p++];
			switch (ch) {
			case 'n':
				ch = '\n';
				break;
			case 't':
				ch = '\t';
				break;
			case 'r':
				ch = '\r';
				break;
			case 'b':
				ch = '\b';
				break;
			case 'f':
				ch = '\f';
				break;
			case 'v':
				ch = '\v';
				break;
			case 'a':
				ch = '\a';
				break;
			case 'x':
				v = 0;
				while (p < end && hexval(data[p]) >= 0)
					v = (v * 16 +
					     (unsigned)hexval(data[p++])) &
					    0xFF;
				ch = (char)v;
				break;
			default:
				if (ch >= '0' && ch <= '7') {
					v = (unsigned)(ch - '0');
					for (int i = 0;
					     i < 2 && p < end &&
					     data[p] >= '0' && data[p] <= '7';
					     i++)
						v = v * 8 +
						    (unsigned)(data[p++] - '0');
					ch = (char)(v & 0xFF);
				}
				break; /* \\ \" \' \? and the rest as is */
			}
			error = dec_add(d, ch, at);
		}
	}
	return error;
}

/* Whether d holds exactly the string s (NULL: none). */
static bool dec_is(const dec_str *d, const char *s)
{
	return s && strlen(s) == d->text.len &&
	       (d->text.len == 0 || memcmp(s, d->text.ptr, d->text.len) == 0);
}

/* ---------------------------------------------------------- placeholders */

enum { P_TEXT, P_CODE, P_LITERAL };

typedef struct {
	int kind;
	size_t len;    /* bytes of the piece */
	char key[112]; /* P_CODE */
	char cls;      /* P_CODE: printf type letter, 0 for braces */
} piece;

typedef struct {
	unsigned next_arg;   /* printf: arguments taken so far */
	unsigned next_brace; /* {}: fields taken so far */
	size_t bad;          /* '%' or '{' that start nothing */
} scan_state;

static const char *skip_digits(const char *p, const char *e, unsigned *v)
{
	*v = 0;
	while (p < e && *p >= '0' && *p <= '9') {
		*v = *v < 100000 ? *v * 10 + (unsigned)(*p - '0') : *v;
		p++;
	}
	return p;
}

/* A printf directive at s[0,n) (s[0] is '%') into pc. */
static void printf_at(piece *pc, const char *s, size_t n, unsigned syn,
                      scan_state *st)
{
	const char *p = s + 1, *e = s + n, *name = NULL, *q;
	size_t name_len = 0;
	unsigned arg = 0, v;
	char len_mod[3] = "", cls;

	pc->kind = P_TEXT;
	pc->len = 1;
	if (p < e && *p == '%') {
		pc->kind = P_LITERAL;
		pc->len = 2;
		return;
	}
	if ((syn & SYN_NAMED) && p < e && *p == '(') {
		q = memchr(p, ')', (size_t)(e - p));
		if (!q || q - p - 1 > 64 || q == p + 1)
			goto bad;
		name = p + 1;
		name_len = (size_t)(q - p - 1);
		p = q + 1;
	} else if ((q = skip_digits(p, e, &v)) > p && q < e && *q == '$' &&
	           v > 0) {
		arg = v;
		p = q + 1;
	}
	while (p < e && strchr("-+ #0'I", *p) && *p) {
		if (*p == ' ' && (syn & SYN_GUESS))
			goto bad;
		p++;
	}
	for (int part = 0; part < 2; part++) { /* width, .precision */
		if (part == 1) {
			if (p >= e || *p != '.')
				break;
			p++;
		}
		if (p < e && *p == '*') {
			p++;
			q = skip_digits(p, e, &v);
			if (q > p && q < e && *q == '$')
				p = q + 1;
			else if (!arg && !name)
				st->next_arg++;
		} else {
			p = skip_digits(p, e, &v);
		}
	}
	if (p < e && strchr("hlLqjzZt", *p) && *p) {
		len_mod[0] = *p == 'q' ? 'L' : *p == 'Z' ? 'z' : *p;
		p++;
		if (p < e && (*p == 'h' || *p == 'l') && *p == len_mod[0])
			len_mod[1] = *p++;
	}
	if (p >= e)
		goto bad;
	if (*p == '<' && !(syn & SYN_NAMED)) { /* <inttypes.h>: %<PRIu64> */
		q = memchr(p, '>', (size_t)(e - p));
		if (!q || q - p < 5 || q - p > 20 || memcmp(p + 1, "PRI", 3))
			goto bad;
		cls = p[4];
		len_mod[0] = '<';
		len_mod[1] = '\0';
		p = q + 1;
		if (!strchr("diouxX", cls) || !cls)
			goto bad;
	} else {
		cls = *p++;
	}
	switch (cls) {
	case 'd':
	case 'i':
		cls = 'd';
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		cls = 'u';
		break;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		cls = 'f';
		break;
	case 'r':
		cls = (syn & SYN_NAMED) ? 's' : 0;
		break;
	case 'c':
	case 's':
	case 'p':
	case 'n':
	case 'm':
		break;
	default:
		cls = 0;
		break;
	}
	if (!cls)
		goto bad;
	/* Told by the text: "%time" is no %ti; a directive with more than
	 * its conversion is not glued to a word. */
	if ((syn & SYN_GUESS) && p - s > 2 && !name && p < e &&
	    ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		goto bad;
	pc->kind = P_CODE;
	pc->len = (size_t)(p - s);
	pc->cls = cls;
	if (cls == 'm')
		snprintf(pc->key, sizeof(pc->key), "%%m");
	else if (name)
		snprintf(pc->key, sizeof(pc->key), "%%(%.*s)%s%c",
		         (int)name_len, name, len_mod, cls);
	else
		snprintf(pc->key, sizeof(pc->key), "%%%u$%s%c",
		         arg ? arg : ++st->next_arg, len_mod, cls);
	return;
bad:
	st->bad++;
}

/* A brace field at s[0,n) (s[0] is '{' or '}') into pc. */
static void brace_at(piece *pc, const char *s, size_t n, scan_state *st)
{
	size_t p = 1, name_end;

	pc->kind = P_TEXT;
	pc->len = 1;
	if (n > 1 && s[1] == s[0]) {
		pc->kind = P_LITERAL;
		pc->len = 2;
		return;
	}
	if (s[0] == '}')
		goto bad;
	while (p < n && p < 65 &&
	       ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z') ||
	        (s[p] >= '0' && s[p] <= '9') || s[p] == '_' || s[p] == '.' ||
	        s[p] == '[' || s[p] == ']' || (unsigned char)s[p] >= 0x80))
		p++;
	name_end = p;
	if (p < n && (s[p] == ':' || s[p] == '!' || s[p] == ','))
		while (p < n && s[p] != '}' && s[p] != '{' && s[p] != '\n')
			p++;
	if (p >= n || s[p] != '}')
		goto bad;
	pc->kind = P_CODE;
	pc->len = p + 1;
	pc->cls = 0;
	if (name_end == 1)
		snprintf(pc->key, sizeof(pc->key), "{%u}", st->next_brace++);
	else
		snprintf(pc->key, sizeof(pc->key), "{%.*s}",
		         (int)(name_end - 1), s + 1);
	return;
bad:
	st->bad++;
}

/* The piece of s[0,n) at i in syntaxes syn. */
static void piece_at(piece *pc, const char *s, size_t n, size_t i, unsigned syn,
                     scan_state *st)
{
	pc->kind = P_TEXT;
	pc->len = 1;
	if ((syn & SYN_PRINTF) && s[i] == '%')
		printf_at(pc, s + i, n - i, syn, st);
	else if ((syn & SYN_BRACE) && (s[i] == '{' || s[i] == '}'))
		brace_at(pc, s + i, n - i, st);
}

/* How many codes s[0,n) has in syn (*bad: pieces that start nothing);
 * with key, only those of that key. */
static size_t count_codes(const char *s, size_t n, unsigned syn,
                          const char *key, size_t *bad)
{
	scan_state st = {0, 0, 0};
	size_t codes = 0;
	piece pc;

	for (size_t i = 0; i < n; i += pc.len) {
		piece_at(&pc, s, n, i, syn, &st);
		codes +=
		    pc.kind == P_CODE && (!key || strcmp(key, pc.key) == 0);
	}
	if (bad)
		*bad = st.bad;
	return codes;
}

/* The syntaxes of an entry with flags and strings id and plural (NULL:
 * none), as the file comment says. */
static unsigned entry_syntax(unsigned flags, const char *id, const char *plural)
{
	static const unsigned guess[] = {SYN_PRINTF | SYN_NAMED, SYN_BRACE};
	unsigned syn = 0;

	if (flags & FLAG_FORMAT)
		return flags & (SYN_PRINTF | SYN_NAMED | SYN_BRACE);
	for (size_t g = 0; g < FL_ARRAY_SIZE(guess); g++) {
		unsigned s = guess[g] | SYN_GUESS;
		size_t bad = 0, bad2 = 0, n;
		if (flags & ((guess[g] & ~SYN_NAMED) << FLAG_SHIFT_NO))
			continue;
		n = count_codes(id, strlen(id), s, NULL, &bad);
		if (plural)
			n +=
			    count_codes(plural, strlen(plural), s, NULL, &bad2);
		if (n && !bad && !bad2)
			syn |= s;
	}
	return syn;
}

/* The count placeholder's key of a plural entry into key (size 112): the
 * only placeholder of plural, else its first integer one; "" when none. */
static void count_key(char *key, const char *plural, unsigned syn)
{
	scan_state st = {0, 0, 0};
	size_t n = strlen(plural);
	char first[112] = "", integer[112] = "";
	bool several = false;
	piece pc;

	for (size_t i = 0; i < n; i += pc.len) {
		piece_at(&pc, plural, n, i, syn, &st);
		if (pc.kind != P_CODE)
			continue;
		if (!first[0])
			strcpy(first, pc.key);
		else if (strcmp(first, pc.key) != 0)
			several = true;
		if (!integer[0] && (pc.cls == 'd' || pc.cls == 'u'))
			strcpy(integer, pc.key);
	}
	strcpy(key, several ? integer : first);
}

/* ------------------------------------------------------------ Plural-Forms */

/* The C subset of a Plural-Forms formula, evaluated for one n. */
typedef struct {
	const char *s, *e;
	unsigned long n;
	int depth;
	bool bad;
} plural_expr;

static unsigned long pe_cond(plural_expr *x);

static void pe_space(plural_expr *x)
{
	while (x->s < x->e && (*x->s == ' ' || *x->s == '\t' || *x->s == '\n'))
		x->s++;
}

/* Whether the next token is op (consumed then). */
static bool pe_eat(plural_expr *x, const char *op)
{
	size_t n = strlen(op);
	pe_space(x);
	if ((size_t)(x->e - x->s) < n || memcmp(x->s, op, n) != 0)
		return false;
	/* "<" is not the start of "<=", "!" not of "!=" */
	if (n == 1 && x->s + 1 < x->e && x->s[1] == '=' &&
	    strchr("<>!=", op[0]))
		return false;
	x->s += n;
	return true;
}

static unsigned long pe_unary(plural_expr *x)
{
	unsigned long v = 0;

	pe_space(x);
	if (x->bad || ++x->depth > 64 || x->s >= x->e) {
		x->bad = true;
		return 0;
	}
	if (pe_eat(x, "!")) {
		v = !pe_unary(x);
	} else if (pe_eat(x, "(")) {
		v = pe_cond(x);
		if (!pe_eat(x, ")"))
			x->bad = true;
	} else if (*x->s == 'n') {
		x->s++;
		v = x->n;
	} else if (*x->s >= '0' && *x->s <= '9') {
		for (; x->s < x->e && *x->s >= '0' && *x->s <= '9'; x->s++)
			if (v < 1000000000ul)
				v = v * 10 + (unsigned long)(*x->s - '0');
	} else {
		x->bad = true;
	}
	x->depth--;
	return v;
}

/* Binary levels, loosest first. */
static const char *const pe_ops[][4] = {
    {"||"},     {"&&"},          {"==", "!="}, {"<=", ">=", "<", ">"},
    {"+", "-"}, {"*", "/", "%"},
};

/* a op b, for an operator of pe_ops. */
static unsigned long pe_apply(const char *op, unsigned long a, unsigned long b)
{
	static const char *const names[] = {
	    "||", "&&", "==", "!=", "<=", ">=", "<",
	    ">",  "+",  "-",  "*",  "/",  "%"};
	size_t k = 0;

	while (k < FL_ARRAY_SIZE(names) && strcmp(names[k], op) != 0)
		k++;
	switch (k) {
	case 0:
		return a || b;
	case 1:
		return a && b;
	case 2:
		return a == b;
	case 3:
		return a != b;
	case 4:
		return a <= b;
	case 5:
		return a >= b;
	case 6:
		return a < b;
	case 7:
		return a > b;
	case 8:
		return a + b;
	case 9:
		return a - b;
	case 10:
		return a * b;
	case 11:
		return b ? a / b : 0;
	default:
		return b ? a % b : 0;
	}
}

static unsigned long pe_level(plural_expr *x, size_t level)
{
	unsigned long a;

	if (level >= FL_ARRAY_SIZE(pe_ops))
		return pe_unary(x);
	a = pe_level(x, level + 1);
	for (bool more = true; more && !x->bad;) {
		more = false;
		for (size_t k = 0; k < 4 && pe_ops[level][k]; k++) {
			if (!pe_eat(x, pe_ops[level][k]))
				continue;
			a = pe_apply(pe_ops[level][k], a,
			             pe_level(x, level + 1));
			more = true;
			break;
		}
	}
	return a;
}

static unsigned long pe_cond(plural_expr *x)
{
	unsigned long c, a, b;

	if (++x->depth > 64) {
		x->bad = true;
		return 0;
	}
	c = pe_level(x, 0);
	if (pe_eat(x, "?")) {
		a = pe_cond(x);
		if (!pe_eat(x, ":"))
			x->bad = true;
		b = pe_cond(x);
		c = c ? a : b;
	}
	x->depth--;
	return c;
}

#define MAX_FORMS 16

/*
 * Which plural forms stand for finitely many counts (relaxed[j]) by the
 * header's "Plural-Forms: nplurals=N; plural=EXPR;" (NULL, or a formula
 * not read: form 0 only). A form is taken as finite when no count of
 * 100..999 gives it.
 */
static void plural_forms(bool *relaxed, const char *pf, size_t pf_len)
{
	const char *s, *e, *expr;
	unsigned nplurals = 0;
	bool seen[MAX_FORMS] = {false};

	memset(relaxed, 0, MAX_FORMS * sizeof(*relaxed));
	relaxed[0] = true;
	if (!pf)
		return;
	e = pf + pf_len;
	if (!(s = strstr(pf, "nplurals=")) || s >= e ||
	    !(expr = strstr(pf, "plural=")) || expr >= e)
		return;
	skip_digits(s + 9, e, &nplurals);
	if (nplurals == 0 || nplurals > MAX_FORMS)
		return;
	expr += 7;
	for (unsigned long n = 0; n < 1000; n++) {
		plural_expr x = {expr, e, n, 0, false};
		unsigned long form = pe_cond(&x);
		pe_space(&x);
		if (x.bad || (x.s < e && *x.s != ';') || form >= nplurals)
			return;
		if (n >= 100)
			seen[form] = true;
	}
	for (unsigned j = 0; j < nplurals; j++)
		relaxed[j] = !seen[j];
}

/* ------------------------------------------------------------- segments */

/* The keys of a string's codes, sorted, to ask whether it has one. */
typedef struct {
	fl_buf keys; /* NUL-separated */
	const char **sorted;
	size_t count;
} key_set;

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void key_set_dispose(key_set *k)
{
	fl_buf_dispose(&k->keys);
	free(k->sorted);
	memset(k, 0, sizeof(*k));
}

/* Fills k with the keys of d's codes in syn. Returns 0 or FL_ENOMEM. */
static int key_set_fill(key_set *k, const dec_str *d, unsigned syn)
{
	scan_state st = {0, 0, 0};
	const char *s = d->text.ptr ? d->text.ptr : "";
	size_t n = d->text.len, p = 0;
	piece pc;
	int error = 0;

	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < n && !error; i += pc.len) {
		piece_at(&pc, s, n, i, syn, &st);
		if (pc.kind == P_CODE) {
			error =
			    fl_buf_put(&k->keys, pc.key, strlen(pc.key) + 1);
			k->count++;
		}
	}
	if (error || !k->count)
		return error;
	if (!(k->sorted = calloc(k->count, sizeof(*k->sorted))))
		return FL_ENOMEM;
	for (size_t i = 0; i < k->count; i++) {
		k->sorted[i] = k->keys.ptr + p;
		p += strlen(k->keys.ptr + p) + 1;
	}
	qsort(k->sorted, k->count, sizeof(*k->sorted), cmp_key);
	return 0;
}

static bool key_set_has(const key_set *k, const char *key)
{
	return k->count && bsearch(&key, k->sorted, k->count,
	                           sizeof(*k->sorted), cmp_key) != NULL;
}

/* Puts d's bytes [from, to) into t as text, where they stand. */
static int put_text(fl__segtext *t, const dec_str *d, size_t from, size_t to)
{
	return to > from ? fl__segtext_put(t, d->text.ptr + from, to - from,
	                                   d->off[from])
	                 : 0;
}

/*
 * Puts d into t: text where it stands in the file, codes of syn masked;
 * of the codes of key ckey (NULL none), the first keep only, and with
 * only (NULL: all), only the keys it has; the others are masked as plain
 * spaces.
 */
static int put_side(fl__segtext *t, const dec_str *d, unsigned syn,
                    const char *ckey, size_t keep, const key_set *only)
{
	scan_state st = {0, 0, 0};
	const char *s = d->text.ptr ? d->text.ptr : "";
	size_t n = d->text.len, run = 0, kept = 0;
	piece pc;
	int error = 0;

	for (size_t i = 0; i < n && !error; i += pc.len) {
		piece_at(&pc, s, n, i, syn, &st);
		if (pc.kind != P_CODE) {
			/* a run of text ends where the file does not run on
			 * (an escape, the next line) */
			for (size_t k = i; k < i + pc.len && !error; k++)
				if (k > run && d->off[k] != d->off[k - 1] + 1) {
					error = put_text(t, d, run, k);
					run = k;
				}
			continue;
		}
		if ((error = put_text(t, d, run, i)) < 0)
			break;
		run = i + pc.len;
		if ((ckey && strcmp(pc.key, ckey) == 0 && kept++ >= keep) ||
		    (only && !key_set_has(only, pc.key))) {
			for (size_t k = i; k < i + pc.len && !error; k++)
				error = fl__segtext_put(t, " ", 1, d->off[k]);
		} else {
			char display[112];
			snprintf(display, sizeof(display), "%.*s", (int)pc.len,
			         s + i);
			error = fl__segtext_code(t, pc.len, pc.key, display,
			                         d->off[i]);
		}
	}
	return error ? error : put_text(t, d, run, n);
}

/* What one entry's segments are made from. */
typedef struct {
	fl__segbuf *b;
	const fl__linemap *map;
	const char *data;
	const raw_po *raw;
	const bool *relaxed;
	dec_str ctxt, id, plural, str;
} entry_ctx;

/* Adds the segment of target x->str against source src (x->id or
 * x->plural) for form (-1: not a plural entry). */
static int add_segment(entry_ctx *x, const dec_str *src, int form, unsigned syn,
                       const char *ckey, bool has_ctxt, bool fuzzy)
{
	fl__segtext s, t;
	fl_segment *seg;
	fl_buf id = FL_BUF_INIT;
	key_set only;
	size_t keep = SIZE_MAX;
	int error;

	fl__segtext_init(&s, x->map);
	fl__segtext_init(&t, x->map);
	/* Told by the text, not by a flag: a placeholder of the translation
	 * that the original has not is as likely text ("%tempo"). */
	if ((error = key_set_fill(&only, src, syn)) < 0)
		goto cleanup;
	if (form >= 0 && form < MAX_FORMS && x->relaxed[form] && ckey[0]) {
		size_t a = count_codes(src->text.ptr, src->text.len, syn, ckey,
		                       NULL),
		       c = count_codes(x->str.text.ptr, x->str.text.len, syn,
		                       ckey, NULL);
		keep = a < c ? a : c;
	}
	if ((has_ctxt && ((error = fl_buf_put(&id, x->ctxt.text.ptr,
	                                      x->ctxt.text.len)) < 0 ||
	                  (error = fl_buf_putc(&id, '|')) < 0)) ||
	    (error = fl_buf_put(&id, x->id.text.ptr, x->id.text.len)) < 0 ||
	    (form >= 0 && (error = fl_buf_printf(&id, "[%d]", form)) < 0) ||
	    (error = put_side(&s, src, syn, keep == SIZE_MAX ? NULL : ckey,
	                      keep, NULL)) < 0 ||
	    (error = put_side(&t, &x->str, syn, keep == SIZE_MAX ? NULL : ckey,
	                      keep, (syn & SYN_GUESS) ? &only : NULL)) < 0 ||
	    (error = fl__segbuf_add(x->b, &seg)) < 0 ||
	    (error = fl__segtext_finish(&s, x->b, &seg->source)) < 0 ||
	    (error = fl__segtext_finish(&t, x->b, &seg->target)) < 0)
		goto cleanup;
	if (!(seg->id =
	          fl__segbuf_strndup(x->b, id.ptr ? id.ptr : "", id.len))) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	seg->flags = fuzzy ? FL_SEGMENT_DRAFT : 0;
cleanup:
	key_set_dispose(&only);
	fl_buf_dispose(&id);
	fl__segtext_dispose(&s);
	fl__segtext_dispose(&t);
	return error;
}

/* The field of kind (and index, for msgstr) of entry e; NULL none. */
static const po_field *field_of(const raw_po *r, const raw_entry *e, int kind,
                                unsigned index)
{
	for (size_t i = e->first; i < e->first + e->count; i++)
		if (r->fld[i].kind == kind &&
		    (kind != F_STR || r->fld[i].index == index))
			return &r->fld[i];
	return NULL;
}

/*
 * Adds the segments of message m, whose strings are those of raw entry e.
 * Returns 0, FL_EPARSE (the two do not agree: *at is where) or
 * FL_ENOMEM.
 */
static int add_entry(entry_ctx *x, po_message_t m, const raw_entry *e,
                     size_t *at)
{
	const raw_po *r = x->raw;
	const po_field *fc = field_of(r, e, F_CTXT, 0),
	               *fi = field_of(r, e, F_ID, 0),
	               *fp = field_of(r, e, F_PLURAL, 0), *fs;
	const char *ctxt = po_message_msgctxt(m),
	           *plural = po_message_msgid_plural(m);
	bool fuzzy = po_message_is_fuzzy(m) != 0;
	char ckey[112] = "";
	unsigned syn;
	int error;

	*at = e->kw;
	if (!fi || (!fc) != (!ctxt) || (!fp) != (!plural))
		return FL_EPARSE;
	if ((fc && (error = decode(&x->ctxt, r, fc, x->data)) < 0) ||
	    (error = decode(&x->id, r, fi, x->data)) < 0 ||
	    (fp && (error = decode(&x->plural, r, fp, x->data)) < 0))
		return error;
	if ((fc && !dec_is(&x->ctxt, ctxt)) ||
	    !dec_is(&x->id, po_message_msgid(m)) ||
	    (fp && !dec_is(&x->plural, plural)))
		return FL_EPARSE;
	syn = entry_syntax(e->flags, po_message_msgid(m), plural);
	if (!plural) {
		if (!(fs = field_of(r, e, F_STR, 0)))
			return FL_EPARSE;
		*at = fs->kw;
		if ((error = decode(&x->str, r, fs, x->data)) < 0)
			return error;
		if (!dec_is(&x->str, po_message_msgstr(m)))
			return FL_EPARSE;
		if (x->str.text.len == 0)
			return 0;
		return add_segment(x, &x->id, -1, syn, ckey, fc != NULL, fuzzy);
	}
	count_key(ckey, plural, syn);
	for (int j = 0;; j++) {
		const char *str = po_message_msgstr_plural(m, j);
		const dec_str *src;
		if (!str)
			break;
		if (!(fs = field_of(r, e, F_STR, (unsigned)j)))
			return FL_EPARSE;
		*at = fs->kw;
		if ((error = decode(&x->str, r, fs, x->data)) < 0)
			return error;
		if (!dec_is(&x->str, str))
			return FL_EPARSE;
		if (x->str.text.len == 0)
			continue;
		src = j > 0 || (j < MAX_FORMS && !x->relaxed[0]) ? &x->plural
		                                                 : &x->id;
		if ((error = add_segment(x, src, j, syn, ckey, fc != NULL,
		                         fuzzy)) < 0)
			return error;
	}
	return 0;
}

/* The value of header field name ("Language") in header h, into *v, *n;
 * false when absent. */
static bool header_field(const char *h, const char *name, const char **v,
                         size_t *n)
{
	size_t k = strlen(name);

	for (const char *line = h; line && *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		if (strncmp(line, name, k) == 0 && line[k] == ':') {
			const char *p = line + k + 1;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
			                   end[-1] == '\r'))
				end--;
			*v = p;
			*n = (size_t)(end - p);
			return true;
		}
		line = *end ? end + 1 : NULL;
	}
	return false;
}

/* ------------------------------------------------------- libgettextpo */

/* libgettextpo keeps its parser's state in globals: one read at a time,
 * and the first error of that read here. */
static pthread_mutex_t po_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	bool failed;
	size_t line, column;
	char text[512];
} po_error;

/* Keeps the first problem of severity error or worse. A fatal one would
 * not be allowed to return; libgettextpo 0.21 raises none while reading
 * with a handler (its parse errors are PO_SEVERITY_ERROR). */
static void po_note(int severity, size_t line, size_t column, const char *text)
{
	size_t n;

	if (severity < PO_SEVERITY_ERROR || po_error.failed)
		return;
	po_error.failed = true;
	po_error.line = line;
	po_error.column = column;
	snprintf(po_error.text, sizeof(po_error.text), "%s",
	         text ? text : "error");
	n = strlen(po_error.text);
	while (n &&
	       (po_error.text[n - 1] == '\n' || po_error.text[n - 1] == ' '))
		po_error.text[--n] = '\0';
	for (char *p = po_error.text; *p; p++)
		if (*p == '\n')
			*p = ' ';
}

static void po_xerror(int severity, po_message_t message, const char *filename,
                      size_t lineno, size_t column, int multiline_p,
                      const char *message_text)
{
	(void)message;
	(void)multiline_p;
	po_note(severity, filename ? lineno : (size_t)-1, column, message_text);
}

static void po_xerror2(int severity, po_message_t message1,
                       const char *filename1, size_t lineno1, size_t column1,
                       int multiline_p1, const char *message_text1,
                       po_message_t message2, const char *filename2,
                       size_t lineno2, size_t column2, int multiline_p2,
                       const char *message_text2)
{
	(void)message2;
	(void)filename2;
	(void)lineno2;
	(void)column2;
	(void)multiline_p2;
	(void)message_text2;
	po_xerror(severity, message1, filename1, lineno1, column1, multiline_p1,
	          message_text1);
}

static const struct po_xerror_handler po_handler = {po_xerror, po_xerror2};

/* Writes data[0,len) to fd. Returns 0 or -1. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t w = write(fd, data, len);
		if (w <= 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Has libgettextpo read data[0,len): po_file_read takes only a path, so
 * the bytes are an anonymous memory file (memfd, through /proc/self/fd),
 * else a temporary file removed at once. Call with po_lock held. *out:
 * NULL when it could not be read at all.
 */
static void po_read_bytes(po_file_t *out, const char *data, size_t len)
{
	char name[64];
	int fd = -1;

	*out = NULL;
#ifdef MFD_CLOEXEC
	fd = memfd_create("fidelint-po", MFD_CLOEXEC);
	if (fd >= 0 && write_all(fd, data, len) == 0) {
		snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
		*out = po_file_read(name, &po_handler);
	}
	if (fd >= 0)
		close(fd);
#endif
	if (!*out) {
		const char *tmp = getenv("TMPDIR");
		char path[4096];
		snprintf(path, sizeof(path), "%s/fidelint-po.XXXXXX",
		         tmp && *tmp && strlen(tmp) < 4000 ? tmp : "/tmp");
		if ((fd = mkstemp(path)) < 0)
			return;
		if (write_all(fd, data, len) == 0)
			*out = po_file_read(path, &po_handler);
		close(fd);
		unlink(path);
	}
}

int fl__read_po(fl__segbuf *b, const char *path, const char *data, size_t len,
                char *err, size_t errlen)
{
	fl__linemap map;
	raw_po raw;
	entry_ctx x;
	po_file_t file = NULL;
	po_message_iterator_t it = NULL;
	po_message_t m;
	const char *const *domains;
	const char *header = NULL, *v;
	bool relaxed[MAX_FORMS];
	const char *why = "an entry libgettextpo read differs from what its "
	                  "lines say here";
	size_t at = 0, k = 0, line, col, n;
	int error;

	memset(&raw, 0, sizeof(raw));
	memset(&x, 0, sizeof(x));
	if ((error = fl__linemap_init(&map, data, len)) < 0)
		return fl__fail(err, errlen, error, "%s: out of memory", path);
	pthread_mutex_lock(&po_lock);
	memset(&po_error, 0, sizeof(po_error));
	po_read_bytes(&file, data, len);
	if ((error = scan_po(&raw, data, len, &at, &why)) == FL_ENOMEM)
		goto placed;
	if (!file) {
		error =
		    fl__fail(err, errlen, FL_EIO,
		             "%s: cannot hand the file to libgettextpo", path);
		goto cleanup;
	}
	fl__linemap_pos(&map, at, &line, &col);
	/* The scan places a lexical problem to the column, libgettextpo
	 * to the line (the one after an unclosed string): the scan's when
	 * it is not after libgettextpo's. */
	if (po_error.failed && (error == 0 || (po_error.line != (size_t)-1 &&
	                                       line > po_error.line))) {
		if (po_error.line == (size_t)-1)
			error = fl__fail(err, errlen, FL_EPARSE, "%s: %s", path,
			                 po_error.text);
		else if (po_error.column == (size_t)-1)
			error = fl__fail(err, errlen, FL_EPARSE, "%s:%zu: %s",
			                 path, po_error.line, po_error.text);
		else
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:%zu:%zu: %s", path, po_error.line,
			                 po_error.column, po_error.text);
		goto cleanup;
	}
	domains = po_file_domains(file);
	if (!po_error.failed && domains && domains[0] &&
	    (domains[1] || strcmp(domains[0], "messages") != 0)) {
		error = fl__fail(err, errlen, FL_EPARSE,
		                 "%s: 'domain' directives are not read", path);
		goto cleanup;
	}
	if (error < 0)
		goto placed;

	/* The header first: languages, charset, plural forms. */
	it = po_message_iterator(file, NULL);
	while ((m = po_next_message(it)))
		if (!po_message_is_obsolete(m) && !po_message_msgctxt(m) &&
		    !po_message_msgid(m)[0]) {
			header = po_message_msgstr(m);
			break;
		}
	po_message_iterator_free(it);
	it = NULL;
	if (header && header_field(header, "Language", &v, &n) && n &&
	    n < sizeof(b->target_lang)) {
		memcpy(b->target_lang, v, n);
		b->target_lang[n] = '\0';
	}
	if (header && header_field(header, "Content-Type", &v, &n)) {
		const char *cs = strstr(v, "charset=");
		if (cs && cs < v + n) {
			size_t cn = (size_t)(v + n - (cs + 8));
			cs += 8;
			if (!((cn == 5 && strncasecmp(cs, "UTF-8", 5) == 0) ||
			      (cn == 4 && strncasecmp(cs, "UTF8", 4) == 0) ||
			      (cn == 5 && strncasecmp(cs, "ASCII", 5) == 0) ||
			      (cn == 8 &&
			       strncasecmp(cs, "US-ASCII", 8) == 0) ||
			      (cn == 7 && strncmp(cs, "CHARSET", 7) == 0))) {
				const char *w =
				    memmem(data, len, "charset=", 8);
				fl__linemap_pos(&map,
				                w ? (size_t)(w - data) : 0,
				                &line, &col);
				error = fl__fail(
				    err, errlen, FL_EENCODING,
				    "%s:%zu:%zu: the catalogue is in %.*s; "
				    "only "
				    "UTF-8 is read (msgconv --to-code=UTF-8)",
				    path, line, col, (int)(cn < 40 ? cn : 40),
				    cs);
				goto cleanup;
			}
		}
	}
	if (header && header_field(header, "Plural-Forms", &v, &n))
		plural_forms(relaxed, v, n);
	else
		plural_forms(relaxed, NULL, 0);

	x.b = b;
	x.map = &map;
	x.data = data;
	x.raw = &raw;
	x.relaxed = relaxed;
	it = po_message_iterator(file, NULL);
	while ((m = po_next_message(it))) {
		if (po_message_is_obsolete(m))
			continue;
		if (k >= raw.ent_count) {
			at = len;
			error = FL_EPARSE;
			goto placed;
		}
		if (!po_message_msgctxt(m) && !po_message_msgid(m)[0]) {
			k++; /* the header */
			continue;
		}
		{
			/* a translator comment "fidelint-disable RULES"
			 * holds for the entry's segments */
			size_t first = x.b->count;
			const char *cm = po_message_comments(m);
			if ((error = add_entry(&x, m, &raw.ent[k++], &at)) < 0)
				goto placed;
			if (cm && (error = fl__segbuf_suppress_from(
			               x.b, first, cm, strlen(cm))) < 0)
				goto placed;
		}
	}
	if (k != raw.ent_count) {
		at = raw.ent[k].kw;
		error = FL_EPARSE;
	}
placed:
	if (error == FL_ENOMEM) {
		fl__fail(err, errlen, error, "%s: out of memory", path);
	} else if (error < 0) {
		fl__linemap_pos(&map, at, &line, &col);
		fl__fail(err, errlen, error, "%s:%zu:%zu: %s", path, line, col,
		         why);
	}
cleanup:
	if (it)
		po_message_iterator_free(it);
	if (file)
		po_file_free(file);
	pthread_mutex_unlock(&po_lock);
	dec_dispose(&x.ctxt);
	dec_dispose(&x.id);
	dec_dispose(&x.plural);
	dec_dispose(&x.str);
	raw_dispose(&raw);
	fl__linemap_dispose(&map);
	return error;
}
