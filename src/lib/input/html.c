/*
 * The HTML reader, through libxml2's HTML parser (no network, errors
 * collected, never printed). A file is one segment, a translation without
 * its original, whose text keeps the file's shape (markup.h): the text
 * nodes where the file has them, everything else blank: tags, attribute
 * values, comments, and the content of elements that are not prose:
 * script, style, template, textarea, code, pre, kbd and samp. (noscript
 * is prose: what a reader without scripts sees, translated as the rest.)
 *
 * Languages: lang (or xml:lang) on <html> is the translation's language.
 * An element whose lang is another language (an English phrase quoted in
 * the translation) is not text of the document's language: it is blanked,
 * and an element inside it that is back in the document's language is
 * text again. dir changes nothing: the file holds text in logical order,
 * and so does the segment.
 *
 * Tags of inline elements with content add nothing ("Su<b>rge</b>" reads
 * "Surge"); other tags, comments and skipped content part words.
 *
 * Places: libxml2 gives text nodes decoded (character references) and
 * the line they end on; each is found in the file in document order from
 * where the last one ended, outside tags, by fl__markup_match.
 */
#include "markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <unicode/utf8.h>

/* What is in force for a node: inside content that is not prose, or in
 * another language than the document's. */
enum { H_SKIP = 1, H_FOREIGN = 2 };

/* Elements whose content is not prose; raw: their content is not parsed
 * (found in the file by their end tag). */
static const struct {
	const char *name;
	bool raw;
} skipped[] = {
    {"script", true}, {"style", true}, {"template", false}, {"textarea", false},
    {"code", false},  {"pre", false},  {"kbd", false},      {"samp", false},
};

typedef struct {
	const char *raw;
	size_t len;
	fl__segtext *t;
	size_t done;           /* what is before it is in t */
	size_t cur;            /* where the next text is looked for; grows */
	size_t line_off, line; /* offset line_off is on line `line` */
	char lang[FL_TAG_MAX]; /* the document's, "" when not said */
	int error;
} html_reader;

/* The first error libxml2 reported (collected, not printed). */
typedef struct {
	bool set;
	int line, column;
	char message[256];
} html_error;

static void html_collect(void *ctx, xmlErrorPtr e)
{
	html_error *h = ctx;
	size_t n;

	if (h->set || !e)
		return;
	h->set = true;
	h->line = e->line;
	h->column = e->int2;
	snprintf(h->message, sizeof(h->message), "%s",
	         e->message ? e->message : "parse error");
	n = strlen(h->message);
	while (n && (h->message[n - 1] == '\n' || h->message[n - 1] == ' '))
		h->message[--n] = '\0';
}

/* libxml2's description of the HTML element named name[0,n) (any case),
 * or NULL. */
static const htmlElemDesc *html_element_desc(const char *name, size_t n)
{
	char low[32];

	if (n == 0 || n >= sizeof(low))
		return NULL;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z'
		                    ? name[i] - 'A' + 'a'
		                    : name[i]);
	low[n] = '\0';
	return htmlTagLookup((const xmlChar *)low);
}

bool fl__html_tag_joins(const char *name, size_t n)
{
	const htmlElemDesc *d = html_element_desc(name, n);
	return d && d->isinline == 1 && !d->empty;
}

/* "&name;" decoded as libxml2's HTML parser does (fl__markup_entity_fn). */
static size_t html_entity(char *out, const char *name, size_t n)
{
	char z[40];
	const htmlEntityDesc *e;
	size_t k = 0;

	if (n >= sizeof(z))
		return 0;
	memcpy(z, name, n);
	z[n] = '\0';
	if (!(e = htmlEntityLookup((const xmlChar *)z)) || e->value == 0 ||
	    e->value > 0x10FFFF)
		return 0;
	U8_APPEND_UNSAFE(out, k, (UChar32)e->value);
	out[k] = '\0';
	return k;
}

static const fl__markup_syntax html_syntax = {html_entity, false};

