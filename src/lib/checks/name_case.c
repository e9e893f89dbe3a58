/*
 * name.case — an entity form written with the wrong letter case ("Openai"
 * for "OpenAI", "LLAMA" for "Llama"). A warning, not an error, when the
 * miscased word is an ordinary word of the target language (Portuguese
 * "meta"), since it may be that word; such a mention does not count as the
 * entity being present. Lines written all in capitals are headlines and
 * are left alone, and so is a capital letter opening a sentence.
 */
#include "checks.h"
#include "registry.h"

#include <string.h>

/* True when the mention's text equals form f letter for letter. */
static bool exact_form(const fl__check_ctx *c, const fl__mention *m,
                       const fl__form *f)
{
	const fl__doc *d = c->doc;
	const fl__index *idx = c->idx;
	if (f->ntok != m->tok_last - m->tok_first + 1)
		return false;
	for (uint32_t j = 0; j < f->ntok; j++) {
		const fl__token *t = &d->tokens[m->tok_first + j];
		const fl__form_tok *ft = &idx->toks[f->tok + j];
		size_t s = j == 0 ? m->start : t->start;
		size_t e = j + 1 == f->ntok ? m->end : t->end;
		if (!fl__same_text(d->text + s, e - s,
		                   fl__index_str(idx, ft->exact), ft->exactlen))
			return false;
	}
	return true;
}

/* True when the only difference is a capital opening a sentence. */
static bool sentence_capital(const fl__check_ctx *c, const fl__mention *m,
                             const fl__form *f)
{
	const fl__doc *d = c->doc;
	const fl__token *t = &d->tokens[m->tok_first];
	const fl__form_tok *ft = &c->idx->toks[f->tok];
	const uint16_t *fx = fl__index_str(c->idx, ft->exact);
	size_t n = (m->tok_first == m->tok_last ? m->end : t->end) - m->start;

	if (!(t->flags & FL_TOKF_SENT) || m->start != t->start ||
	    n != ft->exactlen || n == 0)
		return false;
	/* Same text but for the first letter, which the form has in lower. */
	return memcmp(d->text + m->start + 1, fx + 1, (n - 1) * 2) == 0 &&
	       fx[0] != d->text[m->start];
}

/* name.case over the mentions found. Returns 0 or a negative code (message
 * in c->err). */
static int check_name_case(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;

	for (size_t i = 0; i < c->mention_count; i++) {
		fl__mention *m = &c->mentions[i];
		const fl__form *f = &c->idx->forms[m->form];
		/* Another script: no case to compare; an exonym: the case of
		 * CLDR's spelling proves nothing. */
		if (m->xlit || f->loose_case)
			continue;
		const fl__form_tok *ft0 = &c->idx->toks[f->tok];
		bool ordinary = false, ok = false;
		fl_buf text = FL_BUF_INIT;
		fl_severity sev = FL_SEVERITY_ERROR;
		int error;

		/* Any form of the entity written exactly so is fine; they all
		 * share the first key, so the index chain holds them. */
		for (uint32_t g = fl__index_first(
		         c->idx, fl__index_str(c->idx, ft0->key), ft0->keylen);
		     g != FL_INDEX_NONE && !ok; g = c->idx->forms[g].next)
			ok = c->idx->forms[g].entity == m->entity &&
			     exact_form(c, m, &c->idx->forms[g]);
		if (ok)
			continue;
		if (d->line_flags[d->tokens[m->tok_first].line] & FL_LINE_CAPS)
			continue;
		if (sentence_capital(c, m, f))
			continue;
		/* Is a miscased word also a word of the language ("meta")? */
		for (uint32_t j = 0;
		     m->tok_first + j <= m->tok_last && !ordinary; j++) {
			const fl__token *t = &d->tokens[m->tok_first + j];
			const fl__form_tok *ft = &c->idx->toks[f->tok + j];
			size_t s = j == 0 ? m->start : t->start;
			size_t e =
			    m->tok_first + j == m->tok_last ? m->end : t->end;
			fl__lex_verdict v;
			if (t->kind != FL_TOK_WORD ||
			    fl__same_text(d->text + s, e - s,
			                  fl__index_str(c->idx, ft->exact),
			                  ft->exactlen))
				continue;
			if ((error = fl__lex_lookup(&v, c, t, true)) < 0)
				return error;
			ordinary = v == FL_LEX_KNOWN;
		}
		if (ordinary) {
			sev = FL_SEVERITY_WARNING;
			m->counted = false;
		}
		/* An extracted name's case is as certain as the extraction:
		 * "Love" may have been capitalised for a title, "Police" for
		 * a headline; written in lower case ("police", an English
		 * "for" quoted) it is most often that word. */
		if (c->facts->entities[m->entity].extracted) {
			bool lower = true;
			for (uint32_t j = m->tok_first; j <= m->tok_last; j++)
				lower &= d->tokens[j].kind != FL_TOK_WORD ||
				         (d->tokens[j].flags & FL_TOKF_LOWER);
			sev = ordinary || lower ? FL_SEVERITY_INFO
			                        : FL_SEVERITY_WARNING;
		}
		if (fl__doc_span_utf8(&text, d, m->start, m->end) < 0)
			return fl__fail(c->err, c->errlen, FL_ENOMEM,
			                "out of memory");
		error = fl__check_add(
		    c, "name.case", sev, m->start, m->end, f->display,
		    f->display,
		    ordinary
		        ? "'%s' is written '%s' in the original, unless the "
		          "ordinary word is meant"
		        : "'%s' is written '%s' in the original",
		    text.ptr, f->display);
		fl_buf_dispose(&text);
		if (error < 0)
			return error;
	}
	return 0;
}

static const fl__check_rule rules[] = {
    FL__RULE("name.case", FL_SEVERITY_ERROR, FL__E | FL__W | FL__I, NULL,
             "An entity written with the wrong letter case (\"Openai\", "
             "\"LLAMA\").",
             "Machine translation lowercases or capitalises brand names. A "
             "warning when the miscased word is an ordinary word of the "
             "language (Portuguese \"meta\"), which may be meant; "
             "headlines in capitals and sentence-initial capitals are not "
             "miscasing. Against a name fidelint extracted itself a "
             "warning (its capitals may be a title's), and info when it "
             "is written all in lower case or is an ordinary word."),
};

const fl__check_desc fl__check_name_case =
    FL__CHECK_DESC("name_case", rules,
                   FL__NEEDS_FACTS | FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
                   check_name_case, NULL);
