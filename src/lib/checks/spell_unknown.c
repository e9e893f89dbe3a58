/*
 * spell.unknown — a word that the language's hunspell dictionaries do not
 * know (Latin-script words inside Arabic or Hebrew text go to the foreign
 * dictionary of the profile, English). Skipped: entity names and their
 * parts, numbers, words with digits, URLs, e-mail, @handles, words in
 * capitals (acronyms), single letters, scripts no dictionary covers.
 * Severity comes from the language profile (dictionary coverage differs).
 */
#include "checks.h"

int fl__check_spell_unknown(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	const fl__profile *p = c->lang->profile;

	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		fl__lex_verdict v;
		fl_buf text = FL_BUF_INIT;
		int error;

		if (c->claimed[i] || t->kind != FL_TOK_WORD || t->keylen < 2 ||
		    (t->flags & (FL_TOKF_MASKED | FL_TOKF_DIGIT | FL_TOKF_UPPER)))
			continue;
		if (c->idx &&
		    fl__index_word_entity(c->idx, fl__tok_key(d, t), t->keylen))
			continue;
		if ((error = fl__lex_lookup(&v, c, t, false)) < 0)
			return error;
		if (v != FL_LEX_UNKNOWN)
			continue;
		if (fl__doc_span_utf8(&text, d, t->start, t->end) < 0)
			return fl__fail(c->err, c->errlen, FL_ENOMEM, "out of memory");
		if (t->script == c->lang->script || c->lang->script < 0)
			error = fl__check_add(c, "spell.unknown", p->spell_severity,
			                      t->start, t->end, NULL, NULL,
			                      "'%s' is not a known %s word", text.ptr,
			                      p->name ? p->name : p->tag);
		else
			error = fl__check_add(c, "spell.unknown", p->spell_severity,
			                      t->start, t->end, NULL, NULL,
			                      "'%s' is not a known word (%s script, "
			                      "checked with the foreign dictionary)",
			                      text.ptr, fl__script_name(t->script));
		fl_buf_dispose(&text);
		if (error < 0)
			return error;
	}
	return 0;
}
