#include "text.h"
#include "latin_ascii.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

/* Documents are indexed with 32-bit offsets. */
#define FL_DOC_MAX_UNITS ((size_t)INT32_MAX)

/* URLs, e-mail addresses and @handles: their pieces are not words. */
static const char MASK_PATTERN[] =
    "(?:https?://|www\\.)[^\\s<>\"]+"
    "|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"
    "|(?<![\\p{L}\\p{N}_@])@[\\p{L}\\p{N}_]+";

typedef struct {
	char locale[32];
	UBreakIterator *bi;
} breaker;

typedef struct {
	char locale[32];
	UNumberFormat *nf;
	UNumberFormat *strict; /* the same rules, parsing strictly */
	fl_map verdicts;       /* text -> value bits, or 1: no number */
	fl_map heads; /* first letters (match key) of the rules' words */
	fl_map vocab; /* every word (match key) the locale's spell-out
	                 writes, in every public rule set */
} spellout;

struct fl__text_ctx {
	spellout *spellouts;
	size_t spellout_count, spellout_cap;
	const UNormalizer2 *nfc;
	const UNormalizer2 *nfd;
	URegularExpression *mask;
	breaker *breakers;
	size_t breaker_count;
	size_t breaker_cap;
	UTransliterator *to_ascii; /* opened on first use */
	bool to_ascii_failed;
	/* fl__translit_ascii's answers: UTF-16 bytes -> malloc'd NUL-ended
	 * ASCII (the whole transliteration), at most FL_TRANSLIT_MEMO_MAX,
	 * emptied when full. The context is a worker's, so the memo lasts
	 * across its documents and segments. */
	fl_map to_ascii_memo;
};

/* Entries kept by the transliteration memo before it is emptied (about
 * 100 bytes each). */
#define FL_TRANSLIT_MEMO_MAX (1u << 15)

int fl__text_ctx_new(fl__text_ctx **out, char *err, size_t errlen)
{
	UErrorCode st = U_ZERO_ERROR;
	fl__text_ctx *ctx = calloc(1, sizeof(*ctx));

	*out = NULL;
	if (!ctx)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	ctx->nfc = unorm2_getNFCInstance(&st);
	if (U_SUCCESS(st))
		ctx->nfd = unorm2_getNFDInstance(&st);
	if (U_SUCCESS(st))
		ctx->mask = uregex_openC(MASK_PATTERN, 0, NULL, &st);
	if (U_FAILURE(st)) {
		fl__text_ctx_free(ctx);
		return fl__fail(err, errlen, FL_ERROR, "ICU initialisation: %s",
		                u_errorName(st));
	}
	*out = ctx;
	return 0;
}

/* Frees the transliteration memo's strings and empties it. */
static void translit_memo_clear(fl__text_ctx *ctx)
{
	for (size_t i = 0; i < ctx->to_ascii_memo.cap; i++)
		if (ctx->to_ascii_memo.slots[i].key)
			free((char *)ctx->to_ascii_memo.slots[i].value);
	fl_map_dispose(&ctx->to_ascii_memo);
}

void fl__text_ctx_free(fl__text_ctx *ctx)
{
	if (!ctx)
		return;
	for (size_t i = 0; i < ctx->breaker_count; i++)
		ubrk_close(ctx->breakers[i].bi);
	free(ctx->breakers);
	for (size_t i = 0; i < ctx->spellout_count; i++) {
		unum_close(ctx->spellouts[i].nf);
		unum_close(ctx->spellouts[i].strict);
		fl_map_dispose(&ctx->spellouts[i].verdicts);
		fl_map_dispose(&ctx->spellouts[i].heads);
		fl_map_dispose(&ctx->spellouts[i].vocab);
	}
	free(ctx->spellouts);
	if (ctx->mask)
		uregex_close(ctx->mask);
	if (ctx->to_ascii)
		utrans_close(ctx->to_ascii);
	translit_memo_clear(ctx);
	free(ctx);
}

/* The word break iterator for locale, opened once per checker. */
static UBreakIterator *get_breaker(fl__text_ctx *ctx, const char *locale,
                                   char *err, size_t errlen)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	breaker *b;

	for (size_t i = 0; i < ctx->breaker_count; i++)
		if (strcmp(ctx->breakers[i].locale, locale) == 0)
			return ctx->breakers[i].bi;
	if (fl__grow((void **)&ctx->breakers, &ctx->breaker_cap,
	             ctx->breaker_count + 1, sizeof(*ctx->breakers)) < 0)
		return NULL;
	bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &st);
	if (U_FAILURE(st)) {
		fl__fail(err, errlen, FL_ERROR, "ICU word break for '%s': %s",
		         locale, u_errorName(st));
		return NULL;
	}
	b = &ctx->breakers[ctx->breaker_count++];
	snprintf(b->locale, sizeof(b->locale), "%s", locale);
	b->bi = bi;
	return bi;
}

/* ---------------------------------------------------------------- decode */

/*
 * UTF-8 to UTF-16, validating as it goes: BOM skipped, CRLF and lone CR
 * become LF. Returns 0, FL_EENCODING, FL_ELIMIT or FL_ENOMEM.
 */
static int decode(uint16_t **out, size_t *outlen, const char *data, size_t len,
                  char *err, size_t errlen)
{
	const uint8_t *s = (const uint8_t *)data;
	uint16_t *u;
	size_t cap, n = 0;
	int32_t i = 0, slen;

	*out = NULL;
	*outlen = 0;
	if (len > FL_DOC_MAX_UNITS)
		return fl__fail(err, errlen, FL_ELIMIT,
		                "document larger than %zu bytes",
		                FL_DOC_MAX_UNITS);
	slen = (int32_t)len;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	/* UTF-16 never needs more units than UTF-8 has bytes. */
	cap = len + 1;
	u = malloc(cap * sizeof(*u));
	if (!u)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	while (i < slen) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(s, i, slen, c);
		if (c < 0) {
			free(u);
			return fl__fail(err, errlen, FL_EENCODING,
			                "invalid UTF-8 at byte offset %ld",
			                (long)at);
		}
		if (c == '\r') {
			if (i < slen && s[i] == '\n')
				continue;
			c = '\n';
		}
		U16_APPEND_UNSAFE(u, n, c);
	}
	*out = u;
	*outlen = n;
	return 0;
}

