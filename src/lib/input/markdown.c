/*
 * The Markdown reader (CommonMark, through cmark: the only file that
 * includes it). A file is one segment, a translation without its
 * original, whose text keeps the file's shape (markup.h): the prose of
 * paragraphs and headings (emphasis, link texts, image descriptions)
 * where the file has it, and blank what is not prose: code blocks, code
 * spans, link and image destinations and titles, autolinks, raw HTML
 * blocks and inline HTML, comments, link reference definitions, and a
 * YAML front matter.
 *
 * Markup that wraps prose adds nothing ("Su**rge**" reads "Surge"), as do
 * inline HTML tags of inline elements ("Su<b>rge</b>"); code spans,
 * autolinks, other HTML and line ends part words.
 *
 * Front matter: "---" on the first line, up to a line "---" or "...",
 * read as YAML (util/yaml.h): "lang" is the translation's language,
 * "facts" a facts file and "source" the original (both as written, the
 * facts file relative to the document); other keys are not read.
 *
 * Places: cmark 0.30 gives inline nodes source positions that are right
 * most of the time (not after some constructs: autolinks, line breaks);
 * each text is taken at its position only when the file writes it there,
 * else looked for from where the last one ended, within its block.
 */
#include "markup.h"

#include "../checker.h"
#include "../util/yaml.h"

#include <cmark.h>
#include <string.h>

typedef struct {
	const char *path;
	char *err;
	size_t errlen;
	size_t
	    base;  /* bytes of a byte order mark: src[i] is file byte base+i */
	char *src; /* what cmark reads: the file after its BOM, the
	              front matter blanked */
	size_t n;
	fl__linemap lines; /* of src, for cmark's line:column */
	fl__segtext *t;
	size_t done;      /* src offset: what is before it is in t */
	size_t cur;       /* src offset: where the next text is looked for */
	size_t block_end; /* src offset: the end of the block's last line */
	int error;
} md_reader;

/* "&name;" decoded as cmark does (fl__markup_entity_fn). */
static size_t md_entity(char *out, const char *name, size_t n)
{
	char ref[40];
	cmark_node *doc, *x;
	const char *lit;
	size_t len = 0;

	if (n > sizeof(ref) - 3)
		return 0;
	ref[0] = '&';
	memcpy(ref + 1, name, n);
	ref[n + 1] = ';';
	if (!(doc = cmark_parse_document(ref, n + 2, CMARK_OPT_DEFAULT)))
		return 0;
	x = cmark_node_first_child(cmark_node_first_child(doc));
	lit = x && cmark_node_get_type(x) == CMARK_NODE_TEXT &&
	              !cmark_node_next(x)
	          ? cmark_node_get_literal(x)
	          : NULL;
	if (lit && (len = strlen(lit)) < FL__MARKUP_ENTITY_MAX &&
	    !(len == n + 2 && memcmp(lit, ref, len) == 0))
		memcpy(out, lit, len + 1);
	else
		len = 0;
	cmark_node_free(doc);
	return len;
}

static const fl__markup_syntax md_syntax = {md_entity, true};

/* The src offset of cmark's line:column (1-based, columns in bytes),
 * clamped to its line. */
static size_t md_at(const md_reader *r, int line, int col)
{
	size_t start, end;

	if (line < 1 || (size_t)line > r->lines.count)
		return r->n;
	start = r->lines.start[line - 1];
	end = (size_t)line < r->lines.count ? r->lines.start[line] : r->n;
	if (col > 1 && (size_t)(col - 1) < end - start)
		return start + (size_t)(col - 1);
	return col > 1 ? end : start;
}

/* The src offset where line `line` ends (its line end included). */
static size_t md_line_end(const md_reader *r, int line)
{
	if (line < 1 || (size_t)line >= r->lines.count)
		return r->n;
	return r->lines.start[line];
}

/* Brings the text up to src offset to: what is between is markup, which
 * adds nothing unless it holds a line end (then blanked, line ends kept). */
static void md_gap(md_reader *r, size_t to)
{
	if (r->error || to <= r->done)
		return;
	for (size_t i = r->done; i < to; i++)
		if (r->src[i] == '\n' || r->src[i] == '\r') {
			r->error = fl__markup_blank(r->t, r->src, r->done, to,
			                            r->base, false);
			break;
		}
	r->done = to;
}

/* Blanks src[a,b), something inline that is not prose (a code span, an
 * autolink, HTML that parts words); the cursor moves past it. */
static void md_blank(md_reader *r, size_t a, size_t b)
{
	md_gap(r, a);
	if (!r->error && b > r->done)
		r->error =
		    fl__markup_blank(r->t, r->src, r->done, b, r->base, true);
	if (b > r->done)
		r->done = b;
	if (b > r->cur)
		r->cur = b;
}

