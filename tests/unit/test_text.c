/*
 * The text module: decoding and validation, BOM and line ends, NFC,
 * positions in code points, word tokens (kind, script, case, sentence
 * start, masking), match and fuzzy keys, headline lines, gaps and the
 * main script of a document.
 */
#define _POSIX_C_SOURCE 200809L

#include "test.h"
#include "text/text.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static fl__text_ctx *shared_ctx;

/* The context shared by every test (made on first use). */
static fl__text_ctx *ctx(void)
{
	char err[256] = "";
	if (!shared_ctx) {
		int rc = fl__text_ctx_new(&shared_ctx, err, sizeof(err));
		CHECK_EQ_INT(rc, 0);
		if (rc < 0)
			fprintf(stderr, "fl__text_ctx_new: %s\n", err);
	}
	return shared_ctx;
}

/* Builds a document from NUL-terminated s; returns the code. */
static int make_doc(fl__doc *doc, const char *s, const char *locale, char *err,
                    size_t errlen)
{
	err[0] = '\0';
	return fl__doc_init(doc, ctx(), s, strlen(s), locale, err, errlen);
}

/* Builds a document that must succeed. */
static bool doc_ok(fl__doc *doc, const char *s, const char *locale)
{
	char err[256];
	int rc = make_doc(doc, s, locale, err, sizeof(err));
	CHECK_EQ_INT(rc, 0);
	if (rc < 0) {
		fprintf(stderr, "fl__doc_init(\"%s\"): %s\n", s, err);
		fl__doc_dispose(doc);
		return false;
	}
	return true;
}

/* The text of token i as UTF-8 (static buffer). */
static const char *tok_text(const fl__doc *doc, size_t i)
{
	static char out[4][512];
	static int which;
	char *o = out[which++ & 3];
	const fl__token *t;
	o[0] = '\0';
	if (i >= doc->token_count)
		return "(none)";
	t = &doc->tokens[i];
	if (fl__u16_to_utf8_buf(o, 512, doc->text + t->start,
	                        t->end - t->start) == 0 &&
	    t->end > t->start)
		return "(too long)";
	return o;
}

/* Index of the first token whose text is s, or -1. */
static long find_tok(const fl__doc *doc, const char *s)
{
	for (size_t i = 0; i < doc->token_count; i++)
		if (strcmp(tok_text(doc, i), s) == 0)
			return (long)i;
	fprintf(stderr, "token \"%s\" not found\n", s);
	return -1;
}

/* Flags of the token whose text is s (0xFFFF when absent). */
static unsigned tok_flags(const fl__doc *doc, const char *s)
{
	long i = find_tok(doc, s);
	return i < 0 ? 0xFFFFu : doc->tokens[i].flags;
}

#define CASE_MASK                                                              \
	(FL_TOKF_UPPER | FL_TOKF_LOWER | FL_TOKF_TITLE | FL_TOKF_MIXED)

/* Line and column of token s (0, 0 when absent). */
static void tok_pos(const fl__doc *doc, const char *s, size_t *line,
                    size_t *col)
{
	long i = find_tok(doc, s);
	*line = *col = 0;
	if (i >= 0)
		fl__doc_position(doc, doc->tokens[i].start, line, col);
}

/* Match key of UTF-8 s as UTF-8 (static buffer), "(error)" on failure. */
static const char *key_of(const char *s)
{
	static char out[2][512];
	static int which;
	char *o = out[which++ & 1];
	uint16_t *k = NULL;
	size_t n = 0;
	if (fl__match_key_utf8(&k, &n, s, strlen(s)) < 0)
		return "(error)";
	o[0] = '\0';
	if (n > 0 && fl__u16_to_utf8_buf(o, 512, k, n) == 0)
		snprintf(o, 512, "(too long)");
	free(k);
	return o;
}

/* Fuzzy key of the match key of s, as UTF-8. */
static const char *fuzzy_of(const char *s, size_t cap)
{
	static char out[512];
	uint16_t *k = NULL, f[256];
	size_t n = 0, m;
	out[0] = '\0';
	if (fl__match_key_utf8(&k, &n, s, strlen(s)) < 0)
		return "(error)";
	m = fl__fuzzy_key(f, cap, k, n);
	free(k);
	if (m > 0 && fl__u16_to_utf8_buf(out, sizeof(out), f, m) == 0)
		return "(too long)";
	return out;
}

/* ------------------------------------------------------------ encoding */

/* Invalid input s[0,len) must fail with exactly "invalid UTF-8 at byte
 * offset N". */
static void check_bad_utf8(const char *s, size_t len, long offset)
{
	fl__doc doc;
	char err[256] = "", want[64];
	int rc = fl__doc_init(&doc, ctx(), s, len, "en", err, sizeof(err));
	CHECK_EQ_INT(rc, FL_EENCODING);
	snprintf(want, sizeof(want), "invalid UTF-8 at byte offset %ld",
	         offset);
	CHECK_EQ_STR(err, want);
	fl__doc_dispose(&doc);
}

static void test_invalid_utf8_offsets(void)
{
	/* A lone 0xFF at offset 5. */
	check_bad_utf8("hello\xFFworld", 11, 5);
	/* A 3-byte sequence cut off at the end. */
	check_bad_utf8("abc \xE2\x82", 6, 4);
	/* Overlong encoding of '/'. */
	check_bad_utf8("ab\xC0\xAFzz", 6, 2);
	/* A UTF-16 surrogate (U+D800) encoded in UTF-8. */
	check_bad_utf8("x \xED\xA0\x80 y", 7, 2);
	/* A lone continuation byte. */
	check_bad_utf8("\x80", 1, 0);
	/* Above U+10FFFF. */
	check_bad_utf8("ok \xF4\x90\x80\x80", 7, 3);
	/* The offset counts the BOM too: it is a file offset. */
	check_bad_utf8("\xEF\xBB\xBF"
	               "ab\xFF",
	               6, 5);
	/* A valid sequence before the bad one counts in bytes, not chars. */
	check_bad_utf8("\xC3\xA9\xC3\xA9\xFE", 5, 4);
}

