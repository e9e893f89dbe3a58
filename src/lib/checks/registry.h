/*
 * The registry of checks: every check file exports a descriptor
 * (fl__check_desc) saying which rules it may report, with which
 * severities, why, what it needs and how it runs. registry.c names them in
 * the order they run; fl__checks_run and fl__segment_checks_run walk that
 * one list, and the built-in part of fl_checker_rules (`fidelint rules`,
 * `fidelint explain`) is made from it. The rules of the rule packs are
 * data (rules/packs/): the rule_packs descriptor lists none of its own.
 *
 * A plain-text document longer than a window is checked window after
 * window (checker.c, check_windows), and run() sees one window at a time
 * with c->ds set. A check whose answer depends on more than the window
 * (a count over the document, "never named", the first place of
 * something) keeps its state in c->ds and reports in finish(), so that
 * the findings are those of the whole document checked at once; the
 * windows tests (ctest -R windows) run every case so.
 */
#ifndef FL_CHECKS_REGISTRY_H
#define FL_CHECKS_REGISTRY_H

#include "../common.h"

typedef struct fl__check_ctx fl__check_ctx;

/* Severity s as a member of a set of severities (fl__check_rule), and
 * the three members. */
#define FL__SEV(s) (1u << (unsigned)(s))
#define FL__E      FL__SEV(FL_SEVERITY_ERROR)
#define FL__W      FL__SEV(FL_SEVERITY_WARNING)
#define FL__I      FL__SEV(FL_SEVERITY_INFO)

/* What a check needs (fl__check_desc.needs). */
enum {
	FL__NEEDS_FACTS = 1u << 0,  /* facts: without them it reports nothing */
	FL__NEEDS_SOURCE = 1u << 1, /* the original's text (its segment) */
	FL__NEEDS_PROFILE = 1u << 2,  /* the language's profile, dictionaries */
	FL__NEEDS_PACKS = 1u << 3,    /* the rule packs of the language */
	FL__NEEDS_MENTIONS = 1u << 4, /* the mention passes have run */
	FL__FINDS_MENTIONS = 1u << 5, /* is a mention pass: runs before every
	                                 check that needs mentions */
	FL__PER_SEGMENT = 1u << 6     /* runs once per segment with an original
	                                 (run_segment), not per document */
};

/* One rule a check may report. */
typedef struct {
	const char *id;
	fl_severity shown;   /* the severity `fidelint rules` shows */
	unsigned severities; /* FL__SEV of every severity it may report */
	const char *words;   /* the severities in words when not just the
	                        set's ("per language / info"); NULL */
	/* One line and why; both NULL when another descriptor reporting the
	 * same id describes it (name.garbled across scripts). */
	const char *summary;
	const char *rationale;
} fl__check_rule;

/* One fl__check_rule initialiser: id, shown severity, set of severities,
 * words (NULL: the set's), summary and rationale (NULL, NULL: described
 * by another check reporting id). */
#define FL__RULE(id_, shown_, set_, words_, summary_, rationale_)              \
	{                                                                      \
		.id = (id_), .shown = (shown_), .severities = (set_),          \
		.words = (words_), .summary = (summary_),                      \
		.rationale = (rationale_)                                      \
	}

/* One check: its rules and how it runs. */
typedef struct {
	const char *name; /* the check file, without .c */
	const fl__check_rule *rules;
	size_t rule_count; /* 0: a mention pass, or rule ids of the packs */
	unsigned needs; /* FL__NEEDS_* | FL__FINDS_MENTIONS | FL__PER_SEGMENT */
	/* Runs the check on a document; NULL for a per-segment check.
	 * Returns 0 or a negative code (message in c->err). */
	int (*run)(fl__check_ctx *c);
	/* Runs a per-segment check on seg (which has an original), adding to
	 * res. Returns 0 or FL_ENOMEM. */
	int (*run_segment)(fl_result *res, const fl_segment *seg);
	/* Windowed checking: reports what the check counted over the whole
	 * document, after the last window; NULL when it counts nothing.
	 * Returns 0 or a negative code (message in c->err). */
	int (*finish)(fl__check_ctx *c);
} fl__check_desc;

/* Builds one fl__check_desc initialiser from a rule array. */
#define FL__CHECK_DESC(name_, rules_, needs_, run_, run_segment_)              \
	{                                                                      \
		.name = (name_), .rules = (rules_),                            \
		.rule_count = sizeof(rules_) / sizeof((rules_)[0]),            \
		.needs = (needs_), .run = (run_),                              \
		.run_segment = (run_segment_)                                  \
	}

/* As FL__CHECK_DESC for a document check with a finish function. */
#define FL__CHECK_DESC_DOC(name_, rules_, needs_, run_, finish_)               \
	{                                                                      \
		.name = (name_), .rules = (rules_),                            \
		.rule_count = sizeof(rules_) / sizeof((rules_)[0]),            \
		.needs = (needs_), .run = (run_), .finish = (finish_)          \
	}

/* The descriptors, in run order; static, *count of them. */
const fl__check_desc *const *fl__checks_registry(size_t *count);

/* The severities of set in words, most severe first ("error / warning");
 * static. */
const char *fl__severity_set_words(unsigned set);

/*
 * Runs every per-segment check of the registry on seg (a segment with an
 * original), adding findings to res. Returns 0 or FL_ENOMEM.
 */
int fl__segment_checks_run(fl_result *res, const fl_segment *seg);

/* The descriptors of the check files (each file's own). */
extern const fl__check_desc fl__check_mentions;
extern const fl__check_desc fl__check_mentions_xlit;
extern const fl__check_desc fl__check_mentions_respell;
extern const fl__check_desc fl__check_name_case;
extern const fl__check_desc fl__check_name_missing;
extern const fl__check_desc fl__check_name_garbled;
extern const fl__check_desc fl__check_name_garbled_xlit;
extern const fl__check_desc fl__check_name_inconsistent;
extern const fl__check_desc fl__check_name_literal;
extern const fl__check_desc fl__check_spell_unknown;
extern const fl__check_desc fl__check_text_repeated;
extern const fl__check_desc fl__check_numbers;
extern const fl__check_desc fl__check_term_forbidden;
extern const fl__check_desc fl__check_term_missing;
extern const fl__check_desc fl__check_rule_packs;
extern const fl__check_desc fl__check_placeholders;

#endif
