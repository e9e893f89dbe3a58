#define _POSIX_C_SOURCE 200809L

#include "extract.h"

#include "../lang/tag.h"
#include "../num/units.h"
#include "../util/map.h"
#include "../util/yaml.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FL_EXTRACT_DATA_MAX ((size_t)1 << 20)
#define FL_EXTRACT_MAX_RUN  8    /* words of one name */
#define FL_HEADLINE_SHARE   0.70 /* capitalised words of a headline */
#define FL_CONTEXT_BEFORE   48   /* code units of context kept */
#define FL_CONTEXT_AFTER    24
#define WORD_UTF8_MAX       (FL_TOKEN_MAX * 3 + 1)

struct fl__extract_data {
	fl_map titles, connectors, org_words, place_words, stop,
	    function_words;          /* match keys -> 1 */
	fl__keylist demonym_endings; /* longest first */
};

void fl__extract_data_free(fl__extract_data *x)
{
	if (!x)
		return;
	fl_map_dispose(&x->titles);
	fl_map_dispose(&x->connectors);
	fl_map_dispose(&x->org_words);
	fl_map_dispose(&x->place_words);
	fl_map_dispose(&x->function_words);
	fl__keylist_dispose(&x->demonym_endings);
	fl_map_dispose(&x->stop);
	free(x);
}

static int word_set(fl_map *m, const fl_yaml_node *n, const char *key,
                    const char *path, char *err, size_t errlen)
{
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

int fl__extract_data_load(fl__extract_data **out, const char *data_dir,
                          const char *tag, char *err, size_t errlen)
{
	static const char *const keys[] = {
	    "lang",           "titles",          "connectors",
	    "org_words",      "place_words",     "stop",
	    "function_words", "demonym_endings", NULL};
	fl_buf path = FL_BUF_INIT;
	fl__extract_data *x = NULL;
	fl_yaml_doc *doc = NULL;
	const fl_yaml_node *root, *v;
	char *data = NULL, yerr[FL_ERRMSG_SIZE];
	size_t len;
	int error = 0;

	*out = NULL;
	if (!(x = calloc(1, sizeof(*x))))
		return FL_ENOMEM;
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
	    (error = word_set(&x->titles, fl_yaml_map_get(root, "titles"),
	                      "titles", path.ptr, err, errlen)) < 0 ||
	    (error =
	         word_set(&x->connectors, fl_yaml_map_get(root, "connectors"),
	                  "connectors", path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->org_words, fl_yaml_map_get(root, "org_words"),
	                      "org_words", path.ptr, err, errlen)) < 0 ||
	    (error =
	         word_set(&x->place_words, fl_yaml_map_get(root, "place_words"),
	                  "place_words", path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->stop, fl_yaml_map_get(root, "stop"), "stop",
	                      path.ptr, err, errlen)) < 0 ||
	    (error = word_set(&x->function_words,
	                      fl_yaml_map_get(root, "function_words"),
	                      "function_words", path.ptr, err, errlen)) < 0)
		goto cleanup;
	if ((v = fl_yaml_map_get(root, "demonym_endings"))) {
		char **e = NULL;
		size_t ec = 0;
		if ((error = fl_yaml_strings(&e, &ec, v, "demonym_endings",
		                             path.ptr, err, errlen)) < 0)
			goto cleanup;
		error = fl__keylist_build(&x->demonym_endings, e, ec);
		fl_yaml_strv_free(e, ec);
		if (error < 0)
			goto cleanup;
	}
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
	bool person, title, org, place, gone;
	int32_t alias_of; /* candidate this one is an alias of, or -1 */
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
	fl_map midcap;     /* keys capitalised inside a sentence */
	fl_map seen;       /* candidate key -> index + 1 */
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

/* A capitalised word of the text's script (a stop word may continue a
 * name, "Theresa May", but not open one). */
static bool capital_word(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	return t->kind == FL_TOK_WORD && t->script == x->latin &&
	       !(t->flags & FL_TOKF_MASKED) && t->keylen > 0 &&
	       (t->flags & (FL_TOKF_TITLE | FL_TOKF_UPPER | FL_TOKF_MIXED));
}

static bool capitalised(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	return capital_word(x, i) &&
	       !in_set(&x->in->data->stop, fl__tok_key(x->d, t),
	               bare_len(x->d, t));
}

/* "AMs", "MPs", "CEOs": an acronym in the plural is a common noun. */
static bool plural_acronym(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *s = x->d->text + t->start;
	size_t n = t->end - t->start;
	return n >= 3 && s[n - 1] == 's' && s[n - 2] >= 'A' && s[n - 2] <= 'Z';
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

/* A demonym: a capitalised word the dictionary knows, ending like one
 * ("-ian", "-ish", "-ese"...: rules/extract demonym_endings). */
static int demonym(const ex *x, size_t i)
{
	const fl__token *t = &x->d->tokens[i];
	const uint16_t *k = fl__tok_key(x->d, t);
	size_t n = bare_len(x->d, t);
	bool ends = false;
	for (size_t e = 0; e < x->in->data->demonym_endings.count && !ends;
	     e++) {
		size_t en = x->in->data->demonym_endings.lens[e];
		ends = en < n &&
		       memcmp(k + n - en, x->in->data->demonym_endings.keys[e],
		              en * 2) == 0;
	}
	if (!ends || !(t->flags & FL_TOKF_TITLE))
		return 0;
	return known_as_written(x, i);
}

/* Titles-case headline lines: most words capitalised, at least three. */
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
		    capitalised(x, i) || (d->tokens[i].flags & FL_TOKF_TITLE);
	}
}