static int normalize(fl__doc *doc, fl__text_ctx *ctx, char *err, size_t errlen)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *dst;
	int32_t need;

	/* Most text is already NFC: check before copying. */
	if (unorm2_quickCheck(ctx->nfc, doc->text, (int32_t)doc->len, &st) ==
	        UNORM_YES &&
	    U_SUCCESS(st))
		return 0;
	st = U_ZERO_ERROR;
	need = unorm2_normalize(ctx->nfc, doc->text, (int32_t)doc->len, NULL, 0,
	                        &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return fl__fail(err, errlen, FL_ERROR, "NFC: %s",
		                u_errorName(st));
	dst = malloc(((size_t)need + 1) * sizeof(*dst));
	if (!dst)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	st = U_ZERO_ERROR;
	unorm2_normalize(ctx->nfc, doc->text, (int32_t)doc->len, dst, need + 1,
	                 &st);
	if (U_FAILURE(st)) {
		free(dst);
		return fl__fail(err, errlen, FL_ERROR, "NFC: %s",
		                u_errorName(st));
	}
	free(doc->text);
	doc->text = dst;
	doc->len = (size_t)need;
	return 0;
}

/* ----------------------------------------------------------------- lines */

static int index_lines(fl__doc *doc)
{
	size_t n = 1, k = 0;
	for (size_t i = 0; i < doc->len; i++)
		n += doc->text[i] == '\n';
	doc->lines = fl__reallocarray(NULL, n, sizeof(*doc->lines));
	doc->line_flags = calloc(n, 1);
	if (!doc->lines || !doc->line_flags)
		return FL_ENOMEM;
	doc->lines[k++] = 0;
	for (size_t i = 0; i < doc->len; i++)
		if (doc->text[i] == '\n')
			doc->lines[k++] = (uint32_t)(i + 1);
	doc->line_count = n;

	/* Headlines in capitals: miscasing there is the writer's choice. */
	for (size_t l = 0; l < n; l++) {
		size_t end = l + 1 < n ? doc->lines[l + 1] : doc->len;
		size_t upper = 0, lower = 0;
		for (size_t i = doc->lines[l]; i < end && lower == 0;) {
			UChar32 c;
			U16_NEXT(doc->text, i, end, c);
			if (c < 0x80) { /* most text: no ICU call */
				lower += c >= 'a' && c <= 'z';
				upper += c >= 'A' && c <= 'Z';
			} else if (u_isULowercase(c)) {
				lower++;
			} else if (u_isUUppercase(c)) {
				upper++;
			}
		}
		if (upper >= 8 && lower == 0)
			doc->line_flags[l] = FL_LINE_CAPS;
	}
	return 0;
}

void fl__doc_position(const fl__doc *doc, size_t off, size_t *line, size_t *col)
{
	size_t lo = 0, hi = doc->line_count;
	size_t c = 1;
	/* The last line start <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t from = doc->lines[lo];
	struct fl__doc_pos *p = doc->pos;
	if (p && p->line == lo + 1 && p->off <= off && p->off >= from) {
		from = p->off;
		c = p->col;
	}
	for (size_t i = from; i < off && i < doc->len; i++)
		if (!U16_IS_TRAIL(doc->text[i]))
			c++;
	*line = lo + 1;
	*col = c;
	if (p) {
		p->off = off;
		p->line = lo + 1;
		p->col = c;
	}
}

static bool invisible(uint16_t c)
{
	return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF ||
	       c == 0x00AD;
}

static uint16_t plain_apostrophe(uint16_t c)
{
	return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x05F3 ? '\''
	                                                                : c;
}

bool fl__same_text(const uint16_t *a, size_t na, const uint16_t *b, size_t nb)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < na && invisible(a[i]))
			i++;
		while (j < nb && invisible(b[j]))
			j++;
		if (i == na || j == nb)
			return i == na && j == nb;
		if (plain_apostrophe(a[i]) != plain_apostrophe(b[j]))
			return false;
		i++;
		j++;
	}
}

size_t fl__cp_count(const uint16_t *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += !U16_IS_TRAIL(s[i]);
	return c;
}

int fl__u16_to_utf8(fl_buf *out, const uint16_t *s, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need;
	size_t room;

	if (n == 0)
		return fl_buf_put(out, "", 0);
	if (n > FL_DOC_MAX_UNITS)
		return FL_ELIMIT;
	/* A UTF-16 unit needs at most 3 UTF-8 bytes. */
	if (fl__mul_overflow(n, 3, &room) || fl_buf_reserve(out, room) < 0)
		return FL_ENOMEM;
	u_strToUTF8WithSub(out->ptr + out->len, (int32_t)(out->cap - out->len),
	                   &need, s, (int32_t)n, 0xFFFD, NULL, &st);
	if (U_FAILURE(st))
		return FL_ERROR;
	out->len += (size_t)need;
	out->ptr[out->len] = '\0';
	return 0;
}

size_t fl__u16_to_utf8_buf(char *dst, size_t cap, const uint16_t *s, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	if (cap == 0 || n > FL_DOC_MAX_UNITS || cap > FL_DOC_MAX_UNITS)
		return 0;
	u_strToUTF8WithSub(dst, (int32_t)cap, &need, s, (int32_t)n, 0xFFFD,
	                   NULL, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)need >= cap)
		return 0;
	return (size_t)need;
}