/* A text node: at cmark's position when the file has it there, else the
 * first place from the cursor where it does; else (not seen) put at the
 * cursor, where its place is the nearest known. */
static void md_text(md_reader *r, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	size_t n = s ? strlen(s) : 0, at = FL__MARKUP_NONE, end = r->block_end;
	size_t hint = md_at(r, cmark_node_get_start_line(node),
	                    cmark_node_get_start_column(node));

	if (n == 0 || r->error)
		return;
	if (hint >= r->cur && hint < end &&
	    fl__markup_match(NULL, NULL, &md_syntax, r->src, hint, end, s, n,
	                     0) != FL__MARKUP_NONE)
		at = hint;
	for (size_t p = r->cur; at == FL__MARKUP_NONE && p < end; p++)
		if (fl__markup_match(NULL, NULL, &md_syntax, r->src, p, end, s,
		                     n, 0) != FL__MARKUP_NONE)
			at = p;
	if (at == FL__MARKUP_NONE) {
		md_gap(r, r->cur);
		if (!r->error)
			r->error =
			    fl__segtext_put(r->t, s, n, r->base + r->cur);
		return;
	}
	md_gap(r, at);
	if (r->error)
		return;
	r->done = r->cur = fl__markup_match(r->t, &r->error, &md_syntax, r->src,
	                                    at, end, s, n, r->base);
}

/* A code span: from the first backtick run after the cursor to the next
 * run as long (cmark found it so). */
static void md_code(md_reader *r)
{
	const char *s = r->src;
	size_t p = r->cur, end = r->block_end, k, q;

	while (p < end && s[p] != '`')
		p++;
	for (k = 0; p + k < end && s[p + k] == '`';)
		k++;
	for (q = p + k; q < end;) {
		size_t m = 0;
		if (s[q] != '`') {
			q++;
			continue;
		}
		while (q + m < end && s[q + m] == '`')
			m++;
		if (m == k) {
			md_blank(r, p, q + m);
			return;
		}
		q += m;
	}
}

/* Whether raw inline HTML h[0,n) is a tag of an element that joins the
 * texts around it (markup.h). */
static bool md_html_joins(const char *h, size_t n)
{
	size_t i = h[0] == '<' ? 1 : 0, name;

	if (i < n && h[i] == '/')
		i++;
	for (name = i; i < n && ((h[i] >= 'a' && h[i] <= 'z') ||
	                         (h[i] >= 'A' && h[i] <= 'Z') ||
	                         (i > name && h[i] >= '0' && h[i] <= '9'));)
		i++;
	return i > name && fl__html_tag_joins(h + name, i - name);
}

/* Inline HTML: its literal is the file's bytes. */
static void md_html(md_reader *r, cmark_node *node)
{
	const char *h = cmark_node_get_literal(node);
	size_t n = h ? strlen(h) : 0, end = r->block_end, at = FL__MARKUP_NONE;
	size_t hint = md_at(r, cmark_node_get_start_line(node),
	                    cmark_node_get_start_column(node));

	if (n == 0)
		return;
	if (hint >= r->cur && hint <= end && n <= end - hint &&
	    memcmp(r->src + hint, h, n) == 0)
		at = hint;
	for (size_t p = r->cur; at == FL__MARKUP_NONE && p < end; p++)
		if (n <= end - p && memcmp(r->src + p, h, n) == 0)
			at = p;
	if (at == FL__MARKUP_NONE)
		return;
	if (md_html_joins(h, n))
		r->cur = at + n; /* left in the gap: adds nothing */
	else
		md_blank(r, at, at + n);
}

/* Whether link node is an autolink ("<https://...>"): then it is blanked
 * and true. */
static bool md_autolink(md_reader *r, cmark_node *node)
{
	cmark_node *c = cmark_node_first_child(node);
	const char *url = cmark_node_get_url(node), *s;
	size_t lt = r->cur, e;

	if (!c || cmark_node_next(c) ||
	    cmark_node_get_type(c) != CMARK_NODE_TEXT || !url ||
	    !(s = cmark_node_get_literal(c)))
		return false;
	if (strcmp(url, s) != 0 &&
	    !(strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, s) == 0))
		return false;
	while (lt < r->block_end && r->src[lt] != '<' && r->src[lt] != '[')
		lt++;
	if (lt >= r->block_end || r->src[lt] != '<')
		return false;
	e = fl__markup_match(NULL, NULL, &md_syntax, r->src, lt + 1,
	                     r->block_end, s, strlen(s), 0);
	if (e == FL__MARKUP_NONE || e >= r->block_end || r->src[e] != '>')
		return false;
	md_blank(r, lt, e + 1);
	return true;
}

