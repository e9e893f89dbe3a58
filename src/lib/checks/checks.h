/*
 * The checks: one file per rule family member, each reading the document,
 * the facts index and the language resources, and appending findings to the
 * result. A check never prints. Each check file describes itself with a
 * descriptor (registry.h); registry.c lists them in the order they run.
 */
#ifndef FL_CHECKS_CHECKS_H
#define FL_CHECKS_CHECKS_H

#include "../common.h"
#include "../facts/index.h"
#include "../lang/profile.h"
#include "../names/variants.h"
#include "../num/number.h"
#include "../result.h"
#include "../rules/pack.h"
#include "../spell/spell.h"
#include "../text/text.h"

#define FL_MAX_FOREIGN 8

/* A language's resolved resources: profile, dictionaries, clitics. */
typedef struct fl__lang_res {
	const fl__profile *profile;
	int script; /* the profile's script code, -1 when not given */
	fl__speller **dicts;
	size_t dict_count;
	fl__speller **accept;
	size_t accept_count;
	struct {
		int script;
		fl__speller *sp;
	} foreign[FL_MAX_FOREIGN];
	size_t foreign_count;
	fl_map repeatable;    /* match keys of the profile's repeatable words */
	fl__keylist prefixes; /* clitics, longest first */
	fl__keylist suffixes; /* endings names may carry */
	fl__keylist articles; /* prefixes holding the definite article */
	fl__numlang *num;     /* rules/numbers data, NULL when none */
	struct fl__bilex *bilex; /* rules/lexicon, NULL when none or not
	                            read yet (read with the first facts) */
	bool bilex_tried;
	fl__letter_folds letters;    /* the profile's name_letters */
	struct fl__exonyms *exonyms; /* CLDR place names (names/exonyms.h),
	                                NULL until the first facts */
	char locale[32];             /* ICU locale, for spelled-out numbers */
} fl__lang_res;

/* One place where the document names an entity. */
typedef struct {
	uint32_t entity;
	uint32_t form;
	uint32_t tok_first, tok_last; /* inclusive token range */
	uint32_t start, end; /* UTF-16 span, without clitic and ending */
	bool counted;        /* counts as the entity being present */
	bool xlit;           /* found across scripts (mentions_xlit.c) */
} fl__mention;

/* Where a finding stands, taken while its window is at hand
 * (fl__check_place) and reported later (fl__check_add_at). */
typedef struct {
	size_t line, column, end_line, end_column, context_column;
	char *text;    /* NULL: empty */
	char *context; /* NULL: empty */
	size_t context_len;
} fl__place;

/* The passes of windowed checking (fl__doc_state.pass). */
enum {
	FL__PASS_FULL = 1, /* mentions only: which entities are named in full
	                      (mentions_xlit.c) */
	FL__PASS_COUNT,    /* mentions and name.case: the counted mentions of
	                      every entity */
	FL__PASS_CHECK     /* every check; the document-level findings at the
	                      end (fl__checks_finish) */
};

/* The checks keeping state across windows (fl__doc_state.acc). */
enum {
	FL__ACC_NAMES,   /* name_inconsistent.c */
	FL__ACC_TERMS,   /* term_missing.c */
	FL__ACC_NUMBERS, /* numbers.c */
	FL__ACC_XLIT,    /* mentions_xlit.c: skeletons of the words seen */
	FL__ACC_XFORMS,  /* mentions_xlit.c: the index's Latin forms */
	FL__ACC_COUNT
};

/* What a check keeps for later checks, windows or passes, with the
 * function that frees it (NULL p: nothing kept). */
typedef struct {
	void *p;
	void (*free)(void *p);
} fl__acc;

/*
 * What a document checked in windows (one window after the other, in text
 * order) knows about the whole document: what the earlier passes counted
 * and what each check has seen so far. Made and freed by the checker;
 * a check's own state (acc) is freed with its free function.
 */
typedef struct fl__doc_state {
	int pass;        /* FL__PASS_* */
	size_t off_base; /* UTF-16 offset of the window in the document */
	size_t entity_count;
	uint8_t *full;     /* per entity: named by a form of one or more words
	                      as written, or of two or more across scripts */
	uint32_t *found;   /* per entity: counted mentions in the document
	                      (summed by the count pass) */
	uint8_t *present;  /* per entity (name_missing.c): 1 written loosely,
	                      2 respelled, in some window */
	uint32_t *singles; /* per entity (name_literal.c): single-word
	                      findings still allowed + 1; 0 not yet set */
	fl__acc acc[FL__ACC_COUNT];
} fl__doc_state;

/* Frees what ds holds (not ds). */
void fl__doc_state_dispose(fl__doc_state *ds);

typedef struct fl__check_ctx {
	const fl__doc *doc;
	/* Windowed checking: the lines before the window, and the state of
	 * the whole document; 0 and NULL for a document checked at once. */
	size_t line_base;
	fl__doc_state *ds;
	const fl__index *idx; /* NULL without facts */
	const fl_facts *facts;
	const fl__lang_res *lang;
	bool partial;
	bool aligned; /* one segment of a line-aligned pair */
	size_t line;  /* aligned: the pair's line (1-based), else 0 */
	const char
	    *source; /* aligned: the original's line (UTF-8), else NULL */
	size_t source_len;
	fl_result *res;
	fl__mention *mentions; /* in text order, never overlapping */
	size_t mention_count, mention_cap;
	uint32_t *found;  /* per entity: counted mentions */
	uint8_t *claimed; /* per token: already explained (mention, finding) */
	fl_map *lexcache; /* the checker's word verdicts (fl__lex_lookup_text);
	                     NULL: none */
	fl__text_ctx *text; /* for spelled-out numbers */
	/* Rule packs of the document's language; NULL when none. */
	const fl__ruleset *rules;
	/* What the checks of one fl__checks_run share when there is no
	 * c->ds to keep it (mentions_xlit.c's Latin forms, made by the
	 * first that needs them): freed when the run ends. */
	fl__acc shared;
	char *err;
	size_t errlen;
} fl__check_ctx;