int fl__doc_span_utf8(fl_buf *out, const fl__doc *doc, size_t start, size_t end)
{
	if (end > doc->len)
		end = doc->len;
	if (start > end)
		start = end;
	return fl__u16_to_utf8(out, doc->text + start, end - start);
}

int fl__doc_line_utf8(fl_buf *out, const fl__doc *doc, size_t line)
{
	size_t start, end;
	if (line >= doc->line_count)
		return FL_EINVAL;
	start = doc->lines[line];
	end = line + 1 < doc->line_count ? doc->lines[line + 1] - 1 : doc->len;
	return fl__doc_span_utf8(out, doc, start, end);
}

bool fl__doc_gap_is_space(const fl__doc *doc, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		uint16_t c = doc->text[i];
		if (c == '\n' ||
		    !(c == ' ' || c == '\t' || c == 0xA0 || u_isUWhiteSpace(c)))
			return false;
	}
	return true;
}

static bool gap_space(uint16_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 ||
	       (c > 0x7F && u_isUWhiteSpace(c));
}

bool fl__doc_gap_equals(const fl__doc *doc, size_t a, size_t b,
                        const uint16_t *g, size_t gn)
{
	size_t j = 0;
	for (size_t i = a; i < b;) {
		uint16_t c = doc->text[i];
		if (c == '\n')
			return false;
		if (gap_space(c)) {
			if (j >= gn || !gap_space(g[j]))
				return false;
			while (i < b && gap_space(doc->text[i]))
				i++;
			while (j < gn && gap_space(g[j]))
				j++;
			continue;
		}
		if (j >= gn || g[j] != c)
			return false;
		i++;
		j++;
	}
	return j == gn;
}

/* ------------------------------------------------------------- match key */

/* Appends the match key of code point c to dst (at most 2 units). */
static size_t key_of(UChar32 c, uint16_t *dst)
{
	size_t n = 0;
	/* Arabic vowel marks, tatweel; Hebrew points and cantillation. */
	if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
	    (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 ||
	    c == 0x05C2 || c == 0x05C4 || c == 0x05C5 || c == 0x05C7 ||
	    c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F ||
	    c == 0x00AD)
		return 0;
	switch (c) {
	case 0x0622: /* alef with madda, hamza above/below, wasla */
	case 0x0623:
	case 0x0625:
	case 0x0671:
		c = 0x0627;
		break;
	case 0x0649: /* alef maksura */
		c = 0x064A;
		break;
	case 0x0629: /* ta marbuta */
		c = 0x0647;
		break;
	case 0x2018: /* typographic apostrophes, Hebrew geresh */
	case 0x2019:
	case 0x02BC:
	case 0x05F3:
		c = '\'';
		break;
	case 0x05F4: /* Hebrew gershayim, and the quotes written for it */
	case 0x201C:
	case 0x201D:
		c = '"';
		break;
	default:
		c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
	}
	U16_APPEND_UNSAFE(dst, n, c);
	return n;
}

/* Match key of s[0,n) into dst (capacity >= n). Returns its length. */
static size_t make_key(uint16_t *dst, const uint16_t *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(s, i, n, c);
		if (c < 0x80) /* ASCII folds to lower case, nothing else */
			dst[k++] =
			    (uint16_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		else
			k += key_of(c, dst + k);
	}
	return k;
}