static void test_invalid_utf8_match_key(void)
{
	uint16_t *k = (uint16_t *)&k;
	size_t n = 99;
	CHECK_EQ_INT(fl__match_key_utf8(&k, &n, "a\xFF", 2), FL_EENCODING);
	CHECK(k == NULL);
	CHECK_EQ_INT(n, 0);
}

static void test_embedded_nul_is_text(void)
{
	/* A NUL byte is valid UTF-8: the document goes on after it. */
	fl__doc doc;
	char err[64];
	CHECK_EQ_INT(
	    fl__doc_init(&doc, ctx(), "ab\0cd ef", 8, "en", err, sizeof(err)),
	    0);
	CHECK_EQ_INT(doc.len, 8);
	if (doc.token_count > 0)
		CHECK_EQ_STR(tok_text(&doc, doc.token_count - 1), "ef");
	fl__doc_dispose(&doc);
}

static void test_bom_skipped(void)
{
	fl__doc doc;
	size_t l, c;
	if (!doc_ok(&doc, "\xEF\xBB\xBFHello world", "en"))
		return;
	CHECK_EQ_INT(doc.len, 11);
	CHECK_EQ_INT(doc.text[0], 'H');
	CHECK_EQ_INT(doc.token_count, 2);
	CHECK_EQ_STR(tok_text(&doc, 0), "Hello");
	CHECK_EQ_INT(doc.tokens[0].start, 0);
	tok_pos(&doc, "world", &l, &c);
	CHECK_EQ_INT(l, 1);
	CHECK_EQ_INT(c, 7);
	/* The first word is still sentence-initial. */
	CHECK(doc.tokens[0].flags & FL_TOKF_SENT);
	fl__doc_dispose(&doc);

	/* Only a BOM: an empty document. */
	if (!doc_ok(&doc, "\xEF\xBB\xBF", "en"))
		return;
	CHECK_EQ_INT(doc.len, 0);
	CHECK_EQ_INT(doc.token_count, 0);
	CHECK_EQ_INT(doc.line_count, 1);
	fl__doc_dispose(&doc);

	/* A BOM later in the text is a character (ZWNBSP), not skipped. */
	if (!doc_ok(&doc,
	            "a \xEF\xBB\xBF"
	            "b",
	            "en"))
		return;
	CHECK_EQ_INT(doc.len, 4);
	fl__doc_dispose(&doc);
}

/* ---------------------------------------------------------- line ends */

static void test_crlf_and_cr(void)
{
	fl__doc doc;
	fl_buf b = FL_BUF_INIT;
	size_t l, c;

	if (!doc_ok(&doc, "one\r\ntwo\rthree\nfour five\r\n\r\nsix", "en"))
		return;
	for (size_t i = 0; i < doc.len; i++)
		CHECK(doc.text[i] != '\r');
	CHECK_EQ_INT(doc.line_count, 6);
	tok_pos(&doc, "one", &l, &c);
	CHECK_EQ_INT(l, 1);
	CHECK_EQ_INT(c, 1);
	tok_pos(&doc, "two", &l, &c);
	CHECK_EQ_INT(l, 2);
	CHECK_EQ_INT(c, 1);
	tok_pos(&doc, "three", &l, &c);
	CHECK_EQ_INT(l, 3);
	CHECK_EQ_INT(c, 1);
	tok_pos(&doc, "five", &l, &c);
	CHECK_EQ_INT(l, 4);
	CHECK_EQ_INT(c, 6);
	tok_pos(&doc, "six", &l, &c);
	CHECK_EQ_INT(l, 6);
	CHECK_EQ_INT(c, 1);
	/* Tokens know their 0-based line. */
	{
		long i = find_tok(&doc, "six");
		if (i >= 0)
			CHECK_EQ_INT(doc.tokens[i].line, 5);
		i = find_tok(&doc, "three");
		if (i >= 0)
			CHECK_EQ_INT(doc.tokens[i].line, 2);
	}
	/* Lines come back without their line end. */
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 1), 0);
	CHECK_EQ_STR(b.ptr, "two");
	fl_buf_clear(&b);
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 3), 0);
	CHECK_EQ_STR(b.ptr, "four five");
	fl_buf_clear(&b);
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 4), 0);
	CHECK_EQ_STR(b.ptr, "");
	fl_buf_clear(&b);
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 5), 0);
	CHECK_EQ_STR(b.ptr, "six");
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 6), FL_EINVAL);
	fl_buf_dispose(&b);
	fl__doc_dispose(&doc);

	/* A CR at the very end is one line break too. */
	if (!doc_ok(&doc, "end\r", "en"))
		return;
	CHECK_EQ_INT(doc.len, 4);
	CHECK_EQ_INT(doc.text[3], '\n');
	CHECK_EQ_INT(doc.line_count, 2);
	fl__doc_dispose(&doc);

	/* "\r\r\n" is two breaks: a lone CR, then a CRLF. */
	if (!doc_ok(&doc, "a\r\r\nb", "en"))
		return;
	CHECK_EQ_INT(doc.line_count, 3);
	tok_pos(&doc, "b", &l, &c);
	CHECK_EQ_INT(l, 3);
	CHECK_EQ_INT(c, 1);
	fl__doc_dispose(&doc);
}

/* ------------------------------------------------------- NFC, columns */

static void test_nfc(void)
{
	fl__doc doc;
	fl_buf b = FL_BUF_INIT;
	size_t l, c;

	/* "Cafe" + U+0301 COMBINING ACUTE ACCENT, then " bar". */
	if (!doc_ok(&doc, "Cafe\xCC\x81 bar", "fr"))
		return;
	CHECK_EQ_INT(doc.len, 8);
	CHECK_EQ_INT(doc.text[3], 0x00E9);
	CHECK_EQ_INT(doc.token_count, 2);
	CHECK_EQ_STR(tok_text(&doc, 0), "Caf\xC3\xA9");
	tok_pos(&doc, "bar", &l, &c);
	CHECK_EQ_INT(l, 1);
	CHECK_EQ_INT(c, 6);
	/* The token's key equals the key of the precomposed spelling. */
	{
		uint16_t *k = NULL;
		size_t n = 0;
		CHECK_EQ_INT(fl__match_key_utf8(&k, &n, "caf\xC3\xA9", 5), 0);
		CHECK_EQ_INT(doc.tokens[0].keylen, n);
		if (k && doc.tokens[0].keylen == n)
			CHECK(memcmp(fl__tok_key(&doc, &doc.tokens[0]), k,
			             n * sizeof(*k)) == 0);
		free(k);
	}
	CHECK_EQ_INT(fl__doc_line_utf8(&b, &doc, 0), 0);
	CHECK_EQ_STR(b.ptr, "Caf\xC3\xA9 bar");
	fl_buf_dispose(&b);
	fl__doc_dispose(&doc);

	/* Decomposed and precomposed spellings have the same match key. */
	CHECK_EQ_STR(key_of("Cafe\xCC\x81"), key_of("caf\xC3\xA9"));
}

