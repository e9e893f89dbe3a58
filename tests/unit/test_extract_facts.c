/*
 * The facts of one line of an original made in memory
 * (fl__extract_facts, facts/facts.h's maker) are those the facts file
 * of that line (fl__extract_write) loads into, field for field: on every
 * line of the bundled NTREX English and the story (aliases, surnames,
 * numbers of every shape); and what the loader would refuse or might read
 * otherwise is refused, so that aligned checking loads the file instead.
 */
#define _POSIX_C_SOURCE 200809L

#include "checker.h"
#include "extract/extract.h"
#include "facts/facts.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Whether a and b hold the same facts, every field the checks read. */
static bool facts_equal(const fl_facts *a, const fl_facts *b)
{
	if (a->version != b->version || !same_str(a->path, b->path) ||
	    !same_str(a->story, b->story) ||
	    !same_str(a->source_lang, b->source_lang) ||
	    a->entity_count != b->entity_count ||
	    a->number_count != b->number_count ||
	    a->term_count != b->term_count || a->loaded != b->loaded)
		return false;
	for (size_t i = 0; i < a->entity_count; i++) {
		const fl__entity *x = &a->entities[i], *y = &b->entities[i];
		if (!same_str(x->name, y->name) || x->kind != y->kind ||
		    x->alias_count != y->alias_count ||
		    x->rendering_count != y->rendering_count ||
		    x->count != y->count || x->line != y->line ||
		    x->extracted != y->extracted)
			return false;
		for (size_t k = 0; k < x->alias_count; k++)
			if (!same_str(x->aliases[k], y->aliases[k]))
				return false;
	}
	for (size_t i = 0; i < a->number_count; i++) {
		const fl__number *x = &a->numbers[i], *y = &b->numbers[i];
		if (memcmp(&x->value, &y->value, sizeof(x->value)) != 0 ||
		    memcmp(&x->value2, &y->value2, sizeof(x->value2)) != 0 ||
		    x->shape != y->shape || x->year != y->year ||
		    x->month != y->month || x->day != y->day ||
		    !same_str(x->raw, y->raw) || !same_str(x->unit, y->unit) ||
		    !same_str(x->about, y->about) || x->line != y->line ||
		    x->extracted != y->extracted)
			return false;
	}
	return true;
}

typedef struct {
	size_t lines, entities, aliases, numbers, shapes[4];
} tally;

/* Compares both ways of making the facts on every line of text. */
static void compare_lines(fl_checker *chk, const char *text, size_t len,
                          tally *t)
{
	fl__original ex;
	fl_buf yaml = FL_BUF_INIT;
	size_t lines = 1;

	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	CHECK_EQ_INT(fl__original_read(&ex, chk, "original", text, len, "en"),
	             0);
	for (size_t line = 0; line < lines; line++) {
		fl_facts *mem = NULL, *file = NULL;
		char name[64];
		snprintf(name, sizeof(name), "segment %zu of the original",
		         line + 1);
		CHECK_EQ_INT(fl__extract_facts(&mem, ex.x, line, name), 0);
		fl_buf_clear(&yaml);
		CHECK_EQ_INT(fl__extract_write(&yaml, ex.x, line), 0);
		CHECK_EQ_INT(fl_facts_new(&file), 0);
		CHECK_EQ_INT(
		    fl_facts_load_buffer(file, name, yaml.ptr, yaml.len), 0);
		if (mem && file && !facts_equal(mem, file)) {
			fprintf(stderr, "line %zu differs:\n%s\n", line + 1,
			        yaml.ptr);
			CHECK(0);
		}
		if (mem) {
			t->lines++;
			t->entities += mem->entity_count;
			for (size_t e = 0; e < mem->entity_count; e++)
				t->aliases += mem->entities[e].alias_count;
			t->numbers += mem->number_count;
			for (size_t k = 0; k < mem->number_count; k++)
				t->shapes[mem->numbers[k].shape % 4]++;
		}
		fl_facts_free(mem);
		fl_facts_free(file);
	}
	fl__original_dispose(&ex);
	fl_buf_dispose(&yaml);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) &&
	    fread(s, 1, (size_t)n, f) == (size_t)n) {
		s[n] = '\0';
		*len = (size_t)n;
	} else {
		free(s);
		s = NULL;
	}
	fclose(f);
	return s;
}

