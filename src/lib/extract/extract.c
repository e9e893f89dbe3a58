#define _POSIX_C_SOURCE 200809L

#include "extract.h"

#include "../lang/tag.h"
#include "../num/units.h"
#include "../util/map.h"
#include "../util/yaml.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unistd.h>

#define FL_EXTRACT_DATA_MAX ((size_t)1 << 20)
#define FL_EXTRACT_MAX_RUN  8    /* words of one name */
#define FL_HEADLINE_SHARE   0.70 /* capitalised words of a headline */
#define WORD_UTF8_MAX       (FL_TOKEN_MAX * 3 + 1)

struct fl__extract_data {
	fl_map titles, connectors, weak_connectors, and_words, openers,
	    org_words, place_words, event_words, place_before, stop,
	    function_words, compound_units, year_words, ordinal_suffixes,
	    name_prefixes;           /* match keys -> 1 */
	fl__keylist demonym_endings; /* longest first */
	fl__keylist adjective_endings, plural_demonym_endings;
	fl_map territories, languages; /* CLDR display names (ICU) */
};

void fl__extract_data_free(fl__extract_data *x)
{
	if (!x)
		return;
	fl_map_dispose(&x->titles);
	fl_map_dispose(&x->connectors);
	fl_map_dispose(&x->weak_connectors);
	fl_map_dispose(&x->and_words);
	fl_map_dispose(&x->openers);
	fl_map_dispose(&x->org_words);
	fl_map_dispose(&x->place_words);
	fl_map_dispose(&x->event_words);
	fl_map_dispose(&x->place_before);
	fl_map_dispose(&x->function_words);
	fl_map_dispose(&x->compound_units);
	fl_map_dispose(&x->year_words);
	fl_map_dispose(&x->ordinal_suffixes);
	fl_map_dispose(&x->name_prefixes);
	fl__keylist_dispose(&x->demonym_endings);
	fl__keylist_dispose(&x->adjective_endings);
	fl__keylist_dispose(&x->plural_demonym_endings);
	fl_map_dispose(&x->territories);
	fl_map_dispose(&x->languages);
	fl_map_dispose(&x->stop);
	free(x);
}

static int word_set(fl_map *m, const fl_yaml_node *root, const char *key,
                    const char *path, char *err, size_t errlen)
{
	const fl_yaml_node *n = fl_yaml_map_get(root, key);
	char **v = NULL;
	size_t c = 0;
	int error;
	if (!n)
		return 0;
	if ((error = fl_yaml_strings(&v, &c, n, key, path, err, errlen)) < 0)
		return error;
	for (size_t i = 0; i < c && error == 0; i++)
		error = fl__map_put_key(m, v[i], 1);
	fl_yaml_strv_free(v, c);
	return error;
}

static int word_list(fl__keylist *kl, const fl_yaml_node *root, const char *key,
                     const char *path, char *err, size_t errlen)
{
	const fl_yaml_node *n = fl_yaml_map_get(root, key);
	char **e = NULL;
	size_t ec = 0;
	int error;
	if (!n)
		return 0;
	if ((error = fl_yaml_strings(&e, &ec, n, key, path, err, errlen)) < 0)
		return error;
	error = fl__keylist_build(kl, e, ec);
	fl_yaml_strv_free(e, ec);
	return error;
}

/* One CLDR display name (UTF-16, n units; n < 0 or a warning that ICU
 * fell back to the code itself: none) as a match key into m. */
static int put_display_name(fl_map *m, const UChar *name, int32_t n,
                            UErrorCode st)
{
	char utf8[256];
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING || n <= 0 ||
	    !fl__u16_to_utf8_buf(utf8, sizeof(utf8), name, (size_t)n))
		return 0;
	return fl__map_put_key(m, utf8, 1);
}

/* The names ICU's CLDR data gives territories ("Mexico", "North Korea")
 * and major languages ("Welsh": ISO 639-1 codes only) in the language of
 * tag, as match keys into x->territories and x->languages. */
static int cldr_names(fl__extract_data *x, const char *tag)
{
	const char *const *countries = uloc_getISOCountries();
	const char *const *languages = uloc_getISOLanguages();
	char loc[32], code[16];
	UChar name[128];
	int error = 0;

	snprintf(loc, sizeof(loc), "%s", tag);
	for (char *p = loc; *p; p++)
		if (*p == '-')
			*p = '_';
	for (size_t i = 0; countries && countries[i] && error == 0; i++) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t n;
		snprintf(code, sizeof(code), "und_%s", countries[i]);
		n = uloc_getDisplayCountry(code, loc, name,
		                           (int32_t)FL_ARRAY_SIZE(name), &st);
		if (strcmp(countries[i], "ZZ") != 0) /* "Unknown Region" */
			error = put_display_name(&x->territories, name, n, st);
	}
	for (size_t i = 0; languages && languages[i] && error == 0; i++) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t n;
		if (strlen(languages[i]) != 2)
			continue;
		n = uloc_getDisplayLanguage(languages[i], loc, name,
		                            (int32_t)FL_ARRAY_SIZE(name), &st);
		error = put_display_name(&x->languages, name, n, st);
	}
	return error;
}

int fl__extract_data_load(fl__extract_data **out, const char *data_dir,
                          const char *tag, char *err, size_t errlen)
{
	static const char *const keys[] = {"lang",
	                                   "titles",
	                                   "connectors",
	                                   "weak_connectors",
	                                   "and_words",
	                                   "openers",
	                                   "org_words",
	                                   "place_words",
	                                   "event_words",
	                                   "place_before",
	                                   "stop",
	                                   "function_words",
	                                   "compound_units",
	                                   "year_words",
	                                   "ordinal_suffixes",
	                                   "name_prefixes",
	                                   "demonym_endings",
	                                   "plural_demonym_endings",
	                                   "adjective_endings",
	                                   NULL};
	fl_buf path = FL_BUF_INIT;
	fl__extract_data *x = NULL;
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root;
	char *data = NULL, yerr[FL_ERRMSG_SIZE];
	size_t len;
	int error = 0;

	*out = NULL;
	if (!(x = calloc(1, sizeof(*x))))
		return FL_ENOMEM;
	if ((error = cldr_names(x, tag)) < 0)
		goto cleanup;
	if (fl_buf_printf(&path, "%s/rules/extract/%s.yaml", data_dir, tag) <
	    0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	if (access(path.ptr, R_OK) != 0) {
		fl_buf_clear(&path);
		if (fl_buf_printf(&path, "%s/rules/extract/%.*s.yaml", data_dir,
		                  (int)fl__tag_language_len(tag), tag) < 0) {
			error = FL_ENOMEM;
			goto cleanup;
		}
		if (access(path.ptr, R_OK) != 0)
			goto done; /* no data: the dictionary alone */
	}
	if ((error = fl__read_file(&data, &len, path.ptr, FL_EXTRACT_DATA_MAX,
	                           err, errlen)) < 0)
		goto cleanup;
	if ((error = fl_yaml_parse(&doc, data, len, yerr, sizeof(yerr))) < 0) {
		fl__fail(err, errlen, error, "%s:%s", path.ptr, yerr);
		goto cleanup;
	}
	root = fl_yaml_root(doc);
	if (!root || root->type != FL_YAML_MAP) {
		error = fl_yaml_fail(err, errlen, FL_EPARSE, path.ptr, root,
		                     "an extraction file is a mapping");
		goto cleanup;
	}
	if ((error = fl_yaml_check_keys(root, keys, "extraction file", path.ptr,
	                                err, errlen)) < 0 ||
	    (error = word_set(&x->titles, root, "titles", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->connectors, root, "connectors", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->weak_connectors, root, "weak_connectors",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->and_words, root, "and_words", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->openers, root, "openers", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->org_words, root, "org_words", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->place_words, root, "place_words", path.ptr,
	                      err, errlen)) < 0 ||
	    (error = word_set(&x->event_words, root, "event_words", path.ptr,
	                      err, errlen)) < 0 ||
	    (error = word_set(&x->place_before, root, "place_before", path.ptr,
	                      err, errlen)) < 0 ||
	    (error = word_set(&x->stop, root, "stop", path.ptr, err, errlen)) <
	        0 ||
	    (error = word_set(&x->function_words, root, "function_words",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->compound_units, root, "compound_units",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->year_words, root, "year_words", path.ptr, err,
	                      errlen)) < 0 ||
	    (error = word_set(&x->ordinal_suffixes, root, "ordinal_suffixes",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->name_prefixes, root, "name_prefixes",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_list(&x->demonym_endings, root, "demonym_endings",
	                       path.ptr, err, errlen)) < 0 ||
	    (error = word_list(&x->plural_demonym_endings, root,
	                       "plural_demonym_endings", path.ptr, err,
	                       errlen)) < 0 ||
	    (error = word_list(&x->adjective_endings, root, "adjective_endings",
	                       path.ptr, err, errlen)) < 0)
		goto cleanup;
done:
	*out = x;
	x = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "out of memory");
	fl_yaml_free(doc);
	free(data);
	fl_buf_dispose(&path);
	fl__extract_data_free(x);
	return error;
}

/* ------------------------------------------------------------ entities */

typedef struct {
	uint16_t key[FL_TOKEN_MAX * 4];
	size_t keylen;
	uint32_t ntok;
	uint32_t first_tok; /* where first seen */
	uint32_t count;
	uint32_t after_place_word; /* mentions right after "in" */
	bool person, title, org, place, territory, event, name_s, gone;
	int32_t alias_of; /* candidate this one is an alias of, or -1 */
	int32_t alias_first, alias_next; /* its aliases, in order, or -1 */
	char display[256];
} cand;

typedef struct {
	uint32_t cand, line;
} occurrence;

struct fl__extraction {
	const fl__extract_in *in;
	const fl__doc *d;
	int latin;
	uint8_t *headline; /* per line */
	/* Evidence from the text's own shape, over the whole document: */
	fl_map bare;      /* capitalised words written without "'s" */
	fl_map lower;     /* words written in lower case */
	fl_map mid_first; /* words opening a name inside a sentence */
	fl_map mid_alone; /* one-word names inside a sentence */
	fl_map mid_run;   /* whole names inside a sentence */
	fl_map s_end;     /* words with "'s" before punctuation or a function
	                     word ("at Sainsbury's.") */
	fl_map seen;      /* candidate key -> index + 1 */
	cand *c;
	size_t n, cap;
	uint8_t *claimed; /* per token */
	occurrence *occ;  /* every mention counted */
	size_t nocc, occcap;
	fl__quantity *q; /* the numbers */
	size_t nq;
	char *err;
	size_t errlen;
};

typedef struct fl__extraction ex;

static bool in_set(const fl_map *m, const uint16_t *k, size_t n)
{
	return n > 0 && fl_map_get(m, k, n * sizeof(*k), NULL);
}

/* Key length of token t without a possessive "'s". */
static size_t bare_len(const fl__doc *d, const fl__token *t)
{
	const uint16_t *k = fl__tok_key(d, t);
	size_t n = t->keylen;
	if (n > 2 && k[n - 2] == '\'' && k[n - 1] == 's')
		return n - 2;
	if (n > 1 && k[n - 1] == '\'')
		return n - 1;
	return n;
}

static bool possessive(const fl__doc *d, const fl__token *t)
{
	return bare_len(d, t) != t->keylen;
}

/* Is token i's key (possessive dropped) in m? */
static bool tok_in(const ex *x, const fl_map *m, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	return in_set(m, fl__tok_key(x->d, t), bare_len(x->d, t));
}

/* A capitalised word of the text's script (a stop word may continue a
 * name, "Theresa May", but not open one). */
static bool capital_word(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	return t->kind == FL_TOK_WORD && t->script == x->latin &&
	       !(t->flags & FL_TOKF_MASKED) && t->keylen > 0 &&
	       (t->flags & (FL_TOKF_TITLE | FL_TOKF_UPPER | FL_TOKF_MIXED));
}

/* Token i known in lower case (an ordinary word), as written, or not. */
static int known_lower(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	char w[WORD_UTF8_MAX];
	size_t n = fl__u16_to_utf8_buf(w, sizeof(w), fl__tok_key(x->d, t),
	                               bare_len(x->d, t));
	return n ? fl__spellers_check(x->in->dicts, x->in->dict_count, w, n)
	         : 0;
}

static int known_as_written(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	char w[WORD_UTF8_MAX];
	size_t n = fl__u16_to_utf8_buf(w, sizeof(w), x->d->text + t->start,
	                               t->end - t->start);
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	return n ? fl__spellers_check(x->in->dicts, x->in->dict_count, w, n)
	         : 0;
}

/* Capitals for emphasis, not an acronym: "chose NOT to", "THANK YOU FOR
 * STANDING": a word in capitals the dictionary knows in lower case that
 * the text also writes in lower case, or that stands beside another such
 * word. */
static bool shouted(const ex *x, size_t i)
{
	const fl__doc *d = x->d;
	const fl__token *t = &d->tokens[i];
	bool next = false;
	if (!(t->flags & FL_TOKF_UPPER) || known_lower(x, i) <= 0)
		return false;
	if (t->end - t->start >= 5 ||
	    (t->end - t->start >= 3 && tok_in(x, &x->lower, i)))
		return true;
	for (int side = -1; side <= 1 && !next; side += 2) {
		size_t j = side < 0 ? i - 1 : i + 1;
		if ((side < 0 && i == 0) || j >= d->token_count)
			continue;
		next = (d->tokens[j].flags & FL_TOKF_UPPER) &&
		       d->tokens[j].line == t->line &&
		       fl__doc_gap_is_space(
		           d, side < 0 ? d->tokens[j].end : t->end,
		           side < 0 ? t->start : d->tokens[j].start) &&
		       known_lower(x, j) > 0;
	}
	return next;
}

static bool capitalised(const ex *x, size_t i)
{
	return capital_word(x, i) && !tok_in(x, &x->in->data->stop, i) &&
	       !shouted(x, i);
}

/* "AMs", "MPs", "CEOs": an acronym in the plural is a common noun. */
static bool plural_acronym(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *s = x->d->text + t->start;
	size_t n = t->end - t->start;
	return n >= 3 && s[n - 1] == 's' && s[n - 2] >= 'A' && s[n - 2] <= 'Z';
}

/* Does token i's key (possessive dropped) end with one of kl? */
static bool ends_with(const ex *x, size_t i, const fl__keylist *kl)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *k = fl__tok_key(x->d, t);
	size_t n = bare_len(x->d, t);
	for (size_t e = 0; e < kl->count; e++) {
		size_t en = kl->lens[e];
		if (en < n && memcmp(k + n - en, kl->keys[e], en * 2) == 0)
			return true;
	}
	return false;
}

