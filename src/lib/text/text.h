/*
 * The text module: the only part of the library that includes ICU headers.
 * It turns UTF-8 bytes into a document: validated, BOM and CR stripped,
 * NFC-normalised UTF-16 with a line index and word tokens (ICU word break
 * iterator), each token knowing its script, letter case and match key.
 *
 * A match key is the form used to compare words and names: case-folded,
 * with Arabic and Hebrew vowel marks and tatweel removed, Arabic alef and
 * ya variants unified and typographic apostrophes made plain. Two tokens
 * with the same key are "the same word" for every check.
 */
#ifndef FL_TEXT_TEXT_H
#define FL_TEXT_TEXT_H

#include "../common.h"
#include "../util/buf.h"
#include "../util/map.h"

/* Limits; a longer token is kept but never looked up or compared. */
#define FL_TOKEN_MAX 64 /* UTF-16 units */

typedef enum { FL_TOK_WORD = 1, FL_TOK_NUMBER = 2 } fl__tok_kind;

enum {
	FL_TOKF_UPPER = 1u << 0,  /* every cased letter upper, at least two */
	FL_TOKF_LOWER = 1u << 1,  /* every cased letter lower */
	FL_TOKF_TITLE = 1u << 2,  /* first letter upper, the rest lower */
	FL_TOKF_MIXED = 1u << 3,  /* another mix, e.g. "OpenAI" */
	FL_TOKF_DIGIT = 1u << 4,  /* contains a digit */
	FL_TOKF_MASKED = 1u << 5, /* inside a URL, e-mail or @handle */
	FL_TOKF_SENT = 1u << 6    /* first word of a sentence or line */
};

/* Script codes are ICU's UScriptCode values; these three are fixed by ICU. */
#define FL_SCRIPT_COMMON    0
#define FL_SCRIPT_INHERITED 1

typedef struct {
	uint32_t start, end; /* UTF-16 offsets into doc->text */
	uint32_t key;        /* offset of the match key in doc->keys */
	uint16_t keylen;     /* in UTF-16 units; 0 when over FL_TOKEN_MAX */
	int16_t script;      /* script of the first letter */
	uint32_t line;       /* 0-based */
	uint8_t kind;        /* fl__tok_kind */
	uint8_t flags;       /* FL_TOKF_* */
} fl__token;

enum { FL_LINE_CAPS = 1u }; /* a line written all in capitals */

typedef struct {
	uint16_t *text; /* NFC, CR removed */
	size_t len;
	uint32_t *lines; /* start offset of each line */
	uint8_t *line_flags;
	size_t line_count;
	fl__token *tokens;
	size_t token_count;
	uint16_t *keys; /* match keys of all tokens, back to back */
	size_t keys_len;
	/* Last position asked of fl__doc_position: the next one on the same
	 * line counts on from there (findings come mostly in text order). */
	struct fl__doc_pos {
		size_t off, line, col;
	} * pos;
} fl__doc;

/* Shared, reusable ICU state: break iterators per locale, the NFC
 * normaliser, the URL/e-mail/handle pattern. One per checker. */
typedef struct fl__text_ctx fl__text_ctx;

int fl__text_ctx_new(fl__text_ctx **out, char *err, size_t errlen);
void fl__text_ctx_free(fl__text_ctx *ctx);

/*
 * Builds doc from UTF-8 data in the conventions of `locale` (ICU locale id,
 * "ar", "pt_BR"). Invalid UTF-8 gives FL_EENCODING and err "invalid UTF-8
 * at byte offset N"; a document over 2^31 code units gives FL_ELIMIT.
 * doc: caller disposes with fl__doc_dispose (also after failure).
 */
int fl__doc_init(fl__doc *doc, fl__text_ctx *ctx, const char *data, size_t len,
                 const char *locale, char *err, size_t errlen);
void fl__doc_dispose(fl__doc *doc);

/* 1-based line and code-point column of UTF-16 offset off. */
void fl__doc_position(const fl__doc *doc, size_t off, size_t *line,
                      size_t *col);

/* Appends line `line` (0-based) as UTF-8. */
int fl__doc_line_utf8(fl_buf *out, const fl__doc *doc, size_t line);

/* Appends doc->text[start, end) as UTF-8. */
int fl__doc_span_utf8(fl_buf *out, const fl__doc *doc, size_t start,
                      size_t end);

/* Token i's match key. */
static inline const uint16_t *fl__tok_key(const fl__doc *doc,
                                          const fl__token *t)
{
	return doc->keys + t->key;
}

/* True when only spaces (no punctuation, no line break) stand between
 * offsets a and b. */
bool fl__doc_gap_is_space(const fl__doc *doc, size_t a, size_t b);

/* True when a[0,na) and b[0,nb) are the same text letter for letter,
 * case included, but ignoring invisible format characters (U+200B-U+200F,
 * U+2060, U+FEFF, soft hyphen) and taking typographic apostrophes as ',
 * so that only real differences of spelling or case remain. */
bool fl__same_text(const uint16_t *a, size_t na, const uint16_t *b, size_t nb);

/* Number of code points in UTF-16 s[0,n). */
size_t fl__cp_count(const uint16_t *s, size_t n);

