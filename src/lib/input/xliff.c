/*
 * The XLIFF reader: XLIFF 1.2 (and the 1.0/1.1 shape, same elements) and
 * XLIFF 2.0/2.1, parsed by xml.c.
 *
 * 1.2: each <trans-unit> with a <target> is a segment (its id the unit's
 * id), the original its <source>; when the unit has a <seg-source> and
 * its <target> holds <mrk mtype="seg">, each of those is a segment
 * ("unit/mid" when there are several), its original the <mrk> of the same
 * mid in <seg-source>. A unit (or its <group>) with translate="no" is no
 * segment; a <target> whose state is new, needs-translation or
 * needs-review-* is a draft. Languages: source-language and
 * target-language of <file>.
 *
 * 2.x: each <segment> of a <unit> with a <target> is a segment (its id the
 * unit's id, "unit/segment" when the unit has several segments: the
 * segment's id or its place, 1-based); <ignorable> is left out;
 * translate="no" on a unit, group or file leaves it out; state="initial"
 * is a draft. Languages: srcLang and trgLang of <xliff>.
 *
 * Several <file>s are one list of segments. When a later <file> declares
 * another language than an earlier one, the file is refused (FL_EPARSE):
 * one check is in one language, and taking the first would check the
 * other file's text with the wrong language's data.
 *
 * Inline codes (xml.h): <g>, <mrk>, <pc> are zero width and their content
 * is text; <bpt>, <ept> are zero width and their content (native code)
 * skipped; <x/>, <bx/>, <ex/>, <ph>, <it> (1.2) and <ph/>, <sc/>, <ec/>
 * (2.x) are masked codes keyed by element and id ("x:1"; <ec/> by its
 * startRef); <cp hex=""/> is its character; <sm/>, <em/> are nothing.
 */
#include "xml.h"

#include "../util/buf.h"

#include <stdlib.h>
#include <string.h>

#define NS_20 "urn:oasis:names:tc:xliff:document:2.0"

static const fl__xml_inline inline_12[] = {
    {"g", FL__XML_WRAP, NULL},   {"mrk", FL__XML_WRAP, NULL},
    {"bpt", FL__XML_SKIP, NULL}, {"ept", FL__XML_SKIP, NULL},
    {"x", FL__XML_CODE, "id"},   {"bx", FL__XML_CODE, "id"},
    {"ex", FL__XML_CODE, "id"},  {"ph", FL__XML_CODE, "id"},
    {"it", FL__XML_CODE, "id"},
};

static const fl__xml_inline inline_20[] = {
    {"pc", FL__XML_WRAP, NULL},          {"mrk", FL__XML_WRAP, NULL},
    {"sm", FL__XML_SKIP, NULL},          {"em", FL__XML_SKIP, NULL},
    {"ph", FL__XML_CODE, "id"},          {"sc", FL__XML_CODE, "id"},
    {"ec", FL__XML_CODE, "startRef id"}, {"cp", FL__XML_CHAR, "hex"},
};

typedef struct {
	fl__segbuf *b;
	const fl__xml_doc *d;
	char *err;
	size_t errlen;
} reader;

/* translate="yes"/"no" on n, else what n is in (inherited). */
static bool translated(const fl__xml_node *n, bool inherited)
{
	const char *v = fl__xml_attr_get(n, NULL, "translate");
	return v ? strcmp(v, "no") != 0 : inherited;
}

/* Takes the languages of file element f (attributes src, trg), unless an
 * earlier file declared others. */
static int languages(reader *r, const fl__xml_node *f, const char *src,
                     const char *trg)
{
	const char *s = fl__xml_attr_get(f, NULL, src);
	const char *t = fl__xml_attr_get(f, NULL, trg);
	const char *have[2] = {r->b->source_lang, r->b->target_lang};
	const char *now[2] = {s, t}, *what[2] = {src, trg};

	for (int i = 0; i < 2; i++)
		if (now[i] && have[i][0] &&
		    fl__ascii_casecmp(now[i], have[i]) != 0)
			return fl__xml_fail(
			    r->d, r->err, r->errlen, FL_EPARSE, f->offset,
			    "this <file> has %s=\"%s\", an earlier one \"%s\": "
			    "a check is in one language, check each <file> "
			    "on its own",
			    what[i], now[i], have[i]);
	if (s && !r->b->source_lang[0])
		fl__xml_set_lang(r->b->source_lang, s);
	if (t && !r->b->target_lang[0])
		fl__xml_set_lang(r->b->target_lang, t);
	return 0;
}