static void test_same_as_yaml(void)
{
	/* the bundled NTREX English and the story, under the data folder
	 * (the source tree); FL_TEST_ORIGINAL: one more original, by hand */
	const char *names[] = {"tests/extract/ntrex-en-001-300.txt",
	                       "tests/extract/ntrex-en-301-600.txt",
	                       "tests/extract/story.en.txt"};
	const char *root = getenv("FIDELINT_DATA_DIR");
	char files[4][4096];
	/* Aliases ("(MSL)", "Sainsbury's"), surnames, times, dates, ranges,
	 * money, percents, ordinals, spelled-out counts, and a line with
	 * no facts. */
	const char *own =
	    "Meta Superintelligence Labs (MSL) hired Alexandr Wang; Wang "
	    "said MSL would grow.\n"
	    "Shoppers at Sainsbury's paid £125m, up 4.5% from 2018-06.\n"
	    "The 89th minute came at 15:00 on 30 May 2005, the score 2-1.\n"
	    "Prices rose 27-29 percent in five weeks for two former "
	    "employees.\n"
	    "\n"
	    "nothing here\n";
	fl_checker *chk = NULL;
	tally t = {0};

	CHECK_EQ_INT(fl_checker_new(&chk, NULL), 0);
	if (!chk)
		return;
	compare_lines(chk, own, strlen(own), &t);
	for (size_t i = 0; i < 4; i++) {
		size_t len = 0;
		char *text;
		if (i < 3)
			snprintf(files[i], sizeof(files[i]), "%s/%s",
			         root ? root : ".", names[i]);
		else
			snprintf(files[i], sizeof(files[i]), "%s",
			         getenv("FL_TEST_ORIGINAL")
			             ? getenv("FL_TEST_ORIGINAL")
			             : "");
		text = files[i][0] ? slurp(files[i], &len) : NULL;
		CHECK(text || i == 3);
		if (text)
			compare_lines(chk, text, len, &t);
		free(text);
	}
	printf("compared %zu lines: %zu entities, %zu aliases, %zu numbers "
	       "(plain %zu, range %zu, time %zu, date %zu)\n",
	       t.lines, t.entities, t.aliases, t.numbers, t.shapes[0],
	       t.shapes[1], t.shapes[2], t.shapes[3]);
	/* the comparison saw every kind of fact */
	CHECK(t.lines >= 600 && t.entities > 500 && t.aliases > 0);
	CHECK(t.shapes[0] > 0 && t.shapes[1] > 0 && t.shapes[2] > 0 &&
	      t.shapes[3] > 0);
	fl_checker_free(chk);
}

static void test_refused(void)
{
	static const char *const one[] = {"APPLE"};
	static const char ambiguous[] =
	    "version: 1\norigin: extracted\nsource_lang: \"en\"\n"
	    "entities:\n  - {name: \"Apple\", kind: org, count: 1}\n"
	    "  - {name: \"Apple Inc\", kind: org, aliases: [\"APPLE\"], "
	    "count: 1}\nnumbers:\n  []\n";
	fl__facts_maker *m = NULL;
	fl_facts *f = NULL, *file = NULL;

	/* the loader's "ambiguous name": refused, and the file is refused */
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(fl__facts_maker_entity(m, "Apple", "org", NULL, 0, 1, 8),
	             0);
	CHECK_EQ_INT(
	    fl__facts_maker_entity(m, "Apple Inc", "org", one, 1, 1, 10),
	    FL__FACTS_REFUSED);
	CHECK_EQ_INT(fl__facts_maker_number(m, "5", false, NULL, NULL, 12),
	             FL__FACTS_REFUSED); /* dead after a refusal */
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl_facts_new(&file), 0);
	CHECK(fl_facts_load_buffer(file, "seg", ambiguous, strlen(ambiguous)) <
	      0);
	CHECK_CONTAINS(fl_facts_error(file), "ambiguous alias 'APPLE'");
	fl_facts_free(file);

	/* a name given twice; a line separator YAML would fold; an unknown
	 * kind; no number; a quoted plain number; a bad language tag */
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(fl__facts_maker_entity(m, "Wang", "person", NULL, 0, 1, 8),
	             0);
	CHECK_EQ_INT(
	    fl__facts_maker_entity(m, "Wang", "person", NULL, 0, 1, 10),
	    FL__FACTS_REFUSED);
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(
	    fl__facts_maker_entity(m, "A\xe2\x80\xa8 B", "org", NULL, 0, 1, 8),
	    FL__FACTS_REFUSED);
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(fl__facts_maker_entity(m, "A", "thing", NULL, 0, 1, 8),
	             FL__FACTS_REFUSED);
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(fl__facts_maker_number(m, "inf", false, NULL, NULL, 8),
	             FL__FACTS_REFUSED);
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "en"), 0);
	CHECK_EQ_INT(fl__facts_maker_number(m, "5", true, NULL, NULL, 8),
	             FL__FACTS_REFUSED);
	fl__facts_maker_free(m);
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "not a tag!"),
	             FL__FACTS_REFUSED);
	CHECK(m == NULL);

	/* what the loader reads as a date stays a date ("1000-10") */
	CHECK_EQ_INT(fl__facts_maker_new(&m, "seg", "pt_br"), 0);
	CHECK_EQ_INT(
	    fl__facts_maker_number(m, "1000-10", false, "score", NULL, 8), 0);
	CHECK_EQ_INT(fl__facts_maker_finish(&f, m), 0);
	if (f) {
		CHECK_EQ_STR(f->source_lang, "pt-BR");
		CHECK_EQ_INT(f->number_count, 1);
		CHECK_EQ_INT(f->numbers[0].shape, FL_NUMSHAPE_DATE);
		CHECK_EQ_INT(f->numbers[0].year, 1000);
	}
	fl_facts_free(f);
}

TESTS(T(test_same_as_yaml), T(test_refused))