/* The columns code point c takes on a terminal: 0 for combining marks and
 * format characters, 2 for East Asian wide and fullwidth characters, else
 * 1 (ICU's properties). */
int fl__cp_width(uint32_t c);

/* Whether UTF-8 s[0,n) reads right to left: its first strong character
 * is Arabic, Hebrew or another right-to-left letter. */
bool fl__utf8_rtl(const char *s, size_t n);

/* True when the text between offsets a and b of the document is gap g[0,
 * gn) of a name ("U.S. Army": ". "), taking any run of spaces as equal to
 * any other; a line break never is. */
bool fl__doc_gap_equals(const fl__doc *doc, size_t a, size_t b,
                        const uint16_t *g, size_t gn);

/* Appends UTF-16 s[0,n) as UTF-8. */
int fl__u16_to_utf8(fl_buf *out, const uint16_t *s, size_t n);

/* Writes UTF-16 s[0,n) as NUL-terminated UTF-8 into dst (cap bytes).
 * Returns the length, or 0 when it does not fit. */
size_t fl__u16_to_utf8_buf(char *dst, size_t cap, const uint16_t *s, size_t n);

/*
 * Match key of UTF-8 string s (whole string, no tokenising) into a new
 * UTF-16 array. *out: caller frees with free(). Returns 0, FL_EENCODING or
 * FL_ENOMEM.
 */
int fl__match_key_utf8(uint16_t **out, size_t *outlen, const char *s, size_t n);

/* Puts the match key of UTF-8 string s into m with value v (a set of
 * words or phrases as the checks compare them). Returns 0,
 * FL_EENCODING or FL_ENOMEM. */
int fl__map_put_key(fl_map *m, const char *s, uintptr_t v);

/* Match keys of a list of strings (clitics, endings), in list order. */
typedef struct {
	uint16_t **keys;
	size_t *lens;
	size_t count;
} fl__keylist;

/* Builds the keys of strs[0,n) into kl (empty on failure). Returns 0,
 * FL_EENCODING or FL_ENOMEM. */
int fl__keylist_build(fl__keylist *kl, char *const *strs, size_t n);
void fl__keylist_dispose(fl__keylist *kl);

/* Letters of the key folded further for fuzzy comparison: lower-case,
 * accents removed (Latin-ASCII where it applies). Writes at most cap
 * units; returns the length written. */
size_t fl__fuzzy_key(uint16_t *dst, size_t cap, const uint16_t *key, size_t n);

/* Decimal digit value of code point c in any script ICU knows (ASCII,
 * Arabic-Indic, Extended Arabic-Indic, ...), or -1. */
int fl__digit_value(uint32_t c);

/*
 * Whether text[0,len) starts with a phrase whose match key is key (a space
 * in key matches a run of spaces, no-break spaces included; vowel marks in
 * text are skipped as in match keys). Returns the units of text the
 * phrase takes, marks right after it included, or 0.
 */
size_t fl__key_prefix(const uint16_t *text, size_t len, const uint16_t *key,
                      size_t keylen);

/*
 * s[0,n) in ASCII lower case through ICU's "Any-Latin; Latin-ASCII"
 * transliteration (زوكربيرغ -> "zwkrbyrgh", רובן -> "rwbn", José ->
 * "jose"), into out (NUL-terminated, at most cap - 1 bytes). Returns the
 * length (0 for text longer than a token), or FL_ERROR when ICU has no such
 * transliterator. Latin text (fl__latin_text) is read through a table made
 * from that transliteration (latin_ascii.h, scripts/gen-latin-ascii.c),
 * without opening it; other answers are kept in ctx (a bounded memo), so a
 * word goes through ICU once per context.
 */
int fl__translit_ascii(fl__text_ctx *ctx, const uint16_t *s, size_t n,
                       char *out, size_t cap);

/* Whether c is a letter, digit or combining mark of any script: a
 * character that continues a word (for word boundaries). */
bool fl__is_word_char(uint32_t c);

/* c case-folded (simple folding): for comparing literal phrases. */
uint32_t fl__fold_char(uint32_t c);

/*
 * Reads s[0,n) as a number spelled out in words of `locale` ("cinco",
 * "deux", "twenty-one") with ICU's rule-based number format. Returns 1 and
 * sets *out when the whole text is one number, 0 when it is not, negative
 * on failure. The formatters are opened once per locale in ctx, and each
 * distinct text is parsed once per ctx (the verdicts are kept).
 */
int fl__spellout_parse(double *out, fl__text_ctx *ctx, const char *locale,
                       const uint16_t *s, size_t n);

/* Whether UTF-16 s[0,n) is all Latin letters, marks and punctuation. */
bool fl__latin_text(const uint16_t *s, size_t n);

/* ICU script code of an ISO 15924 name ("Latn"), or -1 when unknown. */
int fl__script_code(const char *name);

/* ISO 15924 short name of a script code ("Latn"); static string. */
const char *fl__script_name(int code);

/* True when the script distinguishes upper and lower case. */
bool fl__script_is_cased(int code);

/* Counts letters per script over the document: fills counts (indexed by
 * script code, cap entries) and returns the script with most letters. */
int fl__doc_main_script(const fl__doc *doc);

#endif
