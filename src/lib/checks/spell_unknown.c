/*
 * spell.unknown — a word that the language's hunspell dictionaries do not
 * know (Latin-script words inside Arabic or Hebrew text go to the foreign
 * dictionary of the profile, English). Skipped: entity names and their
 * parts, numbers, words with digits, URLs, e-mail, @handles, words in
 * capitals (acronyms), single letters, scripts no dictionary covers.
 * Words joined by hyphens are looked up whole first ("porta-voz").
 * Severity comes from the language profile (dictionary coverage differs),
 * except that a capitalised unknown word in a script with case is most
 * likely a name the facts do not list: info, not a warning.
 */
#include "checks.h"
#include "registry.h"

/* True when tokens a and a+1 are joined by one hyphen and nothing else. */
static bool hyphen_joined(const fl__doc *d, size_t a)
{
	const fl__token *x = &d->tokens[a], *y = &d->tokens[a + 1];
	uint16_t h;
	if (y->start != x->end + 1)
		return false;
	h = d->text[x->end];
	return h == '-' || h == 0x2010 || h == 0x2011;
}

/* True when token i belongs to a hyphenated compound the dictionaries
 * know as a whole. */
static int known_compound(bool *out, const fl__check_ctx *c, size_t i)
{
	const fl__doc *d = c->doc;
	size_t a = i, b = i;
	fl__lex_verdict v;
	int error;

	*out = false;
	while (a > 0 && hyphen_joined(d, a - 1))
		a--;
	while (b + 1 < d->token_count && hyphen_joined(d, b))
		b++;
	if (a == b || d->tokens[b].end - d->tokens[a].start > FL_TOKEN_MAX)
		return 0;
	error = fl__lex_lookup_text(&v, c, d->text + d->tokens[a].start,
	                            d->tokens[b].end - d->tokens[a].start,
	                            d->tokens[i].script, false);
	*out = v == FL_LEX_KNOWN;
	return error;
}

/* spell.unknown: every unclaimed word no dictionary that applies knows.
 * Returns 0 or a negative code (message in c->err). */
static int check_spell_unknown(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	const fl__profile *p = c->lang->profile;

	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		fl__lex_verdict v;
		fl_buf text = FL_BUF_INIT;
		fl_severity sev;
		int error;

		if (c->claimed[i] || t->kind != FL_TOK_WORD || t->keylen < 2 ||
		    (t->flags &
		     (FL_TOKF_MASKED | FL_TOKF_DIGIT | FL_TOKF_UPPER)))
			continue;
		if (c->idx &&
		    fl__index_word_entity(c->idx, fl__tok_key(d, t), t->keylen))
			continue;
		if ((error = fl__lex_lookup(&v, c, t, false)) < 0)
			return error;
		if (v != FL_LEX_UNKNOWN)
			continue;
		{
			bool whole;
			if ((error = known_compound(&whole, c, i)) < 0)
				return error;
			if (whole)
				continue;
		}
		if (fl__doc_span_utf8(&text, d, t->start, t->end) < 0)
			return fl__fail(c->err, c->errlen, FL_ENOMEM,
			                "out of memory");
		sev = p->spell_severity;
		if (fl__script_is_cased(t->script) &&
		    (t->flags & (FL_TOKF_TITLE | FL_TOKF_MIXED)))
			sev = FL_SEVERITY_INFO;
		if (sev == FL_SEVERITY_INFO && (t->flags & FL_TOKF_TITLE))
			error = fl__check_add(
			    c, "spell.unknown", sev, t->start, t->end, NULL,
			    NULL,
			    "'%s' is not in the dictionary (a name "
			    "missing from the facts?)",
			    text.ptr);
		else if (t->script == c->lang->script || c->lang->script < 0)
			error = fl__check_add(
			    c, "spell.unknown", sev, t->start, t->end, NULL,
			    NULL, "'%s' is not a known %s word", text.ptr,
			    p->name ? p->name : p->tag);
		else
			error = fl__check_add(
			    c, "spell.unknown", sev, t->start, t->end, NULL,
			    NULL,
			    "'%s' is not a known word (%s script, "
			    "checked with the foreign dictionary)",
			    text.ptr, fl__script_name(t->script));
		fl_buf_dispose(&text);
		if (error < 0)
			return error;
	}
	return 0;
}

/* The profile's spell_severity may be any severity. */
static const fl__check_rule rules[] = {
    FL__RULE("spell.unknown", FL_SEVERITY_WARNING, FL__E | FL__W | FL__I,
             "per language / info",
             "A word the language's hunspell dictionaries do not know.",
             "Non-words (\"escaleiros\", \"builos\") are typical "
             "machine-translation debris. The severity is the language "
             "profile's (warning for en, fr, pt; info for ar, he, de, "
             "whose dictionaries miss many correct news words); a "
             "capitalised unknown word is info (most likely a name)."),
};

const fl__check_desc fl__check_spell_unknown = FL__CHECK_DESC(
    "spell_unknown", rules, FL__NEEDS_PROFILE | FL__NEEDS_MENTIONS,
    check_spell_unknown, NULL);