static bool html_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of the tag, comment or declaration at raw[p] ('<'), or p when
 * what is there is text ("a < b"). */
static size_t html_tag_end(const char *s, size_t n, size_t p)
{
	char quote = 0, last = 0;

	if (p + 1 >= n || !(html_letter(s[p + 1]) || s[p + 1] == '/' ||
	                    s[p + 1] == '!' || s[p + 1] == '?'))
		return p;
	if (n - p >= 4 && memcmp(s + p, "<!--", 4) == 0) {
		for (size_t q = p + 4; q + 3 <= n; q++)
			if (memcmp(s + q, "-->", 3) == 0)
				return q + 3;
		return n;
	}
	for (size_t q = p + 1; q < n; q++) {
		if (quote) {
			if (s[q] == quote)
				quote = 0;
		} else if ((s[q] == '"' || s[q] == '\'') && last == '=') {
			quote = s[q];
		} else if (s[q] == '>') {
			return q + 1;
		}
		if (s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\r')
			last = s[q];
	}
	return n;
}

/* Whether the element named name[0,n) ends a line of text where its
 * tags stand: a block (<p>, <td>, <title>) or <br>. */
static bool html_tag_breaks(const char *name, size_t n)
{
	const htmlElemDesc *d = html_element_desc(name, n);
	return d && (d->isinline == 0 ||
	             (n == 2 && strncasecmp(name, "br", 2) == 0));
}

/* What raw[a,b), between two texts, is: only tags of elements that join
 * the texts (GAP_JOIN), with a tag of one that breaks the line
 * (GAP_BREAK), or else (GAP_SPACE). */
enum { GAP_JOIN, GAP_SPACE, GAP_BREAK };

static int html_gap_kind(const char *s, size_t a, size_t b)
{
	int kind = GAP_JOIN;

	while (a < b) {
		size_t e = html_tag_end(s, b, a), name, i;
		if (s[a] != '<' || e == a) {
			kind = kind == GAP_BREAK ? kind : GAP_SPACE;
			a++;
			continue;
		}
		i = name = a + (s[a + 1] == '/' ? 2 : 1);
		while (i < e && (html_letter(s[i]) ||
		                 (i > name && s[i] >= '0' && s[i] <= '9')))
			i++;
		if (html_tag_breaks(s + name, i - name))
			kind = GAP_BREAK;
		else if (!fl__html_tag_joins(s + name, i - name))
			kind = kind == GAP_BREAK ? kind : GAP_SPACE;
		a = e;
	}
	return kind;
}

/* Brings the text up to offset to: nothing when only joining tags are
 * between, else blank; a block boundary within a line of the file ends a
 * line of the text (the blank's last code point is a line end), so that
 * "<p>Surge</p><p>Surge</p>" is not one word twice. */
static void html_gap(html_reader *r, size_t to)
{
	const char *s = r->raw;
	size_t q = to - 1, n = to - r->done;
	int kind;

	if (r->error || to <= r->done)
		return;
	kind = html_gap_kind(s, r->done, to);
	while (q > r->done && ((unsigned char)s[q] & 0xC0) == 0x80)
		q--;
	if (kind == GAP_BREAK && !memchr(s + r->done, '\n', n) &&
	    !memchr(s + r->done, '\r', n)) {
		if ((r->error =
		         fl__markup_blank(r->t, s, r->done, q, 0, false)) == 0)
			r->error = fl__segtext_put(r->t, "\n", 1, q);
	} else if (kind != GAP_JOIN) {
		r->error = fl__markup_blank(r->t, s, r->done, to, 0, false);
	}
	r->done = to;
}

/* The line of offset off >= r->line_off, counted on from the last one
 * asked (offsets only grow: the whole file is counted once). */
static size_t html_line(html_reader *r, size_t off)
{
	for (; r->line_off < off; r->line_off++)
		r->line += r->raw[r->line_off] == '\n';
	return r->line;
}

/* Where the decoded text s[0,n), ending on line `line` (0: unknown), is
 * written from the cursor on, outside tags; FL__MARKUP_NONE when not.
 * The text begins on its last line or before: the search stops there. */
static size_t html_find(html_reader *r, const char *s, size_t n, size_t line)
{
	const char *raw = r->raw;
	size_t p = r->cur, ln = line ? html_line(r, p) : 0;

	while (p < r->len && (!line || ln <= line)) {
		size_t e;
		if (fl__markup_match(NULL, NULL, &html_syntax, raw, p, r->len,
		                     s, n, 0) != FL__MARKUP_NONE)
			return p;
		e = raw[p] == '<' ? html_tag_end(raw, r->len, p) : p;
		for (e = e > p ? e : p + 1; p < e; p++)
			ln += raw[p] == '\n';
	}
	return FL__MARKUP_NONE;
}

/* A text node in state f. */
static void html_text(html_reader *r, const xmlNode *node, unsigned f)
{
	const char *s = (const char *)node->content;
	size_t n = s ? strlen(s) : 0, at, end;
	long line = xmlGetLineNo(node);

	if (r->error || strspn(s ? s : "", " \t\r\n\f") == n)
		return;
	/* 65535 is where libxml2's line numbers stop growing */
	at = html_find(r, s, n, line > 0 && line < 65535 ? (size_t)line : 0);
	if (at == FL__MARKUP_NONE) {
		/* not seen: put at the cursor, the nearest known place */
		if (!f) {
			html_gap(r, r->cur);
			if (!r->error)
				r->error = fl__segtext_put(r->t, s, n, r->cur);
		}
		return;
	}
	html_gap(r, at);
	if (r->error)
		return;
	end = fl__markup_match(f ? NULL : r->t, &r->error, &html_syntax, r->raw,
	                       at, r->len, s, n, 0);
	if (f && !r->error)
		r->error = fl__markup_blank(r->t, r->raw, at, end, 0, true);
	r->done = r->cur = end;
}

/* Moves the cursor past the raw content of element `name` (script,
 * style): past its start tag and its end tag, from the cursor on. */
static void html_skip_raw(html_reader *r, const char *name)
{
	size_t k = strlen(name), p = r->cur;

	for (; p < r->len; p++)
		if (r->raw[p] == '<' && r->len - p > k &&
		    strncasecmp(r->raw + p + 1, name, k) == 0)
			break;
	for (p += k + 1; p < r->len; p++)
		if (r->raw[p] == '<' && r->len - p > k + 1 &&
		    r->raw[p + 1] == '/' &&
		    strncasecmp(r->raw + p + 2, name, k) == 0)
			break;
	while (p < r->len && r->raw[p] != '>')
		p++;
	r->cur = p < r->len ? p + 1 : r->len;
}

/* The lang (or xml:lang) of an element; caller frees with xmlFree. */
static xmlChar *html_lang(xmlNode *node)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)"lang");
	return v ? v : xmlGetProp(node, (const xmlChar *)"xml:lang");
}