static bool is_space_unit(uint16_t c)
{
	return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

size_t fl__key_prefix(const uint16_t *text, size_t len, const uint16_t *key,
                      size_t keylen)
{
	size_t i = 0, k = 0;
	while (k < keylen) {
		uint16_t buf[2];
		size_t bn;
		UChar32 c;
		if (key[k] == ' ') {
			if (i >= len || !is_space_unit(text[i]))
				return 0;
			while (i < len && is_space_unit(text[i]))
				i++;
			k++;
			continue;
		}
		if (i >= len)
			return 0;
		U16_NEXT(text, i, len, c);
		bn = c < 0x80
		         ? (buf[0] =
		                (uint16_t)(c >= 'A' && c <= 'Z' ? c + 32 : c),
		            1)
		         : key_of(c, buf);
		if (bn == 0)
			continue; /* a vowel mark: not in keys */
		if (k + bn > keylen || memcmp(buf, key + k, bn * 2) != 0)
			return 0;
		k += bn;
	}
	/* Marks after the last letter belong to it ("مساءً"). */
	while (i < len && key_of(text[i], (uint16_t[2]){0}) == 0 &&
	       text[i] >= 0x80)
		i++;
	return i;
}

int fl__match_key_utf8(uint16_t **out, size_t *outlen, const char *s, size_t n)
{
	uint16_t *u = NULL, *k = NULL;
	size_t ulen;
	char err[8];
	int error = decode(&u, &ulen, s, n, err, sizeof(err));

	*out = NULL;
	*outlen = 0;
	if (error < 0)
		return error;
	/* Folding can grow a unit into two (rare); leave room. */
	k = fl__reallocarray(NULL, ulen * 2 + 1, sizeof(*k));
	if (!k) {
		free(u);
		return FL_ENOMEM;
	}
	{
		UErrorCode st = U_ZERO_ERROR;
		const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
		UChar tmp[256];
		int32_t m = 0;
		if (U_SUCCESS(st) && ulen < 256)
			m = unorm2_normalize(nfc, u, (int32_t)ulen, tmp, 256,
			                     &st);
		if (U_SUCCESS(st) && ulen < 256 && m >= 0 &&
		    m <= (int32_t)ulen * 2)
			*outlen = make_key(k, tmp, (size_t)m);
		else
			*outlen = make_key(k, u, ulen);
	}
	free(u);
	*out = k;
	return 0;
}

int fl__map_put_key(fl_map *m, const char *s, uintptr_t v)
{
	uint16_t *k;
	size_t n;
	int error = fl__match_key_utf8(&k, &n, s, strlen(s));
	if (error < 0)
		return error;
	error = fl_map_put(m, k, n * sizeof(*k), v);
	free(k);
	return error;
}

int fl__keylist_build(fl__keylist *kl, char *const *strs, size_t n)
{
	memset(kl, 0, sizeof(*kl));
	kl->keys = calloc(n + 1, sizeof(*kl->keys));
	kl->lens = calloc(n + 1, sizeof(*kl->lens));
	if (!kl->keys || !kl->lens) {
		fl__keylist_dispose(kl);
		return FL_ENOMEM;
	}
	for (size_t i = 0; i < n; i++, kl->count++) {
		int error = fl__match_key_utf8(&kl->keys[i], &kl->lens[i],
		                               strs[i], strlen(strs[i]));
		if (error < 0) {
			fl__keylist_dispose(kl);
			return error;
		}
	}
	return 0;
}

void fl__keylist_dispose(fl__keylist *kl)
{
	for (size_t i = 0; i < kl->count; i++)
		free(kl->keys[i]);
	free(kl->keys);
	free(kl->lens);
	memset(kl, 0, sizeof(*kl));
}

size_t fl__fuzzy_key(uint16_t *dst, size_t cap, const uint16_t *key, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	UChar tmp[FL_TOKEN_MAX * 4];
	int32_t m;
	size_t k = 0;

	if (U_FAILURE(st) || n > FL_TOKEN_MAX)
		return 0;
	m = unorm2_normalize(nfd, key, (int32_t)n, tmp, FL_ARRAY_SIZE(tmp),
	                     &st);
	if (U_FAILURE(st))
		return 0;
	for (int32_t i = 0; i < m && k < cap;) {
		UChar32 c;
		U16_NEXT(tmp, i, m, c);
		/* Drop combining marks and anything that is not a letter. */
		if (!u_isalpha(c))
			continue;
		if (c > 0xFFFF)
			continue;
		dst[k++] = (uint16_t)u_tolower(c);
	}
	return k;
}

/* ---------------------------------------------------------------- tokens */

static void classify(const fl__doc *doc, fl__token *t)
{
	size_t upper = 0, lower = 0, cased = 0;
	bool first_upper = false, rest_lower = true, digit = false;
	int script = FL_SCRIPT_COMMON;

	for (size_t i = t->start; i < t->end;) {
		UChar32 c;
		bool up, lo;
		U16_NEXT(doc->text, i, t->end, c);
		if (c < 0x80) { /* ASCII without ICU calls */
			bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			if (letter && (script == FL_SCRIPT_COMMON ||
			               script == FL_SCRIPT_INHERITED))
				script = USCRIPT_LATIN;
			digit |= c >= '0' && c <= '9';
			up = c >= 'A' && c <= 'Z';
			lo = c >= 'a' && c <= 'z';
		} else {
			if (script == FL_SCRIPT_COMMON ||
			    script == FL_SCRIPT_INHERITED) {
				UErrorCode st = U_ZERO_ERROR;
				int s = uscript_getScript(c, &st);
				if (U_SUCCESS(st))
					script = s;
			}
			digit |= u_isdigit(c) != 0;
			up = u_isUUppercase(c);
			lo = u_isULowercase(c);
		}
		if (up || lo) {
			if (cased == 0)
				first_upper = up;
			else if (up)
				rest_lower = false;
			cased++;
			upper += up;
			lower += lo;
		}
	}
	t->script = (int16_t)script;
	t->flags = 0;
	if (digit)
		t->flags |= FL_TOKF_DIGIT;
	if (cased) {
		if (lower == 0 && upper >= 2)
			t->flags |= FL_TOKF_UPPER;
		else if (upper == 0)
			t->flags |= FL_TOKF_LOWER;
		else if (first_upper && rest_lower)
			t->flags |= FL_TOKF_TITLE;
		else
			t->flags |= FL_TOKF_MIXED;
	}
}

static bool opens_sentence(const fl__doc *doc, size_t start)
{
	size_t i = start;
	while (i > 0) {
		uint16_t c = doc->text[i - 1];
		if (c == '\n')
			return true;
		if (c == ' ' || c == '\t' || c == 0xA0 || c == '"' ||
		    c == '\'' || c == '(' || c == '[' || c == 0x201C ||
		    c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xAB ||
		    c == 0xBB || c == '-' || c == 0x2013 || c == 0x2014) {
			i--;
			continue;
		}
		return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
		       c == 0x061F || c == ':';
	}
	return true;
}

/* Script of code point c, or FL_SCRIPT_COMMON for one shared by scripts
 * (digits, punctuation, tatweel) or inherited (combining marks). */
static int letter_script(UChar32 c)
{
	UErrorCode st = U_ZERO_ERROR;
	int s;
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		           ? USCRIPT_LATIN
		           : FL_SCRIPT_COMMON;
	s = uscript_getScript(c, &st);
	if (U_FAILURE(st) || s == FL_SCRIPT_INHERITED)
		return FL_SCRIPT_COMMON;
	return s;
}

/*
 * End of the first part of the word text[a, end): the offset of the first
 * letter whose script differs from the letters before it, where one of the
 * two scripts has case and the other has not (Latin and Arabic or Hebrew),
 * or end. Shared characters (tatweel, marks) stay with the part before.
 */
static size_t script_cut(const uint16_t *text, size_t a, size_t end)
{
	int prev = FL_SCRIPT_COMMON;
	for (size_t i = a; i < end;) {
		size_t at = i;
		UChar32 c;
		int sc;
		U16_NEXT(text, i, end, c);
		sc = letter_script(c);
		if (sc == FL_SCRIPT_COMMON)
			continue;
		if (prev != FL_SCRIPT_COMMON && sc != prev &&
		    fl__script_is_cased(sc) != fl__script_is_cased(prev))
			return at;
		prev = sc;
	}
	return end;
}

/* Appends the token text[start, end) of kind to doc; *line follows the
 * line index. Returns 0 or FL_ENOMEM. */
static int add_token(fl__doc *doc, size_t *cap, size_t start, size_t end,
                     fl__tok_kind kind, size_t *line)
{
	fl__token *t;
	if (fl__grow((void **)&doc->tokens, cap, doc->token_count + 1,
	             sizeof(*doc->tokens)) < 0)
		return FL_ENOMEM;
	t = &doc->tokens[doc->token_count++];
	memset(t, 0, sizeof(*t));
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->kind = kind;
	while (*line + 1 < doc->line_count &&
	       doc->lines[*line + 1] <= (uint32_t)start)
		(*line)++;
	t->line = (uint32_t)*line;
	classify(doc, t);
	if (opens_sentence(doc, start))
		t->flags |= FL_TOKF_SENT;
	t->key = (uint32_t)doc->keys_len;
	if (end - start <= FL_TOKEN_MAX) {
		size_t k = make_key(doc->keys + doc->keys_len,
		                    doc->text + start, end - start);
		t->keylen = (uint16_t)k;
		doc->keys_len += k;
	}
	return 0;
}

static int tokenize(fl__doc *doc, UBreakIterator *bi, char *err, size_t errlen)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t cap = 0, keycap = 0, line = 0;
	int32_t start, end;

	ubrk_setText(bi, doc->text, (int32_t)doc->len, &st);
	if (U_FAILURE(st))
		return fl__fail(err, errlen, FL_ERROR, "ICU word break: %s",
		                u_errorName(st));
	/* Keys never grow past twice the text. */
	keycap = doc->len * 2 + 1;
	doc->keys = fl__reallocarray(NULL, keycap, sizeof(*doc->keys));
	if (!doc->keys)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");

	start = ubrk_first(bi);
	for (end = ubrk_next(bi); end != UBRK_DONE;
	     start = end, end = ubrk_next(bi)) {
		int status = ubrk_getRuleStatus(bi);
		fl__tok_kind kind;
		size_t a = (size_t)start;
		if (status < UBRK_WORD_NONE_LIMIT)
			continue;
		kind = status < UBRK_WORD_NUMBER_LIMIT ? FL_TOK_NUMBER
		                                       : FL_TOK_WORD;
		/* A word glued across a change between a cased and an
		 * uncased script ("Googleو") is two words. */
		while (a < (size_t)end) {
			size_t b = kind == FL_TOK_WORD
			               ? script_cut(doc->text, a, (size_t)end)
			               : (size_t)end;
			if (add_token(doc, &cap, a, b, kind, &line) < 0)
				return fl__fail(err, errlen, FL_ENOMEM,
				                "out of memory");
			a = b;
		}
	}
	return 0;
}

