/*
 * Pathological inputs: each must be checked (or refused with a clean
 * error) without crashing, and the findings must stay sane: in range,
 * pointing at their text, with bounded text and context. No timing is
 * asserted.
 */
#include <fidelint/fidelint.h>

#include "result.h" /* FL_CONTEXT_SPAN */
#include "test.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- helpers */

static fl_checker *shared;

static fl_checker *checker(void)
{
	if (!shared) {
		int rc = fl_checker_new(&shared, NULL);
		CHECK_EQ_INT(rc, 0);
		if (rc < 0) {
			fprintf(stderr, "fl_checker_new: %s\n",
			        fl_checker_error(shared));
			fl_checker_free(shared);
			shared = NULL;
		}
	}
	return shared;
}

/* A growable string. */
typedef struct {
	char *p;
	size_t len, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...) FL_PRINTF(2, 3);
static void sb_printf(sbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_put(b, tmp,
		       (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static void sb_free(sbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

static fl_facts *load_facts(const char *yaml, size_t len)
{
	fl_facts *f = NULL;
	int rc;
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	if (!f)
		return NULL;
	rc = fl_facts_load_buffer(f, "mem.yaml", yaml, len);
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "facts: %s\n", fl_facts_error(f));
		fl_facts_free(f);
		return NULL;
	}
	return f;
}

/* Checks data[0,len) in lang; NULL (after a failed CHECK) on failure. */
static fl_result *check_ok(const char *path, const char *data, size_t len,
                           const char *lang)
{
	fl_checker *c = checker();
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *r = NULL;
	int rc;
	if (!c)
		return NULL;
	o.lang = lang;
	rc = fl_check_buffer(&r, c, path, data, len, &o);
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", path, fl_checker_error(c));
		return NULL;
	}
	CHECK(r != NULL);
	return r;
}

static size_t count_rule(const fl_result *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < fl_result_count(r); i++)
		n += strcmp(fl_result_finding(r, i)->rule, rule) == 0;
	return n;
}

/* The document as the library sees it, split in lines: BOM dropped, CRLF
 * and CR made LF (inputs here are NFC already). */
typedef struct {
	char *text;
	size_t *starts; /* byte offset of each line */
	size_t count;
} lines;

static void lines_init(lines *L, const char *data, size_t len)
{
	size_t n = 0, k = 0;
	memset(L, 0, sizeof(*L));
	L->text = malloc(len + 1);
	if (!L->text)
		exit(2);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			L->text[n++] = '\n';
		} else {
			L->text[n++] = data[i];
		}
	}
	L->text[n] = '\0';
	L->count = 1;
	for (size_t i = 0; i < n; i++)
		L->count += L->text[i] == '\n';
	L->starts = malloc(L->count * sizeof(*L->starts));
	if (!L->starts)
		exit(2);
	L->starts[k++] = 0;
	for (size_t i = 0; i < n; i++)
		if (L->text[i] == '\n')
			L->starts[k++] = i + 1;
	for (size_t i = 0; i < n; i++) /* lines become strings */
		if (L->text[i] == '\n')
			L->text[i] = '\0';
}

static void lines_free(lines *L)
{
	free(L->text);
	free(L->starts);
}

/* Byte offset in UTF-8 s of code point col (1-based), or (size_t)-1. */
static size_t byte_of_column(const char *s, size_t col)
{
	size_t cp = 1;
	for (size_t i = 0;; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (cp == col)
				return i;
			if (!s[i])
				return (size_t)-1;
			cp++;
		}
	}
}

/*
 * Every finding of r is sane for the document data[0,len): rule, message
 * and severity set; a placed finding lies inside the document, its text is
 * what stands there (on one line) and is at most max_text bytes; the
 * context is bounded and context_column points at the text.
 */