/* Whether two language tags name one language ("pt-BR", "pt"). */
static bool html_same_lang(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_"), m = strcspn(b, "-_");
	return n == m && strncasecmp(a, b, n) == 0;
}

/* The state for the content of element node, in state f; raw content is
 * skipped here (*descend false). */
static unsigned html_element(html_reader *r, xmlNode *node, unsigned f,
                             bool *descend)
{
	const char *name = (const char *)node->name;
	xmlChar *lang = html_lang(node);

	*descend = true;
	if (lang && r->lang[0] && lang[0])
		f = html_same_lang((const char *)lang, r->lang)
		        ? f & ~(unsigned)H_FOREIGN
		        : f | H_FOREIGN;
	xmlFree(lang);
	for (size_t i = 0; name && i < FL_ARRAY_SIZE(skipped); i++)
		if (strcasecmp(name, skipped[i].name) == 0) {
			f |= H_SKIP;
			if (skipped[i].raw) {
				html_skip_raw(r, skipped[i].name);
				*descend = false;
			}
		}
	return f;
}

/* Every text node of the document, in order, through a stack of states. */
static int html_walk(html_reader *r, xmlNode *first)
{
	unsigned char *state = NULL;
	size_t cap = 0, depth = 0;
	xmlNode *n = first;
	int error = 0;

	if (fl__grow((void **)&state, &cap, 1, 1) < 0)
		return FL_ENOMEM;
	state[0] = 0;
	while (n && !r->error) {
		if (n->type == XML_ELEMENT_NODE) {
			bool descend;
			unsigned f = html_element(r, n, state[depth], &descend);
			if (descend && n->children) {
				if (fl__grow((void **)&state, &cap, depth + 2,
				             1) < 0) {
					error = FL_ENOMEM;
					break;
				}
				state[++depth] = (unsigned char)f;
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE ||
		           n->type == XML_CDATA_SECTION_NODE) {
			html_text(r, n, state[depth]);
		}
		while (n && !n->next) {
			if (depth == 0) {
				n = NULL;
				break;
			}
			n = n->parent;
			depth--;
		}
		if (n)
			n = n->next;
	}
	free(state);
	return error ? error : r->error;
}

/* Whether data has a tag, comment or declaration: else it is not HTML. */
static bool html_has_tag(const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, '<', n - (size_t)(p - s))); p++)
		if (html_tag_end(s, n, (size_t)(p - s)) > (size_t)(p - s))
			return true;
	return false;
}