/* True when s[i] starts what the mask pattern needs: an '@', "://" or
 * "www.". Everything else is skipped without running the regex. */
static bool mask_trigger(const uint16_t *s, size_t i, size_t n)
{
	if (s[i] == '@')
		return true;
	if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
		return true;
	return (s[i] | 0x20) == 'w' && i + 3 < n && s[i + 3] == '.' &&
	       (s[i + 1] | 0x20) == 'w' && (s[i + 2] | 0x20) == 'w';
}

static bool is_space16(uint16_t c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == 0xA0 ||
	       (c > 0x7F && u_isUWhiteSpace(c));
}

/*
 * Marks tokens inside URLs, e-mail addresses and @handles. None of these
 * holds a space, so the regex runs only over the run of non-space text
 * around each trigger, never over whole lines: a long line with one
 * handle costs as much as a short one.
 */
static int mask_spans(fl__doc *doc, fl__text_ctx *ctx)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t ti = 0, done = 0;
	bool bound = false;

	for (size_t i = 0; i < doc->len && U_SUCCESS(st); i++) {
		size_t a, b;
		if (i < done || !mask_trigger(doc->text, i, doc->len))
			continue;
		for (a = i; a > done && !is_space16(doc->text[a - 1]); a--)
			;
		for (b = i; b < doc->len && !is_space16(doc->text[b]); b++)
			;
		done = b;
		if (!bound) {
			uregex_setText(ctx->mask, doc->text, (int32_t)doc->len,
			               &st);
			bound = true;
		}
		/* Transparent bounds: the lookbehind sees the text before a. */
		uregex_setRegion(ctx->mask, (int32_t)a, (int32_t)b, &st);
		uregex_useTransparentBounds(ctx->mask, true, &st);
		while (U_SUCCESS(st) && uregex_findNext(ctx->mask, &st)) {
			int32_t s = uregex_start(ctx->mask, 0, &st);
			int32_t e = uregex_end(ctx->mask, 0, &st);
			if (U_FAILURE(st))
				break;
			while (ti < doc->token_count &&
			       doc->tokens[ti].end <= (uint32_t)s)
				ti++;
			for (size_t j = ti; j < doc->token_count &&
			                    doc->tokens[j].start < (uint32_t)e;
			     j++)
				doc->tokens[j].flags |= FL_TOKF_MASKED;
		}
	}
	/* Do not keep a pointer to this document's text in the shared ctx. */
	if (bound) {
		UErrorCode st2 = U_ZERO_ERROR;
		static const UChar empty[1] = {0};
		uregex_setText(ctx->mask, empty, 0, &st2);
	}
	return U_FAILURE(st) ? FL_ERROR : 0;
}

