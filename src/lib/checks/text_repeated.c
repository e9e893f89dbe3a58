/*
 * text.repeated — the same word or phrase (up to three words) written
 * twice or more back to back, separated only by spaces ("Scale Scale
 * Scale", "Product Product"): a typical machine-translation stutter.
 * Words the language profile calls repeatable (German "die die", letter
 * names of Arabic abbreviations) may stand twice.
 */
#include "checks.h"
#include "registry.h"

#include <string.h>

#define FL_REPEAT_MAX_WORDS 3

static bool same_tok(const fl__doc *d, size_t a, size_t b)
{
	const fl__token *x = &d->tokens[a], *y = &d->tokens[b];
	return x->kind == FL_TOK_WORD && y->kind == FL_TOK_WORD &&
	       x->keylen > 0 && x->keylen == y->keylen &&
	       memcmp(fl__tok_key(d, x), fl__tok_key(d, y), x->keylen * 2) == 0;
}

/* True when tokens [a, b] stand with only spaces between them. */
static bool spaced(const fl__doc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (!fl__doc_gap_is_space(d, d->tokens[i].end,
		                          d->tokens[i + 1].start))
			return false;
	return true;
}

/* True when the n tokens at a equal the n tokens at b. */
static bool same_block(const fl__doc *d, size_t a, size_t b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!same_tok(d, a + k, b + k))
			return false;
	return true;
}

/* text.repeated: a word or phrase written twice or more back to back.
 * Returns 0 or a negative code (message in c->err). */
static int check_text_repeated(fl__check_ctx *c)
{
	const fl__doc *d = c->doc;
	size_t i = 0;

	while (i < d->token_count) {
		size_t adv = 1;
		for (size_t n = 1; n <= FL_REPEAT_MAX_WORDS; n++) {
			size_t reps = 1;
			fl_buf block = FL_BUF_INIT;
			int error;
			/* Single letters repeat legitimately in lists and
			 * initials. */
			if (n == 1 &&
			    (d->tokens[i].keylen < 2 ||
			     fl_map_get(&c->lang->repeatable,
			                fl__tok_key(d, &d->tokens[i]),
			                d->tokens[i].keylen * 2, NULL)))
				continue;
			/* Two blocks must fit before anything is looked at. */
			if (i + 2 * n > d->token_count)
				break;
			/* Each new block needs only its own gaps checked: the
			 * run before it is known to be spaced (linear time). */
			if (!spaced(d, i, i + n - 1))
				continue;
			while (
			    i + (reps + 1) * n <= d->token_count &&
			    same_block(d, i, i + reps * n, n) &&
			    spaced(d, i + reps * n - 1, i + (reps + 1) * n - 1))
				reps++;
			if (reps < 2)
				continue;
			if (fl__doc_span_utf8(&block, d, d->tokens[i].start,
			                      d->tokens[i + n - 1].end) < 0)
				return fl__fail(c->err, c->errlen, FL_ENOMEM,
				                "out of memory");
			error = fl__check_add(
			    c, "text.repeated", FL_SEVERITY_WARNING,
			    d->tokens[i].start, d->tokens[i + reps * n - 1].end,
			    NULL, block.ptr, "'%s' is repeated %zu times",
			    block.ptr, reps);
			fl_buf_dispose(&block);
			if (error < 0)
				return error;
			adv = reps * n;
			break;
		}
		i += adv;
	}
	return 0;
}

static const fl__check_rule rules[] = {
    FL__RULE("text.repeated", FL_SEVERITY_WARNING, FL__W, NULL,
             "The same word or phrase written twice or more back to "
             "back.",
             "\"Scale Scale Scale\", \"Product Product\": a stutter of the "
             "translation system. Words a language profile calls "
             "repeatable (German \"die die\") are left alone."),
};

const fl__check_desc fl__check_text_repeated = FL__CHECK_DESC(
    "text_repeated", rules, FL__NEEDS_PROFILE, check_text_repeated, NULL);