static void check_sane(const fl_result *r, const char *data, size_t len,
                       size_t max_text)
{
	lines L;
	size_t bad = 0;
	lines_init(&L, data, len);
	for (size_t i = 0; i < fl_result_count(r) && bad < 5; i++) {
		const fl_finding *f = fl_result_finding(r, i);
		size_t before = (size_t)fl_test_failed_checks;
		CHECK(f->rule && f->rule[0]);
		CHECK(f->message && f->message[0]);
		CHECK(f->severity >= FL_SEVERITY_INFO &&
		      f->severity <= FL_SEVERITY_ERROR);
		CHECK(f->text && f->text[0]);
		if (f->line == 0) {
			CHECK_EQ_INT(f->column, 0);
			CHECK(f->context == NULL);
			continue;
		}
		CHECK(f->text && strlen(f->text) <= max_text);
		CHECK(f->line <= L.count);
		CHECK(f->column >= 1);
		CHECK(f->end_line > f->line ||
		      (f->end_line == f->line && f->end_column > f->column));
		if (f->line <= L.count && f->end_line == f->line) {
			const char *ln = L.text + L.starts[f->line - 1];
			size_t b = byte_of_column(ln, f->column);
			CHECK(b != (size_t)-1);
			if (b != (size_t)-1 && f->text)
				CHECK(strncmp(ln + b, f->text,
				              strlen(f->text)) == 0);
		}
		CHECK(f->context != NULL);
		if (f->context) {
			/* A window of FL_CONTEXT_SPAN code points at most
			 * (4 bytes each) of a long line. */
			CHECK(strlen(f->context) <=
			      (FL_CONTEXT_MAX > 4 * FL_CONTEXT_SPAN
			           ? FL_CONTEXT_MAX
			           : 4 * FL_CONTEXT_SPAN));
			CHECK(f->context_column >= 1);
			{
				size_t b = byte_of_column(f->context,
				                          f->context_column);
				size_t n = f->text ? strlen(f->text) : 0;
				CHECK(b != (size_t)-1);
				if (b != (size_t)-1 && f->text) {
					size_t room = strlen(f->context + b);
					CHECK(strncmp(f->context + b, f->text,
					              n < room ? n : room) ==
					      0);
				}
			}
		}
		if ((size_t)fl_test_failed_checks != before) {
			bad++;
			fprintf(stderr,
			        "  insane finding %zu: %zu:%zu-%zu:%zu %s "
			        "\"%.60s\"\n",
			        i, f->line, f->column, f->end_line,
			        f->end_column, f->rule,
			        f->text ? f->text : "(null)");
		}
	}
	lines_free(&L);
}

/* ------------------------------------------------------ empty documents */