int fl__doc_init(fl__doc *doc, fl__text_ctx *ctx, const char *data, size_t len,
                 const char *locale, char *err, size_t errlen)
{
	UBreakIterator *bi;
	int error;

	memset(doc, 0, sizeof(*doc));
	if ((error = decode(&doc->text, &doc->len, data, len, err, errlen)) < 0)
		return error;
	if ((error = normalize(doc, ctx, err, errlen)) < 0)
		return error;
	if (index_lines(doc) < 0 || !(doc->pos = calloc(1, sizeof(*doc->pos))))
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	if (!(bi = get_breaker(ctx, locale ? locale : "", err, errlen)))
		return FL_ERROR;
	if ((error = tokenize(doc, bi, err, errlen)) < 0)
		return error;
	if (mask_spans(doc, ctx) < 0)
		return fl__fail(err, errlen, FL_ERROR, "ICU regex failed");
	return 0;
}

void fl__doc_dispose(fl__doc *doc)
{
	if (!doc)
		return;
	free(doc->text);
	free(doc->lines);
	free(doc->line_flags);
	free(doc->tokens);
	free(doc->keys);
	free(doc->pos);
	memset(doc, 0, sizeof(*doc));
}

/* --------------------------------------------------------------- scripts */

int fl__script_code(const char *name)
{
	int v = u_getPropertyValueEnum(UCHAR_SCRIPT, name);
	return v == UCHAR_INVALID_CODE ? -1 : v;
}

const char *fl__script_name(int code)
{
	const char *n = uscript_getShortName((UScriptCode)code);
	return n ? n : "Zyyy";
}

bool fl__script_is_cased(int code)
{
	return uscript_isCased((UScriptCode)code) != 0;
}

int fl__doc_main_script(const fl__doc *doc)
{
	size_t counts[USCRIPT_CODE_LIMIT] = {0};
	size_t best = 0;
	int script = FL_SCRIPT_COMMON;
	for (size_t i = 0; i < doc->token_count; i++) {
		const fl__token *t = &doc->tokens[i];
		if (t->kind != FL_TOK_WORD || t->script < 0 ||
		    t->script >= USCRIPT_CODE_LIMIT)
			continue;
		counts[t->script] += t->end - t->start;
	}
	for (int s = 2; s < USCRIPT_CODE_LIMIT; s++) {
		if (counts[s] > best) {
			best = counts[s];
			script = s;
		}
	}
	return script;
}

/* ---------------------------------------------------------------- numbers */

int fl__digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	return u_charDigitValue((UChar32)c);
}

/* Copies the memo's answer a (NUL-ended) into out[cap] as
 * fl__translit_ascii does; returns the length copied. */
static int translit_copy(const char *a, char *out, size_t cap)
{
	size_t k = strlen(a);
	if (k + 1 > cap)
		k = cap - 1;
	memcpy(out, a, k);
	out[k] = '\0';
	return (int)k;
}

int fl__translit_ascii(fl__text_ctx *ctx, const uint16_t *s, size_t n,
                       char *out, size_t cap)
{
	UChar buf[4 * FL_TOKEN_MAX];
	char ascii[4 * FL_TOKEN_MAX + 1];
	int32_t len, limit;
	UErrorCode st = U_ZERO_ERROR;
	size_t k = 0;
	uintptr_t memo;
	char *keep;

	if (cap == 0)
		return FL_EINVAL;
	out[0] = '\0';
	if (n > FL_TOKEN_MAX)
		return 0;
	_Static_assert(sizeof(ascii) > FL_TOKEN_MAX * FL_LATIN_ASCII_MAX,
	               "room for the table's longest answers");
	if (fl__latin_text(s, n)) {
		/* Latin text through the table made from the same
		 * transliteration (latin_ascii.h): no ICU, whose first
		 * transliterator would set up its whole registry. */
		for (size_t i = 0; i < n; i++) {
			const char *a =
			    fl__latin_ascii[s[i] < 0x250 ? s[i]
			                    : s[i] < 0x1F00
			                        ? 0x250 + (s[i] - 0x1E00)
			                        : 0x350];
			size_t al = strlen(a);
			memcpy(ascii + k, a, al);
			k += al;
		}
		ascii[k] = '\0';
		return translit_copy(ascii, out, cap);
	}
	if (fl_map_get(&ctx->to_ascii_memo, s, n * sizeof(*s), &memo))
		return translit_copy((const char *)memo, out, cap);
	if (!ctx->to_ascii && !ctx->to_ascii_failed) {
		static const UChar id[] = u"Any-Latin; Latin-ASCII; Lower";
		ctx->to_ascii =
		    utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
		if (U_FAILURE(st)) {
			ctx->to_ascii = NULL;
			ctx->to_ascii_failed = true;
		}
	}
	if (!ctx->to_ascii)
		return FL_ERROR;
	memcpy(buf, s, n * sizeof(*s));
	len = limit = (int32_t)n;
	utrans_transUChars(ctx->to_ascii, buf, &len, FL_ARRAY_SIZE(buf), 0,
	                   &limit, &st);
	/* Longer than the buffer: no transliteration (kept as ""). */
	for (int32_t i = 0; U_SUCCESS(st) && i < len; i++)
		if (buf[i] < 0x80)
			ascii[k++] = (char)buf[i];
	ascii[k] = '\0';
	/* Out of memory for the memo only costs the next call its ICU run. */
	if (ctx->to_ascii_memo.count >= FL_TRANSLIT_MEMO_MAX)
		translit_memo_clear(ctx);
	if ((keep = fl__strdup(ascii)) &&
	    fl_map_put(&ctx->to_ascii_memo, s, n * sizeof(*s),
	               (uintptr_t)keep) != 0)
		free(keep);
	return translit_copy(ascii, out, cap);
}