/* Is the text between tokens a and a+1 one that may stand inside a name:
 * spaces, or ". " after an abbreviation ("U.S. Army")? */
static int known_lower(const ex *x, size_t i);

static bool name_gap(const ex *x, size_t a)
{
	const fl__doc *d = x->d;
	const fl__token *t = &d->tokens[a], *u = &d->tokens[a + 1];
	uint32_t g = t->end, n = u->start - t->end;
	if (t->line != u->line)
		return false;
	if (possessive(d, t))
		return false;
	if (fl__doc_gap_is_space(d, t->end, u->start))
		return true;
	/* "Mills-Hicks", "KSWB-TV", "Marks & Spencer", "M&S" */
	if ((n == 1 && (d->text[g] == '-' || d->text[g] == '&')) ||
	    (n == 3 && d->text[g] == ' ' && d->text[g + 1] == '&' &&
	     d->text[g + 2] == ' '))
		return true;
	/* "U.S. Army", "Dionisio A. Lind": an abbreviation of initials;
	 * not "the U.S. As Rosa ...", where a sentence starts with an
	 * ordinary word */
	if (n == 2 && d->text[g] == '.' && d->text[g + 1] == ' ' &&
	    (t->end - t->start == 1 ||
	     (t->end - t->start >= 3 && d->text[t->start + 1] == '.')))
		return in_set(&x->in->data->org_words, fl__tok_key(d, u),
		              bare_len(d, u)) ||
		       known_lower(x, a + 1) == 0;
	return false;
}

/* A word the dictionary knows only capitalised ("Theresa", "Mark" is
 * also "mark"): 1 yes, 0 no, negative on failure. */
static int given_name(const ex *x, size_t i)
{
	int r = known_as_written(x, i);
	if (r <= 0)
		return r;
	r = known_lower(x, i);
	return r < 0 ? r : !r;
}