static void test_columns_count_code_points(void)
{
	fl__doc doc;
	fl_buf b = FL_BUF_INIT;
	size_t l, c;

	/* U+1F600 takes 4 bytes and 2 UTF-16 units but one column. */
	if (!doc_ok(
	        &doc,
	        "A \xF0\x9F\x98\x80 word \xF0\x9F\x98\x80\xF0\x9F\x98\x80 end",
	        "en"))
		return;
	tok_pos(&doc, "word", &l, &c);
	CHECK_EQ_INT(l, 1);
	CHECK_EQ_INT(c, 5);
	tok_pos(&doc, "end", &l, &c);
	CHECK_EQ_INT(c, 13);
	/* The UTF-16 offset of "word" is 5 (emoji = 2 units). */
	{
		long i = find_tok(&doc, "word");
		if (i >= 0) {
			CHECK_EQ_INT(doc.tokens[i].start, 5);
			CHECK_EQ_INT(doc.tokens[i].end, 9);
		}
	}
	/* The end of the document has a position too. */
	fl__doc_position(&doc, doc.len, &l, &c);
	CHECK_EQ_INT(l, 1);
	CHECK_EQ_INT(c, 16);
	CHECK_EQ_INT(fl__doc_span_utf8(&b, &doc, 2, 4), 0);
	CHECK_EQ_STR(b.ptr, "\xF0\x9F\x98\x80");
	fl__doc_dispose(&doc);
	fl_buf_dispose(&b);

	/* Two-byte and three-byte characters: one column each. */
	if (!doc_ok(&doc, "\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xE4\xB8\xAD x",
	            "en"))
		return;
	tok_pos(&doc, "x", &l, &c);
	CHECK_EQ_INT(c, 9);
	fl__doc_dispose(&doc);

	/* On a second line, columns restart after the break. */
	if (!doc_ok(&doc, "\xF0\x9F\x98\x80\n\xF0\x9F\x98\x80 two", "en"))
		return;
	tok_pos(&doc, "two", &l, &c);
	CHECK_EQ_INT(l, 2);
	CHECK_EQ_INT(c, 3);
	fl__doc_dispose(&doc);
}

static void test_span_utf8_clamps(void)
{
	fl__doc doc;
	fl_buf b = FL_BUF_INIT;
	if (!doc_ok(&doc, "abc def", "en"))
		return;
	CHECK_EQ_INT(fl__doc_span_utf8(&b, &doc, 4, 100), 0);
	CHECK_EQ_STR(b.ptr, "def");
	fl_buf_clear(&b);
	CHECK_EQ_INT(fl__doc_span_utf8(&b, &doc, 5, 2), 0);
	CHECK_EQ_STR(b.ptr, "");
	fl_buf_clear(&b);
	CHECK_EQ_INT(fl__doc_span_utf8(&b, &doc, 0, 3), 0);
	CHECK_EQ_STR(b.ptr, "abc");
	fl_buf_dispose(&b);
	fl__doc_dispose(&doc);
}

/* -------------------------------------------------------------- tokens */

static void test_token_kinds(void)
{
	fl__doc doc;
	if (!doc_ok(&doc, "Surge paid 49 dollars in 2024, GPT4 and 3.5 too.",
	            "en"))
		return;
	CHECK_EQ_INT(doc.token_count, 10);
	CHECK_EQ_STR(tok_text(&doc, 0), "Surge");
	CHECK_EQ_INT(doc.tokens[0].kind, FL_TOK_WORD);
	CHECK_EQ_STR(tok_text(&doc, 2), "49");
	CHECK_EQ_INT(doc.tokens[2].kind, FL_TOK_NUMBER);
	CHECK(doc.tokens[2].flags & FL_TOKF_DIGIT);
	CHECK_EQ_INT(doc.tokens[2].flags & CASE_MASK, 0);
	CHECK_EQ_STR(tok_text(&doc, 5), "2024");
	CHECK_EQ_INT(doc.tokens[5].kind, FL_TOK_NUMBER);
	/* ICU rates letters followed by digits a number ("GPT4"); the token
	 * still knows its letters: digit flag, case and script. */
	CHECK_EQ_STR(tok_text(&doc, 6), "GPT4");
	CHECK(doc.tokens[6].flags & FL_TOKF_DIGIT);
	CHECK_EQ_INT(doc.tokens[6].script, fl__script_code("Latn"));
	CHECK_EQ_INT(doc.tokens[6].flags & CASE_MASK, FL_TOKF_UPPER);
	CHECK_EQ_STR(tok_text(&doc, 7), "and");
	CHECK_EQ_INT(doc.tokens[7].flags & FL_TOKF_DIGIT, 0);
	CHECK_EQ_STR(tok_text(&doc, 8), "3.5");
	CHECK_EQ_INT(doc.tokens[8].kind, FL_TOK_NUMBER);
	CHECK_EQ_STR(tok_text(&doc, 9), "too");
	CHECK_EQ_INT(doc.tokens[9].kind, FL_TOK_WORD);
	for (size_t i = 0; i < doc.token_count; i++) {
		CHECK(doc.tokens[i].end > doc.tokens[i].start);
		if (i > 0)
			CHECK(doc.tokens[i].start >= doc.tokens[i - 1].end);
	}
	/* Arabic-Indic digits are digits too. */
	fl__doc_dispose(&doc);
	if (!doc_ok(&doc, "\xD9\xA4\xD9\xA9", "ar"))
		return;
	CHECK_EQ_INT(doc.token_count, 1);
	if (doc.token_count == 1) {
		CHECK_EQ_INT(doc.tokens[0].kind, FL_TOK_NUMBER);
		CHECK(doc.tokens[0].flags & FL_TOKF_DIGIT);
	}
	fl__doc_dispose(&doc);
}