/* Runs every document check of the registry (registry.h) in order, then
 * sorts the findings. In windowed checking (c->ds) it runs on one window
 * what c->ds->pass asks, and sorts nothing: fl__checks_finish does after
 * the last window. Returns 0 or a negative code (message in c->err). */
int fl__checks_run(fl__check_ctx *c);

/* Windowed checking, after the last window's check pass: the findings
 * counted over the whole document (name.missing, name.inconsistent,
 * number.missing, term.missing), in registry order, then sorts the
 * findings. c->doc is the last window. Returns 0 or a negative code. */
int fl__checks_finish(fl__check_ctx *c);

/* Appends a counted mention of index form `form` over tokens [tf, tl],
 * text [start, end), found as written (xlit false) or not (across
 * scripts, respelled); claims its tokens. Returns 0 or FL_ENOMEM (no
 * message set). */
int fl__mention_add(fl__check_ctx *c, uint32_t form, size_t tf, size_t tl,
                    uint32_t start, uint32_t end, bool xlit);

/* Puts c->mentions back in text order after a pass that appended
 * mentions found out of order. */
void fl__mentions_sort(fl__check_ctx *c);

/* Recounts c->found from the mentions that count (after name.case has
 * decided which do). */
void fl__mentions_tally(fl__check_ctx *c);

/* How many mentions of entity e the document should have to be fully
 * represented: the original's count (1 in partial mode or when unknown). */
uint32_t fl__expected_mentions(const fl__check_ctx *c, uint32_t e);

/* A name that looks like a brand: a CamelCase word ("OpenAI"), or words
 * with lower case ending in capitals ("Scale AI") (name_literal.c). */
bool fl__brand_like(const char *name);

/* ------------------------------------------------- helpers (common.c) */

/*
 * The severity of a finding against a fact: sev, but at most a warning
 * when fidelint extracted the fact itself (`--source`, `--aligned`, a facts
 * file of origin: extracted). An error says that facts a person stands
 * behind disagree with the translation; guessed facts cannot say that, and
 * on professional translations most of what they disagree with is the
 * guess (README, "Measured").
 */
static inline fl_severity fl__fact_severity(fl_severity sev, bool extracted)
{
	return extracted && sev == FL_SEVERITY_ERROR ? FL_SEVERITY_WARNING
	                                             : sev;
}

/*
 * Adds a finding spanning UTF-16 offsets [start, end) of the document, with
 * the text there, the source line as context, and a message formatted
 * from fmt. expected/suggestion may be NULL.
 */
int fl__check_add(fl__check_ctx *c, const char *rule, fl_severity sev,
                  size_t start, size_t end, const char *expected,
                  const char *suggestion, const char *fmt, ...) FL_PRINTF(8, 9);

/* Takes the place of [start, end) of the window (line, columns, text,
 * context) into p, to report later; p: dispose with fl__place_dispose.
 * Returns 0 or FL_ENOMEM (no message set). */
int fl__check_place(fl__place *p, const fl__check_ctx *c, size_t start,
                    size_t end);
void fl__place_dispose(fl__place *p);

/* As fl__check_add at a place taken before (fl__check_place). */
int fl__check_add_at(fl__check_ctx *c, const char *rule, fl_severity sev,
                     const fl__place *p, const char *expected,
                     const char *suggestion, const char *fmt, ...)
    FL_PRINTF(7, 8);

/* Adds a finding with no place; text is the fact's name. */
int fl__check_add_placeless(fl__check_ctx *c, const char *rule, fl_severity sev,
                            const char *text, const char *expected,
                            const char *fmt, ...) FL_PRINTF(6, 7);

/* ------------------------------------------------- lexicon (lexicon.c) */

typedef enum {
	FL_LEX_SKIP = 0, /* no dictionary applies (other script, ...) */
	FL_LEX_KNOWN,    /* a dictionary knows it */
	FL_LEX_UNKNOWN   /* the dictionaries that apply do not know it */
} fl__lex_verdict;

/*
 * Looks up token t: in the document language's dictionaries (and the
 * `accept` ones) when it is in the language's script, else in the foreign
 * dictionary for its script. Clitics of the language are stripped and the
 * rest looked up again. `own_only` asks "is this a word of the language
 * itself?": no `accept` dictionaries (loanwords), no foreign ones. Verdicts are
 * kept by the checker (c->lexcache) across documents, so a word that recurs
 * costs one hash look-up, in aligned mode (a document a line) too.
 */
int fl__lex_lookup(fl__lex_verdict *out, fl__check_ctx *c, const fl__token *t,
                   bool own_only);

/* As fl__lex_lookup for any text (a hyphenated compound, say) written in
 * `script`. */
int fl__lex_lookup_text(fl__lex_verdict *out, const fl__check_ctx *c,
                        const uint16_t *text, size_t n, int script,
                        bool own_only);

/*
 * Sets the class (fl__nw_class) of every name word of idx with the source
 * language's dictionaries: a word they know in lower case is COMMON, one
 * they know only capitalised is PROPER, else DISTINCT. Returns 0 or
 * FL_ENOMEM.
 */
int fl__classify_name_words(fl__index *idx, fl__speller *const *sp, size_t n);

/* Length in UTF-16 units of the clitic prefix of key k[0,n) that leaves a
 * rest for which `has` is true, or 0. */
size_t fl__lex_strip_prefix(const fl__lang_res *lang, const uint16_t *k,
                            size_t n, size_t min_rest);

#endif
