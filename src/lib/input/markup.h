/*
 * What the readers of monolingual markup documents (markdown.c, html.c)
 * share. Such a document is one segment whose text keeps the file's shape:
 * its prose where the file has it, everything else blanked (a space per
 * code point, line ends kept), so that a finding is placed in the file.
 *
 * The parsers give the prose decoded (character references, Markdown's
 * backslash escapes); fl__markup_match finds where the file writes it and
 * puts it into the text piece by piece, each piece at its own offset.
 */
#ifndef FL_INPUT_MARKUP_H
#define FL_INPUT_MARKUP_H

#include "input.h"

/* Bytes a named character reference may decode to, plus a NUL. */
#define FL__MARKUP_ENTITY_MAX 16

/* Decodes the named character reference name[0,n) ("eacute" of
 * "&eacute;") into out (UTF-8, NUL-terminated); returns its length, 0 when
 * the name is unknown. */
typedef size_t (*fl__markup_entity_fn)(char *out, const char *name, size_t n);

/* How a format writes a character other than as itself. */
typedef struct {
	fl__markup_entity_fn entity; /* named references */
	bool escapes;                /* backslash + ASCII punctuation */
} fl__markup_syntax;

/* Returned by fl__markup_match when the text is not written there. */
#define FL__MARKUP_NONE ((size_t)-1)

/*
 * Whether raw[p,end) begins with the decoded text s[0,n): each character
 * of s written as itself, as a character reference (&#233;, &#xE9;, a
 * name syn->entity knows), as a backslash escape when syn->escapes, and a
 * line end as LF, CR LF or CR. Returns the offset in raw where the text
 * ends, or FL__MARKUP_NONE. With t, the text is also put into t, each
 * piece at file offset base + its offset in raw (*error: FL_ENOMEM; else
 * left alone).
 */
size_t fl__markup_match(fl__segtext *t, int *error,
                        const fl__markup_syntax *syn, const char *raw, size_t p,
                        size_t end, const char *s, size_t n, size_t base);

/*
 * Puts raw[a,b) into t blanked: a space per code point, line ends as they
 * are; placed at file offset base + a. With object, raw[a,b) stands for
 * something inline that is not prose (a code span, a URL, a quote in
 * another language), which reads as a word does: its last code point
 * (before line ends) is then U+FFFC OBJECT REPLACEMENT CHARACTER, neither
 * a word nor a space, so that the punctuation after it does not stand
 * after a space. Returns 0 or FL_ENOMEM.
 */
int fl__markup_blank(fl__segtext *t, const char *raw, size_t a, size_t b,
                     size_t base, bool object);

/*
 * Opens a document of the markup readers: indexes data[0,len) into *m
 * and checks that it is text, UTF-8 without NUL bytes (the parsers end or
 * replace text at a NUL). Returns 0; FL_EENCODING or FL_EPARSE with
 * "path:line:col: problem" in err (what: "a Markdown file", ...) and *m
 * disposed; FL_ENOMEM.
 */
int fl__markup_open(fl__linemap *m, const char *path, const char *data,
                    size_t len, const char *what, char *err, size_t errlen);

/*
 * Whether the HTML element named name[0,n) (any case) adds nothing
 * between the texts around its tags, as inline elements with content do
 * ("Su<b>rge</b>" reads "Surge"); false for block and empty elements
 * (<p>, <br>, <img>) and unknown names, which part words. In html.c,
 * from libxml2's table of HTML elements; Markdown's inline HTML uses it
 * too.
 */
bool fl__html_tag_joins(const char *name, size_t n);

#endif