/* The end of the name run starting at token i. */
static size_t run_end(const ex *x, size_t i)
{
	const fl__doc *d = x->d;
	size_t last = i;
	while (last + 1 < d->token_count && last - i + 1 < FL_EXTRACT_MAX_RUN) {
		size_t nx = last + 1;
		if (!name_gap(x, last))
			break;
		/* an acronym may continue a name even if it is a stop
		 * word alone ("Scale AI") */
		if ((capitalised(x, nx) ||
		     (capital_word(x, nx) &&
		      (d->tokens[nx].flags & FL_TOKF_UPPER))) &&
		    !plural_acronym(x, nx)) {
			last = nx;
			continue;
		}
		/* "Theresa May": a stop word after a given name */
		if (capital_word(x, nx) && last == i &&
		    (d->tokens[i].flags & FL_TOKF_TITLE) &&
		    given_name(x, i) > 0) {
			last = nx;
			continue;
		}
		/* "Bank of England": a connector between two capitalised
		 * words */
		if (nx + 1 < d->token_count &&
		    (d->tokens[nx].flags & FL_TOKF_LOWER) &&
		    in_set(&x->in->data->connectors,
		           fl__tok_key(d, &d->tokens[nx]),
		           d->tokens[nx].keylen) &&
		    name_gap(x, nx) && capitalised(x, nx + 1)) {
			last = nx + 1;
			continue;
		}
		break;
	}
	/* "Llama 4", "Windows 11": a short number right after a one-word
	 * name */
	if (last == i && last + 1 < d->token_count && name_gap(x, last) &&
	    d->tokens[last + 1].kind == FL_TOK_NUMBER &&
	    d->tokens[last + 1].end - d->tokens[last + 1].start <= 2 &&
	    !possessive(d, &d->tokens[last]))
		last++;
	return last;
}

/* The key of tokens [a, b] joined by spaces, possessive dropped. */
static size_t run_key(const ex *x, size_t a, size_t b, uint16_t *k, size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i <= b; i++) {
		const fl__token *t = &x->d->tokens[i];
		size_t len = i == b ? bare_len(x->d, t) : t->keylen;
		if (n + len + 1 > cap || len == 0)
			return 0;
		if (i > a)
			k[n++] = ' ';
		memcpy(k + n, fl__tok_key(x->d, t), len * sizeof(*k));
		n += len;
	}
	return n;
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
	c->alias_of = -1;
	end = d->tokens[b].end;
	if (possessive(d, &d->tokens[b]))
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
		c->org |= in_set(&x->in->data->org_words, fl__tok_key(d, t),
		                 bare_len(d, t)) ||
		          (t->flags & (FL_TOKF_UPPER | FL_TOKF_MIXED));
		c->place |= in_set(&x->in->data->place_words, fl__tok_key(d, t),
		                   bare_len(d, t));
	}
	return 0;
}

/* Words capitalised inside sentences, for telling a name that opens a
 * sentence from an ordinary word there. */
static int mark_midcap(ex *x)
{
	const fl__doc *d = x->d;
	for (size_t i = 0; i < d->token_count; i++) {
		const fl__token *t = &d->tokens[i];
		if (capitalised(x, i) && !(t->flags & FL_TOKF_SENT) &&
		    !x->headline[t->line] &&
		    fl_map_put(&x->midcap, fl__tok_key(d, t),
		               bare_len(d, t) * 2, 1) < 0)
			return FL_ENOMEM;
	}
	return 0;
}

