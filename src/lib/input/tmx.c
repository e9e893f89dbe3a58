/*
 * The TMX reader (TMX 1.4; 1.1's lang attribute too), parsed by xml.c.
 *
 * Each <tu> is one segment, its id the tuid. The original is the <tuv>
 * whose xml:lang is the header's srclang (the first <tuv> when srclang is
 * "*all*"); the translation is another <tuv>. A memory may hold several
 * target languages, but one check is in one language: the target
 * language is the one of the first <tu> that has a translation (its first
 * <tuv> that is not the original), and in every <tu> the translation is
 * the <tuv> in that language; a <tu> without one is no segment. The
 * languages go to the segment list (source_lang: srclang, or the first
 * original's language when srclang is "*all*").
 *
 * Inline codes in <seg> (xml.h): <bpt>, <ept> zero width, their content
 * (native code) skipped; <ph>, <it>, <ut> masked codes keyed "ph:X" by
 * their x attribute ("ph" without one); <hi> zero width, its content is
 * text.
 */
#include "xml.h"

#include <string.h>

static const fl__xml_inline inline_tmx[] = {
    {"bpt", FL__XML_SKIP, NULL}, {"ept", FL__XML_SKIP, NULL},
    {"hi", FL__XML_WRAP, NULL},  {"ph", FL__XML_CODE, "x"},
    {"it", FL__XML_CODE, "x"},   {"ut", FL__XML_CODE, "x"},
};

/* The language of a <tuv>: xml:lang, or TMX 1.1's lang. */
static const char *tuv_lang(const fl__xml_node *tuv)
{
	const char *l = fl__xml_attr_get(tuv, FL__XML_NS, "lang");
	return l ? l : fl__xml_attr_get(tuv, NULL, "lang");
}

/* Whether tag is want, or one of them the other's primary part ("en" and
 * "en-US"), ASCII case ignored. */
static bool lang_matches(const char *tag, const char *want)
{
	size_t i = 0;
	if (!tag || !want)
		return false;
	for (; tag[i] && want[i]; i++) {
		char a = tag[i], b = want[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return (!tag[i] && !want[i]) || (!tag[i] && want[i] == '-') ||
	       (tag[i] == '-' && !want[i]);
}

/* The original of tu: the first <tuv> in srclang (the first at all when
 * srclang is "*all*" or not given). */
static const fl__xml_node *source_tuv(const fl__xml_node *tu,
                                      const char *srclang)
{
	bool all = !srclang || strcmp(srclang, "*all*") == 0;
	for (const fl__xml_node *c = tu->child; c; c = c->next)
		if (fl__xml_is(c, tu->ns, "tuv") &&
		    (all || lang_matches(tuv_lang(c), srclang)))
			return c;
	return NULL;
}

/* The first <tuv> of tu other than src, in language lang (any when lang
 * is NULL); NULL when none. */
static const fl__xml_node *target_tuv(const fl__xml_node *tu,
                                      const fl__xml_node *src, const char *lang)
{
	for (const fl__xml_node *c = tu->child; c; c = c->next) {
		const char *l;
		if (c == src || !fl__xml_is(c, tu->ns, "tuv"))
			continue;
		l = tuv_lang(c);
		if (!lang ? l != NULL : l && fl__ascii_casecmp(l, lang) == 0)
			return c;
	}
	return NULL;
}

int fl__read_tmx(fl__segbuf *b, const char *path, const char *data, size_t len,
                 char *err, size_t errlen)
{
	const fl__xml_node *body, *header;
	const char *srclang, *trglang = NULL;
	fl__xml_doc d;
	int error;

	if ((error = fl__xml_parse(&d, path, data, len, "tmx", "TMX", err,
	                           errlen)) < 0)
		return error;
	header = fl__xml_child(d.root, "header");
	body = fl__xml_child(d.root, "body");
	srclang = fl__xml_attr_get(header, NULL, "srclang");
	if (srclang && strcmp(srclang, "*all*") != 0)
		fl__xml_set_lang(b->source_lang, srclang);
	for (const fl__xml_node *tu = body ? body->child : NULL;
	     tu && error == 0; tu = tu->next) {
		const fl__xml_node *src, *tgt;
		if (!fl__xml_is(tu, d.root->ns, "tu"))
			continue;
		src = source_tuv(tu, srclang);
		if (!(tgt = target_tuv(tu, src, trglang)) ||
		    !fl__xml_child(tgt, "seg"))
			continue;
		if (!trglang) {
			trglang = tuv_lang(tgt);
			fl__xml_set_lang(b->target_lang, trglang);
			if (src && !b->source_lang[0])
				fl__xml_set_lang(b->source_lang, tuv_lang(src));
		}
		error = fl__xml_add_segment(
		    b, &d, fl__xml_attr_get(tu, NULL, "tuid"),
		    src ? fl__xml_child(src, "seg") : NULL,
		    fl__xml_child(tgt, "seg"), inline_tmx,
		    FL_ARRAY_SIZE(inline_tmx), 0);
	}
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "%s: out of memory", path);
	fl__xml_dispose(&d);
	return error;
}