static bool md_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of an inline link's "(destination "title")" whose "(" is at
 * s[p - 1], or 0 when it is not one. */
static size_t md_destination(const char *s, size_t p, size_t end)
{
	int depth = 0;

	while (p < end && md_space(s[p]))
		p++;
	if (p < end && s[p] == '<') {
		for (p++; p < end && s[p] != '>' && s[p] != '\n'; p++)
			if (s[p] == '\\' && p + 1 < end)
				p++;
		if (p >= end || s[p] != '>')
			return 0;
		p++;
	} else {
		for (; p < end && !md_space(s[p]); p++) {
			if (s[p] == '\\' && p + 1 < end)
				p++;
			else if (s[p] == '(')
				depth++;
			else if (s[p] == ')' && depth-- == 0)
				break;
		}
	}
	while (p < end && md_space(s[p]))
		p++;
	if (p < end && (s[p] == '"' || s[p] == '\'' || s[p] == '(')) {
		char close = s[p] == '(' ? ')' : s[p];
		for (p++; p < end && s[p] != close; p++)
			if (s[p] == '\\' && p + 1 < end)
				p++;
		if (p >= end)
			return 0;
		for (p++; p < end && md_space(s[p]);)
			p++;
	}
	return p < end && s[p] == ')' ? p + 1 : 0;
}

/* After a link's or image's text: moves the cursor past "](dest
 * "title")", "][label]" or "]". */
static void md_link_end(md_reader *r)
{
	const char *s = r->src;
	size_t p = r->cur, end = r->block_end, q;

	while (p < end && s[p] != ']')
		p += s[p] == '\\' && p + 1 < end ? 2 : 1;
	if (p >= end)
		return;
	p++;
	if (p < end && s[p] == '(' && (q = md_destination(s, p + 1, end)))
		p = q;
	else if (p < end && s[p] == '[') {
		for (q = p + 1; q < end && s[q] != ']';)
			q += s[q] == '\\' && q + 1 < end ? 2 : 1;
		if (q < end)
			p = q + 1;
	}
	r->cur = p;
}