bool fl__is_word_char(uint32_t c)
{
	return u_isalnum((UChar32)c) ||
	       u_charType((UChar32)c) == U_NON_SPACING_MARK;
}

uint32_t fl__fold_char(uint32_t c)
{
	return (uint32_t)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

#define FL_SPELLOUT_HEAD 3 /* letters of a word's beginning compared */

/* Collects the beginnings of the words of so's rule text into so->heads:
 * a text that begins otherwise is no number of the locale, and ICU's
 * parsing of it (slow) can be skipped. */
static int spellout_heads(spellout *so)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = unum_toPattern(so->nf, false, NULL, 0, &st);
	UChar *rules;
	int error = 0;

	if (n <= 0)
		return 0;
	if (!(rules = fl__reallocarray(NULL, (size_t)n + 1, sizeof(*rules))))
		return FL_ENOMEM;
	st = U_ZERO_ERROR;
	unum_toPattern(so->nf, false, rules, n + 1, &st);
	for (int32_t i = 0; i < n && error == 0 && U_SUCCESS(st);) {
		uint16_t key[2 * FL_SPELLOUT_HEAD];
		size_t k = 0, letters = 0;
		UChar32 c;
		int32_t at = i;
		U16_NEXT(rules, i, n, c);
		if (!u_isalpha(c))
			continue;
		/* a word: its first letters as a match key */
		for (int32_t j = at; j < n && letters < FL_SPELLOUT_HEAD;) {
			U16_NEXT(rules, j, n, c);
			if (!u_isalpha(c) &&
			    u_charType(c) != U_NON_SPACING_MARK)
				break;
			if (u_charType(c) == U_NON_SPACING_MARK)
				continue;
			k += c < 0x80 ? (key[k] = (uint16_t)u_tolower(c), 1)
			              : key_of(c, key + k);
			letters++;
		}
		error = fl_map_put(&so->heads, key, k * sizeof(*key), 1);
		while (i < n) { /* to the end of the word */
			int32_t j = i;
			U16_NEXT(rules, j, n, c);
			if (!u_isalpha(c) &&
			    u_charType(c) != U_NON_SPACING_MARK)
				break;
			i = j;
		}
	}
	free(rules);
	return error;
}

/* Adds the words of t[0,n) (letters and marks between other characters)
 * to so->vocab as match keys. */
static int vocab_add(spellout *so, const UChar *t, int32_t n)
{
	uint16_t key[128];
	size_t k = 0;
	int error = 0;

	for (int32_t i = 0; i <= n && error == 0;) {
		UChar32 c = 0;
		bool letter = false;
		if (i < n) {
			U16_NEXT(t, i, n, c);
			letter =
			    u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK;
		} else {
			i++;
		}
		if (letter) {
			if (k + 2 < sizeof(key) / sizeof(key[0]))
				k += c < 0x80
				         ? (key[k] = (uint16_t)u_tolower(c), 1)
				         : key_of(c, key + k);
			continue;
		}
		if (k)
			error =
			    fl_map_put(&so->vocab, key, k * sizeof(*key), 1);
		k = 0;
	}
	return error;
}

/*
 * Collects into so->vocab every word the locale's spell-out rules write:
 * each public rule set (cardinal, ordinal, feminine, year...) formats
 * 0 to 1,000 and round thousands, millions and billions. A text with a
 * word outside it is no spelled-out number of the locale, and ICU's
 * parsing of it (slow: collation-based lenient matching) is skipped.
 * Built from ICU's own data, so a new locale needs nothing.
 */
static int spellout_vocab(spellout *so)
{
	static const double scales[] = {1e3, 1e6, 1e9, 1e12};
	UErrorCode st = U_ZERO_ERROR;
	UChar sets[2048], text[512];
	int32_t n = unum_getTextAttribute(
	    so->nf, UNUM_PUBLIC_RULESETS, sets,
	    (int32_t)(sizeof(sets) / sizeof(sets[0]) - 1), &st);
	UNumberFormat *nf;
	int error = 0;

	if (U_FAILURE(st) || n <= 0)
		return 0; /* then the rule text's heads decide */
	sets[n] = 0;
	/* one copy, its default rule set changed for each (a copy costs as
	 * much as formatting a thousand numbers) */
	nf = unum_clone(so->nf, &st);
	if (U_FAILURE(st))
		return 0;
	for (int32_t a = 0; a < n && error == 0;) {
		int32_t b = a;
		while (b < n && sets[b] != ';')
			b++;
		st = U_ZERO_ERROR;
		if (b > a)
			unum_setTextAttribute(nf, UNUM_DEFAULT_RULESET,
			                      sets + a, b - a, &st);
		for (int v = 0; v <= 1000 && error == 0 && U_SUCCESS(st); v++) {
			for (size_t k = 0; k < (v <= 100 ? 5u : 1u) &&
			                   error == 0 && U_SUCCESS(st);
			     k++) {
				/* v, and v thousand, million, ... (to 100) */
				double x = k == 0 ? (double)v
				                  : (double)v * scales[k - 1];
				int32_t len;
				if (k && v < 1)
					continue;
				len = unum_formatDouble(
				    nf, x, text,
				    (int32_t)(sizeof(text) / sizeof(text[0])),
				    NULL, &st);
				if (U_SUCCESS(st) && len > 0)
					error = vocab_add(so, text, len);
				if (st == U_BUFFER_OVERFLOW_ERROR ||
				    st == U_STRING_NOT_TERMINATED_WARNING)
					st = U_ZERO_ERROR;
			}
		}
		a = b + 1;
	}
	unum_close(nf);
	return error;
}

/* Whether every word of s[0,n) (a match key) is a word so's spell-out
 * writes. */