/* Whether a 1.2 target state is a draft's. */
static bool draft_12(const char *state)
{
	return state && (strcmp(state, "new") == 0 ||
	                 strcmp(state, "needs-translation") == 0 ||
	                 strncmp(state, "needs-review-", 13) == 0);
}

static bool is_seg_mrk(const fl__xml_node *n, const char *ns)
{
	const char *t = fl__xml_attr_get(n, NULL, "mtype");
	return fl__xml_is(n, ns, "mrk") && t && strcmp(t, "seg") == 0;
}

/* The <mrk mtype="seg"> in n's content (not inside one another), in
 * order, appended to *v. */
static int seg_mrks(const fl__xml_node ***v, size_t *count, size_t *cap,
                    const fl__xml_node *n)
{
	int error = 0;
	for (const fl__xml_node *c = n->child; c && error == 0; c = c->next) {
		if (c->kind != FL__XML_ELEMENT)
			continue;
		if (!is_seg_mrk(c, n->ns)) {
			error = seg_mrks(v, count, cap, c);
			continue;
		}
		if ((error = fl__grow((void **)v, cap, *count + 1,
		                      sizeof(**v))) == 0)
			(*v)[(*count)++] = c;
	}
	return error;
}

/* The <mrk mtype="seg" mid="mid"> in n's content, or NULL. */
static const fl__xml_node *find_mrk(const fl__xml_node *n, const char *mid)
{
	for (const fl__xml_node *c = n ? n->child : NULL; c; c = c->next) {
		const char *m;
		const fl__xml_node *found;
		if (c->kind != FL__XML_ELEMENT)
			continue;
		m = fl__xml_attr_get(c, NULL, "mid");
		if (is_seg_mrk(c, n->ns) && m && mid && strcmp(m, mid) == 0)
			return c;
		if ((found = find_mrk(c, mid)))
			return found;
	}
	return NULL;
}

/* "unit/part" when the unit has several parts, else the unit's id. */
static int part_id(fl_buf *out, const char *unit, const char *part,
                   size_t index, size_t parts)
{
	fl_buf_clear(out);
	if (!unit)
		return 0;
	if (parts < 2)
		return fl_buf_puts(out, unit);
	if (part)
		return fl_buf_printf(out, "%s/%s", unit, part);
	return fl_buf_printf(out, "%s/%zu", unit, index);
}

/* A 1.2 <trans-unit>. */
static int unit_12(reader *r, const fl__xml_node *u)
{
	const fl__xml_node *source = fl__xml_child(u, "source");
	const fl__xml_node *segsrc = fl__xml_child(u, "seg-source");
	const fl__xml_node *target = fl__xml_child(u, "target");
	const fl__xml_node **mrks = NULL;
	const char *id = fl__xml_attr_get(u, NULL, "id");
	unsigned flags;
	size_t count = 0, cap = 0;
	fl_buf sid = FL_BUF_INIT;
	int error = 0;

	if (!target)
		return 0;
	flags = draft_12(fl__xml_attr_get(target, NULL, "state"))
	            ? FL_SEGMENT_DRAFT
	            : 0;
	if (segsrc && (error = seg_mrks(&mrks, &count, &cap, target)) < 0)
		goto cleanup;
	if (!count) {
		error = fl__xml_add_segment(r->b, r->d, id, source, target,
		                            inline_12, FL_ARRAY_SIZE(inline_12),
		                            flags);
		goto cleanup;
	}
	for (size_t i = 0; i < count && error == 0; i++) {
		const char *mid = fl__xml_attr_get(mrks[i], NULL, "mid");
		if ((error = part_id(&sid, id, mid, i + 1, count)) == 0)
			error = fl__xml_add_segment(
			    r->b, r->d, id ? sid.ptr : NULL,
			    find_mrk(segsrc, mid), mrks[i], inline_12,
			    FL_ARRAY_SIZE(inline_12), flags);
	}
cleanup:
	free(mrks);
	fl_buf_dispose(&sid);
	return error;
}

/*
 * The notes of a unit (1.2 <note>, 2.x <notes><note>): one that says
 * "fidelint-disable RULES" holds for the segments the unit gave,
 * [first, count).
 */