int fl__read_html(fl__segbuf *b, const char *path, const char *data, size_t len,
                  char *err, size_t errlen)
{
	html_reader r;
	html_error herr;
	fl__linemap map;
	fl__segtext t;
	fl_segment *seg;
	htmlParserCtxtPtr ctxt = NULL;
	htmlDocPtr doc = NULL;
	xmlNode *root;
	xmlChar *lang;
	xmlStructuredErrorFunc saved_fn;
	void *saved_ctx;
	int error = 0;

	memset(&r, 0, sizeof(r));
	memset(&herr, 0, sizeof(herr));
	r.raw = data;
	r.len = len;
	r.t = &t;
	r.line = 1;
	if ((error = fl__markup_open(&map, path, data, len, "an HTML file", err,
	                             errlen)) < 0)
		return error;
	fl__segtext_init(&t, &map);
	if (len > INT_MAX) {
		error = fl__fail(err, errlen, FL_ELIMIT,
		                 "%s: larger than the HTML parser reads", path);
		goto cleanup;
	}
	if (!html_has_tag(data, len)) {
		error = fl__fail(err, errlen, FL_EPARSE,
		                 "%s:1:1: not HTML: no tag in the file", path);
		goto cleanup;
	}
	if (!(ctxt = htmlNewParserCtxt())) {
		error =
		    fl__fail(err, errlen, FL_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	/* libxml2 reports to a structured handler when one is set, whatever
	 * the options: ours, for this parse only. */
	saved_fn = xmlStructuredError;
	saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&herr, html_collect);
	doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8",
	                         HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                             HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		if (herr.set)
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:%d:%d: not HTML: %s", path,
			                 herr.line, herr.column, herr.message);
		else
			error = fl__fail(err, errlen, FL_EPARSE,
			                 "%s:1:1: not HTML: no element", path);
		goto cleanup;
	}
	if ((lang = html_lang(root)) &&
	    strlen((const char *)lang) < sizeof(r.lang)) {
		strcpy(r.lang, (const char *)lang);
		strcpy(b->target_lang, r.lang);
	}
	xmlFree(lang);
	if ((error = html_walk(&r, doc->children)) < 0 ||
	    (error = fl__segbuf_add(b, &seg)) < 0 ||
	    (error = fl__segtext_finish(&t, b, &seg->target)) < 0)
		fl__fail(err, errlen, error, "%s: out of memory", path);
cleanup:
	if (doc)
		xmlFreeDoc(doc);
	if (ctxt)
		htmlFreeParserCtxt(ctxt);
	fl__segtext_dispose(&t);
	fl__linemap_dispose(&map);
	return error;
}