static void test_token_scripts(void)
{
	fl__doc doc;
	int latn = fl__script_code("Latn"), arab = fl__script_code("Arab"),
	    hebr = fl__script_code("Hebr"), cyrl = fl__script_code("Cyrl");

	CHECK(latn > 1);
	CHECK(arab > 1);
	CHECK(hebr > 1);
	CHECK(latn != arab && arab != hebr && latn != hebr);
	CHECK_EQ_INT(fl__script_code("Zyyy"), FL_SCRIPT_COMMON);
	CHECK_EQ_INT(fl__script_code("Zinh"), FL_SCRIPT_INHERITED);
	CHECK_EQ_INT(fl__script_code("NoSuchScript"), -1);
	CHECK_EQ_STR(fl__script_name(latn), "Latn");
	CHECK_EQ_STR(fl__script_name(arab), "Arab");
	CHECK_EQ_STR(fl__script_name(hebr), "Hebr");
	CHECK(fl__script_is_cased(latn));
	CHECK(fl__script_is_cased(cyrl));
	CHECK(!fl__script_is_cased(arab));
	CHECK(!fl__script_is_cased(hebr));

	/* "Hello مرحبا שלום Привет" */
	if (!doc_ok(&doc,
	            "Hello \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
	            "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
	            "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
	            "en"))
		return;
	CHECK_EQ_INT(doc.token_count, 4);
	if (doc.token_count == 4) {
		CHECK_EQ_INT(doc.tokens[0].script, latn);
		CHECK_EQ_INT(doc.tokens[1].script, arab);
		CHECK_EQ_INT(doc.tokens[2].script, hebr);
		CHECK_EQ_INT(doc.tokens[3].script, cyrl);
		/* Caseless scripts carry no case flag. */
		CHECK_EQ_INT(doc.tokens[1].flags & CASE_MASK, 0);
		CHECK_EQ_INT(doc.tokens[2].flags & CASE_MASK, 0);
		CHECK_EQ_INT(doc.tokens[3].flags & CASE_MASK, FL_TOKF_TITLE);
		for (size_t i = 0; i < 4; i++)
			CHECK_EQ_INT(doc.tokens[i].kind, FL_TOK_WORD);
	}
	fl__doc_dispose(&doc);

	/* A token starting with a mark or digit takes the script of its first
	 * letter: "4G" is Latin. */
	if (!doc_ok(&doc, "4G", "en"))
		return;
	CHECK_EQ_INT(doc.token_count, 1);
	if (doc.token_count == 1)
		CHECK_EQ_INT(doc.tokens[0].script, latn);
	fl__doc_dispose(&doc);
}

static void test_case_flags(void)
{
	fl__doc doc;
	if (!doc_ok(&doc,
	            "LLAMA Surge OpenAI outlier iPhone A McDonald \xC3\x89"
	            "COLE "
	            "\xC3\xA9t\xC3\xA9",
	            "en"))
		return;
	CHECK_EQ_INT(tok_flags(&doc, "LLAMA") & CASE_MASK, FL_TOKF_UPPER);
	CHECK_EQ_INT(tok_flags(&doc, "Surge") & CASE_MASK, FL_TOKF_TITLE);
	CHECK_EQ_INT(tok_flags(&doc, "OpenAI") & CASE_MASK, FL_TOKF_MIXED);
	CHECK_EQ_INT(tok_flags(&doc, "outlier") & CASE_MASK, FL_TOKF_LOWER);
	CHECK_EQ_INT(tok_flags(&doc, "iPhone") & CASE_MASK, FL_TOKF_MIXED);
	/* One capital is not "all capitals". */
	CHECK_EQ_INT(tok_flags(&doc, "A") & CASE_MASK, FL_TOKF_TITLE);
	CHECK_EQ_INT(tok_flags(&doc, "McDonald") & CASE_MASK, FL_TOKF_MIXED);
	/* Non-ASCII letters are classified by ICU. */
	CHECK_EQ_INT(tok_flags(&doc, "\xC3\x89"
	                             "COLE") &
	                 CASE_MASK,
	             FL_TOKF_UPPER);
	CHECK_EQ_INT(tok_flags(&doc, "\xC3\xA9t\xC3\xA9") & CASE_MASK,
	             FL_TOKF_LOWER);
	/* None of them has a digit or is masked. */
	for (size_t i = 0; i < doc.token_count; i++)
		CHECK_EQ_INT(
		    doc.tokens[i].flags & (FL_TOKF_DIGIT | FL_TOKF_MASKED), 0);
	fl__doc_dispose(&doc);
}

static void test_sentence_flag(void)
{
	fl__doc doc;
	if (!doc_ok(&doc,
	            "Surge grew. Meta paid, and Scale rose! Why? Because: "
	            "Wang\n\"Alexandr said\" it (Indeed) \xE2\x80\x9C"
	            "Quote "
	            "\xD8\x9F \xD9\x85\xD8\xB1",
	            "en"))
		return;
	CHECK(tok_flags(&doc, "Surge") & FL_TOKF_SENT);
	CHECK(!(tok_flags(&doc, "grew") & FL_TOKF_SENT));
	CHECK(tok_flags(&doc, "Meta") & FL_TOKF_SENT);
	CHECK(!(tok_flags(&doc, "paid") & FL_TOKF_SENT));
	CHECK(!(tok_flags(&doc, "and") & FL_TOKF_SENT));
	CHECK(!(tok_flags(&doc, "Scale") & FL_TOKF_SENT));
	CHECK(tok_flags(&doc, "Why") & FL_TOKF_SENT);
	CHECK(tok_flags(&doc, "Because") & FL_TOKF_SENT);
	/* After a colon. */
	CHECK(tok_flags(&doc, "Wang") & FL_TOKF_SENT);
	/* At a line start, behind a quote. */
	CHECK(tok_flags(&doc, "Alexandr") & FL_TOKF_SENT);
	CHECK(!(tok_flags(&doc, "said") & FL_TOKF_SENT));
	CHECK(!(tok_flags(&doc, "it") & FL_TOKF_SENT));
	/* A parenthesis after a word does not open a sentence. */
	CHECK(!(tok_flags(&doc, "Indeed") & FL_TOKF_SENT));
	CHECK(!(tok_flags(&doc, "Quote") & FL_TOKF_SENT));
	/* After the Arabic question mark. */
	CHECK(tok_flags(&doc, "\xD9\x85\xD8\xB1") & FL_TOKF_SENT);
	fl__doc_dispose(&doc);
}