static int discover(ex *x)
{
	const fl__doc *d = x->d;
	int error = 0;

	for (size_t i = 0; i < d->token_count && error >= 0; i++) {
		const fl__token *t = &d->tokens[i];
		size_t a = i, b;
		bool title = false;
		int r;

		/* @handles */
		if ((t->flags & FL_TOKF_MASKED) && t->start > 0 &&
		    d->text[t->start - 1] == '@') {
			error = add_cand(x, i, i, false);
			continue;
		}
		if (!capitalised(x, i) || x->headline[t->line])
			continue;
		b = run_end(x, i);
		i = b;
		/* "Meta CEO Mark Zuckerberg": a title inside a run ends one
		 * name and opens a person's */
		for (size_t k = a + 1; k < b; k++) {
			const fl__token *u = &d->tokens[k];
			if (!in_set(&x->in->data->titles, fl__tok_key(d, u),
			            u->keylen))
				continue;
			if ((error = add_cand(x, a, k - 1, false)) < 0)
				return error;
			a = k;
			break;
		}
		/* "CEO Mark Zuckerberg", "Arizona Sen.": titles are not the
		 * name */
		while (a < b && in_set(&x->in->data->titles,
		                       fl__tok_key(d, &d->tokens[a]),
		                       d->tokens[a].keylen)) {
			a++;
			title = true;
		}
		while (b > a && in_set(&x->in->data->titles,
		                       fl__tok_key(d, &d->tokens[b]),
		                       bare_len(d, &d->tokens[b])))
			b--;
		/* A word opening a sentence: "Further Meta ...", but not "New
		 * York" */
		if ((d->tokens[a].flags & FL_TOKF_SENT) &&
		    !in_set(&x->midcap, fl__tok_key(d, &d->tokens[a]),
		            bare_len(d, &d->tokens[a])) &&
		    !(a < b && in_set(&x->in->data->place_words,
		                      fl__tok_key(d, &d->tokens[a]),
		                      d->tokens[a].keylen))) {
			if ((r = known_lower(x, a)) < 0)
				return r;
			if (r) {
				if (a == b)
					continue;
				a++;
				while (a < b && !capitalised(x, a))
					a++; /* a connector left first */
			}
		}
		/* "British", "North Korean", "Macedonians": a people's name
		 * describes, it names nothing */
		if ((r = demonym(x, b)) < 0)
			return r;
		if (r)
			continue;
		if (a == b) {
			/* Titles alone and acronyms in the plural (AMs, MPs)
			 * are common nouns. */
			const fl__token *u = &d->tokens[a];
			if (in_set(&x->in->data->titles, fl__tok_key(d, u),
			           bare_len(d, u)) ||
			    plural_acronym(x, a))
				continue;
		}
		error = add_cand(x, a, b, title);
	}
	return error;
}

/* Is candidate c a person's name? */
static int classify(ex *x, cand *c)
{
	const fl__doc *d = x->d;
	uint16_t last[FL_TOKEN_MAX];
	size_t ln = 0, lw = c->keylen;
	int r;

	if (c->ntok < 2 || c->ntok > 3 || c->org || c->place)
		return 0;
	for (size_t i = c->first_tok; i < c->first_tok + c->ntok; i++)
		if (!(d->tokens[i].flags & FL_TOKF_TITLE))
			return 0;
	if (c->title) {
		c->person = true;
		return 0;
	}
	/* A given name the dictionary knows only capitalised ("Mark",
	 * "Jason") */
	if ((r = known_as_written(x, c->first_tok)) < 0)
		return r;
	if (r) {
		int low = known_lower(x, c->first_tok);
		if (low < 0)
			return low;
		if (!low) {
			c->person = true;
			return 0;
		}
	}
	/* Or the last word used alone. */
	while (lw > 0 && c->key[lw - 1] != ' ')
		lw--;
	ln = c->keylen - lw;
	memcpy(last, c->key + lw, ln * 2);
	c->person = in_set(&x->seen, last, ln);
	return 0;
}

/* Whether candidate c stands at token i; *last gets its last token. */
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
	*last = b;
	return true;
}

static int occ_cmp(const void *a, const void *b)
{
	const occurrence *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Counts every candidate's mentions, longest names first; a person's
 * surname alone counts for the person. */
static int count(ex *x)
{
	const fl__doc *d = x->d;
	size_t *order = malloc((x->n ? x->n : 1) * sizeof(*order));
	if (!order)
		return FL_ENOMEM;
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
		for (size_t i = 0; i < d->token_count; i++) {
			size_t last;
			bool free_run = true;
			if (!cand_at(x, c, i, &last))
				continue;
			for (size_t j = i; j <= last; j++)
				free_run &= !x->claimed[j];
			if (!free_run)
				continue;
			c->count++;
			if (fl__grow((void **)&x->occ, &x->occcap, x->nocc + 1,
			             sizeof(*x->occ)) < 0) {
				free(order);
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
			i = last;
		}
	}
	/* Surnames alone, then the rest of single words. */
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
		/* the surname's own count becomes the person's */
		c->count += x->c[v - 1].count;
		x->c[v - 1].gone = true;
		for (size_t k = 0; k < x->nocc; k++)
			if (x->occ[k].cand == v - 1)
				x->occ[k].cand = (uint32_t)order[o];
	}
	for (size_t i = 0; i < x->n; i++) {
		cand *c = &x->c[i];
		if (c->alias_of >= 0 && !c->gone) {
			x->c[c->alias_of].count += c->count;
			c->gone = true;
			for (size_t k = 0; k < x->nocc; k++)
				if (x->occ[k].cand == i)
					x->occ[k].cand = (uint32_t)c->alias_of;
		}
	}
	/* By line, for writing the facts of one line (aligned checking) */
	if (x->nocc > 1)
		qsort(x->occ, x->nocc, sizeof(*x->occ), occ_cmp);
	free(order);
	return 0;
}