static int notes(reader *r, const fl__xml_node *u, size_t first)
{
	int error = 0;

	for (const fl__xml_node *c = u->child; c && error == 0; c = c->next) {
		const fl__xml_node *n = c, *stop = c->next;
		if (c->kind != FL__XML_ELEMENT)
			continue;
		if (strcmp(c->name, "notes") == 0) {
			n = c->child;
			stop = NULL;
		}
		for (; n && n != stop && error == 0; n = n->next) {
			fl_buf text = FL_BUF_INIT;
			if (n->kind != FL__XML_ELEMENT ||
			    strcmp(n->name, "note") != 0)
				continue;
			for (const fl__xml_node *t = n->child; t && error == 0;
			     t = t->next)
				if (t->kind == FL__XML_TEXT)
					error =
					    fl_buf_put(&text, t->text, t->len);
			if (error == 0 && text.len)
				error = fl__segbuf_suppress_from(
				    r->b, first, text.ptr, text.len);
			fl_buf_dispose(&text);
		}
	}
	return error;
}

/* A 2.x <unit>. */
static int unit_20(reader *r, const fl__xml_node *u)
{
	const char *id = fl__xml_attr_get(u, NULL, "id");
	size_t parts = 0, index = 0;
	fl_buf sid = FL_BUF_INIT;
	int error = 0;

	for (const fl__xml_node *c = u->child; c; c = c->next)
		parts += fl__xml_is(c, u->ns, "segment");
	for (const fl__xml_node *c = u->child; c && error == 0; c = c->next) {
		const fl__xml_node *target;
		const char *state;
		if (!fl__xml_is(c, u->ns, "segment"))
			continue;
		index++;
		if (!(target = fl__xml_child(c, "target")))
			continue;
		state = fl__xml_attr_get(c, NULL, "state");
		if ((error = part_id(&sid, id, fl__xml_attr_get(c, NULL, "id"),
		                     index, parts)) == 0)
			error = fl__xml_add_segment(
			    r->b, r->d, id ? sid.ptr : NULL,
			    fl__xml_child(c, "source"), target, inline_20,
			    FL_ARRAY_SIZE(inline_20),
			    state && strcmp(state, "initial") == 0
			        ? FL_SEGMENT_DRAFT
			        : 0);
	}
	fl_buf_dispose(&sid);
	return error;
}

/* The content of n (the root, a file, group or body), translated or not
 * as inherited. */
static int walk(reader *r, const fl__xml_node *n, bool v2, bool translate)
{
	int error = 0;

	for (const fl__xml_node *c = n->child; c && error == 0; c = c->next) {
		bool t = translated(c, translate);
		if (c->kind != FL__XML_ELEMENT || strcmp(c->ns, n->ns) != 0)
			continue;
		if (strcmp(c->name, "file") == 0) {
			if (!v2 && (error = languages(r, c, "source-language",
			                              "target-language")) < 0)
				break;
			error = walk(r, c, v2, t);
		} else if (strcmp(c->name, "group") == 0 ||
		           (!v2 && strcmp(c->name, "body") == 0)) {
			error = walk(r, c, v2, t);
		} else if (t && !v2 && strcmp(c->name, "trans-unit") == 0) {
			size_t first = r->b->count;
			if ((error = unit_12(r, c)) == 0)
				error = notes(r, c, first);
		} else if (t && v2 && strcmp(c->name, "unit") == 0) {
			size_t first = r->b->count;
			if ((error = unit_20(r, c)) == 0)
				error = notes(r, c, first);
		}
	}
	return error;
}

int fl__read_xliff(fl__segbuf *b, const char *path, const char *data,
                   size_t len, char *err, size_t errlen)
{
	fl__xml_doc d;
	reader r;
	const char *version;
	bool v2;
	int error;

	if ((error = fl__xml_parse(&d, path, data, len, "xliff", "XLIFF", err,
	                           errlen)) < 0)
		return error;
	memset(&r, 0, sizeof(r));
	r.b = b;
	r.d = &d;
	r.err = err;
	r.errlen = errlen;
	version = fl__xml_attr_get(d.root, NULL, "version");
	v2 = strcmp(d.root->ns, NS_20) == 0 ||
	     (version && version[0] == '2' && !d.root->ns[0]);
	if (v2) {
		fl__xml_set_lang(b->source_lang,
		                 fl__xml_attr_get(d.root, NULL, "srcLang"));
		fl__xml_set_lang(b->target_lang,
		                 fl__xml_attr_get(d.root, NULL, "trgLang"));
	}
	error = walk(&r, d.root, v2, true);
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "%s: out of memory", path);
	fl__xml_dispose(&d);
	return error;
}