/* Is token i known to the dictionary with an "s" added ("Mexicans")? */
static int known_plural(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	char w[WORD_UTF8_MAX + 1];
	size_t n = fl__u16_to_utf8_buf(w, sizeof(w) - 1, x->d->text + t->start,
	                               t->end - t->start -
	                                   (t->keylen - bare_len(x->d, t)));
	if (n == 0)
		return 0;
	w[n++] = 's';
	return fl__spellers_check(x->in->dicts, x->in->dict_count, w, n);
}

/* A word that describes rather than names: a demonym the dictionary
 * knows ("British", "Macedonians": rules/extract demonym_endings; one
 * that ends like "Mexican" also in the plural, which "Yuan" has not, and
 * inside a longer name only capitalised, which "Ocean" is not), a
 * language's name in CLDR ("Welsh"), or alone before a word, an adjective
 * the dictionary knows in lower case ("Democratic Sen.", "the Episcopal
 * diocese", not "and Anthropic,": adjective_endings). 1 for a people's
 * or language's word, 2 for an adjective, 0 for none, negative on
 * failure. */
static int describer(const ex *x, size_t i, bool alone)
{
	const fl__token *t = &x->d->tokens[i];
	int r, low;
	if (!(t->flags & FL_TOKF_TITLE))
		return 0;
	if (tok_in(x, &x->in->data->territories, i))
		return 0;
	if (tok_in(x, &x->in->data->languages, i))
		return 1;
	if (ends_with(x, i, &x->in->data->demonym_endings) &&
	    (r = known_as_written(x, i)) != 0)
		return r;
	if ((low = known_lower(x, i)) < 0)
		return low;
	if ((alone || !low) &&
	    ends_with(x, i, &x->in->data->plural_demonym_endings) &&
	    (r = known_plural(x, i)) != 0)
		return r;
	return 2 *
	       (alone && low &&
	        ends_with(x, i, &x->in->data->adjective_endings) &&
	        i + 1 < x->d->token_count &&
	        x->d->tokens[i + 1].kind == FL_TOK_WORD &&
	        fl__doc_gap_is_space(x->d, t->end, x->d->tokens[i + 1].start));
}

/* Does the run [a, b] open a sentence, or, a word alone, a quotation
 * ("saying "If it takes", "shouting, "Long live Spain."", not
 * "nicknamed "Don Goyo"")? */
static bool sent_start(const ex *x, size_t a, size_t b)
{
	const fl__doc *d = x->d;
	uint32_t p = d->tokens[a].start;
	uint16_t q = p > 0 ? d->text[p - 1] : 0;
	if (d->tokens[a].flags & FL_TOKF_SENT)
		return true;
	if (a != b || (q != '"' && q != 0x201C && q != 0x2018 && q != '\''))
		return false;
	return p == 1 || d->text[p - 2] == '\n' || d->text[p - 2] == ' ' ||
	       d->text[p - 2] == '(';
}

/* Title-case headline lines: most words capitalised, at least three, and
 * no word in lower case but function words ("Hurricane Rosa Threatening
 * Phoenix ... With Flash Flooding", not "Theresa May arrives for the
 * Conservative Party Conference in Birmingham"). */
static void find_headlines(ex *x)
{
	const fl__doc *d = x->d;
	size_t words = 0, caps = 0, line = 0;
	for (size_t i = 0; i <= d->token_count; i++) {
		if (i == d->token_count || d->tokens[i].line != line) {
			if (words >= 3 && caps >= FL_HEADLINE_SHARE * words)
				x->headline[line] = 1;
			if (i == d->token_count)
				break;
			line = d->tokens[i].line;
			words = caps = 0;
		}
		if (d->tokens[i].kind != FL_TOK_WORD)
			continue;
		words++;
		caps +=
		    capital_word(x, i) || (d->tokens[i].flags & FL_TOKF_TITLE);
		/* title case leaves only little words in lower case */
		if ((d->tokens[i].flags & FL_TOKF_LOWER) &&
		    !tok_in(x, &x->in->data->function_words, i) &&
		    !tok_in(x, &x->in->data->connectors, i) &&
		    !tok_in(x, &x->in->data->weak_connectors, i) &&
		    !tok_in(x, &x->in->data->and_words, i) &&
		    !tok_in(x, &x->in->data->stop, i))
			words += FL_TOKEN_MAX; /* not a headline */
	}
}

/* A word that may stand before a name without being part of it: a title
 * ("Sen.", "Prime Minister"), unless an organisation's word follows
 * ("Premier League", "General Assembly"). */
static bool title_at(const ex *x, size_t i)
{
	return i < x->d->token_count && tok_in(x, &x->in->data->titles, i) &&
	       !(i + 1 < x->d->token_count &&
	         tok_in(x, &x->in->data->org_words, i + 1) &&
	         capital_word(x, i + 1));
}

/* Does the "'s" of token i belong to the name? Never when the word is an
 * organisation's, place's or territory's. Inside a name, when the word
 * follows an abbreviation of places ("St. Martin's") or is an ordinary
 * one before a capitalised word ("Rady Children's Hospital", "Coroner's
 * Office"). Opening a name, never when the text also writes the word
 * without it: when the text writes it so before punctuation or a function
 * word ("at Sainsbury's.", "Swami's in Encinitas") and it is no word the
 * dictionary knows only capitalised ("England's."), or when a capitalised
 * word follows a word that is no given name ("Beacon's Beach"). Not after a
 * name: "Gwyneth Paltrow's Goop", "David Armstrong's kick", "Mr Crick's
 * suggestion". */
