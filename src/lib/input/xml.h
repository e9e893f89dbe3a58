/*
 * XML documents for the readers (XLIFF, TMX). libxml2 parses and checks
 * the bytes: no network (XML_PARSE_NONET), no DTD loaded, no entity of a
 * DTD expanded, its default limits (depth, text size, entity
 * amplification). The readers get a tree of this module's own, whose
 * nodes know the byte offsets in the file of what they stand for: the
 * tree is walked in step with the file's bytes, so each offset is where
 * the text really is. Nothing else in the library includes libxml2's XML
 * headers.
 */
#ifndef FL_INPUT_XML_H
#define FL_INPUT_XML_H

#include "input.h"

/* The namespace of xml:lang and xml:space. */
#define FL__XML_NS "http://www.w3.org/XML/1998/namespace"

/* One attribute; strings are UTF-8, NUL-terminated. */
typedef struct fl__xml_attr {
	const char *name;  /* local name */
	const char *ns;    /* namespace URI, "" for none */
	const char *value; /* as the parser normalised it */
	const struct fl__xml_attr *next;
} fl__xml_attr;

typedef enum { FL__XML_ELEMENT, FL__XML_TEXT } fl__xml_kind;

/*
 * A node of the tree. Comments and processing instructions are not in it;
 * character data (text and CDATA) is a row of FL__XML_TEXT nodes, each a
 * stretch that is verbatim in the file (text points into the file's
 * bytes) or one thing the parser decoded: a reference (&amp; &#233;) or a
 * line end (CR LF and a lone CR are "\n").
 */
typedef struct fl__xml_node {
	fl__xml_kind kind;
	const char *name; /* element: local name; text: NULL */
	const char *ns;   /* element: namespace URI, "" for none */
	const fl__xml_attr *attrs;
	const char *text; /* text: its bytes (no NUL after them) */
	size_t len;
	size_t offset;  /* byte offset in the file: an element's '<', the
	                   first byte a text stands for */
	size_t tag_end; /* element: the byte after its start tag */
	size_t end;     /* the byte after the node (an element's end tag) */
	const struct fl__xml_node *parent, *child, *next;
} fl__xml_node;

/* A parsed file. data is borrowed and must outlive the document. */
typedef struct {
	const char *path;
	const char *data;
	size_t len;
	fl__linemap map; /* of data, for the readers' segments too */
	const fl__xml_node *root;
	void *arena; /* the nodes' memory */
} fl__xml_doc;

/*
 * Parses data[0,len) (path: for messages) into d, a document of format
 * (for messages: "XLIFF") whose root element is called root. Returns 0,
 * FL_EPARSE (not well-formed, an entity of a DTD used, another root
 * element), FL_EENCODING
 * (not UTF-8), FL_ELIMIT (libxml2's limits: depth, entity amplification)
 * or FL_ENOMEM, with "path:line:col: problem" in err. After a failure d
 * needs no dispose (disposing is harmless).
 */
int fl__xml_parse(fl__xml_doc *d, const char *path, const char *data,
                  size_t len, const char *root, const char *format, char *err,
                  size_t errlen);

/* Releases d's memory; d may be parsed into again. */
void fl__xml_dispose(fl__xml_doc *d);

/* The value of n's attribute name in namespace ns (NULL or "": none), or
 * NULL when n has none. */
const char *fl__xml_attr_get(const fl__xml_node *n, const char *ns,
                             const char *name);

/* Whether n is an element called name in namespace ns ("" none). */
bool fl__xml_is(const fl__xml_node *n, const char *ns, const char *name);

/* The first child of n that is an element called name in n's namespace,
 * or NULL. */
const fl__xml_node *fl__xml_child(const fl__xml_node *n, const char *name);

/* Formats "path:line:col: " + fmt, the place being byte off of d's file,
 * into err and returns code. */
int fl__xml_fail(const fl__xml_doc *d, char *err, size_t errlen, int code,
                 size_t off, const char *fmt, ...) FL_PRINTF(6, 7);

/*
 * What an element inside a segment's text is, for fl__xml_add_segment.
 * Any element a table does not name wraps text.
 */
typedef enum {
	FL__XML_WRAP, /* zero width, its content is text: <g>, <pc>, <mrk> */
	FL__XML_SKIP, /* zero width, its content is native code: <bpt> */
	FL__XML_CODE, /* a masked code, content skipped: <x/>, <ph> */
	FL__XML_CHAR  /* the character of attribute attrs (hex): <cp/> */
} fl__xml_inline_kind;

typedef struct {
	const char *name; /* local name, in the namespace of the segment */
	fl__xml_inline_kind kind;
	const char *attrs; /* CODE: the attributes naming the code, tried
	                      in order, space-separated ("startRef id"); the
	                      key is "name:value" ("x:1"), or "name" when
	                      none is there. CHAR: the attribute of the hex
	                      code point. */
} fl__xml_inline;

/*
 * Adds to b the segment of id (copied; NULL none) whose original is the
 * content of element source (NULL: not given) and whose translation is
 * the content of target, with the inline elements of table[0,n). An
 * empty translation (no text but white space, no code) is no segment.
 * White space at both ends of a side is left out unless xml:space is
 * "preserve" there. Returns 0 or FL_ENOMEM.
 */
int fl__xml_add_segment(fl__segbuf *b, const fl__xml_doc *d, const char *id,
                        const fl__xml_node *source, const fl__xml_node *target,
                        const fl__xml_inline *table, size_t n, unsigned flags);

/* Copies tag into dst (FL_TAG_MAX bytes) when it fits, else leaves dst
 * as it is. */
void fl__xml_set_lang(char *dst, const char *tag);

#endif