/* Checks that exactly the tokens inside one of the spans of s given by
 * needles are masked. */
static void check_masked(const char *s, const char *const *needles, size_t nn)
{
	fl__doc doc;
	size_t inside[8] = {0};
	if (!doc_ok(&doc, s, "en"))
		return;
	for (size_t i = 0; i < doc.token_count; i++) {
		const fl__token *t = &doc.tokens[i];
		bool in = false;
		for (size_t k = 0; k < nn; k++) {
			/* ASCII input: UTF-16 offsets are byte offsets. */
			size_t a = (size_t)(strstr(s, needles[k]) - s);
			size_t b = a + strlen(needles[k]);
			if (t->start >= a && t->end <= b) {
				in = true;
				inside[k]++;
			}
		}
		if (in != ((t->flags & FL_TOKF_MASKED) != 0)) {
			fprintf(stderr,
			        "token \"%s\": masked %d, expected %d\n",
			        tok_text(&doc, i),
			        (t->flags & FL_TOKF_MASKED) != 0, in);
			CHECK(!"masking");
		}
	}
	for (size_t k = 0; k < nn; k++)
		if (inside[k] == 0) {
			fprintf(stderr, "no token inside \"%s\"\n", needles[k]);
			CHECK(!"tokens inside span");
		}
	fl__doc_dispose(&doc);
}

static void test_masked(void)
{
	static const char *const a[] = {"https://x.com/abc", "name@example.org",
	                                "@handle_1"};
	static const char *const b[] = {"www.example.com/Path"};
	static const char *const c[] = {"http://Foo.Bar/baz?q=Meta"};

	check_masked("See https://x.com/abc or write to name@example.org or "
	             "ping @handle_1 today.",
	             a, 3);
	check_masked("Visit www.example.com/Path now", b, 1);
	/* On a later line, with words before and after. */
	check_masked("Meta said\nread http://Foo.Bar/baz?q=Meta then Scale", c,
	             1);
	/* No URL, no address, no handle: nothing masked (an '@' between
	 * words alone is not an address). */
	check_masked("Ordinary words at 10 @ noon and Surge", NULL, 0);
	{
		fl__doc doc;
		if (doc_ok(&doc, "Alexandr Wang met Surge founders in 2024.",
		           "en")) {
			for (size_t i = 0; i < doc.token_count; i++)
				CHECK_EQ_INT(
				    doc.tokens[i].flags & FL_TOKF_MASKED, 0);
			fl__doc_dispose(&doc);
		}
	}
}

/* ---------------------------------------------------------- match keys */

