/*
 * Fact extraction from an original (fidelint extract, check --source):
 * the entities of a text, with their mention counts, and its numbers,
 * written as a facts file for a person to review.
 *
 * Entities are runs of capitalised words (with "of", "for the", "and"...
 * between them where a word of organisations or places calls for it),
 * acronyms, CamelCase brands and @handles. Evidence comes from the text's
 * own shape, the dictionary and CLDR, not from word lists of names:
 *
 *  - A word capitalised only because it opens a sentence, a quotation or
 *    a title-case headline is no name unless the dictionary does not know
 *    it in lower case or the text writes it as a name inside a sentence
 *    (alone for a name of one word, opening the name for a longer one).
 *    Capitals for emphasis ("NOT", "THANK YOU") are no acronyms.
 *  - Mentions are counted as written, case included ("To" is not "to").
 *  - A person: a title before the name, a first word the dictionary knows
 *    only capitalised (no day, territory or people's word), or a last word
 *    used alone; then the surname alone counts as a mention. A place: a
 *    CLDR territory name, a word of places, or a name written after "in".
 *    Demonyms, CLDR language names and adjectives describe, name nothing.
 *  - Numbers in scores, records and heights ("1-0", "6-foot-6") are not
 *    quantities.
 *
 * What a language adds (titles, connectors, words of organisations,
 * places and events, words never entities) is data:
 * rules/extract/<lang>.yaml.
 */
#ifndef FL_EXTRACT_EXTRACT_H
#define FL_EXTRACT_EXTRACT_H

#include "../common.h"
#include "../facts/facts.h"
#include "../num/number.h"
#include "../spell/spell.h"
#include "../text/text.h"
#include "../util/buf.h"

typedef struct fl__extract_data fl__extract_data;

/*
 * Loads rules/extract/<tag>.yaml (else the language subtag's file) under
 * data_dir. *out: caller frees with fl__extract_data_free; empty data when
 * the language has no file. Errors "path:line:col: problem" in err.
 */
int fl__extract_data_load(fl__extract_data **out, const char *data_dir,
                          const char *tag, char *err, size_t errlen);

void fl__extract_data_free(fl__extract_data *x);

/* What extraction reads. */
typedef struct {
	const fl__doc *doc;
	const fl__extract_data *data;
	fl__speller *const *dicts; /* the source language's dictionaries */
	size_t dict_count;
	const fl__numlang *num;
	fl__text_ctx *text;
	const char *locale; /* ICU locale of the source language */
	const char *lang;   /* its tag, written as source_lang */
	const char *path;   /* the original's name, for the header comment */
} fl__extract_in;

/* The analysis of one original; opaque. */
typedef struct fl__extraction fl__extraction;

/* Every line: fl__extract_write writes the facts of the whole text. */
#define FL_EXTRACT_ALL ((size_t)-1)

/*
 * Finds the entities and numbers of in->doc. in and what it points to are
 * borrowed and must outlive *out. *out: caller frees with
 * fl__extract_free. Returns 0 or FL_ENOMEM (message in err).
 */
int fl__extract_run(fl__extraction **out, const fl__extract_in *in, char *err,
                    size_t errlen);

/*
 * Appends to out the facts as a facts file (YAML): of the whole text
 * (line FL_EXTRACT_ALL; stable order, first appearance, a comment gives
 * the line each fact was first seen on, a header says what made it), or
 * of one 0-based line only, with the mentions on that line as counts (for
 * aligned checking). Returns 0 or FL_ENOMEM.
 */
int fl__extract_write(fl_buf *out, const fl__extraction *x, size_t line);

/*
 * The facts of one 0-based line, made in memory: *out is what
 * fl_facts_load_buffer(name, the fl__extract_write of that line) would
 * load, field for field, without writing or parsing YAML (aligned
 * checking makes the facts of every line). Returns 0, FL_ENOMEM,
 * FL_EINVAL for FL_EXTRACT_ALL, or FL__FACTS_REFUSED (facts/facts.h):
 * the loader might refuse or read otherwise what the file would say (two
 * entities one text cannot tell apart...); write and load it then.
 * Caller frees *out with fl_facts_free.
 */
int fl__extract_facts(fl_facts **out, const fl__extraction *x, size_t line,
                      const char *name);

void fl__extract_free(fl__extraction *x);

#endif