static int given_name(const ex *x, size_t i);

static bool name_s(const ex *x, size_t i)
{
	const fl__doc *d = x->d;
	const fl__token *t = &d->tokens[i];
	bool next_cap;
	if (!possessive(d, t) || !(t->flags & FL_TOKF_TITLE) ||
	    d->text[t->end - 1] != 's' ||
	    tok_in(x, &x->in->data->org_words, i) ||
	    tok_in(x, &x->in->data->place_words, i) ||
	    tok_in(x, &x->in->data->territories, i))
		return false;
	next_cap = i + 1 < d->token_count && d->tokens[i + 1].line == t->line &&
	           fl__doc_gap_is_space(d, t->end, d->tokens[i + 1].start) &&
	           capital_word(x, i + 1) &&
	           !tok_in(x, &x->in->data->stop, i + 1);
	if (i > 0 && d->tokens[i - 1].line == t->line &&
	    capital_word(x, i - 1) &&
	    fl__doc_gap_equals(d, d->tokens[i - 1].end, t->start,
	                       (const uint16_t[]){'.', ' '}, 2))
		return tok_in(x, &x->in->data->place_words, i - 1);
	if (i > 0 && d->tokens[i - 1].line == t->line &&
	    capital_word(x, i - 1) &&
	    fl__doc_gap_is_space(d, d->tokens[i - 1].end, t->start))
		return next_cap && known_lower(x, i) > 0;
	if (tok_in(x, &x->bare, i))
		return false;
	if (in_set(&x->s_end, fl__tok_key(d, t), t->keylen) &&
	    given_name(x, i) == 0)
		return true;
	return next_cap && given_name(x, i) == 0;
}

/* The key length of token i inside a name. */
static size_t name_len(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	return name_s(x, i) ? t->keylen : bare_len(x->d, t);
}

/* Is the text between tokens a and a+1 one that may stand inside a name:
 * spaces, or ". " after an abbreviation ("U.S. Army", "St. Louis")? */
static bool name_gap(const ex *x, size_t a)
{
	const fl__doc *d = x->d;
	const fl__token *t = &d->tokens[a], *u = &d->tokens[a + 1];
	uint32_t g = t->end, n = u->start - t->end;
	if (t->line != u->line)
		return false;
	if (possessive(d, t) && !name_s(x, a))
		return false;
	if (fl__doc_gap_is_space(d, t->end, u->start))
		return true;
	/* "Mills-Hicks", "KSWB-TV", "Marks & Spencer", "M&S" */
	if ((n == 1 && (d->text[g] == '-' || d->text[g] == '&')) ||
	    (n == 3 && d->text[g] == ' ' && d->text[g + 1] == '&' &&
	     d->text[g + 2] == ' '))
		return true;
	/* "U.S. Army", "Dionisio A. Lind", "St. Louis", "Sen. Flake": an
	 * initial, initials or a short abbreviation; not "the U.S. As Rosa
	 * ...", where a sentence starts with an ordinary word */
	if (n == 2 && d->text[g] == '.' && d->text[g + 1] == ' ' &&
	    (t->end - t->start == 1 ||
	     (t->end - t->start >= 3 && d->text[t->start + 1] == '.') ||
	     (t->end - t->start <= 4 &&
	      (tok_in(x, &x->in->data->titles, a) ||
	       tok_in(x, &x->in->data->place_words, a)))))
		return !tok_in(x, &x->in->data->stop, a + 1) &&
		       !tok_in(x, &x->in->data->function_words, a + 1) &&
		       !tok_in(x, &x->in->data->connectors, a + 1);
	return false;
}

/* A word the dictionary knows only capitalised ("Theresa", "Mark" is
 * also "mark"), and no day, territory or people's word: 1 yes, 0 no,
 * negative on failure. */
static int given_name(const ex *x, size_t i)
{
	int r;
	if (tok_in(x, &x->in->data->stop, i) ||
	    tok_in(x, &x->in->data->territories, i))
		return 0; /* "Saturday Night Live", "Chad" */
	if ((r = known_as_written(x, i)) <= 0)
		return r;
	if ((r = known_lower(x, i)) != 0)
		return r < 0 ? r : 0;
	/* "Korean War", "Latin America": a people's word */
	r = describer(x, i, false);
	return r < 0 ? r : r == 0;
}

/* A stop word that opens a name inside a sentence before a capitalised
 * word: "the show This Morning", "The Sunday Telegraph", "Saturday Night
 * Live" (rules/extract openers), or an acronym among the stop words ("an
 * initiative called AI Next"). */
static bool opener(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	bool acronym = (t->flags & FL_TOKF_UPPER) && !shouted(x, i) &&
	               !tok_in(x, &x->in->data->titles, i);
	return capital_word(x, i) && !sent_start(x, i, i) &&
	       !x->headline[t->line] &&
	       (((t->flags & FL_TOKF_TITLE) &&
	         tok_in(x, &x->in->data->openers, i)) ||
	        (acronym && tok_in(x, &x->in->data->stop, i))) &&
	       i + 1 < x->d->token_count && name_gap(x, i) &&
	       (capitalised(x, i + 1) || opener(x, i + 1));
}

/* The end of the capitalised words from token i, connectors aside. */
static size_t plain_end(const ex *x, size_t i)
{
	while (i + 1 < x->d->token_count && name_gap(x, i) &&
	       capitalised(x, i + 1))
		i++;
	return i;
}

/* May the lower-case word nx join the name [i, last] to what follows?
 * "Bank of England", "Gulf of Mexico" (a connector after an
 * organisation's or place's word), "Institute for Policy Research" (a
 * weak one after an organisation's word), "Avon and Somerset Police"
 * (any before words ending in one, after words that do not), or any
 * inside a name that already has one. */
static bool joins(const ex *x, size_t i, size_t last, size_t nx)
{
	const fl__doc *d = x->d;
	const fl__token *t = &d->tokens[nx];
	bool strong = tok_in(x, &x->in->data->connectors, nx),
	     weak = tok_in(x, &x->in->data->weak_connectors, nx),
	     pair = tok_in(x, &x->in->data->and_words, nx);
	size_t after = nx + 1, end;
	if (!(t->flags & FL_TOKF_LOWER) || !(strong || weak || pair) ||
	    nx + 1 >= d->token_count || !name_gap(x, nx))
		return false;
	/* "for the Assessment": an article after a weak connector */
	if (weak && after + 1 < d->token_count &&
	    (d->tokens[after].flags & FL_TOKF_LOWER) &&
	    tok_in(x, &x->in->data->weak_connectors, after) &&
	    !tok_in(x, &x->in->data->connectors, after) && name_gap(x, after))
		after++;
	if (!capitalised(x, after))
		return false;
	for (size_t k = i; k <= last; k++)
		if (d->tokens[k].flags & FL_TOKF_LOWER)
			return true; /* already a name with connectors */
	if (tok_in(x, &x->in->data->org_words, last))
		return !pair;
	if (strong && tok_in(x, &x->in->data->place_words, last))
		return true;
	end = plain_end(x, after);
	return pair && tok_in(x, &x->in->data->org_words, end);
}

static size_t joined_digit(const fl__doc *d, size_t s, size_t e, int dir);

/* The end of the name run starting at token i. */
static size_t run_end(const ex *x, size_t i)
{
	const fl__doc *d = x->d;
	size_t last = i;
	while (last + 1 < d->token_count && last - i + 1 < FL_EXTRACT_MAX_RUN) {
		size_t nx = last + 1;
		bool titles_only = true;
		if (!name_gap(x, last))
			break;
		/* an acronym may continue a name even if it is a stop
		 * word alone ("Scale AI"), not if it is a title ("AM") */
		if ((capitalised(x, nx) || (last == i && opener(x, nx)) ||
		     (capital_word(x, nx) && !shouted(x, nx) &&
		      (d->tokens[nx].flags & FL_TOKF_UPPER) &&
		      !tok_in(x, &x->in->data->titles, nx))) &&
		    !plural_acronym(x, nx)) {
			last = nx;
			continue;
		}
		/* "Theresa May", "Prime Minister Theresa May", "Mrs May":
		 * a stop word after a given name or a title */
		for (size_t k = i; k < last; k++)
			titles_only &= tok_in(x, &x->in->data->titles, k);
		if (capital_word(x, nx) && titles_only &&
		    (d->tokens[nx].flags & FL_TOKF_TITLE) &&
		    (d->tokens[last].flags & FL_TOKF_TITLE) &&
		    (given_name(x, last) > 0 ||
		     tok_in(x, &x->in->data->titles, last))) {
			last = nx;
			continue;
		}
		/* "Dionisio A. Lind", "P. Diddy": an initial */
		if (capital_word(x, nx) &&
		    d->tokens[nx].end - d->tokens[nx].start == 1 &&
		    nx + 1 < d->token_count && name_gap(x, nx) &&
		    capitalised(x, nx + 1)) {
			last = nx;
			continue;
		}
		/* "Bank of England": a connector between capitalised
		 * words */
		if (joins(x, i, last, nx)) {
			last = nx + 1;
			while (!capitalised(x, last))
				last++; /* "for the" */
			continue;
		}
		break;
	}
	/* "Government of Wales Act 2017": a year after a name ending in a
	 * word of dated names */
	if (last + 1 < d->token_count && name_gap(x, last) &&
	    d->tokens[last + 1].kind == FL_TOK_NUMBER &&
	    d->tokens[last + 1].end - d->tokens[last + 1].start == 4 &&
	    tok_in(x, &x->in->data->year_words, last) &&
	    !possessive(d, &d->tokens[last]))
		return last + 1;
	/* "Llama 4", "Windows 11": a short number right after a one-word
	 * name */
	if (last == i && last + 1 < d->token_count && name_gap(x, last) &&
	    d->tokens[last + 1].kind == FL_TOK_NUMBER &&
	    d->tokens[last + 1].end - d->tokens[last + 1].start <= 2 &&
	    !possessive(d, &d->tokens[last]) &&
	    joined_digit(d, d->tokens[last + 1].start, d->tokens[last + 1].end,
	                 1) == SIZE_MAX)
		last++; /* not "Livingston 1-0 Rangers" */
	return last;
}

