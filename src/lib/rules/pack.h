/*
 * Rule packs: rules/packs/<tag>.yaml, one per target language, each rule a
 * PCRE2 pattern with an id, severity, message, rationale, optional
 * conditions on the facts and embedded examples (format in
 * rules/packs/README.md). A ruleset is the rules that apply to one
 * language: the language's pack ("pt") and its regional pack ("pt-BR")
 * when there is one. Patterns are compiled (and JIT-compiled) once, at
 * load. Errors read "path:line:col: problem".
 */
#ifndef FL_RULES_PACK_H
#define FL_RULES_PACK_H

#include "../common.h"
#include "../util/regexp.h"

/* A list of owned strings. */
typedef struct {
	char **items;
	size_t count;
} fl__strv;

typedef struct {
	char *id; /* family.lang.slug */
	char *pattern;
	bool caseless;
	fl_severity severity;
	char *message;
	char *suggestion; /* NULL when none */
	char *rationale;
	/* Conditions (all must hold); empty lists do not constrain. */
	fl__strv lack_entity;  /* no entity of the facts is named so */
	fl__strv have_entity;  /* some entity of the facts is named so */
	fl__strv have_term;    /* some term of the facts has this source */
	char *entity_matching; /* some entity name matches this pattern */
	fl__strv langs;        /* the document's tag is one of these */
	fl__strv ex_match;     /* examples the pattern must match */
	fl__strv ex_no_match;  /* examples it must not match */
	fl_regexp *re;
	fl_regexp *entity_re; /* compiled entity_matching, or NULL */
	char *path;           /* pack file */
	char *pack;           /* the pack's tag ("pt", "pt-BR") */
	size_t line;          /* line of the rule in the pack file */
} fl__rule;

typedef struct {
	fl__rule *rules;
	size_t count;
	size_t cap;
} fl__ruleset;

#define FL__RULESET_INIT                                                       \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/*
 * Parses one pack (YAML text data[0,len), named path in messages) and
 * appends its rules to set. `tag` is the pack's language as its file name
 * gives it; the pack's `pack:` key must equal it. Rule ids must be unique
 * in the whole set. On failure the set is as before and err gets
 * "path:line:col: problem". Returns 0, FL_EPARSE, FL_EENCODING, FL_ELIMIT
 * or FL_ENOMEM.
 */
int fl__ruleset_parse(fl__ruleset *set, const char *path, const char *tag,
                      const char *data, size_t len, char *err, size_t errlen);

/* As fl__ruleset_parse, reading the file at path; the tag is its base name
 * without ".yaml". Adds FL_EIO. */
int fl__ruleset_load_file(fl__ruleset *set, const char *path, char *err,
                          size_t errlen);

/*
 * Loads the packs for language `tag` from data_dir/rules/packs: the
 * language's own ("pt.yaml") and then the regional one ("pt-BR.yaml"),
 * each when present. No pack is no error (an empty set). On failure the
 * set is empty.
 */
int fl__ruleset_load_lang(fl__ruleset *set, const char *data_dir,
                          const char *tag, char *err, size_t errlen);

/* Loads every data_dir/rules/packs/NAME.yaml, in name order. On failure
 * the set is empty. */
int fl__ruleset_load_all(fl__ruleset *set, const char *data_dir, char *err,
                         size_t errlen);

/* Releases the rules; the set is empty afterwards. NULL is accepted. */
void fl__ruleset_dispose(fl__ruleset *set);

/* True when rule r applies to documents in language tag: its pack is the
 * tag's language or the tag itself, and its `lang` condition allows it. */
bool fl__rule_applies_to(const fl__rule *r, const char *tag);

/*
 * Runs the rule's examples against its pattern. Returns 0 when every
 * `match` example matches and no `no_match` example does; otherwise
 * FL_ERROR with err "path:line: rule ID: ..." naming the first failure.
 */
int fl__rule_test_examples(const fl__rule *r, char *err, size_t errlen);

#endif