static void test_empty_document(void)
{
	fl_checker *c = checker();
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *r;
	fl_facts *f;

	if ((r = check_ok("empty.txt", "", 0, "en"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		CHECK_EQ_STR(fl_result_lang(r), "en");
		fl_result_free(r);
	}
	if ((r = check_ok("empty.ar.txt", "", 0, NULL))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
	/* Nothing to tell the language from. */
	if (c) {
		r = (fl_result *)&r;
		CHECK_EQ_INT(fl_check_buffer(&r, c, "empty.txt", "", 0, &o),
		             FL_ELANG);
		CHECK(r == NULL);
		CHECK(fl_checker_error(c)[0] != '\0');
	}
	/* With facts, an empty full translation misses every entity. */
	f = load_facts("version: 1\nentities:\n  - {name: Surge, kind: org}\n",
	               50);
	if (c && f) {
		fl_checker_set_facts(c, f);
		if ((r = check_ok("empty.txt", "", 0, "en"))) {
			CHECK_EQ_INT(fl_result_count(r), 1);
			CHECK_EQ_INT(count_rule(r, "name.missing"), 1);
			fl_result_free(r);
		}
		fl_checker_set_facts(c, NULL);
	}
	fl_facts_free(f);
}

static void test_only_bom(void)
{
	fl_checker *c = checker();
	fl_result *r;
	if ((r = check_ok("bom.txt", "\xEF\xBB\xBF", 3, "en"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
	/* A BOM and a line end. */
	if ((r = check_ok("bom.txt", "\xEF\xBB\xBF\r\n", 5, "he"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
	if (c) {
		r = (fl_result *)&r;
		CHECK_EQ_INT(
		    fl_check_buffer(&r, c, "bom.txt", "\xEF\xBB\xBF", 3, NULL),
		    FL_ELANG);
		CHECK(r == NULL);
	}
	/* Half a BOM is invalid UTF-8. */
	if (c) {
		CHECK_EQ_INT(
		    fl_check_buffer(&r, c, "bom.en.txt", "\xEF\xBB", 2, NULL),
		    FL_EENCODING);
		CHECK_CONTAINS(fl_checker_error(c), "byte offset 0");
	}
}

static void test_only_newlines(void)
{
	static const char *const ends[] = {"\n", "\r\n", "\r"};
	for (size_t e = 0; e < FL_ARRAY_SIZE(ends); e++) {
		size_t n = strlen(ends[e]), len = 100000 * n;
		char *s = malloc(len);
		fl_result *r;
		if (!s)
			return;
		for (size_t i = 0; i < 100000; i++)
			memcpy(s + i * n, ends[e], n);
		if ((r = check_ok("nl.txt", s, len, "en"))) {
			CHECK_EQ_INT(fl_result_count(r), 0);
			fl_result_free(r);
		}
		free(s);
	}
	/* 100,000 line ends, then a stutter on the last line. */
	{
		sbuf b = {0};
		fl_result *r;
		for (size_t i = 0; i < 100000; i++)
			sb_put(&b, "\n", 1);
		sb_puts(&b, "We met Meta meta people.");
		if ((r = check_ok("nl.txt", b.p, b.len, "en"))) {
			CHECK_EQ_INT(fl_result_count(r), 1);
			if (fl_result_count(r) == 1) {
				CHECK_EQ_INT(fl_result_finding(r, 0)->line,
				             100001);
				CHECK_EQ_INT(fl_result_finding(r, 0)->column,
				             8);
			}
			check_sane(r, b.p, b.len, 64);
			fl_result_free(r);
		}
		sb_free(&b);
	}
}

/* ----------------------------------------------------------- long lines */

static const char *const WORDS[] = {"the",  "team",   "moved", "to",   "a",
                                    "new",  "office", "in",    "city", "and",
                                    "said", "that",   "it",    "was",  "good"};

static void test_two_megabyte_line(void)
{
	/* Words and spaces only, no newline; a stutter every 5,000 words. */
	sbuf b = {0};
	size_t words = 0, stutters = 0, col = 1;
	size_t *at = NULL, at_cap = 0;
	fl_result *r;

	while (b.len < 2u * 1024 * 1024) {
		const char *w = WORDS[words % FL_ARRAY_SIZE(WORDS)];
		if (words % 5000 == 4999) {
			if (stutters == at_cap) {
				at_cap = at_cap ? at_cap * 2 : 64;
				at = realloc(at, at_cap * sizeof(*at));
				if (!at)
					exit(2);
			}
			at[stutters++] = col;
			sb_puts(&b, "Scale Scale ");
			col += 12;
		}
		sb_puts(&b, w);
		sb_put(&b, " ", 1);
		col += strlen(w) + 1;
		words++;
	}
	if ((r = check_ok("line.txt", b.p, b.len, "en"))) {
		size_t n = fl_result_count(r);
		CHECK_EQ_INT(n, stutters);
		CHECK_EQ_INT(count_rule(r, "text.repeated"), stutters);
		for (size_t i = 0; i < n && i < stutters; i++) {
			const fl_finding *f = fl_result_finding(r, i);
			CHECK_EQ_INT(f->line, 1);
			CHECK_EQ_INT(f->column, at[i]);
			CHECK_EQ_STR(f->text, "Scale Scale");
		}
		check_sane(r, b.p, b.len, 64);
		fl_result_free(r);
	}
	free(at);
	sb_free(&b);
}

static void test_long_line_dense_findings(void)
{
	/* 200 KB on one line where about one word in fifteen is stuttered:
	 * thousands of findings, all on the same long line. */
	sbuf b = {0};
	size_t stutters = 0;
	unsigned seed = 12345;
	fl_result *r;

	while (b.len < 200u * 1024) {
		const char *w;
		seed = seed * 1103515245u + 12345u;
		w = WORDS[(seed >> 16) % FL_ARRAY_SIZE(WORDS)];
		if (((seed >> 8) & 15) == 0 && strlen(w) >= 2) {
			sb_puts(&b, "Scale Scale ");
			stutters++;
		}
		sb_puts(&b, w);
		/* Commas keep random neighbours from repeating. */
		sb_puts(&b, ", ");
	}
	if ((r = check_ok("dense.txt", b.p, b.len, "en"))) {
		CHECK_EQ_INT(count_rule(r, "text.repeated"), stutters);
		CHECK_EQ_INT(fl_result_count(r), stutters);
		check_sane(r, b.p, b.len, 64);
		fl_result_free(r);
	}
	sb_free(&b);
}

static void test_megabyte_token(void)
{
	size_t big = 1u << 20;
	sbuf b = {0};
	fl_result *r;
	char *tok = malloc(big);
	if (!tok)
		return;
	memset(tok, 'a', big);

	/* Alone. */
	if ((r = check_ok("tok.txt", tok, big, "en"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		fl_result_free(r);
	}
	/* Twice, back to back: too long to be compared, so no stutter. */
	sb_put(&b, tok, big);
	sb_put(&b, " ", 1);
	sb_put(&b, tok, big);
	if ((r = check_ok("tok.txt", b.p, b.len, "en"))) {
		CHECK_EQ_INT(fl_result_count(r), 0);
		check_sane(r, b.p, b.len, 64);
		fl_result_free(r);
	}
	/* Between findings on the same line: each finding is its own words. */
	b.len = 0;
	sb_puts(&b, "The team of Scale Scale met ");
	sb_put(&b, tok, big);
	sb_puts(&b, " and Product Product left with Qwertzuiopx.\n");
	if ((r = check_ok("tok.txt", b.p, b.len, "en"))) {
		size_t n = fl_result_count(r);
		CHECK_EQ_INT(count_rule(r, "text.repeated"), 2);
		CHECK_EQ_INT(count_rule(r, "spell.unknown"), 1);
		CHECK_EQ_INT(n, 3);
		if (n == 3) {
			CHECK_EQ_STR(fl_result_finding(r, 0)->text,
			             "Scale Scale");
			CHECK_EQ_INT(fl_result_finding(r, 0)->column, 13);
			CHECK_EQ_STR(fl_result_finding(r, 1)->text,
			             "Product Product");
			CHECK_EQ_INT(fl_result_finding(r, 1)->column,
			             29 + big + 5);
			CHECK_EQ_STR(fl_result_finding(r, 2)->text,
			             "Qwertzuiopx");
		}
		check_sane(r, b.p, b.len, 64);
		fl_result_free(r);
	}
	/* A capitalised megabyte token with facts: no garbled name, no
	 * finding quoting the whole token. */
	{
		fl_facts *f = load_facts(
		    "version: 1\nentities:\n  - {name: Aaaaaaa, kind: org}\n",
		    52);
		b.len = 0;
		sb_puts(&b, "Aaaaaaa said that ");
		tok[0] = 'A';
		sb_put(&b, tok, big);
		sb_puts(&b, " was good.");
		if (f && checker()) {
			fl_checker_set_facts(checker(), f);
			if ((r = check_ok("tok.txt", b.p, b.len, "en"))) {
				CHECK_EQ_INT(fl_result_count(r), 0);
				check_sane(r, b.p, b.len, 64);
				fl_result_free(r);
			}
			fl_checker_set_facts(checker(), NULL);
		}
		fl_facts_free(f);
	}
	sb_free(&b);
	free(tok);
}

static void test_scale_200000_times(void)
{
	const char *reps_env = getenv("FL_TEST_SCALE_REPS");
	size_t reps = reps_env ? (size_t)strtoul(reps_env, NULL, 10) : 200000;
	size_t len = reps * 6;
	char *s = malloc(len + 1), msg[64];
	fl_result *r;
	if (!s || reps < 2) {
		free(s);
		return;
	}
	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * 6, "Scale ", 6);
	if ((r = check_ok("scale.txt", s, len, "en"))) {
		const fl_finding *f = fl_result_finding(r, 0);
		CHECK_EQ_INT(fl_result_count(r), 1);
		if (f) {
			CHECK_EQ_STR(f->rule, "text.repeated");
			CHECK_EQ_INT(f->line, 1);
			CHECK_EQ_INT(f->column, 1);
			CHECK_EQ_INT(f->end_line, 1);
			/* Up to the end of the last "Scale", exclusive. */
			CHECK_EQ_INT(f->end_column, len);
			CHECK_EQ_STR(f->suggestion, "Scale");
			snprintf(msg, sizeof(msg), "%zu", reps);
			CHECK_CONTAINS(f->message, msg);
			/* The text is the whole stutter: len - 1 bytes. */
			CHECK_EQ_INT(strlen(f->text), len - 1);
			CHECK(strncmp(f->text, s, len - 1) == 0);
		}
		check_sane(r, s, len, len);
		fl_result_free(r);
	}
	free(s);
}

static void test_every_ascii_byte(void)
{
	size_t reps = 2000, len = reps * 127;
	char *s = malloc(len);
	fl_result *r;
	if (!s)
		return;
	for (size_t i = 0; i < reps; i++)
		for (int b = 1; b <= 0x7F; b++)
			s[i * 127 + (size_t)(b - 1)] = (char)b;
	static const char *const langs[] = {"en", "ar", "he", "de"};
	for (size_t l = 0; l < FL_ARRAY_SIZE(langs); l++) {
		if ((r = check_ok("ascii.txt", s, len, langs[l]))) {
			check_sane(r, s, len, 128);
			fl_result_free(r);
		}
	}
	/* Once with the language left to detection: either a language or
	 * a clean FL_ELANG. */
	if (checker()) {
		int rc =
		    fl_check_buffer(&r, checker(), "ascii.txt", s, len, NULL);
		CHECK(rc == 0 || rc == FL_ELANG);
		if (rc == 0)
			check_sane(r, s, len, 128);
		fl_result_free(rc == 0 ? r : NULL);
	}
	free(s);
}

static void test_ten_scripts(void)
{
	/* Latin, Arabic, Hebrew, Cyrillic, Greek, Devanagari, Han, Thai,
	 * Hangul, emoji; each written twice in a row once per line. */
	static const char line[] =
	    "Meta Meta "
	    "\xD9\x85\xD9\x8A\xD8\xAA\xD8\xA7 \xD9\x85\xD9\x8A\xD8\xAA\xD8\xA7 "
	    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 "
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 "
	    "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1, "
	    "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0"
	    "\xA5\x87, "
	    "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\xE3"
	    "\x80\x82 "
	    "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0"
	    "\xB8\xB5, "
	    "\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94, "
	    "\xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
	    "the team moved.\n";
	sbuf b = {0};
	fl_result *r;
	static const char *const langs[] = {"en", "ar", "he", "pt-BR"};

	for (size_t i = 0; i < 300; i++)
		sb_puts(&b, line);
	for (size_t l = 0; l < FL_ARRAY_SIZE(langs); l++) {
		if ((r = check_ok("scripts.txt", b.p, b.len, langs[l]))) {
			/* Four stutters a line, in four scripts. */
			CHECK_EQ_INT(count_rule(r, "text.repeated"), 4 * 300);
			check_sane(r, b.p, b.len, 64);
			fl_result_free(r);
		}
	}
	/* Detection: a language of one of the scripts, or a clean refusal. */
	if (checker()) {
		int rc = fl_check_buffer(&r, checker(), "scripts.txt", b.p,
		                         b.len, NULL);
		CHECK(rc == 0 || rc == FL_ELANG);
		if (rc == 0) {
			check_sane(r, b.p, b.len, 64);
			fl_result_free(r);
		}
	}
	sb_free(&b);
}

/* ---------------------------------------------------------------- facts */

static void test_two_thousand_entities(void)
{
	sbuf y = {0}, d = {0};
	fl_facts *f;
	fl_result *r;
	size_t line = 0;

	sb_puts(&y, "version: 1\nentities:\n");
	for (int i = 1; i <= 2000; i++)
		sb_printf(&y, "  - {name: Company %d, kind: org}\n", i);
	f = load_facts(y.p, y.len);
	sb_free(&y);
	if (!f)
		return;
	CHECK_EQ_INT(fl_facts_entity_count(f), 2000);
	/* 1 MB naming the first 1,000 companies over and over. */
	while (d.len < 1u << 20) {
		int n = (int)(line % 1000) + 1;
		sb_printf(
		    &d, "Company %d signed a deal with the team in the city. ",
		    n);
		if (++line % 8 == 0)
			sb_put(&d, "\n", 1);
	}
	CHECK(line >= 1000);
	if (checker()) {
		fl_checker_set_facts(checker(), f);
		if ((r = check_ok("companies.txt", d.p, d.len, "en"))) {
			/* The other 1,000 are missing; nothing else is wrong.
			 */
			CHECK_EQ_INT(count_rule(r, "name.missing"), 1000);
			CHECK_EQ_INT(fl_result_count(r), 1000);
			check_sane(r, d.p, d.len, 64);
			fl_result_free(r);
		}
		fl_checker_set_facts(checker(), NULL);
	}
	fl_facts_free(f);
	sb_free(&d);
}

/* A facts buffer that must be refused with FL_EPARSE or FL_ELIMIT and a
 * message naming the buffer. */
static void check_refused(const char *yaml, size_t len)
{
	fl_facts *f = NULL;
	int rc;
	CHECK_EQ_INT(fl_facts_new(&f), 0);
	if (!f)
		return;
	rc = fl_facts_load_buffer(f, "deep.yaml", yaml, len);
	CHECK(rc == FL_EPARSE || rc == FL_ELIMIT);
	CHECK_CONTAINS(fl_facts_error(f), "deep.yaml");
	CHECK(strlen(fl_facts_error(f)) > strlen("deep.yaml: "));
	CHECK_EQ_INT(fl_facts_entity_count(f), 0);
	fl_facts_free(f);
}

static void test_deeply_nested_yaml(void)
{
	size_t n = 10000;
	sbuf b = {0};
	for (size_t i = 0; i < n; i++)
		sb_put(&b, "[", 1);
	check_refused(b.p, b.len);
	/* Balanced. */
	for (size_t i = 0; i < n; i++)
		sb_put(&b, "]", 1);
	check_refused(b.p, b.len);
	/* Under a key of the schema. */
	b.len = 0;
	sb_puts(&b, "version: 1\nentities: ");
	for (size_t i = 0; i < n; i++)
		sb_put(&b, "[", 1);
	check_refused(b.p, b.len);
	/* Flow mappings. */
	b.len = 0;
	for (size_t i = 0; i < n; i++)
		sb_puts(&b, "{a: ");
	for (size_t i = 0; i < n; i++)
		sb_put(&b, "}", 1);
	check_refused(b.p, b.len);
	/* Block sequences: "- - - ... x". */
	b.len = 0;
	for (size_t i = 0; i < n; i++)
		sb_puts(&b, "- ");
	sb_puts(&b, "x\n");
	check_refused(b.p, b.len);
	sb_free(&b);
}

static void test_huge_entity_name(void)
{
	size_t target = 100u * 1024;
	sbuf name = {0}, y = {0}, d = {0};
	fl_facts *f;
	fl_result *r;
	fl_entity_info e;

	/* One word of 100 KB. */
	for (size_t i = 0; i < target; i++)
		sb_put(&name, i == 0 ? "Z" : "z", 1);
	sb_printf(&y, "version: 1\nentities:\n  - kind: org\n    name: ");
	sb_put(&y, name.p, name.len);
	sb_puts(&y, "\n  - {name: Surge, kind: org}\n");
	f = load_facts(y.p, y.len);
	if (f && checker()) {
		CHECK_EQ_INT(fl_facts_entity(&e, f, 0), 0);
		CHECK_EQ_INT(strlen(e.name), target);
		fl_checker_set_facts(checker(), f);
		sb_puts(&d, "Surge said that ");
		sb_put(&d, name.p, name.len);
		sb_puts(&d, " was good.\n");
		if ((r = check_ok("huge.txt", d.p, d.len, "en"))) {
			check_sane(r, d.p, d.len, 64);
			fl_result_free(r);
		}
		/* Absent: name.missing quotes the name, nothing else does. */
		if ((r = check_ok("huge.txt", "Surge said it was good.", 23,
		                  "en"))) {
			CHECK_EQ_INT(fl_result_count(r), 1);
			CHECK_EQ_INT(count_rule(r, "name.missing"), 1);
			if (fl_result_count(r) == 1)
				CHECK_EQ_INT(
				    strlen(fl_result_finding(r, 0)->text),
				    target);
			fl_result_free(r);
		}
		fl_checker_set_facts(checker(), NULL);
	}
	fl_facts_free(f);

	/* 100 KB of words: a name of about 15,000 words. */
	name.len = 0;
	y.len = 0;
	d.len = 0;
	for (size_t i = 0; name.len < target; i++)
		sb_printf(&name, "%sWord%zu", i ? " " : "", i);
	sb_printf(&y, "version: 1\nentities:\n  - kind: person\n    name: ");
	sb_put(&y, name.p, name.len);
	sb_puts(&y, "\n");
	f = load_facts(y.p, y.len);
	if (f && checker()) {
		fl_checker_set_facts(checker(), f);
		/* Present in full. */
		sb_puts(&d, "The team met ");
		sb_put(&d, name.p, name.len);
		sb_puts(&d, " yesterday.\n");
		if ((r = check_ok("huge.txt", d.p, d.len, "en"))) {
			CHECK_EQ_INT(count_rule(r, "name.missing"), 0);
			check_sane(r, d.p, d.len, 64);
			fl_result_free(r);
		}
		/* Only its first words: missing. */
		if ((r = check_ok("huge.txt", "The team met Word0 Word1 Word2.",
		                  31, "en"))) {
			CHECK_EQ_INT(count_rule(r, "name.missing"), 1);
			check_sane(r, "The team met Word0 Word1 Word2.", 31,
			           64);
			fl_result_free(r);
		}
		fl_checker_set_facts(checker(), NULL);
	}
	fl_facts_free(f);
	sb_free(&name);
	sb_free(&y);
	sb_free(&d);
}

static void test_free_shared(void)
{
	fl_checker_free(shared);
	shared = NULL;
}

TESTS(T(test_empty_document), T(test_only_bom), T(test_only_newlines),
      T(test_two_megabyte_line), T(test_long_line_dense_findings),
      T(test_megabyte_token), T(test_scale_200000_times),
      T(test_every_ascii_byte), T(test_ten_scripts),
      T(test_two_thousand_entities), T(test_deeply_nested_yaml),
      T(test_huge_entity_name), T(test_free_shared))