/* The key of tokens [a, b] joined by spaces, possessive dropped. */
static size_t run_key(const ex *x, size_t a, size_t b, uint16_t *k, size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i <= b; i++) {
		const fl__token *t = &x->d->tokens[i];
		size_t len = i == b ? name_len(x, i) : t->keylen;
		if (n + len + 1 > cap || len == 0)
			return 0;
		if (i > a)
			k[n++] = ' ';
		memcpy(k + n, fl__tok_key(x->d, t), len * sizeof(*k));
		n += len;
	}
	return n;
}

/* "McIlroy", "MacPherson", "LeBron": a name's prefix and a capitalised
 * rest (rules/extract name_prefixes), not a brand's capitals. */
static bool prefixed_name(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *s = x->d->text + t->start;
	const uint16_t *k = fl__tok_key(x->d, t);
	size_t n = t->end - t->start, up = 0;
	for (size_t p = 1; p < n; p++)
		up += s[p] >= 'A' && s[p] <= 'Z';
	for (size_t p = 1; p + 1 < n && up == 1; p++)
		if (s[p] >= 'A' && s[p] <= 'Z')
			return p <= t->keylen &&
			       in_set(&x->in->data->name_prefixes, k, p);
	return false;
}

static int add_cand(ex *x, size_t a, size_t b, bool title)
{
	const fl__doc *d = x->d;
	uint16_t k[FL_TOKEN_MAX * 4];
	size_t n = run_key(x, a, b, k, FL_ARRAY_SIZE(k)), end;
	uintptr_t v;
	cand *c;

	if (n == 0)
		return 0;
	if (fl_map_get(&x->seen, k, n * 2, &v)) {
		x->c[v - 1].title |= title;
		return 0;
	}
	if (fl__grow((void **)&x->c, &x->cap, x->n + 1, sizeof(*x->c)) < 0 ||
	    fl_map_put(&x->seen, k, n * 2, x->n + 1) < 0)
		return FL_ENOMEM;
	c = &x->c[x->n++];
	memset(c, 0, sizeof(*c));
	memcpy(c->key, k, n * 2);
	c->keylen = n;
	c->ntok = (uint32_t)(b - a + 1);
	c->first_tok = (uint32_t)a;
	c->title = title;
	c->alias_of = c->alias_first = c->alias_next = -1;
	end = d->tokens[b].end;
	if (possessive(d, &d->tokens[b]) && !name_s(x, b))
		end -= d->text[end - 1] == 's' ? 2 : 1;
	else if (end < d->len && d->text[end] == '.' &&
	         end - d->tokens[b].start >= 3 &&
	         d->text[d->tokens[b].start + 1] == '.')
		end++; /* "U.S." keeps its last dot */
	fl__u16_to_utf8_buf(c->display, sizeof(c->display),
	                    d->text + d->tokens[a].start,
	                    end - d->tokens[a].start);
	for (size_t i = a; i <= b; i++) {
		const fl__token *t = &d->tokens[i];
		c->name_s |= name_s(x, i);
		c->org |= tok_in(x, &x->in->data->org_words, i) ||
		          (t->flags & FL_TOKF_UPPER) ||
		          ((t->flags & FL_TOKF_MIXED) && !prefixed_name(x, i));
		c->place |= tok_in(x, &x->in->data->place_words, i);
		c->event |= tok_in(x, &x->in->data->event_words, i);
	}
	c->territory = in_set(&x->in->data->territories, k, n);
	c->place |= c->territory;
	return 0;
}

/* May a name open at token i? */
static bool opens_name(const ex *x, size_t i)
{
	return (capitalised(x, i) || opener(x, i)) &&
	       !x->headline[x->d->tokens[i].line];
}

/* Leading and trailing titles off the run [*a, *b] ("CEO Mark
 * Zuckerberg", "Arizona Sen."); *title tells whether one stood before.
 * False when no name is left: an ordinary word before a title is the
 * title's ("the Presiding Officer", "Assembly Members"). */
static bool trim_titles(const ex *x, size_t *a, size_t *b, bool *title)
{
	size_t end = *b;
	while (*a < *b && title_at(x, *a)) {
		(*a)++;
		*title = true;
		/* "Secretary of State Mike Pompeo": the title's complement */
		if (*a + 2 < *b && (x->d->tokens[*a].flags & FL_TOKF_LOWER) &&
		    tok_in(x, &x->in->data->connectors, *a))
			*a += 2;
	}
	while (*b > *a && tok_in(x, &x->in->data->titles, *b))
		(*b)--;
	if (*b < end && *a == *b && (x->d->tokens[*a].flags & FL_TOKF_TITLE) &&
	    known_lower(x, *a) > 0)
		return false;
	while (*a < *b && (x->d->tokens[*a].flags & FL_TOKF_LOWER) &&
	       (tok_in(x, &x->in->data->connectors, *a) ||
	        tok_in(x, &x->in->data->weak_connectors, *a)))
		(*a)++; /* "Secretary of State" */
	return true;
}

/* Records what the names inside sentences show: their first words, the
 * names of one word, and the whole names. Words written without "'s" and
 * in lower case are recorded first, for name_s and shouted. */
static int mark_evidence(ex *x)
{
	const fl__doc *d = x->d;
	uint16_t k[FL_TOKEN_MAX * 4];
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		if (t->kind != FL_TOK_WORD || t->keylen == 0)
			continue;
		if ((t->flags & FL_TOKF_LOWER) &&
		    fl_map_put(&x->lower, fl__tok_key(d, t), t->keylen * 2, 1) <
		        0)
			return FL_ENOMEM;
		if (capital_word(x, i) && !possessive(d, t) &&
		    fl_map_put(&x->bare, fl__tok_key(d, t), t->keylen * 2, 1) <
		        0)
			return FL_ENOMEM;
		if (capital_word(x, i) && possessive(d, t) &&
		    (i + 1 == d->token_count ||
		     !fl__doc_gap_is_space(d, t->end, d->tokens[i + 1].start) ||
		     tok_in(x, &x->in->data->function_words, i + 1)) &&
		    fl_map_put(&x->s_end, fl__tok_key(d, t), t->keylen * 2, 1) <
		        0)
			return FL_ENOMEM;
	}
	for (size_t i = 0; i < d->token_count; i++) {
		size_t a = i, b, n;
		bool title = false;
		if (!opens_name(x, i))
			continue;
		b = run_end(x, i);
		i = b;
		if (!trim_titles(x, &a, &b, &title) || sent_start(x, a, b) ||
		    !(d->tokens[a].flags & (FL_TOKF_TITLE | FL_TOKF_MIXED)))
			continue;
		if (fl_map_put(&x->mid_first, fl__tok_key(d, &d->tokens[a]),
		               bare_len(d, &d->tokens[a]) * 2, 1) < 0 ||
		    (a == b &&
		     fl_map_put(&x->mid_alone, fl__tok_key(d, &d->tokens[a]),
		                bare_len(d, &d->tokens[a]) * 2, 1) < 0))
			return FL_ENOMEM;
		if ((n = run_key(x, a, b, k, FL_ARRAY_SIZE(k))) > 0 &&
		    fl_map_put(&x->mid_run, k, n * 2, 1) < 0)
			return FL_ENOMEM;
	}
	return 0;
}

/* Is the run [a, b], opening a sentence, a name as it stands? A word the
 * dictionary does not know in lower case, or one the text writes as a
 * name inside a sentence: alone for a name of one word ("Meta declined"),
 * opening one or as the whole name for a longer one ("Supreme Court
 * nominee ..."). 1 yes, 0 no, negative on failure. */
static int sentence_name(const ex *x, size_t a, size_t b)
{
	uint16_t k[FL_TOKEN_MAX * 4];
	size_t n;
	int r;
	if (a == b ? tok_in(x, &x->mid_alone, a)
	           : tok_in(x, &x->mid_first, a) ||
	                 tok_in(x, &x->in->data->place_words, a))
		return 1;
	if (a < b && (n = run_key(x, a, b, k, FL_ARRAY_SIZE(k))) > 0 &&
	    in_set(&x->mid_run, k, n))
		return 1;
	if (x->d->tokens[a].flags & (FL_TOKF_UPPER | FL_TOKF_MIXED))
		return 1;
	if ((r = known_lower(x, a)) < 0)
		return r;
	return !r;
}

/* One name found at [a, b] (titles off): filtered and added. */
static int consider(ex *x, size_t a, size_t b, bool title)
{
	int r;
	/* A word opening a sentence: "Further Meta ...", but not "New
	 * York" */
	if (sent_start(x, a, b) && (r = sentence_name(x, a, b)) <= 0) {
		if (r < 0)
			return r;
		if (a == b)
			return 0;
		a++;
		while (a < b && !capitalised(x, a))
			a++; /* a connector left first */
	}
	/* "British", "North Korean", "Democratic": describes, names
	 * nothing */
	if ((r = describer(x, b, a == b)) != 0)
		return r < 0 ? r : 0;
	if (a + 1 == b && (r = describer(x, a, true)) != 0) {
		/* "A Welsh Conservative said": a people's word and an
		 * adjective; not "the Pacific Ocean" */
		if (r < 0 || (r == 1 && (r = describer(x, b, true)) != 0))
			return r < 0 ? r : 0;
	}
	if (a == b) {
		/* Titles alone, acronyms in the plural (AMs, MPs) and
		 * kinds of event alone ("Hurricane") are common nouns. */
		if (tok_in(x, &x->in->data->titles, a) ||
		    tok_in(x, &x->in->data->event_words, a) ||
		    plural_acronym(x, a))
			return 0;
	}
	return add_cand(x, a, b, title);
}

