/*
 * The built-in rules: one table of their ids, severities and
 * descriptions, read by `fidelint rules` and `fidelint explain` through
 * fl_checker_rules. The checks themselves are in src/lib/checks/.
 */
#include "rules.h"

#define BUILTIN(id_, sev_, sevs_, msg_, why_)                                  \
	{                                                                      \
		.id = (id_), .severity = (sev_), .severities = (sevs_),        \
		.origin = FL_RULE_BUILTIN, .message = (msg_),                  \
		.rationale = (why_)                                            \
	}

static const fl_rule_info builtin[] = {
    BUILTIN("name.missing", FL_SEVERITY_ERROR, "error / warning / info",
            "An entity of the facts is never named, or named far less "
            "often than in the original.",
            "A full translation that never names an entity of the "
            "original (in any accepted form: name, alias, rendering, a "
            "person's surname, an exonym of CLDR such as Londres for "
            "London, a spelling differing by accents or by the vowel "
            "letters the language's profile lists) has dropped or mangled "
            "it: an error (a warning for one line of an aligned pair). "
            "Named fewer than a third as often as the facts' count: a "
            "warning. Of facts extracted automatically only a person's "
            "name in a Latin-script translation, named in full in the "
            "original, is a warning; any other extracted name is "
            "info, since it is most often rendered by meaning, by an "
            "exonym or by a pronoun. In aligned checking a name of "
            "ordinary words whose dictionary translations stand in the "
            "line (World War Two, Segunda Guerra Mundial) is rendered; a "
            "brand never is. Off with --partial."),
    BUILTIN("name.case", FL_SEVERITY_ERROR, "error / warning",
            "An entity written with the wrong letter case (\"Openai\", "
            "\"LLAMA\").",
            "Machine translation lowercases or capitalises brand names. A "
            "warning when the miscased word is an ordinary word of the "
            "language (Portuguese \"meta\"), which may be meant; "
            "headlines in capitals and sentence-initial capitals are not "
            "miscasing."),
    BUILTIN("name.garbled", FL_SEVERITY_ERROR, "error / warning / info",
            "A non-word that looks like a garbled entity name "
            "(\"Trupge\" for \"Surge\").",
            "A word no dictionary of the language knows, no form of any "
            "entity, and close to a word of an entity's name (letters in "
            "common, shared beginning or ending, capitalisation, "
            "length) is most likely the name garbled by the translation "
            "system. A word glued by a hyphen to a word of a name is "
            "compared even when the dictionary knows it (\"Costa-Gavas\"); "
            "a respelling by the language's conventions for foreign "
            "names (German \"Iwangorod\", French \"Donskoï\": the "
            "profile's respell rules) is the name, no garble. In Arabic "
            "and Hebrew, a word whose consonant skeleton is one consonant "
            "away from a Latin name's is a warning, and an info against a "
            "name fidelint extracted itself (standard renderings such as "
            "ארדואן for Erdogan are near misses as often as garbles). "
            "Against extracted facts an error is a warning. The "
            "suggestion is the name's word."),
    BUILTIN("spell.unknown", FL_SEVERITY_WARNING, "per language / info",
            "A word the language's hunspell dictionaries do not know.",
            "Non-words (\"escaleiros\", \"builos\") are typical "
            "machine-translation debris. The severity is the language "
            "profile's (warning for en, fr, pt; info for ar, he, de, "
            "whose dictionaries miss many correct news words); a "
            "capitalised unknown word is info (most likely a name)."),
    BUILTIN("text.repeated", FL_SEVERITY_WARNING, "warning",
            "The same word or phrase written twice or more back to back.",
            "\"Scale Scale Scale\", \"Product Product\": a stutter of the "
            "translation system. Words a language profile calls "
            "repeatable (German \"die die\") are left alone."),
    BUILTIN("number.mismatch", FL_SEVERITY_ERROR, "error / warning",
            "A quantity no fact explains but close in form to one.",
            "Same digits in another order (281 -> 218), or the same "
            "significant digits at another scale or decimal place (14.3 "
            "billion -> 14.3 million; French \"billions\" for a US "
            "billion): a changed number, not a new one. A warning "
            "against a number fidelint extracted itself (--source, "
            "--aligned): guessed facts give no errors."),
    BUILTIN("number.approx", FL_SEVERITY_INFO, "info",
            "A rounded or hedged rendering within 10 % of a fact.",
            "\"cerca de 15 bilhões\" for 14.3 billion is a choice of the "
            "translator, worth a look but not wrong."),
    BUILTIN("number.missing", FL_SEVERITY_WARNING, "warning",
            "A number of the facts that a full translation never renders.",
            "A warning: a dual noun or a rewording can carry a small "
            "number without digits. Off with --partial."),
    BUILTIN("number.unknown", FL_SEVERITY_INFO, "info",
            "With --partial and facts, a quantity no fact explains.",
            "Summaries may add background numbers; they are listed for "
            "an editor to confirm."),
    BUILTIN("term.forbidden", FL_SEVERITY_ERROR, "error",
            "A rendering of a term that the facts file forbids.",
            "The facts file lists, per language, PCRE2 patterns of known "
            "wrong renderings of a term of the original (\"acordos de "
            "greve\" for \"strike deals\"). Each match is an error; the "
            "accepted renderings are given as expected."),
    BUILTIN("term.missing", FL_SEVERITY_WARNING, "warning",
            "A full translation holds none of a term's accepted "
            "renderings.",
            "Matching tolerates inflection (clitics, plural and gender "
            "endings). A warning because renderings are open-ended. "
            "Placed on the likely wrong rendering when one can be found, "
            "else without a place. Not reported when term.forbidden "
            "fired for the term; off with --partial."),
    BUILTIN("name.literal", FL_SEVERITY_ERROR, "error / warning",
            "An entity whose name is made of ordinary words was "
            "translated word for word (\"IA em escala\" for \"Scale AI\").",
            "Driven by the bilingual lexicon of rules/lexicon/ (FreeDict): "
            "two or more words of a name side by side, at least one "
            "translated, are an error; a lone translation of its first "
            "word where a name stands (capitalised inside a sentence; in "
            "Arabic and Hebrew with the article next to another name) is "
            "an error when the entity is never named, else a warning. The "
            "phrase is reported however often the name is also written "
            "right, unless a kept word of it runs on into a longer "
            "foreign phrase. Against extracted facts an error is a "
            "warning."),
    BUILTIN("name.inconsistent", FL_SEVERITY_WARNING, "warning",
            "One entity spelled several ways in one document "
            "(\"زوكربيرغ\" and \"زوكربرج\").",
            "In Arabic or Hebrew, an entity's Latin name is found in the "
            "document's script by transliteration and consonant "
            "skeletons when the facts list no rendering. When the "
            "document spells it in more than one way, and at least one "
            "spelling is not a listed rendering, each rarer spelling is "
            "reported with the commonest as expected."),
};

const fl_rule_info *fl__builtin_rules(size_t *count)
{
	*count = FL_ARRAY_SIZE(builtin);
	return builtin;
}