/* ----------------------------------------------------------------- YAML */

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

static const char *kind_name(const cand *c, const fl__doc *d)
{
	if (c->person)
		return "person";
	if (c->place)
		return "place";
	if (c->org || (c->ntok == 1 && (d->tokens[c->first_tok].flags &
	                                (FL_TOKF_UPPER | FL_TOKF_MIXED))))
		return "org";
	return "other";
}

/* A short piece of line text around [s, e), for a number's `about`. */
static void context(const fl__doc *d, size_t s, size_t e, char *out, size_t cap)
{
	size_t line, col, a, b;
	fl__doc_position(d, s, &line, &col);
	a = s > FL_CONTEXT_BEFORE ? s - FL_CONTEXT_BEFORE : 0;
	if (a < d->lines[line - 1])
		a = d->lines[line - 1];
	while (a < s && d->text[a] != ' ')
		a++; /* start at a word */
	while (a < s && d->text[a] == ' ')
		a++;
	b = e + FL_CONTEXT_AFTER < d->len ? e + FL_CONTEXT_AFTER : d->len;
	for (size_t k = e; k < b; k++)
		if (d->text[k] == '\n') {
			b = k;
			break;
		}
	while (b > e && d->text[b - 1] != ' ' && b < d->len &&
	       d->text[b] != '\n' && d->text[b] != ' ')
		b--;
	while (b > e && d->text[b - 1] == ' ')
		b--;
	fl__u16_to_utf8_buf(out, cap, d->text + a, b - a);
}

static size_t line_of(const fl__doc *d, size_t off)
{
	size_t line, col;
	fl__doc_position(d, off, &line, &col);
	return line;
}

/* The noun counted after a plain count: "200 employees", "two former
 * employees" (a plural within two words), "two people with". */
static void counted_noun(const ex *x, const fl__quantity *q, char *out,
                         size_t cap)
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
	if (pick != SIZE_MAX)
		fl__u16_to_utf8_buf(out, cap, fl__tok_key(d, &d->tokens[pick]),
		                    d->tokens[pick].keylen);
}

typedef struct {
	char value[64], unit[64];
} numkey;

/* The facts-file value and unit of quantity r; false for none. */
static bool number_key(const ex *x, const fl__quantity *r, numkey *k)
{
	memset(k, 0, sizeof(*k));
	if (r->vague || (r->spelled && r->value == 1))
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
	default:
		snprintf(k->value, sizeof(k->value), "%.15g", r->value);
	}
	if (r->kind == FL_QTY_MONEY || r->kind == FL_QTY_MEASURE)
		snprintf(k->unit, sizeof(k->unit), "%s", r->unit);
	else if (r->kind == FL_QTY_PERCENT)
		snprintf(k->unit, sizeof(k->unit), "percent");
	else if (r->kind == FL_QTY_COUNT)
		counted_noun(x, r, k->unit, sizeof(k->unit));
	return true;
}