/* An ordinal in digits ("125th": rules/extract ordinal_suffixes). */
static bool ordinal(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *k = fl__tok_key(x->d, t);
	size_t n = t->keylen, digits = 0;
	while (digits < n && k[digits] >= '0' && k[digits] <= '9')
		digits++;
	if (digits == 0 || digits == n)
		return false;
	return in_set(&x->in->data->ordinal_suffixes, k + digits, n - digits);
}

static int discover(ex *x)
{
	const fl__doc *d = x->d;
	int error = 0;

	for (size_t i = 0; i < d->token_count && error >= 0; i++) {
		const fl__token *t = &d->tokens[i];
		size_t a = i, b, start, end;
		bool title = false;
		int r;

		/* @handles */
		if ((t->flags & FL_TOKF_MASKED) && t->start > 0 &&
		    d->text[t->start - 1] == '@') {
			error = add_cand(x, i, i, false);
			continue;
		}
		if (!opens_name(x, i))
			continue;
		b = run_end(x, i);
		i = b;
		start = a;
		/* "Meta CEO Mark Zuckerberg": a title inside a run ends one
		 * name and opens a person's */
		for (size_t k = a + 1; k < b; k++) {
			bool titles_only = true;
			if (!title_at(x, k))
				continue;
			for (size_t j = a; j < k; j++)
				titles_only &=
				    tok_in(x, &x->in->data->titles, j);
			/* "North Korean Foreign Minister": an ordinary word
			 * right before the title is the title's */
			end = k - 1;
			if (end > a && (d->tokens[end].flags & FL_TOKF_TITLE) &&
			    (r = known_lower(x, end)) != 0) {
				if (r < 0)
					return r;
				end--;
			}
			if (!titles_only &&
			    (error = consider(x, a, end, false)) < 0)
				return error;
			a = k;
			break;
		}
		/* "Secretary of State Mike Pompeo": the title's complement
		 * after "Secretary of" */
		if (a == start && a + 1 < b && a >= 2 &&
		    (d->tokens[a - 1].flags & FL_TOKF_LOWER) &&
		    tok_in(x, &x->in->data->connectors, a - 1) &&
		    tok_in(x, &x->in->data->titles, a - 2) &&
		    fl__doc_gap_is_space(d, d->tokens[a - 2].end,
		                         d->tokens[a - 1].start) &&
		    fl__doc_gap_is_space(d, d->tokens[a - 1].end,
		                         d->tokens[a].start)) {
			a++;
			title = true;
		}
		/* "125th Street": an ordinal before a word of places */
		if (a == start && a > 0 && ordinal(x, a - 1) &&
		    name_gap(x, a - 1) &&
		    tok_in(x, &x->in->data->place_words, a))
			a--;
		if (trim_titles(x, &a, &b, &title))
			error = consider(x, a, b, title);
	}
	return error;
}

/* Is candidate c a person's name? Titles before it or a given name first
 * ("Theresa", "Jason": the dictionary knows them only capitalised), or
 * its last word used alone ("Mark Zuckerberg ... Zuckerberg"); never a
 * place ("in Baja California", "California" alone a place), an
 * organisation or an event. */
static int classify(ex *x, cand *c)
{
	const fl__doc *d = x->d;
	uint16_t last[FL_TOKEN_MAX];
	size_t ln = 0, lw = c->keylen;
	uintptr_t v;
	int r;

	if (c->ntok < 2 || c->ntok > 3 || c->org || c->place || c->event ||
	    c->after_place_word > 0)
		return 0;
	for (size_t i = c->first_tok; i < c->first_tok + c->ntok; i++)
		if (!((d->tokens[i].flags & FL_TOKF_TITLE) ||
		      ((d->tokens[i].flags & FL_TOKF_MIXED) &&
		       prefixed_name(x, i))) ||
		    (i > c->first_tok &&
		     !fl__doc_gap_is_space(d, d->tokens[i - 1].end,
		                           d->tokens[i].start) &&
		     d->tokens[i - 1].end - d->tokens[i - 1].start > 1))
			return 0;
	if (c->title) {
		c->person = true;
		return 0;
	}
	if (tok_in(x, &x->in->data->stop, c->first_tok))
		return 0; /* "This Morning", "Saturday Night Live" */
	if ((r = given_name(x, c->first_tok)) != 0) {
		c->person = r > 0;
		return r < 0 ? r : 0;
	}
	/* Or the last word used alone. */
	while (lw > 0 && c->key[lw - 1] != ' ')
		lw--;
	ln = c->keylen - lw;
	memcpy(last, c->key + lw, ln * 2);
	if (fl_map_get(&x->seen, last, ln * 2, &v)) {
		const cand *s = &x->c[v - 1];
		c->person = !s->place && !s->org && s->after_place_word == 0;
	}
	return 0;
}

/* Whether candidate c stands at token i, written as it was first seen
 * (counts are case-sensitive: "To" is not "to"); *last gets its last
 * token. */
static bool cand_at(const ex *x, const cand *c, size_t i, size_t *last)
{
	const fl__doc *d = x->d;
	uint16_t k[FL_TOKEN_MAX * 4];
	size_t b = i + c->ntok - 1, n;
	if (b >= d->token_count)
		return false;
	for (size_t j = i; j < b; j++)
		if (!name_gap(x, j) &&
		    !fl__doc_gap_is_space(d, d->tokens[j].end,
		                          d->tokens[j + 1].start))
			return false;
	n = run_key(x, i, b, k, FL_ARRAY_SIZE(k));
	if (n != c->keylen || memcmp(k, c->key, n * 2) != 0)
		return false;
	for (size_t j = 0; j < c->ntok; j++) {
		const fl__token *t = &d->tokens[i + j],
		                *f = &d->tokens[c->first_tok + j];
		size_t tl = t->end - t->start, fl = f->end - f->start;
		tl -= t->keylen - (i + j == b ? name_len(x, i + j) : t->keylen);
		fl -= f->keylen - (j + 1 == c->ntok
		                       ? name_len(x, c->first_tok + j)
		                       : f->keylen);
		if (!fl__same_text(d->text + t->start, tl, d->text + f->start,
		                   fl))
			return false;
	}
	*last = b;
	return true;
}

static int occ_cmp(const void *a, const void *b)
{
	const occurrence *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * Where a candidate may stand: the tokens whose first key is a given
 * word, in text order. A candidate of several words starts at a token
 * whose whole key is its first word; a one-word candidate at a token
 * whose key without a possessive (name_len) is the word. Two chains
 * over the tokens, headed from two maps: `count` asks cand_at only at
 * these tokens instead of at every token for every candidate.
 */
typedef struct {
	fl_map whole, bare;   /* key -> first token index + 1 */
	uint32_t *next_whole; /* token -> next token index + 1, or 0 */
	uint32_t *next_bare;
} starts;

static void starts_dispose(starts *s)
{
	fl_map_dispose(&s->whole);
	fl_map_dispose(&s->bare);
	free(s->next_whole);
	free(s->next_bare);
}

/* Chains one token into map m (heads) and next (links); tokens are
 * added last to first, so each chain is in text order. */
static int starts_link(fl_map *m, uint32_t *next, const uint16_t *k, size_t n,
                       size_t i)
{
	bool inserted;
	uintptr_t *head;
	if (n == 0)
		return 0;
	if (!(head = fl_map_slot_of(m, k, n * 2, 0, &inserted)))
		return FL_ENOMEM;
	next[i] = (uint32_t)*head;
	*head = (uintptr_t)i + 1;
	return 0;
}

/* Builds the start chains of every token of x's document. Returns 0 or
 * FL_ENOMEM. */
static int starts_build(starts *s, const ex *x)
{
	const fl__doc *d = x->d;
	size_t n = d->token_count ? d->token_count : 1;
	int error = 0;
	if (d->token_count >= UINT32_MAX)
		return FL_ELIMIT;
	s->next_whole = calloc(n, sizeof(*s->next_whole));
	s->next_bare = calloc(n, sizeof(*s->next_bare));
	if (!s->next_whole || !s->next_bare)
		return FL_ENOMEM;
	for (size_t i = d->token_count; i-- > 0 && error == 0;) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		if ((error = starts_link(&s->whole, s->next_whole, k, t->keylen,
		                         i)) == 0)
			error = starts_link(&s->bare, s->next_bare, k,
			                    name_len(x, i), i);
	}
	return error;
}

/* The first token where candidate c may stand (index + 1, 0 when none),
 * and the chain to follow from it. */
static uint32_t starts_first(const starts *s, const cand *c,
                             const uint32_t **next)
{
	size_t w = 0;
	uintptr_t v;
	while (w < c->keylen && c->key[w] != ' ')
		w++;
	*next = c->ntok > 1 ? s->next_whole : s->next_bare;
	return fl_map_get(c->ntok > 1 ? &s->whole : &s->bare, c->key, w * 2, &v)
	           ? (uint32_t)v
	           : 0;
}

/* Counts every candidate's mentions, longest names first, tells persons
 * (classify); a person's surname alone counts for the person. */