static bool spellout_words_known(const spellout *so, const uint16_t *s,
                                 size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && (u_isalpha(s[j]) || U16_IS_SURROGATE(s[j]) ||
		                 u_charType(s[j]) == U_NON_SPACING_MARK))
			j++;
		if (j > i &&
		    !fl_map_get(&so->vocab, s + i, (j - i) * sizeof(*s), NULL))
			return false;
		i = j > i ? j : i + 1;
	}
	return true;
}

/* Whether text s[0,n) (a match key) begins like a word of so's rules:
 * its first letters, or fewer, are the beginning of one. */
static bool spellout_may_be(const spellout *so, const uint16_t *s, size_t n)
{
	size_t k = 0, letters = 0;
	if (so->heads.count == 0)
		return true; /* no rule text: ask ICU */
	/* every length up to FL_SPELLOUT_HEAD letters, since a rule word
	 * may be shorter than that ("un" of "une") */
	while (k < n && letters < FL_SPELLOUT_HEAD) {
		k += U16_IS_LEAD(s[k]) && k + 1 < n ? 2 : 1;
		letters++;
		if (fl_map_get(&so->heads, s, k * sizeof(*s), NULL))
			return true;
	}
	return false;
}

/* ICU's reading of s[0,n) with so's rules: strictly first, and leniently
 * when that does not read it whole (a strict reading of the whole text
 * is the lenient one: unit.test_text checks it on every text the rules
 * of the profiles' locales write). */
static double spellout_read(const spellout *so, const uint16_t *s, size_t n,
                            int32_t *pos, UErrorCode *st)
{
	if (so->strict) {
		double v = unum_parseDouble(so->strict, s, (int32_t)n, pos, st);
		if (U_SUCCESS(*st) && *pos == (int32_t)n && isfinite(v))
			return v;
		*st = U_ZERO_ERROR;
		*pos = 0;
	}
	return unum_parseDouble(so->nf, s, (int32_t)n, pos, st);
}

int fl__spellout_parse(double *out, fl__text_ctx *ctx, const char *locale,
                       const uint16_t *s, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	spellout *so = NULL;
	uintptr_t *slot;
	int32_t pos = 0;
	double v;

	if (n == 0 || n > FL_TOKEN_MAX * 4)
		return 0;
	for (size_t i = 0; i < ctx->spellout_count && !so; i++)
		if (strcmp(ctx->spellouts[i].locale, locale) == 0)
			so = &ctx->spellouts[i];
	if (!so) {
		UNumberFormat *nf;
		if (fl__grow((void **)&ctx->spellouts, &ctx->spellout_cap,
		             ctx->spellout_count + 1,
		             sizeof(*ctx->spellouts)) < 0)
			return FL_ENOMEM;
		nf = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
		if (U_FAILURE(st))
			return FL_ERROR;
		so = &ctx->spellouts[ctx->spellout_count++];
		memset(so, 0, sizeof(*so));
		snprintf(so->locale, sizeof(so->locale), "%s", locale);
		so->nf = nf;
		/* "vinte e um", "twenty-one": lenient parsing accepts the
		 * variants that news text writes; the strict copy reads what
		 * the rules write as they write it, without building the
		 * collator lenient parsing needs (NULL: lenient only). */
		so->strict = unum_clone(nf, &st);
		if (U_FAILURE(st)) {
			so->strict = NULL;
			st = U_ZERO_ERROR;
		}
		unum_setAttribute(nf, UNUM_LENIENT_PARSE, 1);
		if (spellout_heads(so) < 0 || spellout_vocab(so) < 0)
			return FL_ENOMEM;
	}
	if (so->vocab.count ? !spellout_words_known(so, s, n)
	                    : !spellout_may_be(so, s, n))
		return 0;
	/* ICU's parsing is slow (collation-based lenient matching): each
	 * distinct text is parsed once for the checker's lifetime, not once
	 * per document (aligned checking makes a document of every line). */
	if (!(slot = fl_map_slot_of(&so->verdicts, s, n * sizeof(*s), 0, NULL)))
		return FL_ENOMEM;
	/* A slot holds the value's bits (0 kept as -0, whose bits are not
	 * 0), or 1 for "not a number"; 0 is an empty slot. */
	if (*slot == 1)
		return 0;
	if (*slot) {
		memcpy(out, slot, sizeof(*out));
		*out += 0.0; /* -0 back to 0 */
		return 1;
	}
	v = spellout_read(so, s, n, &pos, &st);
	/* RBNF reads "infinite" and "infinity" as infinity: no quantity */
	if (U_FAILURE(st) || pos != (int32_t)n || !isfinite(v)) {
		*slot = 1;
		return 0;
	}
	*out = v;
	if (v == 0)
		v = -0.0;
	memcpy(slot, &v, sizeof(v));
	return 1;
}

bool fl__latin_text(const uint16_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x0250 && !(s[i] >= 0x1E00 && s[i] <= 0x1EFF) &&
		    s[i] != 0x2019)
			return false;
	return true;
}

int fl__cp_width(uint32_t c)
{
	int8_t t = u_charType((UChar32)c);
	int w;

	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	    t == U_FORMAT_CHAR || c == 0x200B)
		return 0;
	w = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
	return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

bool fl__utf8_rtl(const char *s, size_t n)
{
	int32_t i = 0;

	if (n > INT32_MAX)
		n = INT32_MAX;
	while (i < (int32_t)n) {
		UChar32 c;
		U8_NEXT(s, i, (int32_t)n, c);
		if (c < 0)
			continue;
		switch (u_charDirection(c)) {
		case U_RIGHT_TO_LEFT:
		case U_RIGHT_TO_LEFT_ARABIC:
			return true;
		case U_LEFT_TO_RIGHT:
			return false;
		default:
			break;
		}
	}
	return false;
}