/* The first quantity starting at or after offset p. */
static size_t quantity_from(const ex *x, size_t p)
{
	size_t lo = 0, hi = x->nq;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->q[mid].start < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The numbers of line (or all with FL_EXTRACT_ALL), each once. */
static int write_numbers(const ex *x, fl_buf *b, size_t line)
{
	/* Value and unit of each number written, "value\0unit": a number
	 * seen again is not written twice (a map, not a scan of the earlier
	 * ones, which was quadratic in the numbers of a text). */
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
		size_t at =
		    line == FL_EXTRACT_ALL ? line_of(x->d, r->start) : line + 1;
		char about[256], key[sizeof(numkey)];
		size_t vn, un;
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
		context(x->d, r->start, r->end, about, sizeof(about));
		if ((error = fl_buf_printf(b, "  # line %zu\n  - {value: %s",
		                           at, k.value)) < 0)
			break;
		if (k.unit[0] && ((error = fl_buf_puts(b, ", unit: ")) < 0 ||
		                  (error = put_quoted(b, k.unit)) < 0))
			break;
		/* The loader refuses an empty 'about' (a context of NULs or
		 * nothing but the number): none is written then. */
		if (about[0] && ((error = fl_buf_puts(b, ", about: ")) < 0 ||
		                 (error = put_quoted(b, about)) < 0))
			break;
		if ((error = fl_buf_puts(b, "}\n")) < 0)
			break;
	}
	if (error == 0 && seen.count == 0)
		error = fl_buf_puts(b, "  []\n");
	fl_map_dispose(&seen);
	return error;
}

/* The mentions of each candidate on line, into on_line[x->n]. */
static void mentions_on(const ex *x, size_t line, uint32_t *on_line)
{
	size_t lo = 0, hi = x->nocc;
	while (lo < hi) { /* the first occurrence on or after line */
		size_t mid = lo + (hi - lo) / 2;
		if (x->occ[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < x->nocc && x->occ[lo].line == line; lo++)
		on_line[x->occ[lo].cand]++;
}

static int write_yaml(const ex *x, fl_buf *b, size_t line)
{
	const fl__doc *d = x->d;
	size_t shown = 0;
	uint32_t *on_line = NULL; /* mentions per candidate on line */
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
	if ((error = fl_buf_puts(b, "version: 1\n# 'extracted': kinds are "
	                            "guessed and no name is known to need "
	                            "keeping untranslated;\n# write 'edited' "
	                            "once reviewed.\norigin: extracted\n"
	                            "source_lang: ")) < 0 ||
	    (error = put_quoted(b, x->in->lang)) < 0 ||
	    (error = fl_buf_puts(b, "\nentities:\n")) < 0)
		return error;
	if (line != FL_EXTRACT_ALL) {
		if (!(on_line = calloc(x->n + 1, sizeof(*on_line))))
			return FL_ENOMEM;
		mentions_on(x, line, on_line);
	}
	for (size_t i = 0; i < x->n && error == 0; i++) {
		const cand *c = &x->c[i];
		uint32_t count = on_line ? on_line[i] : c->count;
		bool aliases = false;
		if (c->gone || count == 0)
			continue;
		shown++;
		error = fl_buf_printf(b, "  # line %zu\n  - {name: ",
		                      (size_t)d->tokens[c->first_tok].line + 1);
		if (error == 0)
			error = put_quoted(b, c->display);
		if (error == 0)
			error = fl_buf_printf(b, ", kind: %s", kind_name(c, d));
		for (size_t a = 0, any = 0; a < x->n && error == 0; a++) {
			if (x->c[a].alias_of != (int32_t)i)
				continue;
			error = fl_buf_puts(b, any++ ? ", " : ", aliases: [");
			if (error == 0)
				error = put_quoted(b, x->c[a].display);
			aliases = true;
		}
		if (error == 0)
			error = fl_buf_printf(b, "%s, count: %u}\n",
			                      aliases ? "]" : "", count);
	}
	if (error == 0 && shown == 0)
		error = fl_buf_puts(b, "  []\n");
	if (error == 0)
		error = fl_buf_puts(b, "numbers:\n");
	if (error == 0)
		error = write_numbers(x, b, line);
	free(on_line);
	return error;
}

void fl__extract_free(fl__extraction *x)
{
	if (!x)
		return;
	fl_map_dispose(&x->midcap);
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
	if ((error = mark_midcap(x)) < 0 || (error = discover(x)) < 0)
		goto cleanup;
	for (size_t i = 0; i < x->n && error == 0; i++)
		error = classify(x, &x->c[i]);
	if (error < 0 || (error = count(x)) < 0 ||
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