static int count(ex *x)
{
	const fl__doc *d = x->d;
	starts st = {FL_MAP_INIT, FL_MAP_INIT, NULL, NULL};
	size_t *order = malloc((x->n ? x->n : 1) * sizeof(*order));
	uint32_t *into = malloc((x->n ? x->n : 1) * sizeof(*into));
	int serr = 0;
	if (!order || !into || (serr = starts_build(&st, x)) < 0) {
		serr = order && into ? serr : FL_ENOMEM;
		starts_dispose(&st);
		free(order);
		free(into);
		return serr;
	}
	for (size_t i = 0; i < x->n; i++)
		into[i] = UINT32_MAX; /* where its mentions move, if anywhere */
	for (size_t i = 0; i < x->n; i++)
		order[i] = i;
	for (size_t i = 1; i < x->n; i++) /* by length, stable */
		for (size_t j = i;
		     j > 0 && x->c[order[j - 1]].ntok < x->c[order[j]].ntok;
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (size_t o = 0; o < x->n; o++) {
		cand *c = &x->c[order[o]];
		const uint32_t *next;
		size_t from = 0; /* a counted mention's tokens are passed */
		for (uint32_t at = starts_first(&st, c, &next); at;
		     at = next[at - 1]) {
			size_t i = at - 1, last;
			bool free_run = true;
			if (i < from || !cand_at(x, c, i, &last))
				continue;
			for (size_t j = i; j <= last; j++)
				free_run &= !x->claimed[j];
			if (!free_run)
				continue;
			c->count++;
			if (i > 0 &&
			    d->tokens[i - 1].line == d->tokens[i].line &&
			    (d->tokens[i - 1].flags & FL_TOKF_LOWER) &&
			    tok_in(x, &x->in->data->place_before, i - 1) &&
			    fl__doc_gap_is_space(d, d->tokens[i - 1].end,
			                         d->tokens[i].start))
				c->after_place_word++;
			if (fl__grow((void **)&x->occ, &x->occcap, x->nocc + 1,
			             sizeof(*x->occ)) < 0) {
				starts_dispose(&st);
				free(order);
				free(into);
				return FL_ENOMEM;
			}
			x->occ[x->nocc].cand = (uint32_t)order[o];
			x->occ[x->nocc++].line = d->tokens[i].line;
			for (size_t j = i; j <= last; j++)
				x->claimed[j] = 1;
			/* "Meta Superintelligence Labs (MSL)" */
			if (c->ntok > 1 && last + 2 < d->token_count &&
			    fl__doc_gap_equals(d, d->tokens[last].end,
			                       d->tokens[last + 1].start,
			                       (const uint16_t[]){' ', '('},
			                       2) &&
			    (d->tokens[last + 1].flags & FL_TOKF_UPPER) &&
			    d->tokens[last + 1].end < d->len &&
			    d->text[d->tokens[last + 1].end] == ')') {
				uintptr_t v;
				const fl__token *a = &d->tokens[last + 1];
				if (fl_map_get(&x->seen, fl__tok_key(d, a),
				               a->keylen * 2, &v) &&
				    x->c[v - 1].ntok == 1)
					x->c[v - 1].alias_of =
					    (int32_t)order[o];
			}
			from = last + 1;
		}
	}
	/* Who is a person, now that "in X" is known; then surnames alone
	 * count for them. */
	for (size_t i = 0; i < x->n; i++) {
		int error = classify(x, &x->c[i]);
		if (error < 0) {
			starts_dispose(&st);
			free(order);
			free(into);
			return error;
		}
	}
	for (size_t o = 0; o < x->n; o++) {
		cand *c = &x->c[order[o]];
		size_t lw = c->keylen;
		uintptr_t v;
		if (!c->person)
			continue;
		while (lw > 0 && c->key[lw - 1] != ' ')
			lw--;
		if (!fl_map_get(&x->seen, c->key + lw, (c->keylen - lw) * 2,
		                &v))
			continue;
		/* the surname's own count becomes the person's, and its
		 * mentions the first such person's */
		c->count += x->c[v - 1].count;
		x->c[v - 1].gone = true;
		if (into[v - 1] == UINT32_MAX)
			into[v - 1] = (uint32_t)order[o];
	}
	for (size_t i = 0; i < x->n; i++) {
		cand *c = &x->c[i];
		if (c->alias_of >= 0 && !c->gone) {
			x->c[c->alias_of].count += c->count;
			c->gone = true;
			into[i] = (uint32_t)c->alias_of;
		}
	}
	/* A surname's or an alias's mentions move to the name they count
	 * for (never a chain: both are one word, their names longer). */
	for (size_t k = 0; k < x->nocc; k++)
		if (into[x->occ[k].cand] != UINT32_MAX)
			x->occ[k].cand = into[x->occ[k].cand];
	for (size_t i = x->n; i-- > 0;) /* each name's aliases, in order */
		if (x->c[i].alias_of >= 0) {
			x->c[i].alias_next = x->c[x->c[i].alias_of].alias_first;
			x->c[x->c[i].alias_of].alias_first = (int32_t)i;
		}
	/* By line, for writing the facts of one line (aligned checking) */
	if (x->nocc > 1)
		qsort(x->occ, x->nocc, sizeof(*x->occ), occ_cmp);
	starts_dispose(&st);
	free(order);
	free(into);
	return 0;
}

/* ----------------------------------------------------------------- YAML */

/* What a facts file says before its entities, up to source_lang's value
 * (FACTS_HEAD_LINES lines, the last ended by the value's line end). */
#define FACTS_HEAD                                                             \
	"version: 1\n# 'extracted': kinds are guessed and no name is known "   \
	"to need keeping untranslated;\n# write 'edited' once reviewed.\n"     \
	"origin: extracted\nsource_lang: "
#define FACTS_HEAD_LINES 5

/* s as a YAML double-quoted scalar. Escaped: quotes, backslashes, and
 * what libyaml refuses raw ("control characters are not allowed"): C0
 * controls, DEL, C1 controls, U+FFFE and U+FFFF. */
static int put_quoted(fl_buf *b, const char *s)
{
	int error = fl_buf_putc(b, '"');
	for (; *s && error == 0; s++) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[0] == '"' || u[0] == '\\') {
			error = fl_buf_printf(b, "\\%c", u[0]);
		} else if (u[0] < 0x20 || u[0] == 0x7F) {
			error = fl_buf_printf(b, "\\x%02x", u[0]);
		} else if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F) {
			error = fl_buf_printf(b, "\\x%02x", u[1]);
			s++;
		} else if (u[0] == 0xEF && u[1] == 0xBF &&
		           (u[2] == 0xBE || u[2] == 0xBF)) {
			error = fl_buf_puts(b, u[2] == 0xBE ? "\\uFFFE"
			                                    : "\\uFFFF");
			s += 2;
		} else {
			error = fl_buf_putc(b, *s);
		}
	}
	return error < 0 ? error : fl_buf_putc(b, '"');
}

/* The kind the evidence points to: a title or a given name (person), a
 * kind of event ("Hurricane Rosa"), a word of organisations, a CLDR
 * territory or a word of places, capitals (an acronym: org), or "in X"
 * (place). */
static const char *kind_name(const ex *x, const cand *c)
{
	const fl__doc *d = x->d;
	if (c->person)
		return "person";
	if (c->event)
		return "other";
	if (c->territory || (c->place && !c->org))
		return "place";
	if (c->org || (c->ntok == 1 &&
	               (d->tokens[c->first_tok].flags &
	                (FL_TOKF_UPPER | FL_TOKF_MIXED)) &&
	               !prefixed_name(x, c->first_tok)))
		return "org";
	if (c->place || c->after_place_word > 0)
		return "place";
	return "other";
}

static size_t line_of(const fl__doc *d, size_t off)
{
	size_t line, col;
	fl__doc_position(d, off, &line, &col);
	return line;
}

/* The noun counted after a plain count: "200 employees", "two former
 * employees" (a plural within two words), "two people with". *tok gets
 * its token index (SIZE_MAX for none). */
static void counted_noun(const ex *x, const fl__quantity *q, char *out,
                         size_t cap, size_t *tok)
{
	const fl__doc *d = x->d;
	size_t first = SIZE_MAX, pick = SIZE_MAX, seen = 0, prev_end = q->end;
	size_t lo = 0, hi = d->token_count;
	out[0] = '\0';
	/* The first token after the number (tokens are in text order): a
	 * scan from the first token made extraction quadratic in numbers
	 * times tokens. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->tokens[mid].start < q->end)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < d->token_count && seen < 2; i++) {
		const fl__token *t = &d->tokens[i];
		const uint16_t *k = fl__tok_key(d, t);
		if (t->kind != FL_TOK_WORD || !(t->flags & FL_TOKF_LOWER) ||
		    t->script != x->latin || t->keylen < 3 ||
		    !fl__doc_gap_is_space(d, prev_end, t->start) ||
		    in_set(&x->in->data->function_words, k, t->keylen))
			break;
		if (first == SIZE_MAX)
			first = i;
		if (k[t->keylen - 1] == 's') {
			pick = i;
			break;
		}
		prev_end = t->end;
		seen++;
	}
	if (pick == SIZE_MAX)
		pick = first;
	*tok = pick;
	if (pick != SIZE_MAX)
		fl__u16_to_utf8_buf(out, cap, fl__tok_key(d, &d->tokens[pick]),
		                    d->tokens[pick].keylen);
}

typedef struct {
	char value[64], unit[64];
	size_t noun; /* token of the counted noun, SIZE_MAX for none */
} numkey;

/* Offset of the digit joined to [s, e) by a hyphen or dash ("1-0",
 * "38 - 17", "18-7"), looking forward (dir 1) or back (-1); SIZE_MAX for
 * none. */
static size_t joined_digit(const fl__doc *d, size_t s, size_t e, int dir)
{
	size_t p = dir > 0 ? e : s, dash = 0;
	for (size_t steps = 0; steps < 4; steps++) {
		uint16_t c;
		if (dir > 0 ? p >= d->len : p == 0)
			return SIZE_MAX;
		c = dir > 0 ? d->text[p] : d->text[p - 1];
		if (c == '-' || c == 0x2013 || c == 0x2014)
			dash++;
		else if (c != ' ')
			return dash == 1 && fl__digit_value(c) >= 0
			           ? (dir > 0 ? p : p - 1)
			           : SIZE_MAX;
		p = dir > 0 ? p + 1 : p - 1;
	}
	return SIZE_MAX;
}

/* The first of n records (size bytes each, at base, sorted by the
 * uint32_t field at offset off) whose field is at least v. */