static void test_match_keys(void)
{
	/* Case folding. */
	CHECK_EQ_STR(key_of("OpenAI"), "openai");
	CHECK_EQ_STR(key_of("LLAMA"), "llama");
	CHECK_EQ_STR(key_of("\xC3\x89"
	                    "COLE"),
	             "\xC3\xA9"
	             "cole");
	CHECK_EQ_STR(key_of("\xD0\x9F\xD1\x80\xD0\xB8"),
	             "\xD0\xBF\xD1\x80\xD0\xB8");
	/* Arabic alef variants: أحمد, إبراهيم, آدم -> ا */
	CHECK_EQ_STR(key_of("\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF"),
	             "\xD8\xA7\xD8\xAD\xD9\x85\xD8\xAF");
	CHECK_EQ_STR(
	    key_of("\xD8\xA5\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x87\xD9\x8A"
	           "\xD9\x85"),
	    "\xD8\xA7\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x87\xD9\x8A\xD9\x85");
	CHECK_EQ_STR(key_of("\xD8\xA2\xD8\xAF\xD9\x85"),
	             "\xD8\xA7\xD8\xAF\xD9\x85");
	/* Alef maksura -> ya: مصطفى -> مصطفي */
	CHECK_EQ_STR(key_of("\xD9\x85\xD8\xB5\xD8\xB7\xD9\x81\xD9\x89"),
	             "\xD9\x85\xD8\xB5\xD8\xB7\xD9\x81\xD9\x8A");
	/* Ta marbuta -> ha: شركة -> شركه */
	CHECK_EQ_STR(key_of("\xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9"),
	             "\xD8\xB4\xD8\xB1\xD9\x83\xD9\x87");
	/* Tatweel removed: مـيـتـا -> ميتا */
	CHECK_EQ_STR(key_of("\xD9\x85\xD9\x80\xD9\x8A\xD9\x80\xD8\xAA\xD9\x80"
	                    "\xD8\xA7"),
	             "\xD9\x85\xD9\x8A\xD8\xAA\xD8\xA7");
	/* Harakat removed: مُحَمَّد -> محمد */
	CHECK_EQ_STR(key_of("\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x91"
	                    "\xD9\x8E\xD8\xAF"),
	             "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF");
	/* Hebrew niqqud removed: שָׁלוֹם -> שלום */
	CHECK_EQ_STR(key_of("\xD7\xA9\xD6\xB8\xD7\x81\xD7\x9C\xD7\x95\xD6\xB9"
	                    "\xD7\x9D"),
	             "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
	/* Typographic apostrophe -> ' */
	CHECK_EQ_STR(key_of("It\xE2\x80\x99s"), "it's");
	CHECK_EQ_STR(key_of("it's"), "it's");
	/* Same key, same word. */
	CHECK_EQ_STR(key_of("OPENAI"), key_of("openai"));
	/* Keys of an empty string. */
	CHECK_EQ_STR(key_of(""), "");
}

static void test_token_keys_match_utf8_keys(void)
{
	/* The keys made while tokenising equal fl__match_key_utf8's. */
	static const char *const words[] = {
	    "\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF",                 /* أحمد */
	    "\xD9\x85\xD9\x80\xD9\x8A\xD9\x80\xD8\xAA\xD8\xA7", /* مـيـتا */
	    "\xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9",                 /* شركة */
	};
	for (size_t w = 0; w < FL_ARRAY_SIZE(words); w++) {
		fl__doc doc;
		uint16_t *k = NULL;
		size_t n = 0;
		if (!doc_ok(&doc, words[w], "ar"))
			continue;
		CHECK_EQ_INT(doc.token_count, 1);
		CHECK_EQ_INT(
		    fl__match_key_utf8(&k, &n, words[w], strlen(words[w])), 0);
		if (doc.token_count == 1 && k) {
			CHECK_EQ_INT(doc.tokens[0].keylen, n);
			if (doc.tokens[0].keylen == n)
				CHECK(memcmp(fl__tok_key(&doc, &doc.tokens[0]),
				             k, n * sizeof(*k)) == 0);
		}
		free(k);
		fl__doc_dispose(&doc);
	}
	{
		fl__doc doc;
		if (!doc_ok(&doc, "Meta META meta", "en"))
			return;
		CHECK_EQ_INT(doc.token_count, 3);
		if (doc.token_count == 3) {
			CHECK_EQ_INT(doc.tokens[0].keylen, 4);
			CHECK_EQ_INT(doc.tokens[1].keylen, 4);
			CHECK(memcmp(fl__tok_key(&doc, &doc.tokens[0]),
			             fl__tok_key(&doc, &doc.tokens[1]),
			             8) == 0);
			CHECK(memcmp(fl__tok_key(&doc, &doc.tokens[0]),
			             fl__tok_key(&doc, &doc.tokens[2]),
			             8) == 0);
		}
		fl__doc_dispose(&doc);
	}
}

static void test_long_token_has_no_key(void)
{
	/* Over FL_TOKEN_MAX units a token is kept but has no key. */
	char s[FL_TOKEN_MAX + 2];
	fl__doc doc;
	memset(s, 'a', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	if (!doc_ok(&doc, s, "en"))
		return;
	CHECK_EQ_INT(doc.token_count, 1);
	if (doc.token_count == 1) {
		CHECK_EQ_INT(doc.tokens[0].end - doc.tokens[0].start,
		             FL_TOKEN_MAX + 1);
		CHECK_EQ_INT(doc.tokens[0].keylen, 0);
	}
	fl__doc_dispose(&doc);
	s[FL_TOKEN_MAX] = '\0'; /* exactly FL_TOKEN_MAX: keyed */
	if (!doc_ok(&doc, s, "en"))
		return;
	if (doc.token_count == 1)
		CHECK_EQ_INT(doc.tokens[0].keylen, FL_TOKEN_MAX);
	fl__doc_dispose(&doc);
}

static void test_fuzzy_key(void)
{
	CHECK_EQ_STR(fuzzy_of("Caf\xC3\xA9", 64), "cafe");
	CHECK_EQ_STR(fuzzy_of("M\xC3\xBCller", 64), "muller");
	/* Not letters: dropped. */
	CHECK_EQ_STR(fuzzy_of("O'Neil-2", 64), "oneil");
	/* Arabic letters stay, harakat were dropped by the match key. */
	CHECK_EQ_STR(
	    fuzzy_of("\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD8\xAF", 64),
	    "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF");
	/* At most cap units are written. */
	CHECK_EQ_STR(fuzzy_of("Alexandr", 3), "ale");
	/* A key over FL_TOKEN_MAX gives nothing. */
	{
		uint16_t key[FL_TOKEN_MAX + 1], out[FL_TOKEN_MAX + 1];
		for (size_t i = 0; i < FL_ARRAY_SIZE(key); i++)
			key[i] = 'a';
		CHECK_EQ_INT(fl__fuzzy_key(out, FL_ARRAY_SIZE(out), key,
		                           FL_TOKEN_MAX + 1),
		             0);
		CHECK_EQ_INT(
		    fl__fuzzy_key(out, FL_ARRAY_SIZE(out), key, FL_TOKEN_MAX),
		    FL_TOKEN_MAX);
	}
}

/* -------------------------------------------------------- lines, gaps */

static void test_caps_lines(void)
{
	fl__doc doc;
	if (!doc_ok(&doc,
	            "BREAKING NEWS: META BUYS SCALE\nMeta buys Scale.\nAI\n"
	            "\xC3\x89TATS-UNIS ET FRANCE\nSHOUTING but not",
	            "en"))
		return;
	CHECK_EQ_INT(doc.line_count, 5);
	if (doc.line_count == 5) {
		CHECK_EQ_INT(doc.line_flags[0], FL_LINE_CAPS);
		CHECK_EQ_INT(doc.line_flags[1], 0);
		/* Two capitals are too few for a headline. */
		CHECK_EQ_INT(doc.line_flags[2], 0);
		CHECK_EQ_INT(doc.line_flags[3], FL_LINE_CAPS);
		CHECK_EQ_INT(doc.line_flags[4], 0);
	}
	fl__doc_dispose(&doc);
}

/* Gap between tokens i and i+1. */
static bool gap(const fl__doc *d, size_t i)
{
	return fl__doc_gap_is_space(d, d->tokens[i].end,
	                            d->tokens[i + 1].start);
}

static void test_gap_is_space(void)
{
	fl__doc doc;
	if (!doc_ok(
	        &doc,
	        "Scale Scale, Scale\nScale  Scale\tScale\xC2\xA0Scale. Scale "
	        "- Scale",
	        "en"))
		return;
	CHECK_EQ_INT(doc.token_count, 9);
	if (doc.token_count == 9) {
		CHECK(gap(&doc, 0));  /* one space */
		CHECK(!gap(&doc, 1)); /* ", " */
		CHECK(!gap(&doc, 2)); /* newline */
		CHECK(gap(&doc, 3));  /* two spaces */
		CHECK(gap(&doc, 4));  /* tab */
		CHECK(gap(&doc, 5));  /* no-break space */
		CHECK(!gap(&doc, 6)); /* ". " */
		CHECK(!gap(&doc, 7)); /* " - " */
	}
	/* An empty gap is only spaces. */
	CHECK(fl__doc_gap_is_space(&doc, 3, 3));
	fl__doc_dispose(&doc);
}

/* -------------------------------------------------------- main script */

static void test_main_script(void)
{
	fl__doc doc;
	/* "أعلنت شركة Meta أن Alexandr Wang سينضم إلى فريق الذكاء
	 * الاصطناعي في Meta." */
	if (doc_ok(
	        &doc,
	        "\xD8\xA3\xD8\xB9\xD9\x84\xD9\x86\xD8\xAA \xD8\xB4\xD8\xB1\xD9"
	        "\x83\xD8\xA9 Meta \xD8\xA3\xD9\x86 Alexandr Wang \xD8\xB3\xD9"
	        "\x8A\xD9\x86\xD8\xB6\xD9\x85 \xD8\xA5\xD9\x84\xD9\x89 \xD9\x81"
	        "\xD8\xB1\xD9\x8A\xD9\x82 \xD8\xA7\xD9\x84\xD8\xB0\xD9\x83\xD8"
	        "\xA7\xD8\xA1 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xB5\xD8\xB7\xD9\x86"
	        "\xD8\xA7\xD8\xB9\xD9\x8A \xD9\x81\xD9\x8A Meta.",
	        "ar")) {
		CHECK_EQ_STR(fl__script_name(fl__doc_main_script(&doc)),
		             "Arab");
		fl__doc_dispose(&doc);
	}
	if (doc_ok(&doc,
	           "Meta invested in Scale AI, said \xD8\xB4\xD8\xB1\xD9"
	           "\x83\xD8\xA9 once.",
	           "en")) {
		CHECK_EQ_STR(fl__script_name(fl__doc_main_script(&doc)),
		             "Latn");
		fl__doc_dispose(&doc);
	}
	/* שלום עולם OpenAI */
	if (doc_ok(
	        &doc,
	        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7"
	        "\x9D OpenAI",
	        "he")) {
		CHECK_EQ_STR(fl__script_name(fl__doc_main_script(&doc)),
		             "Hebr");
		fl__doc_dispose(&doc);
	}
	/* Numbers are not letters: no script. */
	if (doc_ok(&doc, "12 345 -- 6.7", "en")) {
		CHECK_EQ_INT(fl__doc_main_script(&doc), FL_SCRIPT_COMMON);
		fl__doc_dispose(&doc);
	}
	if (doc_ok(&doc, "", "en")) {
		CHECK_EQ_INT(fl__doc_main_script(&doc), FL_SCRIPT_COMMON);
		CHECK_EQ_INT(doc.token_count, 0);
		fl__doc_dispose(&doc);
	}
}

static void test_ctx_reused_across_locales(void)
{
	/* One context serves documents of several locales in turn, and the
	 * masking regex keeps no pointer to an old document. */
	static const char *const locs[] = {"en", "ar", "he", "pt_BR", "en", ""};
	for (size_t i = 0; i < FL_ARRAY_SIZE(locs); i++) {
		fl__doc doc;
		if (!doc_ok(&doc, "see https://a.b/c and Scale", locs[i]))
			continue;
		CHECK_EQ_INT(tok_flags(&doc, "Scale") & FL_TOKF_MASKED, 0);
		CHECK(tok_flags(&doc, "c") & FL_TOKF_MASKED);
		fl__doc_dispose(&doc);
	}
	fl__doc_dispose(NULL);
}

/* What ICU's "Any-Latin; Latin-ASCII; Lower" makes of s[0,n), its ASCII
 * only: what fl__translit_ascii answered before its table of Latin
 * text (text/latin_ascii.h). */
static void icu_ascii(UTransliterator *t, const uint16_t *s, size_t n,
                      char *out)
{
	UChar b[4 * FL_TOKEN_MAX];
	int32_t len = (int32_t)n, limit = (int32_t)n, k = 0;
	UErrorCode st = U_ZERO_ERROR;

	memcpy(b, s, n * sizeof(*s));
	utrans_transUChars(t, b, &len, FL_ARRAY_SIZE(b), 0, &limit, &st);
	for (int32_t i = 0; U_SUCCESS(st) && i < len; i++)
		if (b[i] < 0x80)
			out[k++] = (char)b[i];
	out[k] = '\0';
}

static void test_latin_table_is_icus(void)
{
	/* Latin text is read through a table generated from ICU
	 * (scripts/gen-latin-ascii.c): it must answer as the ICU the library
	 * is built with, for every character it covers, alone and in words
	 * of several (a made-up mix, and names as the news spells them). */
	static const char *const words[] = {"Şişli",
	                                    "Þórshöfn",
	                                    "Łódź",
	                                    "Ærøskøbing",
	                                    "Straße",
	                                    "Œuvre",
	                                    "Ĳsselmeer",
	                                    "Đắk Lắk",
	                                    "Nguyễn",
	                                    "Ǆemal",
	                                    "O’Brien",
	                                    "½ ¼ ©®",
	                                    "São Tomé e Príncipe",
	                                    "Ångström",
	                                    "ĦĸŀŉſƀƁƂ"};
	UErrorCode st = U_ZERO_ERROR;
	UTransliterator *t = utrans_openU(u"Any-Latin; Latin-ASCII; Lower", -1,
	                                  UTRANS_FORWARD, NULL, 0, NULL, &st);
	char want[4 * FL_TOKEN_MAX + 1], got[4 * FL_TOKEN_MAX + 1];
	size_t bad = 0;

	CHECK(U_SUCCESS(st));
	if (U_FAILURE(st))
		return;
	for (uint32_t c = 1; c < 0x2020; c++) {
		uint16_t u = (uint16_t)c;
		if (!fl__latin_text(&u, 1))
			continue;
		icu_ascii(t, &u, 1, want);
		CHECK(fl__translit_ascii(ctx(), &u, 1, got, sizeof(got)) >= 0);
		if (strcmp(want, got) != 0 && bad++ < 5)
			fprintf(stderr, "U+%04X: ICU '%s', table '%s'\n",
			        (unsigned)c, want, got);
	}
	CHECK_EQ_INT((int)bad, 0);
	for (size_t i = 0; i < FL_ARRAY_SIZE(words); i++) {
		uint16_t u[FL_TOKEN_MAX];
		int32_t n = 0;
		UErrorCode s2 = U_ZERO_ERROR;
		u_strFromUTF8(u, FL_TOKEN_MAX, &n, words[i], -1, &s2);
		CHECK(U_SUCCESS(s2) && fl__latin_text(u, (size_t)n));
		icu_ascii(t, u, (size_t)n, want);
		CHECK(fl__translit_ascii(ctx(), u, (size_t)n, got,
		                         sizeof(got)) >= 0);
		CHECK_EQ_STR(got, want);
	}
	utrans_close(t);
}

/*
 * fl__spellout_parse reads a text strictly first and leniently only when
 * that fails: the answer must be the lenient reading's. For every
 * language profile (each dicts/NAME.yaml: a new language is checked too), every
 * public rule set of its locale and a sample of numbers, the text the
 * rules write, as a match key, is read by fl__spellout_parse and by a
 * lenient-only formatter, and the two must agree.
 */
static void test_spellout_strict_is_lenient(void)
{
	static const double values[] = {0,   1,   2,   3,   7,   11,  16,
	                                21,  35,  99,  100, 101, 200, 999,
	                                1e3, 2e3, 1e6, 3e6, 1e9};
	const char *dd = getenv("FIDELINT_DATA_DIR");
	char path[1024];
	DIR *dir;
	struct dirent *de;
	size_t compared = 0, read = 0, differ = 0;

	snprintf(path, sizeof(path), "%s/dicts", dd && *dd ? dd : ".");
	dir = opendir(path);
	CHECK(dir != NULL);
	while (dir && (de = readdir(dir))) {
		char locale[32];
		size_t len = strlen(de->d_name);
		UErrorCode st = U_ZERO_ERROR;
		UNumberFormat *nf;
		UChar sets[2048];
		int32_t ns;

		if (len < 6 || len - 5 >= sizeof(locale) ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		for (size_t i = 0; i < len - 5; i++)
			locale[i] = de->d_name[i] == '-' ? '_' : de->d_name[i];
		locale[len - 5] = '\0';
		nf = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
		CHECK(U_SUCCESS(st));
		if (U_FAILURE(st))
			continue;
		unum_setAttribute(nf, UNUM_LENIENT_PARSE, 1);
		ns = unum_getTextAttribute(nf, UNUM_PUBLIC_RULESETS, sets,
		                           (int32_t)(FL_ARRAY_SIZE(sets) - 1),
		                           &st);
		for (int32_t a = 0; U_SUCCESS(st) && a < ns;) {
			int32_t b = a;
			UNumberFormat *fmt;
			UErrorCode fs = U_ZERO_ERROR;
			while (b < ns && sets[b] != ';')
				b++;
			fmt = unum_clone(nf, &fs);
			unum_setTextAttribute(fmt, UNUM_DEFAULT_RULESET,
			                      sets + a, b - a, &fs);
			for (size_t k = 0;
			     U_SUCCESS(fs) && k < FL_ARRAY_SIZE(values); k++) {
				UChar text[256];
				char u8[1024];
				uint16_t *key = NULL;
				size_t kl = 0;
				int32_t tl, u8l = 0, pos = 0;
				UErrorCode ps = U_ZERO_ERROR;
				double want = 0, got = 0;
				bool want_ok;
				int r;

				tl = unum_formatDouble(fmt, values[k], text,
				                       FL_ARRAY_SIZE(text),
				                       NULL, &ps);
				u_strToUTF8(u8, sizeof(u8), &u8l, text, tl,
				            &ps);
				if (U_FAILURE(ps) || tl <= 0 ||
				    fl__match_key_utf8(&key, &kl, u8,
				                       (size_t)u8l) < 0) {
					free(key);
					continue;
				}
				want = unum_parseDouble(nf, key, (int32_t)kl,
				                        &pos, &ps);
				want_ok = U_SUCCESS(ps) && pos == (int32_t)kl &&
				          isfinite(want);
				r = fl__spellout_parse(&got, ctx(), locale, key,
				                       kl);
				CHECK(r >= 0);
				compared++;
				read += r == 1;
				/* fl__spellout_parse may decline a text whose
				 * words its vocabulary lacks; what it reads
				 * must be what lenient reading gives */
				if (r == 1 && (!want_ok || got != want)) {
					differ++;
					fprintf(stderr,
					        "%s: \"%s\" read as %g, "
					        "lenient: %s %g\n",
					        locale, u8, got,
					        want_ok ? "reads"
					                : "does not read",
					        want);
				}
				free(key);
			}
			unum_close(fmt);
			a = b + 1;
		}
		unum_close(nf);
	}
	if (dir)
		closedir(dir);
	fprintf(stderr, "spell-out: %zu texts, %zu read as numbers\n", compared,
	        read);
	CHECK(compared > 100);
	CHECK(read > compared / 2);
	CHECK_EQ_INT(differ, 0);
}

static void test_free_ctx(void)
{
	/* Runs last: releases the shared context (valgrind sees no leak). */
	fl__text_ctx_free(shared_ctx);
	shared_ctx = NULL;
	fl__text_ctx_free(NULL);
}

TESTS(T(test_invalid_utf8_offsets), T(test_invalid_utf8_match_key),
      T(test_embedded_nul_is_text), T(test_bom_skipped), T(test_crlf_and_cr),
      T(test_nfc), T(test_columns_count_code_points), T(test_span_utf8_clamps),
      T(test_token_kinds), T(test_token_scripts), T(test_case_flags),
      T(test_sentence_flag), T(test_masked), T(test_match_keys),
      T(test_token_keys_match_utf8_keys), T(test_long_token_has_no_key),
      T(test_fuzzy_key), T(test_caps_lines), T(test_gap_is_space),
      T(test_main_script), T(test_ctx_reused_across_locales),
      T(test_latin_table_is_icus), T(test_spellout_strict_is_lenient),
      T(test_free_ctx))