/* The text of every paragraph and heading, in the file's order. */
static int md_walk(md_reader *r, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *autolink = NULL;

	if (!it)
		return FL_ENOMEM;
	while (!r->error && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_EXIT) {
			if ((type == CMARK_NODE_LINK ||
			     type == CMARK_NODE_IMAGE) &&
			    node != autolink)
				md_link_end(r);
			continue;
		}
		switch (type) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING: {
			size_t start =
			    md_at(r, cmark_node_get_start_line(node), 1);
			r->block_end =
			    md_line_end(r, cmark_node_get_end_line(node));
			if (start > r->cur)
				r->cur = start;
			break;
		}
		case CMARK_NODE_TEXT:
			md_text(r, node);
			break;
		case CMARK_NODE_CODE:
			md_code(r);
			break;
		case CMARK_NODE_HTML_INLINE:
			md_html(r, node);
			break;
		case CMARK_NODE_LINK:
			if (md_autolink(r, node)) {
				autolink = node;
				cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return r->error;
}

/* The offset after the line end of the line at s[p,n) (n: none). */
static size_t md_next_line(const char *s, size_t n, size_t p)
{
	size_t next;
	fl__line_next(s + p, n - p, &next);
	return p + next;
}

/* The end of a front matter fence line at s[p,n): "---" (or "..." when
 * closing), then spaces; the offset after its line end, 0 when not. */
static size_t md_fence(const char *s, size_t n, size_t p, bool closing)
{
	size_t q;

	if (n - p < 3 || !(memcmp(s + p, "---", 3) == 0 ||
	                   (closing && memcmp(s + p, "...", 3) == 0)))
		return 0;
	for (q = p + 3; q < n && (s[q] == ' ' || s[q] == '\t');)
		q++;
	if (q < n && s[q] != '\n' && s[q] != '\r')
		return 0;
	return md_next_line(s, n, q);
}

/* A front matter value that must be a non-empty string: *out points into
 * the YAML document. fm_line: the file's line of the YAML's first. */
static int md_string(const char **out, md_reader *r, const fl_yaml_node *v,
                     const char *key, size_t fm_line)
{
	*out = NULL;
	if (!v)
		return 0;
	if (v->type != FL_YAML_SCALAR || !v->len || fl_yaml_is_null(v) ||
	    memchr(v->str, '\0', v->len))
		return fl__fail(r->err, r->errlen, FL_EPARSE,
		                "%s:%zu:%zu: front matter: '%s' must be a "
		                "non-empty string",
		                r->path, v->line + fm_line - 1, v->col, key);
	*out = v->str;
	return 0;
}

/*
 * Reads the front matter at the start of src, if any, into b, and blanks
 * it in src (for cmark).
 */
static int md_front_matter(fl__segbuf *b, md_reader *r)
{
	size_t body = md_fence(r->src, r->n, 0, false), close = body, after = 0;
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	const char *lang, *facts, *source;
	char yerr[FL_ERRMSG_SIZE];
	int error;

	if (!body)
		return 0;
	while (close < r->n && !(after = md_fence(r->src, r->n, close, true)))
		close = md_next_line(r->src, r->n, close);
	if (!after)
		return 0; /* a thematic break, not front matter */
	if ((error = fl_yaml_parse(&doc, r->src + body, close - body, yerr,
	                           sizeof(yerr))) < 0) {
		size_t line = 0, col = 0;
		int used = 0;
		if (sscanf(yerr, "%zu:%zu: %n", &line, &col, &used) == 2 &&
		    used > 0)
			error = fl__fail(r->err, r->errlen, error,
			                 "%s:%zu:%zu: front matter: %s",
			                 r->path, line + 1, col, yerr + used);
		else
			error =
			    fl__fail(r->err, r->errlen, error,
			             "%s:2: front matter: %s", r->path, yerr);
		goto cleanup;
	}
	root = fl_yaml_root(doc);
	if (root && root->type != FL_YAML_MAP) {
		error = fl__fail(r->err, r->errlen, FL_EPARSE,
		                 "%s:%zu:%zu: front matter: not a mapping of "
		                 "keys",
		                 r->path, root->line + 1, root->col);
		goto cleanup;
	}
	if ((error = md_string(&lang, r, fl_yaml_map_get(root, "lang"), "lang",
	                       2)) < 0 ||
	    (error = md_string(&facts, r, fl_yaml_map_get(root, "facts"),
	                       "facts", 2)) < 0 ||
	    (error = md_string(&source, r, fl_yaml_map_get(root, "source"),
	                       "source", 2)) < 0)
		goto cleanup;
	if (lang && strlen(lang) >= sizeof(b->target_lang)) {
		const fl_yaml_node *v = fl_yaml_map_get(root, "lang");
		error = fl__fail(r->err, r->errlen, FL_EPARSE,
		                 "%s:%zu:%zu: front matter: 'lang' is not a "
		                 "language tag",
		                 r->path, v->line + 1, v->col);
		goto cleanup;
	}
	if (lang)
		strcpy(b->target_lang, lang);
	if ((facts && !(b->facts_path = fl__strdup(facts))) ||
	    (source && !(b->source_path = fl__strdup(source)))) {
		error = fl__fail(r->err, r->errlen, FL_ENOMEM,
		                 "%s: out of memory", r->path);
		goto cleanup;
	}
	for (size_t i = 0; i < after; i++)
		if (r->src[i] != '\n' && r->src[i] != '\r')
			r->src[i] = ' ';
cleanup:
	fl_yaml_free(doc);
	return error;
}

int fl__read_markdown(fl__segbuf *b, const char *path, const char *data,
                      size_t len, char *err, size_t errlen)
{
	md_reader r;
	fl__linemap map;
	fl__segtext t;
	fl_segment *seg;
	cmark_node *doc = NULL;
	int error;

	memset(&r, 0, sizeof(r));
	r.path = path;
	r.err = err;
	r.errlen = errlen;
	r.t = &t;
	if ((error = fl__markup_open(&map, path, data, len, "a Markdown file",
	                             err, errlen)) < 0)
		return error;
	fl__segtext_init(&t, &map);
	r.base = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	r.n = len - r.base;
	if (!(r.src = fl__segbuf_strndup(b, data + r.base, r.n)) ||
	    fl__linemap_init(&r.lines, r.src, r.n) < 0) {
		error =
		    fl__fail(err, errlen, FL_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	if ((error = md_front_matter(b, &r)) < 0)
		goto cleanup;
	if (!(doc = cmark_parse_document(r.src, r.n, CMARK_OPT_SOURCEPOS))) {
		error =
		    fl__fail(err, errlen, FL_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	r.block_end = r.n;
	if ((error = md_walk(&r, doc)) < 0 ||
	    (error = fl__segbuf_add(b, &seg)) < 0 ||
	    (error = fl__segtext_finish(&t, b, &seg->target)) < 0)
		fl__fail(err, errlen, error, "%s: out of memory", path);
cleanup:
	if (doc)
		cmark_node_free(doc);
	fl__segtext_dispose(&t);
	fl__linemap_dispose(&r.lines);
	fl__linemap_dispose(&map);
	return error;
}