static size_t first_at_least(const void *base, size_t n, size_t size,
                             size_t off, size_t v)
{
	const char *r = base;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t f;
		memcpy(&f, r + mid * size + off, sizeof(f));
		if (f < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first token starting at or after offset p. */
static size_t token_from(const fl__doc *d, size_t p)
{
	return first_at_least(d->tokens, d->token_count, sizeof(*d->tokens),
	                      offsetof(fl__token, start), p);
}

/* Is the word beside [s, e) (after it for dir 1, before it for -1),
 * between hyphens and before or after a digit, a unit of compound
 * heights ("6-foot-6": rules/extract compound_units)? */
static bool compound_unit(const ex *x, size_t s, size_t e, int dir)
{
	const fl__doc *d = x->d;
	size_t i;
	const fl__token *t;
	if (dir > 0) {
		if (e + 1 >= d->len || d->text[e] != '-')
			return false;
		i = token_from(d, e + 1);
		if (i >= d->token_count || d->tokens[i].start != e + 1)
			return false;
	} else {
		if (s < 2 || d->text[s - 1] != '-')
			return false;
		i = token_from(d, s - 1);
		if (i == 0 || d->tokens[i - 1].end != s - 1)
			return false;
		i--;
	}
	t = &d->tokens[i];
	if (!tok_in(x, &x->in->data->compound_units, i))
		return false;
	return dir > 0 ? t->end + 1 < d->len && d->text[t->end] == '-' &&
	                     fl__digit_value(d->text[t->end + 1]) >= 0
	               : t->start >= 2 && d->text[t->start - 1] == '-' &&
	                     fl__digit_value(d->text[t->start - 2]) >= 0;
}

/* Not a quantity of the text: a plain number in a score, a record or a
 * range of plain numbers ("a 1-0 win", "Ayr 38 - 17 Melrose", "is
 * 18-7"), or a height ("6-foot-6"). */
static bool not_quantity(const ex *x, const fl__quantity *r)
{
	if (r->kind != FL_QTY_COUNT && r->kind != FL_QTY_MEASURE)
		return false;
	if (compound_unit(x, r->start, r->end, 1) ||
	    compound_unit(x, r->start, r->end, -1))
		return true;
	return r->kind == FL_QTY_COUNT &&
	       (joined_digit(x->d, r->start, r->end, 1) != SIZE_MAX ||
	        joined_digit(x->d, r->start, r->end, -1) != SIZE_MAX);
}

/* The facts-file value and unit of quantity r; false for none. */
static bool number_key(const ex *x, const fl__quantity *r, numkey *k)
{
	memset(k, 0, sizeof(*k));
	k->noun = SIZE_MAX;
	if (r->vague || r->optional || r->weak ||
	    (r->spelled && r->value == 1) || not_quantity(x, r))
		return false;
	switch (r->kind) {
	case FL_QTY_TIME:
		snprintf(k->value, sizeof(k->value), "'%02d:%02d'",
		         (int)r->value / 60, (int)r->value % 60);
		break;
	case FL_QTY_DATE:
		if (r->year && r->day)
			snprintf(k->value, sizeof(k->value), "%04d-%02d-%02d",
			         r->year, r->month, r->day);
		else if (r->day)
			snprintf(k->value, sizeof(k->value), "'--%02d-%02d'",
			         r->month, r->day);
		else
			snprintf(k->value, sizeof(k->value), "%04d-%02d",
			         r->year, r->month);
		break;
	case FL_QTY_SCORE: /* a range that may go down: "2-1" */
		snprintf(k->value, sizeof(k->value), "%.15g-%.15g", r->value,
		         r->alt);
		break;
	default:
		snprintf(k->value, sizeof(k->value), "%.15g", r->value);
	}
	if (r->kind == FL_QTY_MONEY || r->kind == FL_QTY_MEASURE)
		snprintf(k->unit, sizeof(k->unit), "%s", r->unit);
	else if (r->kind == FL_QTY_PERCENT)
		snprintf(k->unit, sizeof(k->unit), "percent");
	else if (r->kind == FL_QTY_SCORE)
		snprintf(k->unit, sizeof(k->unit), "score");
	else if (r->kind == FL_QTY_COUNT)
		counted_noun(x, r, k->unit, sizeof(k->unit), &k->noun);
	/* an ordinal of position ("25th amendment", "second meeting") is no
	 * count of its noun, which stays in `about` */
	if (r->kind == FL_QTY_COUNT && r->ordinal)
		snprintf(k->unit, sizeof(k->unit), "ordinal");
	return true;
}

/* The original's words for quantity r, for a number's `about`: the
 * number as written, with the noun it counts when that stands right
 * after it ("89th minute", "281-store", "Five weeks", "£125m"). */
static void number_words(const ex *x, const fl__quantity *r, const numkey *k,
                         char *out, size_t cap)
{
	const fl__doc *d = x->d;
	size_t e = r->end;
	if (k->noun != SIZE_MAX) {
		const fl__token *t = &d->tokens[k->noun];
		if (t->start == e + 1 &&
		    (d->text[e] == ' ' || d->text[e] == '-'))
			e = t->end;
	}
	/* the rest of a hyphenated word: "13-year-old" */
	while (e + 1 < d->len && d->text[e] == '-' &&
	       fl__is_word_char(d->text[e + 1]) &&
	       fl__digit_value(d->text[e + 1]) < 0) {
		e++;
		while (e < d->len && fl__is_word_char(d->text[e]))
			e++;
	}
	fl__u16_to_utf8_buf(out, cap, d->text + r->start, e - r->start);
}

/* The first quantity starting at or after offset p. */
static size_t quantity_from(const ex *x, size_t p)
{
	return first_at_least(x->q, x->nq, sizeof(*x->q),
	                      offsetof(fl__quantity, start), p);
}

/* What the traversal of the facts (each_fact) gives its sink, fact by
 * fact, in the order of the facts file. */
typedef struct {
	const char *name, *kind;
	const char *const *aliases;
	size_t alias_count;
	uint32_t count;
	size_t line; /* 1-based line of the original first seen on */
} fact_entity;

typedef struct {
	const char *value; /* as written in the file (a time quoted) */
	const char *unit;  /* "" for none */
	const char *about; /* "" for none */
	size_t line;       /* 1-based line of the original */
} fact_number;

typedef struct {
	int (*entity)(void *ctx, const fact_entity *e);
	int (*entities_end)(void *ctx, size_t shown);
	int (*number)(void *ctx, const fact_number *n);
	int (*numbers_end)(void *ctx, size_t shown);
} fact_sink;

/* The numbers of line (or all with FL_EXTRACT_ALL), each once, to sink
 * s. */
static int each_number(const ex *x, size_t line, const fact_sink *s, void *ctx)
{
	/* Value and unit of each number given, "value\0unit": a number seen
	 * again is not given twice (a map, not a scan of the earlier ones,
	 * which was quadratic in the numbers of a text). */
	fl_map seen = FL_MAP_INIT;
	int error = 0;

	size_t first = 0, end = x->nq;

	if (line != FL_EXTRACT_ALL && line >= x->d->line_count) {
		end = 0; /* no such line: no numbers */
	} else if (line != FL_EXTRACT_ALL) {
		/* the quantities (in text order) that start on line */
		size_t a = x->d->lines[line];
		size_t z = line + 1 < x->d->line_count ? x->d->lines[line + 1]
		                                       : x->d->len;
		first = quantity_from(x, a);
		end = quantity_from(x, z);
	}
	for (size_t i = first; i < end && error == 0; i++) {
		const fl__quantity *r = &x->q[i];
		char about[256], key[sizeof(numkey)];
		size_t vn, un;
		fact_number fn;
		numkey k;
		bool fresh = false;
		if (!number_key(x, r, &k))
			continue;
		vn = strlen(k.value);
		un = strlen(k.unit);
		memcpy(key, k.value, vn + 1);
		memcpy(key + vn + 1, k.unit, un);
		if (!fl_map_slot_of(&seen, key, vn + 1 + un, 1, &fresh)) {
			error = FL_ENOMEM;
			break;
		}
		if (!fresh)
			continue;
		number_words(x, r, &k, about, sizeof(about));
		fn.value = k.value;
		fn.unit = k.unit;
		fn.about = about;
		fn.line =
		    line == FL_EXTRACT_ALL ? line_of(x->d, r->start) : line + 1;
		error = s->number(ctx, &fn);
	}
	if (error == 0)
		error = s->numbers_end(ctx, seen.count);
	fl_map_dispose(&seen);
	return error;
}

static int pair_cmp(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* *out: the candidates mentioned on `line` (0-based) and how often, as
 * (candidate, count) pairs in candidate order, *n of them; NULL when
 * none. The line's mentions are found by binary search, so writing every
 * line's facts costs the mentions, not lines x candidates. Returns 0 or
 * FL_ENOMEM. */
static int mentions_on(const ex *x, size_t line, uint32_t **out, size_t *n)
{
	size_t lo = first_at_least(x->occ, x->nocc, sizeof(*x->occ),
	                           offsetof(occurrence, line), line);
	size_t hi = lo, k = 0;
	uint32_t *p;
	*out = NULL;
	*n = 0;
	while (hi < x->nocc && x->occ[hi].line == line)
		hi++;
	if (hi == lo)
		return 0;
	if (!(p = calloc(2 * (hi - lo), sizeof(*p))))
		return FL_ENOMEM;
	for (size_t i = lo; i < hi; i++) {
		p[2 * (i - lo)] = x->occ[i].cand;
		p[2 * (i - lo) + 1] = 1;
	}
	qsort(p, hi - lo, 2 * sizeof(*p), pair_cmp);
	for (size_t i = 0; i < hi - lo; i++) {
		if (k > 0 && p[2 * (k - 1)] == p[2 * i]) {
			p[2 * (k - 1) + 1]++;
			continue;
		}
		p[2 * k] = p[2 * i];
		p[2 * k + 1] = 1;
		k++;
	}
	*out = p;
	*n = k;
	return 0;
}

/* out: display without its "'s" (or "’s"); false when it has none. */
static bool without_s(char *out, const char *display)
{
	size_t n = 0;
	bool cut = false;
	for (const char *p = display; *p;) {
		if (p[0] == '\'' && p[1] == 's' && (p[2] == ' ' || !p[2])) {
			p += 2;
			cut = true;
		} else if (strncmp(p, "\xe2\x80\x99s", 4) == 0 &&
		           (p[4] == ' ' || !p[4])) {
			p += 4;
			cut = true;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	return cut;
}

/*
 * The facts of line (or of the whole text with FL_EXTRACT_ALL), fact by
 * fact, to sink s: the entities, in candidate order (per line: those
 * mentioned on it, with the line's mentions as count), then the numbers.
 * Returns 0, FL_ENOMEM or what the sink returns.
 */
static int each_fact(const ex *x, size_t line, const fact_sink *s, void *ctx)
{
	const fl__doc *d = x->d;
	size_t shown = 0;
	uint32_t *on_line = NULL; /* (candidate, mentions) on line */
	size_t lines = 0;         /* pairs in on_line */
	const char **aliases = NULL;
	size_t alias_cap = 0;
	bool per_line = line != FL_EXTRACT_ALL;
	int error = 0;

	if (per_line && (error = mentions_on(x, line, &on_line, &lines)) < 0)
		return error;
	for (size_t j = 0; j < (per_line ? lines : x->n) && error == 0; j++) {
		size_t i = per_line ? on_line[2 * j] : j;
		const cand *c = &x->c[i];
		uint32_t count = per_line ? on_line[2 * j + 1] : c->count;
		char bare[sizeof(c->display)];
		fact_entity fe;
		size_t na = 0;
		if (c->gone || count == 0)
			continue;
		shown++;
		for (int32_t a = x->c[i].alias_first; a >= 0 && error == 0;
		     a = x->c[a].alias_next) {
			if (fl__grow((void **)&aliases, &alias_cap, na + 2,
			             sizeof(*aliases)) < 0)
				error = FL_ENOMEM;
			else
				aliases[na++] = x->c[a].display;
		}
		/* "Sainsbury's" is also written "Sainsbury" */
		if (error == 0 && c->name_s && without_s(bare, c->display)) {
			if (fl__grow((void **)&aliases, &alias_cap, na + 2,
			             sizeof(*aliases)) < 0)
				error = FL_ENOMEM;
			else
				aliases[na++] = bare;
		}
		if (error < 0)
			break;
		fe.name = c->display;
		fe.kind = kind_name(x, c);
		fe.aliases = aliases;
		fe.alias_count = na;
		fe.count = count;
		fe.line = (size_t)d->tokens[c->first_tok].line + 1;
		error = s->entity(ctx, &fe);
	}
	if (error == 0)
		error = s->entities_end(ctx, shown);
	if (error == 0)
		error = each_number(x, line, s, ctx);
	free(aliases);
	free(on_line);
	return error;
}

/* The facts file's sink: ctx is the fl_buf written to. */
static int yaml_entity(void *ctx, const fact_entity *e)
{
	fl_buf *b = ctx;
	int error = fl_buf_printf(b, "  # line %zu\n  - {name: ", e->line);
	if (error == 0)
		error = put_quoted(b, e->name);
	if (error == 0)
		error = fl_buf_printf(b, ", kind: %s", e->kind);
	for (size_t a = 0; a < e->alias_count && error == 0; a++) {
		error = fl_buf_puts(b, a ? ", " : ", aliases: [");
		if (error == 0)
			error = put_quoted(b, e->aliases[a]);
	}
	if (error == 0)
		error = fl_buf_printf(b, "%s, count: %u}\n",
		                      e->alias_count ? "]" : "", e->count);
	return error;
}

static int yaml_entities_end(void *ctx, size_t shown)
{
	int error = shown ? 0 : fl_buf_puts(ctx, "  []\n");
	return error < 0 ? error : fl_buf_puts(ctx, "numbers:\n");
}

static int yaml_number(void *ctx, const fact_number *n)
{
	fl_buf *b = ctx;
	int error;
	if ((error = fl_buf_printf(b, "  # line %zu\n  - {value: %s", n->line,
	                           n->value)) < 0)
		return error;
	if (n->unit[0] && ((error = fl_buf_puts(b, ", unit: ")) < 0 ||
	                   (error = put_quoted(b, n->unit)) < 0))
		return error;
	/* The loader refuses an empty 'about' (a context of NULs or nothing
	 * but the number): none is written then. */
	if (n->about[0] && ((error = fl_buf_puts(b, ", about: ")) < 0 ||
	                    (error = put_quoted(b, n->about)) < 0))
		return error;
	return fl_buf_puts(b, "}\n");
}

static int yaml_numbers_end(void *ctx, size_t shown)
{
	return shown ? 0 : fl_buf_puts(ctx, "  []\n");
}

static const fact_sink yaml_sink = {yaml_entity, yaml_entities_end, yaml_number,
                                    yaml_numbers_end};

static int write_yaml(const ex *x, fl_buf *b, size_t line)
{
	int error;

	if (line == FL_EXTRACT_ALL &&
	    ((error = fl_buf_puts(
	          b, "# Facts extracted by `fidelint extract` from ")) < 0 ||
	     (error = fl_buf_puts(b, x->in->path)) < 0 ||
	     (error = fl_buf_puts(
	          b, ".\n# Review before use: kinds are guesses, counts are "
	             "mentions in the text, numbers keep\n# a little context "
	             "in 'about'. Each comment gives the line a fact is "
	             "first seen on.\n")) < 0))
		return error;
	if ((error = fl_buf_puts(b, FACTS_HEAD)) < 0 ||
	    (error = put_quoted(b, x->in->lang)) < 0 ||
	    (error = fl_buf_puts(b, "\nentities:\n")) < 0)
		return error;
	return each_fact(x, line, &yaml_sink, b);
}

/* The in-memory sink: facts as the loader makes them of the file
 * write_yaml gives, counting that file's lines. */
typedef struct {
	fl__facts_maker *m;
	size_t next; /* the file's line that comes next */
} maker_sink;

static int make_entity(void *ctx, const fact_entity *e)
{
	maker_sink *ms = ctx;
	/* "  # line N" then the mapping */
	ms->next += 2;
	return fl__facts_maker_entity(ms->m, e->name, e->kind, e->aliases,
	                              e->alias_count, (long)e->count,
	                              ms->next - 1);
}

static int make_entities_end(void *ctx, size_t shown)
{
	maker_sink *ms = ctx;
	ms->next += (shown ? 0 : 1) + 1; /* "  []", "numbers:" */
	return 0;
}

static int make_number(void *ctx, const fact_number *n)
{
	maker_sink *ms = ctx;
	bool quoted = n->value[0] == '\'';
	char value[sizeof(((numkey *)0)->value)];
	size_t vn = strlen(n->value);
	if (quoted) {
		if (vn < 2 || n->value[vn - 1] != '\'')
			return FL__FACTS_REFUSED;
		memcpy(value, n->value + 1, vn - 2);
		value[vn - 2] = '\0';
	} else {
		memcpy(value, n->value, vn + 1);
	}
	ms->next += 2;
	return fl__facts_maker_number(
	    ms->m, value, quoted, n->unit[0] ? n->unit : NULL,
	    n->about[0] ? n->about : NULL, ms->next - 1);
}

static int make_numbers_end(void *ctx, size_t shown)
{
	(void)ctx;
	(void)shown;
	return 0;
}

static const fact_sink maker_sink_fns = {make_entity, make_entities_end,
                                         make_number, make_numbers_end};

void fl__extract_free(fl__extraction *x)
{
	if (!x)
		return;
	fl_map_dispose(&x->bare);
	fl_map_dispose(&x->lower);
	fl_map_dispose(&x->mid_first);
	fl_map_dispose(&x->mid_alone);
	fl_map_dispose(&x->mid_run);
	fl_map_dispose(&x->s_end);
	fl_map_dispose(&x->seen);
	free(x->c);
	free(x->claimed);
	free(x->headline);
	free(x->occ);
	free(x->q);
	free(x);
}

int fl__extract_run(fl__extraction **out, const fl__extract_in *in, char *err,
                    size_t errlen)
{
	ex *x = calloc(1, sizeof(*x));
	int error = 0;

	*out = NULL;
	if (!x)
		return fl__fail(err, errlen, FL_ENOMEM, "out of memory");
	x->in = in;
	x->d = in->doc;
	x->latin = fl__script_code("Latn");
	x->err = err;
	x->errlen = errlen;
	x->headline = calloc(x->d->line_count + 1, 1);
	x->claimed = calloc(x->d->token_count + 1, 1);
	if (!x->headline || !x->claimed) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	find_headlines(x);
	if ((error = mark_evidence(x)) < 0 || (error = discover(x)) < 0)
		goto cleanup;
	if ((error = count(x)) < 0 ||
	    (error = fl__numbers_find(&x->q, &x->nq, x->d, in->num, in->text,
	                              in->locale)) < 0)
		goto cleanup;
	*out = x;
	x = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(err, errlen, error, "out of memory");
	else if (error < 0 && !err[0])
		fl__fail(err, errlen, error, "extraction failed");
	fl__extract_free(x);
	return error;
}

int fl__extract_write(fl_buf *out, const fl__extraction *x, size_t line)
{
	return write_yaml(x, out, line);
}

int fl__extract_facts(fl_facts **out, const fl__extraction *x, size_t line,
                      const char *name)
{
	maker_sink ms;
	int error;

	*out = NULL;
	if (line == FL_EXTRACT_ALL)
		return FL_EINVAL;
	/* the head, then "entities:": the first entity's comment follows */
	ms.next = FACTS_HEAD_LINES + 2;
	if ((error = fl__facts_maker_new(&ms.m, name, x->in->lang)) != 0)
		return error;
	if ((error = each_fact(x, line, &maker_sink_fns, &ms)) != 0) {
		fl__facts_maker_free(ms.m);
		return error;
	}
	return fl__facts_maker_finish(out, ms.m);
}
