/*
 * The input layer: every input format is a reader that turns a file's
 * bytes into segments (fl_segment, include/fidelint/fidelint.h), and
 * fl_check_segments checks segments whatever they came from. A new format
 * is one reader file in this folder and one row of the table in input.c
 * (HACKING.md, "A new input format").
 *
 * A reader never prints; the message of a failure goes to err as
 * "path:line:col: problem" (or "path:line: problem").
 */
#ifndef FL_INPUT_INPUT_H
#define FL_INPUT_INPUT_H

#include "../common.h"
#include "../lang/tag.h"
#include "../util/buf.h"

/*
 * The segments of one file and the memory they point into. Everything a
 * segment points at (texts, anchors, codes, ids) is owned by the segbuf
 * and lives until fl__segbuf_dispose.
 */
typedef struct {
	fl_segment *seg;
	size_t count, cap;
	char source_lang[FL_TAG_MAX]; /* declared by the file; "" when not */
	char target_lang[FL_TAG_MAX];
	char *facts_path;  /* a facts file the file names (front matter), as
	                      written there; NULL when none */
	char *source_path; /* an original the file names; NULL when none */
	void **blocks;     /* owned allocations */
	size_t block_count, block_cap;
	struct fl__suppression *supp; /* by file line (comments of a
	                                 document); owned */
	size_t supp_count, supp_cap;
} fl__segbuf;

/* Findings of rules (ignore selectors, "" every rule) not reported on the
 * file's lines first..last. */
typedef struct fl__suppression {
	size_t first, last;
	char *rules; /* owned by the segbuf */
} fl__suppression;

/*
 * Reads a directive "fidelint-disable RULES", "fidelint-enable RULES" or
 * "fidelint-disable-next-line RULES" (RULES comma- or space-separated;
 * none: every rule) at the start of s[0,n) (white space before it
 * skipped). Returns its kind, with *rules / *rules_len its rules.
 */
typedef enum {
	FL__DIRECTIVE_NONE,
	FL__DIRECTIVE_DISABLE,
	FL__DIRECTIVE_ENABLE,
	FL__DIRECTIVE_NEXT_LINE
} fl__directive_kind;
fl__directive_kind fl__directive(const char *s, size_t n, const char **rules,
                                 size_t *rules_len);

/* Sets suppress of segments [first, b->count) from a comment or note
 * s[0,n) that holds a "fidelint-disable" directive (on any of its lines);
 * nothing when it holds none. Returns 0 or FL_ENOMEM. */
int fl__segbuf_suppress_from(fl__segbuf *b, size_t first, const char *s,
                             size_t n);

/* Reads the "<!-- fidelint-... -->" comments of an HTML or Markdown file
 * data[0,len) into b's line suppressions. Returns 0 or FL_ENOMEM. */
int fl__segbuf_comment_directives(fl__segbuf *b, const char *data, size_t len);

#define FL__SEGBUF_INIT                                                        \
	{                                                                      \
		0                                                              \
	}

/* Releases everything of b; b may be reused after fl__segbuf_init. */
void fl__segbuf_dispose(fl__segbuf *b);

/* Appends a zeroed segment; *out points into b until the next append.
 * Returns 0 or FL_ENOMEM. */
int fl__segbuf_add(fl__segbuf *b, fl_segment **out);

/* A copy of s[0,n) plus a NUL, owned by b; NULL when out of memory. */
char *fl__segbuf_strndup(fl__segbuf *b, const char *s, size_t n);

/* n zeroed bytes owned by b (n is checked); NULL when out of memory. */
void *fl__segbuf_alloc(fl__segbuf *b, size_t n);

/*
 * Line starts of a file, to turn byte offsets into line:column (1-based,
 * columns in code points) as documents count them: a line ends at LF,
 * CR LF or a lone CR.
 */
typedef struct {
	const char *data;
	size_t len;
	size_t *start; /* byte offset of each line's first byte */
	size_t count;
} fl__linemap;

/* Indexes data[0,len) (borrowed; must outlive m). Returns 0 or FL_ENOMEM. */
int fl__linemap_init(fl__linemap *m, const char *data, size_t len);
void fl__linemap_dispose(fl__linemap *m);

/* The line and column of byte offset off (clamped to len). */
void fl__linemap_pos(const fl__linemap *m, size_t off, size_t *line,
                     size_t *column);

/*
 * Builds one side of a segment: text, anchors and codes together.
 *   fl__segtext_put(t, s, n, off)   s[0,n) as text, standing at byte off of
 *                                   the file and running on as it does
 *                                   (verbatim text; a decoded entity too,
 *                                   then the next put re-anchors);
 *   fl__segtext_code(t, n, key, display, off)   a masked code of n spaces
 *                                   (n >= 1) at byte off of the file;
 *   fl__segtext_finish(t, b, out)   moves the result into b's memory.
 * off is a byte offset in the file that m indexes. Each returns 0 or
 * FL_ENOMEM; after a failure only fl__segtext_dispose is allowed.
 */
typedef struct {
	const fl__linemap *map;
	fl_buf text;
	fl_anchor *anchors;
	size_t anchor_count, anchor_cap;
	fl_code *codes;
	size_t code_count, code_cap;
	fl_buf keys;     /* key and display strings, NUL-separated */
	size_t next_off; /* file offset the last put ended at; SIZE_MAX none */
	size_t last_off; /* file offset of the last anchor */
} fl__segtext;

void fl__segtext_init(fl__segtext *t, const fl__linemap *m);
void fl__segtext_dispose(fl__segtext *t);
int fl__segtext_put(fl__segtext *t, const char *s, size_t n, size_t off);
int fl__segtext_code(fl__segtext *t, size_t n, const char *key,
                     const char *display, size_t off);
int fl__segtext_finish(fl__segtext *t, fl__segbuf *b, fl_segment_text *out);

/* Where byte off of a segment's side t is: through its anchors in the
 * file, else counted in t itself (line 1 column 1 is its first byte). */
void fl__segment_place(const fl_segment_text *t, size_t off, size_t *line,
                       size_t *column);

/*
 * A reader: parses the whole file data[0,len) (path for messages) into b.
 * Returns 0, FL_EPARSE (not in the format; message in err), FL_EENCODING,
 * FL_ELIMIT or FL_ENOMEM.
 */
typedef int (*fl__reader_fn)(fl__segbuf *b, const char *path, const char *data,
                             size_t len, char *err, size_t errlen);

/* One input format: the row of the table in input.c. */
typedef struct {
	fl_input id;
	const char *name;       /* --input value */
	const char *extensions; /* space-separated, with dots: ".xlf .xliff" */
	fl__reader_fn read;     /* NULL: not read through segments (jsonl
	                           streams, text is checked as one document) */
	const char *summary;    /* one line for help texts */
} fl__input_format;

/* The row of id, or NULL. */
const fl__input_format *fl__input_get(fl_input id);

/* The readers, one file each. */
int fl__read_tsv(fl__segbuf *b, const char *path, const char *data, size_t len,
                 char *err, size_t errlen);
int fl__read_xliff(fl__segbuf *b, const char *path, const char *data,
                   size_t len, char *err, size_t errlen);
int fl__read_tmx(fl__segbuf *b, const char *path, const char *data, size_t len,
                 char *err, size_t errlen);
int fl__read_po(fl__segbuf *b, const char *path, const char *data, size_t len,
                char *err, size_t errlen);
int fl__read_markdown(fl__segbuf *b, const char *path, const char *data,
                      size_t len, char *err, size_t errlen);
int fl__read_html(fl__segbuf *b, const char *path, const char *data, size_t len,
                  char *err, size_t errlen);

#endif
