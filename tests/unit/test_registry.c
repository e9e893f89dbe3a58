/*
 * The registry of checks (src/lib/checks/registry.c): every descriptor is
 * well formed, the mention passes run before the checks that read
 * mentions, every rule id is described once, and the built-in part of
 * fl_checker_rules is the registry's, severities merged per id. (That no
 * finding has a rule or severity outside it is checked on every case file
 * by tests/runner/case_runner.c.)
 */
#include "checks/registry.h"
#include "test.h"

#include <fidelint/fidelint.h>
#include <string.h>

#define ALL_SEVS                                                               \
	(FL__SEV(FL_SEVERITY_INFO) | FL__SEV(FL_SEVERITY_WARNING) |            \
	 FL__SEV(FL_SEVERITY_ERROR))

/* The entry that describes id (summary set), or NULL; *n: how many do. */
static const fl__check_rule *describing(const char *id, size_t *n)
{
	size_t count;
	const fl__check_desc *const *reg = fl__checks_registry(&count);
	const fl__check_rule *found = NULL;

	*n = 0;
	for (size_t d = 0; d < count; d++)
		for (size_t k = 0; k < reg[d]->rule_count; k++)
			if (strcmp(reg[d]->rules[k].id, id) == 0 &&
			    reg[d]->rules[k].summary) {
				found = &reg[d]->rules[k];
				++*n;
			}
	return found;
}

static void test_descriptors(void)
{
	size_t count;
	const fl__check_desc *const *reg = fl__checks_registry(&count);

	CHECK(count > 0);
	for (size_t d = 0; d < count; d++) {
		const fl__check_desc *c = reg[d];
		bool seg = (c->needs & FL__PER_SEGMENT) != 0;
		CHECK(c->name && *c->name);
		/* A document check runs on a document, a segment check on a
		 * segment; never both. */
		CHECK(seg ? (!c->run && c->run_segment)
		          : (c->run && !c->run_segment));
		CHECK(!seg || (c->needs & FL__NEEDS_SOURCE));
		/* A check with no rule of its own finds mentions or runs the
		 * packs' rules. */
		if (c->rule_count == 0)
			CHECK(c->needs &
			      (FL__FINDS_MENTIONS | FL__NEEDS_PACKS));
		for (size_t k = 0; k < c->rule_count; k++) {
			const fl__check_rule *r = &c->rules[k];
			size_t n;
			CHECK(r->id && strchr(r->id, '.'));
			CHECK(r->severities && !(r->severities & ~ALL_SEVS));
			CHECK(r->severities & FL__SEV(r->shown));
			CHECK(!r->summary == !r->rationale);
			/* Described exactly once, wherever it is reported. */
			CHECK(describing(r->id, &n) != NULL);
			CHECK_EQ_INT(n, 1);
		}
	}
}

/* Checks that read mentions run after every mention pass; so do all
 * document checks but the passes themselves (they claim tokens). */
static void test_order(void)
{
	size_t count, last_pass = 0, first_reader = (size_t)-1;
	const fl__check_desc *const *reg = fl__checks_registry(&count);

	for (size_t d = 0; d < count; d++) {
		if (reg[d]->needs & FL__FINDS_MENTIONS)
			last_pass = d;
		if ((reg[d]->needs & FL__NEEDS_MENTIONS) && first_reader > d)
			first_reader = d;
	}
	CHECK(first_reader != (size_t)-1);
	CHECK(last_pass < first_reader);
	/* The first mention pass allocates what the others fill. */
	CHECK_EQ_STR(reg[0]->name, "mentions");
}

static void test_words(void)
{
	CHECK_EQ_STR(fl__severity_set_words(FL__SEV(FL_SEVERITY_ERROR)),
	             "error");
	CHECK_EQ_STR(fl__severity_set_words(FL__SEV(FL_SEVERITY_INFO) |
	                                    FL__SEV(FL_SEVERITY_WARNING)),
	             "warning / info");
	CHECK_EQ_STR(fl__severity_set_words(ALL_SEVS),
	             "error / warning / info");
}

/* fl_checker_rules: the registry's rules first, once per id, with the
 * describing entry's text and the severities of every check reporting
 * the id; then pack rules, each with its one severity. */
static void test_rule_list(void)
{
	fl_checker *chk = NULL;
	fl_rule_list *all = NULL;
	const fl_rule_info *r;
	size_t nb = 0;

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	CHECK_EQ_INT(fl_checker_rules(&all, chk, NULL), 0);
	for (size_t i = 0; i < fl_rule_list_count(all); i++) {
		const fl_rule_info *it = fl_rule_list_get(all, i);
		size_t n;
		const fl__check_rule *d;
		if (it->origin != FL_RULE_BUILTIN) {
			CHECK_EQ_INT(it->severity_set, FL__SEV(it->severity));
			continue;
		}
		CHECK_EQ_INT(nb, i); /* built-in rules come first */
		nb++;
		d = describing(it->id, &n);
		CHECK(d != NULL);
		if (!d)
			continue;
		CHECK(it->message == d->summary);
		CHECK(it->rationale == d->rationale);
		CHECK_EQ_INT(it->severity, d->shown);
		CHECK(it->severity_set & FL__SEV(it->severity));
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(fl_rule_list_get(all, j)->id, it->id) !=
			      0);
	}
	/* name.garbled: errors and warnings of name_garbled.c, warnings and
	 * infos across scripts (mentions_xlit.c). */
	r = fl_rule_list_find(all, "name.garbled");
	CHECK(r && r->severity_set == ALL_SEVS &&
	      r->severity == FL_SEVERITY_ERROR);
	if (r)
		CHECK_EQ_STR(r->severities, "error / warning / info");
	r = fl_rule_list_find(all, "number.missing");
	if (r)
		CHECK_EQ_STR(r->severities, "warning / info");
	r = fl_rule_list_find(all, "spell.unknown");
	if (r)
		CHECK_EQ_STR(r->severities, "per language / info");
	r = fl_rule_list_find(all, "placeholder.extra");
	CHECK(r && r->origin == FL_RULE_BUILTIN &&
	      r->severity == FL_SEVERITY_ERROR);
	fl_rule_list_free(all);
	fl_checker_free(chk);
}

TESTS(T(test_descriptors), T(test_order), T(test_words), T(test_rule_list))
