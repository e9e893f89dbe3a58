/*
 * The facts index: every accepted form of every entity for one target
 * language, tokenised into match keys, so that a document's tokens find
 * their entity by hash lookup, never by scanning the entity list.
 *
 * Forms of an entity: its name, its aliases, its renderings for the
 * language (with fallback pt-BR -> pt), and for a person the last word of
 * each multi-word form (the surname alone).
 *
 * A second index serves the garbled-name check: every word of every form
 * (Latin words and words of the target script), with a fuzzy key and a
 * bigram inverted index for finding near misses.
 */
#ifndef FL_FACTS_INDEX_H
#define FL_FACTS_INDEX_H

#include "../common.h"
#include "../text/text.h"
#include "../util/map.h"
#include "facts.h"

#define FL_INDEX_NONE UINT32_MAX

typedef struct {
	uint32_t key, keylen;     /* match key, offsets into idx->pool */
	uint32_t exact, exactlen; /* the word as written, into idx->pool */
	uint32_t gap, gaplen;     /* text before it in the form (". " in
	                             "U.S. Army"), into idx->pool */
} fl__form_tok;

typedef struct {
	uint32_t entity;
	uint32_t tok; /* first of ntok entries in idx->toks */
	uint32_t ntok;
	uint32_t next;   /* next form with the same first key, or NONE */
	bool surname;    /* derived: last word of a person's name */
	bool loose_case; /* found outside the facts (an exonym): its case is
	                    no evidence, name.case leaves it alone */
	char *display;   /* the form as written, UTF-8 */
} fl__form;

/* What the original's language makes of a word of a name (set by
 * fl__classify_name_words, FL_NW_UNKNOWN until then). */
typedef enum {
	FL_NW_UNKNOWN = 0, /* not looked up */
	FL_NW_DISTINCT,    /* no word of the source language: "Zuckerberg" */
	FL_NW_COMMON,      /* an ordinary word: "Scale", "Labs", "surge" */
	FL_NW_PROPER       /* a well-known proper noun the dictionary has in
	                      capitals only ("Saturday", "London"): translated
	                      by exonyms, so its absence proves nothing */
} fl__nw_class;

typedef struct {
	uint32_t entity;
	uint32_t form;
	uint32_t key, keylen;     /* match key, into idx->pool */
	bool alone;               /* the whole of some form of the entity */
	uint8_t cls;              /* fl__nw_class */
	uint32_t fuzzy, fuzzylen; /* fuzzy key, into idx->pool */
	uint8_t shape;            /* FL_TOKF_UPPER/LOWER/TITLE/MIXED */
	int16_t script;
	char *display; /* the word as written, UTF-8 */
} fl__name_word;

typedef struct {
	char lang[32];
	const fl_facts *facts;
	fl__form *forms;
	size_t form_count, form_cap;
	fl__form_tok *toks;
	size_t tok_count, tok_cap;
	uint16_t *pool;
	size_t pool_len, pool_cap;
	fl_map first; /* first token key -> first form id + 1 */
	fl_map words; /* any form word's key -> entity id + 1 */
	fl__name_word *nwords;
	size_t nword_count, nword_cap;
	fl_map nword_of; /* entity id and fuzzy key -> name word id + 1 */
	fl_map bigrams;  /* two fuzzy units -> postings (uint32 list) */
} fl__index;

/*
 * Builds the index of facts for language lang.
 * *out: caller frees with fl__index_free. facts are borrowed and must
 * outlive the index. Returns 0, FL_ENOMEM or FL_ERROR (ICU).
 */
int fl__index_build(fl__index **out, const fl_facts *facts, const char *lang,
                    fl__text_ctx *ctx, char *err, size_t errlen);

void fl__index_free(fl__index *idx);

/*
 * Adds s (UTF-8) as one more accepted form of entity `entity` of idx: an
 * exonym or another rendering found outside the facts, whose case is
 * no evidence (fl__form.loose_case). Returns 0,
 * FL_ENOMEM or FL_ERROR (ICU), with a message in err.
 */
int fl__index_add_form(fl__index *idx, fl__text_ctx *ctx, uint32_t entity,
                       const char *s, char *err, size_t errlen);

/* First form whose first token has key k[0,n), or FL_INDEX_NONE. */
uint32_t fl__index_first(const fl__index *idx, const uint16_t *k, size_t n);

/* Entity id + 1 of a form word with key k, or 0. */
uint32_t fl__index_word_entity(const fl__index *idx, const uint16_t *k,
                               size_t n);

/*
 * Name words sharing at least `min_shared` bigrams with fuzzy key f[0,n);
 * writes up to cap word ids to ids and returns how many. scratch must hold
 * idx->nword_count zeroed counters and is left zeroed.
 */
size_t fl__index_candidates(const fl__index *idx, const uint16_t *f, size_t n,
                            size_t min_shared, uint32_t *scratch, uint32_t *ids,
                            size_t cap);

static inline const uint16_t *fl__index_str(const fl__index *idx, uint32_t off)
{
	return idx->pool + off;
}

#endif
